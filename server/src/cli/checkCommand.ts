/** `govreport check [--format text|json] [--locale zh-CN|en] FILE...` */
import { check } from '../core/check';
import { choice } from './args';
import { UsageError, readText } from './files';
import type { Command } from './main';
import { jsonOutput, summary, textLines, type FileFindings } from './output';

export const checkCommand: Command = {
  summary: 'check reports and print every finding',
  usage: 'govreport check [--format text|json] [--locale zh-CN|en] FILE...',
  valued: ['--format'],
  booleans: [],
  run(args, io, locale) {
    const format = choice(args, '--format', ['text', 'json'] as const, 'text');
    if (!args.files.length) throw new UsageError('no files given');
    const results: FileFindings[] = [];
    let unreadable = 0;
    for (const file of args.files) {
      const read = readText(file);
      if (!read.ok) {
        io.stderr(`govreport: ${read.error}\n`);
        unreadable++;
        continue;
      }
      const r = check(read.text);
      results.push({ file, lines: r.report.lines, findings: r.findings });
      if (format === 'text') for (const line of textLines(results[results.length - 1], locale)) io.stdout(line + '\n');
    }
    if (format === 'json') io.stdout(jsonOutput(results, locale) + '\n');
    else io.stdout(summary(results, unreadable, locale) + '\n');
    if (unreadable) return 2;
    return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  },
};
