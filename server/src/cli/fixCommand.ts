/** `govreport fix [--dry-run] FILE...`: applies the fix-all set, then prints what is left. */
import { fixAll, LineIndex } from '../core';
import { unifiedDiff } from './diff';
import { UsageError, readText, writeAtomic } from './files';
import type { Command } from './main';
import { summary, textLines, type FileFindings } from './output';

export const fixCommand: Command = {
  summary: 'apply every fix that needs no judgement, then print what is left',
  usage: 'govreport fix [--dry-run] [--locale zh-CN|en] FILE...',
  valued: [],
  booleans: ['--dry-run'],
  run(args, io, locale) {
    if (!args.files.length) throw new UsageError('no files given');
    const dryRun = args.flags.has('--dry-run');
    const results: FileFindings[] = [];
    let failed = 0;
    for (const file of args.files) {
      const read = readText(file);
      if (!read.ok) {
        io.stderr(`govreport: ${read.error}\n`);
        failed++;
        continue;
      }
      const fixed = fixAll(read.text);
      if (fixed.text !== read.text) {
        if (dryRun) io.stdout(unifiedDiff(read.text, fixed.text, `a/${file}`, `b/${file}`));
        else {
          try {
            writeAtomic(file, (read.bom ? '\ufeff' : '') + fixed.text, true);
          } catch (e) {
            // The file is as it was; the others are still fixed.
            io.stderr(`govreport: ${file}: cannot write: ${(e as Error).message}\n`);
            failed++;
            continue;
          }
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
