/** `govreport check [--format text|json] [--locale zh-CN|en] [--previous FILE] FILE...` */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkReport } from '../core/check';
import type { Report } from '../core/model';
import { sameOrgan, type PreviousReport } from '../core/narrative';
import { parseReport } from '../core/parse';
import { choice } from './args';
import { UsageError, readText } from './files';
import type { Command } from './main';
import { jsonOutput, summary, textLines, type FileFindings } from './output';

interface Read {
  file: string;
  report: Report;
}

export const checkCommand: Command = {
  summary: 'check reports and print every finding',
  usage: 'govreport check [--format text|json] [--locale zh-CN|en] [--previous FILE] FILE...',
  valued: ['--format', '--previous'],
  booleans: [],
  run(args, io, locale) {
    const format = choice(args, '--format', ['text', 'json'] as const, 'text');
    if (!args.files.length) throw new UsageError('no files given');
    const read = (file: string): Read | undefined => {
      const r = readText(file);
      if (r.ok) return { file, report: parseReport(r.text) };
      io.stderr(`govreport: ${r.error}\n`);
      return undefined;
    };
    const given = args.flags.get('--previous');
    const explicit = typeof given === 'string' ? read(given) : undefined;
    if (typeof given === 'string' && !explicit) return 2;
    const reports: Read[] = [];
    let unreadable = 0;
    for (const file of args.files) {
      const r = read(file);
      if (r) reports.push(r);
      else unreadable++;
    }
    const results: FileFindings[] = [];
    for (const r of reports) {
      const previous = previousOf(r, reports, explicit, io.stderr);
      const checked = checkReport(r.report, previous ? { previous } : {});
      results.push({ file: r.file, lines: r.report.lines, findings: checked.findings });
      if (format === 'text') for (const line of textLines(results[results.length - 1], locale)) io.stdout(line + '\n');
    }
    if (format === 'json') io.stdout(jsonOutput(results, locale) + '\n');
    else io.stdout(summary(results, unreadable, locale) + '\n');
    if (unreadable) return 2;
    return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  },
};

/** Last year's report for `r`: `--previous`, or the report among the files of the same organ and the year before. */
function previousOf(r: Read, all: Read[], explicit: Read | undefined, stderr: (s: string) => void): PreviousReport | undefined {
  const year = r.report.year;
  if (year === undefined) return undefined;
  const as = (p: Read): PreviousReport => ({ report: p.report, uri: pathToFileURL(path.resolve(p.file)).toString() });
  if (explicit) {
    if (explicit.report.year !== year - 1) {
      stderr(`govreport: ${explicit.file} is a report on ${explicit.report.year ?? '?'}, not on ${year - 1}: ${r.file} is checked without it\n`);
      return undefined;
    }
    if (!sameOrgan(explicit.report.organ, r.report.organ)) stderr(`govreport: ${explicit.file} is of ${explicit.report.organ ?? '?'}, ${r.file} of ${r.report.organ ?? '?'}; compared anyway\n`);
    return as(explicit);
  }
  const found = all.find((p) => p !== r && p.report.year === year - 1 && sameOrgan(p.report.organ, r.report.organ));
  return found && as(found);
}
