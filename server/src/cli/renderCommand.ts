/** `govreport render FILE [--format html|docx] [-o OUT] [--force] [--no-marks]` */
import * as path from 'node:path';
import { check, renderHtml } from '../core';
import { loadRenderDocx } from '../shared/bundles';
import { choice } from './args';
import { readText, shown } from '../shared/readFile';
import { UsageError, sameFile, writeAtomic } from './files';
import type { Command } from './main';

/** `a/lvliang-2024.report.yaml` → `a/lvliang-2024.docx` */
function defaultOutput(file: string, ext: string): string {
  const base = path.basename(file).replace(/(\.report)?\.ya?ml$/i, '');
  return path.join(path.dirname(file), base + ext);
}

export const renderCommand: Command = {
  summary: 'render a report as the published form (HTML or Word)',
  usage: 'govreport render [--format html|docx] [-o OUT] [--force] [--no-marks] [--locale zh-CN|en] FILE',
  valued: ['--format', '-o', '--output'],
  booleans: ['--force', '--no-marks'],
  async run(args, io, locale) {
    const format = choice(args, '--format', ['html', 'docx'] as const, 'html');
    if (args.files.length !== 1) throw new UsageError(args.files.length ? 'one file at a time' : 'no file given');
    const [file] = args.files;
    const o = args.flags.get('-o') ?? args.flags.get('--output');
    if (o === true || o === '') throw new UsageError('-o needs a file name');
    // HTML goes to stdout without -o; a Word file is binary, so it goes next to the report.
    const out = o ?? (format === 'docx' ? defaultOutput(file, '.docx') : undefined);
    if (out && sameFile(out, file)) throw new UsageError(`${shown(out)}: would replace the report itself`);
    const read = readText(file, locale);
    if (!read.ok) {
      io.stderr(`govreport: ${read.error}\n`);
      return 2;
    }
    const result = check(read.text, { decoding: { used: read.encoding } });
    const marks = !args.flags.has('--no-marks');
    const force = args.flags.has('--force');
    const data =
      format === 'html'
        ? renderHtml(result, { marks, theme: 'export', locale })
        : await loadRenderDocx()(result, { marks });
    if (!out) io.stdout(data as string);
    else {
      try {
        writeAtomic(out, data, { overwrite: force });
      } catch (e) {
        if (e instanceof UsageError) throw e;
        io.stderr(`govreport: ${shown(out)}: cannot write: ${(e as Error).message}\n`);
        return 2;
      }
    }
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    if (errors) {
      io.stderr(
        locale === 'en'
          ? `govreport render: ${shown(file)} has ${errors} error(s); rendered as written (govreport check lists them)\n`
          : `govreport render：${shown(file)} 有 ${errors} 个错误，已按原样生成（govreport check 可列出）\n`,
      );
    }
    if (out) io.stderr(locale === 'en' ? `wrote ${shown(out)}\n` : `已写入 ${shown(out)}\n`);
    return 0;
  },
};
