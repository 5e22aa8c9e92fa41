/** What an evaluator gets for a batch: the summary page or CSV, and an 审核意见 per report. */
import type { CheckResult } from '../check';
import type { DateOptions } from '../deadlines';
import { fingerprints } from '../fingerprint';
import { partOf } from '../part';
import { reportFacts, type ReportFacts } from './facts';

export { CSV_BOM, csvRecord, summaryCsv } from './csv';
export { SEVERITY_NAMES, summaryEntry, type EntryInput, type SummaryEntry, type SummaryFinding } from './entry';
export { reportFacts, type ReportFacts, type Timeliness } from './facts';
export { opinionHtml, opinionPage, summaryHtml, timelinessText, type SummaryOptions } from './html';
export { itemText, opinionText, type Opinion, type OpinionItem } from './opinion';
export { scoreOf, type Score } from './score';

/** What the summary and the output formats need of a checked report beside its findings: plain data. */
export interface CheckDetails {
  facts: ReportFacts;
  /** `partOf` each finding. */
  parts: string[][];
  fingerprints: string[];
  /** The report's `格式`. */
  formatId: string;
}

export function checkDetails(result: CheckResult, options: DateOptions = {}): CheckDetails {
  const { report, findings } = result;
  return {
    facts: reportFacts(report, options),
    parts: findings.map((f) => partOf(report, f.span.start)),
    fingerprints: fingerprints(report, findings),
    formatId: report.format.id,
  };
}
