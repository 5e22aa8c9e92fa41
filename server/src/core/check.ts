/** The checker: text in, findings out. The server, the CLI and the tests all call this. */
import type { Finding, Severity } from './findings';
import type { Report } from './model';
import { checkNarrative, type PreviousReport } from './narrative';
import { parseReport } from './parse';
import { checkArithmetic } from './rules/arithmetic';
import { checkDates, type DateOptions } from './rules/dates';
import { checkEncoding, type Decoding } from './rules/encoding';
import { checkLegacyCitations } from './rules/legacy';
import { checkStructure } from './rules/structure';
import { applySuppressions } from './suppress';
import type { ChunkCache } from './yamlChunks';

export interface CheckOptions extends DateOptions {
  /** Severity by rule code; `off` drops the rule. */
  severities?: Record<string, Severity | 'off' | undefined>;
  /** Last year's report of the same organ, for the checks across years. */
  previous?: PreviousReport;
  /** How the text was decoded from the file's bytes, for the finding about bytes that could not be. */
  decoding?: Decoding;
}

export interface CheckResult {
  report: Report;
  findings: Finding[];
}

/** `cache` (one per document) makes re-checking an edited document re-parse only what changed. */
export function check(text: string, options: CheckOptions = {}, cache?: ChunkCache): CheckResult {
  return checkReport(parseReport(text, undefined, cache), options);
}

export function checkReport(report: Report, options: CheckOptions = {}): CheckResult {
  const raw = [
    ...checkEncoding(report, options.decoding),
    ...report.findings,
    ...checkStructure(report),
    ...checkArithmetic(report),
    ...checkDates(report, options),
    ...checkLegacyCitations(report),
    ...checkNarrative(report, options.previous),
  ];
  const { kept, own } = applySuppressions(report.text, report.lines, raw);
  // On a document YAML could not read, where new lines would land is a guess: inserting
  // them takes judgement, so they leave fix-all (they stay as quick fixes).
  const broken = report.doc.errors.length > 0;
  const findings: Finding[] = [];
  for (const f of [...kept, ...own]) {
    const s = options.severities?.[f.code];
    if (s === 'off') continue;
    let out = s ? { ...f, severity: s } : f;
    if (broken && out.fixes?.some((x) => x.safe && x.edits.some((e) => e.start === e.end))) {
      out = {
        ...out,
        fixes: out.fixes.map((x) => (x.edits.some((e) => e.start === e.end) ? { ...x, safe: false } : x)),
      };
    }
    findings.push(out);
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
  return { report, findings };
}
