/**
 * `govreport import FILE [-o OUT] [--force]`: a published report → a report file;
 * `govreport import FILE|FOLDER... -o DIR`: each published report in turn, one report file
 * per input in DIR, with a line per input saying what became of it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LIMITS, type ImportResult, type Locale } from '../core';
import { loadImporter } from '../shared/bundles';
import { pdfReaderIn } from '../shared/pdf/load';
import { readBytes, shown } from '../shared/readFile';
import { UsageError, sameFile, writeAtomic } from './files';
import type { Command, Io } from './main';

/** The build's output folder, where the PDF reader's bundle lies (this file is bundled into it). */
const OUT = fs.existsSync(path.join(__dirname, 'pdf.js')) ? __dirname : path.resolve(__dirname, '..', '..', 'out');
const readPdf = pdfReaderIn(OUT);

/** The forms import reads, by extension: what a folder is searched for. */
const PUBLISHED = /\.(?:pdf|html?|shtml|xhtml|txt|md|markdown|docx)$/i;
const MAX_FOLDER_FILES = 10_000;
const MAX_FOLDER_DEPTH = 8;

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The published reports in a folder and its subfolders (not following links), in name order. */
function folderFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (out.length >= MAX_FOLDER_FILES || e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory() && depth < MAX_FOLDER_DEPTH) walk(p, depth + 1);
      else if (e.isFile() && PUBLISHED.test(e.name)) out.push(p);
    }
  };
  walk(dir, 0);
  return out;
}

/** The report file name for an input: 吕梁-2024.pdf → 吕梁-2024.report.yaml. */
export function reportName(input: string): string {
  const base = path
    .basename(input)
    .replace(/\.[^.]*$/, '')
    .replace(/\.report$/, '');
  return `${base || 'imported'}.report.yaml`;
}

const say = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);

function printNotices(io: Io, locale: Locale, result: ImportResult, prefix: string): void {
  if (!result.ok) return;
  const warning = say(locale, '警告', 'warning');
  for (const n of result.notices) io.stderr(`govreport import: ${prefix}${warning}: ${n[locale]}\n`);
}

export const importCommand: Command = {
  summary: 'turn published reports (PDF, web page, Word .docx, text, Markdown) into report files',
  usage: 'govreport import [-o OUT.report.yaml | -o DIR] [--force] [--locale zh-CN|en] FILE|FOLDER...',
  valued: ['-o', '--output'],
  booleans: ['--force'],
  async run(args, io, locale) {
    if (!args.files.length) throw new UsageError('no file given');
    const out = args.flags.get('-o') ?? args.flags.get('--output');
    if (out === true) throw new UsageError('-o needs a file or folder name');
    const force = args.flags.has('--force');
    const toFolder =
      args.files.length > 1 ||
      args.files.some((f) => f !== '-' && isDirectory(f)) ||
      (out !== undefined && (/[\\/]$/.test(out) || isDirectory(out)));
    if (!toFolder) return importOne(args.files[0], out, force, io, locale);
    if (!out) throw new UsageError('give a folder for the report files: -o DIR');
    if (args.files.includes('-')) throw new UsageError('- (standard input) is one file: import it alone');
    return importMany(args.files, out, force, io, locale);
  },
};

async function importOne(
  file: string,
  out: string | undefined,
  force: boolean,
  io: Io,
  locale: Locale,
): Promise<number> {
  if (out && file !== '-' && sameFile(out, file))
    throw new UsageError(`${shown(out)}: would replace the file being imported`);
  const read = readBytes(file, LIMITS.importBytes);
  if (!read.ok) {
    io.stderr(`govreport: ${read.error}\n`);
    return 2;
  }
  const result = await loadImporter(OUT)(read.bytes, { name: file === '-' ? undefined : file, readPdf });
  if (!result.ok) {
    io.stderr(`govreport import: ${shown(file)}: ${result.message[locale]}\n`);
    return 2;
  }
  printNotices(io, locale, result, '');
  if (!out) {
    io.stdout(result.yaml);
    return 0;
  }
  try {
    writeAtomic(out, result.yaml, { overwrite: force });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    io.stderr(`govreport: ${out}: cannot write: ${(e as Error).message}\n`);
    return 2;
  }
  const warning = say(locale, '警告', 'warning');
  if (!/\.report\.ya?ml$/i.test(out))
    io.stderr(
      `govreport import: ${warning}: ${say(
        locale,
        `${out} 的文件名不以 .report.yaml 结尾，编辑器不会把它当作报告打开`,
        `${out} does not end in .report.yaml; editors will not open it as a report`,
      )}\n`,
    );
  io.stderr(
    say(
      locale,
      `已写入 ${out}；可用 govreport check ${out} 检查\n`,
      `wrote ${out}; check it with: govreport check ${out}\n`,
    ),
  );
  return 0;
}

async function importMany(inputs: string[], dir: string, force: boolean, io: Io, locale: Locale): Promise<number> {
  const files = inputs.flatMap((f) => (isDirectory(f) ? folderFiles(f) : [f]));
  if (!files.length) {
    io.stderr(say(locale, `govreport import: 没有找到可导入的文件\n`, `govreport import: no files to import\n`));
    return 2;
  }
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    io.stderr(`govreport: ${dir}: cannot create: ${(e as Error).message}\n`);
    return 2;
  }
  const taken = new Set<string>();
  let imported = 0;
  let failed = 0;
  for (const file of files) {
    const read = readBytes(file, LIMITS.importBytes);
    if (!read.ok) {
      failed++;
      io.stdout(
        `${shown(file)}: ${say(locale, '无法读取', 'cannot read')} (${read.error.slice(shown(file).length + 2)})\n`,
      );
      continue;
    }
    const result = await loadImporter(OUT)(read.bytes, { name: file, readPdf });
    if (!result.ok) {
      failed++;
      io.stdout(`${shown(file)}: ${say(locale, '未导入', 'not imported')}: ${result.message[locale]}\n`);
      continue;
    }
    // One name per input, also when two inputs share a base name (a.pdf and a.html).
    let name = reportName(file);
    for (let n = 2; taken.has(name); n++) name = reportName(file).replace(/\.report\.yaml$/, `-${n}.report.yaml`);
    taken.add(name);
    const target = path.join(dir, name);
    try {
      if (files.some((f) => sameFile(target, f)))
        throw new UsageError(`${shown(target)}: would replace a file being imported`);
      writeAtomic(target, result.yaml, { overwrite: force });
    } catch (e) {
      failed++;
      io.stdout(`${shown(file)}: ${say(locale, '未写入', 'not written')}: ${(e as Error).message}\n`);
      continue;
    }
    imported++;
    printNotices(io, locale, result, `${shown(file)}: `);
    const notes = result.notices.length;
    io.stdout(
      `${shown(file)} → ${shown(target)}${
        notes ? say(locale, `（${notes} 条提示，见上）`, ` (${notes} notice${notes > 1 ? 's' : ''}, above)`) : ''
      }\n`,
    );
  }
  io.stdout(
    say(
      locale,
      `${files.length} 个文件：${imported} 个已导入，${failed} 个未导入\n`,
      `${files.length} file(s): ${imported} imported, ${failed} not imported\n`,
    ),
  );
  return failed ? 2 : 0;
}
