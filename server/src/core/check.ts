/** The checker: text in, findings out. The server, the CLI and the tests all call this. */
import type { Finding, Severity } from './findings';
import type { FormatDecl } from './format';
import type { PreviousReport, Report } from './model';
import { parseReport } from './parse';
import type { RuleContext } from './rule';
import { RULES } from './rules';
import { applySuppressions } from './suppress';
import { withoutCascade } from './unreadable';
import type { ChunkCache } from './yamlChunks';

export interface CheckOptions extends Omit<RuleContext, 'report'> {
  /** Severity by rule code; `off` drops the rule. */
  severities?: Record<string, Severity | 'off' | undefined>;
  /** The formats `格式:` may name (the first is the default); the declared ones when absent. */
  formats?: readonly FormatDecl[];
}

export interface CheckResult {
  report: Report;
  findings: Finding[];
}

export type { PreviousReport };

/** `cache` (one per document) makes re-checking an edited document re-parse only what changed. */
export function check(text: string, options: CheckOptions = {}, cache?: ChunkCache): CheckResult {
  return checkReport(parseReport(text, { formats: options.formats, cache }), options);
}

export function checkReport(report: Report, options: CheckOptions = {}): CheckResult {
  const ctx: RuleContext = {
    report,
    deadlines: options.deadlines,
    previous: options.previous,
    reuseThreshold: options.reuseThreshold,
    peers: options.peers,
    requirements: options.requirements,
    decoding: options.decoding,
  };
  const raw = RULES.flatMap((rule) => rule.check(ctx));
  const kept = applySuppressions(report.text, report.lines, withoutCascade(report, raw));
  // On a document YAML could not read, where new lines would land is a guess: inserting
  // them takes judgement, so they leave fix-all (they stay as quick fixes).
  const broken = report.doc.errors.length > 0;
  const findings: Finding[] = [];
  for (const f of kept) {
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
  // Codes are ASCII: compared as such, not with localeCompare, whose first call loads ICU's collator (milliseconds).
  findings.sort(
    (a, b) =>
      a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return { report, findings };
}
