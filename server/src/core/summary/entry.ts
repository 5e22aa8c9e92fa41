/**
 * One report as the evaluator's summary shows it: its facts, its findings with where they
 * are on the form and what they rest on, the points deducted, and the 审核意见 to send back.
 */
import { CODES, type RuleCode } from '../codes';
import type { ProjectConfig } from '../config/types';
import { EMPTY_CONFIG } from '../config/types';
import type { SimpleDate } from '../dates';
import type { Finding, Locale, Severity, Text } from '../findings';
import { FORMATS, formatById } from '../format';
import type { LineIndex } from '../lineIndex';
import { basisOf } from './basis';
import type { ReportFacts } from './facts';
import { opinionOf, type Opinion } from './opinion';
import { scoreOf } from './score';

export interface SummaryFinding {
  /** 1-based, in UTF-16 code units as editors count. */
  line: number;
  column: number;
  severity: Severity;
  code: RuleCode;
  title: Text;
  message: Text;
  /** The part of the form (`总体情况 › 主动公开`). */
  part: string[];
  basis: string;
  /** Points deducted for it, when the config deducts points. */
  points?: number;
}

export interface SummaryEntry {
  /** The file as the command line names it. */
  file: string;
  facts: ReportFacts;
  counts: Record<'error' | 'warning' | 'information', number>;
  score?: { full: number; deducted: number; score: number };
  findings: SummaryFinding[];
  opinion: Opinion;
  /** The 审核意见 written beside the summary, relative to it, when one was. */
  opinionHref?: string;
}

export interface EntryInput {
  file: string;
  lines: LineIndex;
  findings: readonly Finding[];
  facts: ReportFacts;
  /** `partOf` each finding, where the report was parsed. */
  parts: string[][];
  /** The `格式` of the report (the national format unless it names another). */
  formatId?: string;
  config?: ProjectConfig;
  /** The day the 审核意见 is dated. */
  date: SimpleDate;
}

export function summaryEntry(input: EntryInput): SummaryEntry {
  const config = input.config ?? EMPTY_CONFIG;
  const format = (input.formatId && formatById(input.formatId)) || FORMATS[0];
  const score = scoreOf(input.findings, config.deductions, config.fullScore);
  const findings = input.findings.map((f, i): SummaryFinding => {
    const p = input.lines.positionAt(f.span.start);
    const out: SummaryFinding = {
      line: p.line + 1,
      column: p.character + 1,
      severity: f.severity,
      code: f.code,
      title: CODES[f.code].title,
      message: f.message,
      part: input.parts[i] ?? [],
      basis: basisOf(f.code, format, input.config, input.facts.organType),
    };
    if (score) out.points = score.points[i];
    return out;
  });
  const count = (...s: Severity[]) => findings.filter((f) => s.includes(f.severity)).length;
  const entry: Omit<SummaryEntry, 'opinion'> = {
    file: input.file,
    facts: input.facts,
    counts: { error: count('error'), warning: count('warning'), information: count('information', 'hint') },
    findings,
    ...(score ? { score: { full: score.full, deducted: score.deducted, score: score.score } } : {}),
  };
  return { ...entry, opinion: opinionOf(entry, input.config, input.date) };
}

/** A severity in the summary's words. */
export const SEVERITY_NAMES: Record<Locale, Record<Severity, string>> = {
  'zh-CN': { error: '错误', warning: '警告', information: '提示', hint: '提示' },
  en: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' },
};
