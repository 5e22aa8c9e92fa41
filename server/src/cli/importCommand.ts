/**
 * `govreport import FILE [-o OUT] [--force]`: a published report → a report file;
 * `govreport import FILE|FOLDER... -o DIR`: one report file per published report in DIR, with a
 * line per input saying what became of it, in the order of the inputs (PDFs and Word files,
 * slow to read, are converted in worker threads when there are enough of them: importWorkers.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locale, Text } from '../core';
import { importFile } from '../shared/importFile';
import { shown } from '../shared/readFile';
import { UsageError, sameFile, writeAtomic } from './files';
import { filesIn, isDirectory } from './folders';
import { importAll, importThreadsFor } from './importWorkers';
import type { Command, Io } from './main';

/** The forms import reads, by extension: what a folder is searched for. */
const PUBLISHED = /\.(?:pdf|html?|shtml|xhtml|txt|md|markdown|docx)$/i;
/** The report file name for an input: 吕梁-2024.pdf → 吕梁-2024.report.yaml. */
export function reportName(input: string): string {
  const base = path
    .basename(input)
    .replace(/\.[^.]*$/, '')
    .replace(/\.report$/, '');
  return `${base || 'imported'}.report.yaml`;
}

const say = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);

function printNotices(io: Io, locale: Locale, notices: Text[], prefix: string): void {
  const warning = say(locale, '警告', 'warning');
  for (const n of notices) io.stderr(`govreport import: ${prefix}${warning}: ${n[locale]}\n`);
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
  const result = await importFile(file);
  if ('unreadable' in result) {
    io.stderr(`govreport: ${result.unreadable}\n`);
    return 2;
  }
  if ('refused' in result) {
    io.stderr(`govreport import: ${shown(file)}: ${result.refused[locale]}\n`);
    return 2;
  }
  printNotices(io, locale, result.notices, '');
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
  const files = inputs.flatMap((f) => (isDirectory(f) ? filesIn(f, PUBLISHED) : [f]));
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
  let i = 0;
  for await (const result of importAll(files, importThreadsFor(files))) {
    const file = files[i++];
    if ('unreadable' in result) {
      failed++;
      io.stdout(
        `${shown(file)}: ${say(locale, '无法读取', 'cannot read')} (${result.unreadable.slice(shown(file).length + 2)})\n`,
      );
      continue;
    }
    if ('refused' in result) {
      failed++;
      io.stdout(`${shown(file)}: ${say(locale, '未导入', 'not imported')}: ${result.refused[locale]}\n`);
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
    printNotices(io, locale, result.notices, `${shown(file)}: `);
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
