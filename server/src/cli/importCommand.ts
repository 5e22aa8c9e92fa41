/** `govreport import FILE [-o OUT] [--force]`: a published report → a report file. */
import { importReport } from '../core/import';
import { LIMITS } from '../core/limits';
import { UsageError, readBytes, sameFile, writeAtomic } from './files';
import type { Command } from './main';

export const importCommand: Command = {
  summary: 'turn a published report (text, Markdown, HTML, .docx) into a report file',
  usage: 'govreport import [-o OUT.report.yaml] [--force] [--locale zh-CN|en] FILE',
  valued: ['-o', '--output'],
  booleans: ['--force'],
  run(args, io, locale) {
    if (args.files.length !== 1) throw new UsageError(args.files.length ? 'give one file to import' : 'no file given');
    const file = args.files[0];
    const out = args.flags.get('-o') ?? args.flags.get('--output');
    if (out === true) throw new UsageError('-o needs a file name');
    if (out && file !== '-' && sameFile(out, file))
      throw new UsageError(`${out}: would replace the file being imported`);
    const read = readBytes(file, LIMITS.importBytes);
    if (!read.ok) {
      io.stderr(`govreport: ${read.error}\n`);
      return 2;
    }
    const result = importReport(read.bytes, { name: file === '-' ? undefined : file });
    if (!result.ok) {
      io.stderr(`govreport import: ${file}: ${result.message[locale]}\n`);
      return 2;
    }
    const warning = locale === 'en' ? 'warning' : '警告';
    for (const n of result.notices) io.stderr(`govreport import: ${warning}: ${n[locale]}\n`);
    if (!out) {
      io.stdout(result.yaml);
      return 0;
    }
    try {
      writeAtomic(out, result.yaml, { overwrite: args.flags.has('--force') });
    } catch (e) {
      if (e instanceof UsageError) throw e;
      io.stderr(`govreport: ${out}: cannot write: ${(e as Error).message}\n`);
      return 2;
    }
    if (!/\.report\.ya?ml$/i.test(out)) {
      io.stderr(
        locale === 'en'
          ? `govreport import: ${warning}: ${out} does not end in .report.yaml; editors will not open it as a report\n`
          : `govreport import: ${warning}: ${out} 的文件名不以 .report.yaml 结尾，编辑器不会把它当作报告打开\n`,
      );
    }
    io.stderr(
      locale === 'en'
        ? `wrote ${out}; check it with: govreport check ${out}\n`
        : `已写入 ${out}；可用 govreport check ${out} 检查\n`,
    );
    return 0;
  },
};
