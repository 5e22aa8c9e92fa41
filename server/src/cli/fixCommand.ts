/** `govreport fix [--dry-run] FILE...`: applies the fix-all set, then prints what is left. */
import { encodeText, fixAll, LineIndex } from '../core';
import { unifiedDiff } from './diff';
import { readText, shown } from '../shared/readFile';
import { UsageError, writeAtomic } from './files';
import type { Command } from './main';
import { summary, textLines, type FileFindings } from './output';

export const fixCommand: Command = {
  summary: 'apply every fix that needs no judgement, then print what is left',
  usage: 'govreport fix [--dry-run] [--locale zh-CN|en] FILE...',
  valued: [],
  booleans: ['--dry-run'],
  async run(args, io, locale) {
    if (!args.files.length) throw new UsageError('no files given');
    const dryRun = args.flags.has('--dry-run');
    const results: FileFindings[] = [];
    let failed = 0;
    const en = locale === 'en';
    for (const file of args.files) {
      // Between files, a Ctrl+C can end the run (see holdSignals in files.ts).
      await new Promise((resolve) => setImmediate(resolve));
      const read = readText(file, locale);
      if (!read.ok) {
        io.stderr(`govreport: ${read.error}\n`);
        failed++;
        continue;
      }
      // Written back as it was read, byte for byte where nothing is fixed: else nothing is written.
      const refuse = (zh: string, enMessage: string) => {
        io.stderr(`govreport: ${shown(file)}: ${en ? enMessage : zh}\n`);
        failed++;
      };
      if (read.invalid) {
        const p = new LineIndex(read.text).positionAt(read.invalid.offset);
        const at = `${p.line + 1}:${p.character + 1}`;
        refuse(
          `第 ${at} 处的字节不是有效的 ${read.encoding}：未修改（文件可能是另一种编码；修改会丢失这些字节）`,
          `bytes at ${at} are not valid ${read.encoding}: not fixed (the file may be in another encoding; fixing would lose them)`,
        );
        continue;
      }
      if (!sameBytes(encodeText(read.text, read.encoding, read.bom), read.bytes)) {
        refuse(
          `无法按原编码 ${read.encoding} 原样写回：未修改`,
          `cannot be written back in ${read.encoding} as it was read: not fixed`,
        );
        continue;
      }
      const fixed = fixAll(read.text, { decoding: { used: read.encoding } });
      if (fixed.text !== read.text) {
        if (dryRun) io.stdout(unifiedDiff(read.text, fixed.text, `a/${shown(file)}`, `b/${shown(file)}`));
        else {
          const bytes = encodeText(fixed.text, read.encoding, read.bom);
          if (!bytes) {
            refuse(
              `修正后的文字无法用原编码 ${read.encoding} 写回：未修改`,
              `the fixed text cannot be written in ${read.encoding}, the file's encoding: not fixed`,
            );
            continue;
          }
          try {
            writeAtomic(file, bytes, { overwrite: true, unchanged: read.bytes });
          } catch (e) {
            // The file is as it was; the others are still fixed.
            io.stderr(`govreport: ${shown(file)}: cannot write: ${(e as Error).message}\n`);
            failed++;
            continue;
          }
          if (read.encoding !== 'UTF-8')
            io.stderr(
              en
                ? `govreport: ${shown(file)}: read and written as ${read.encoding}\n`
                : `govreport: ${shown(file)}：按 ${read.encoding} 编码读取并写回\n`,
            );
        }
      }
      const r: FileFindings = { file, lines: new LineIndex(fixed.text), findings: fixed.findings };
      results.push(r);
      for (const line of textLines(r, locale)) io.stdout(line + '\n');
    }
    io.stdout(summary(results, failed, locale) + '\n');
    if (failed) return 2;
    return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  },
};

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return !!a && a.length === b.length && a.every((x, i) => x === b[i]);
}
