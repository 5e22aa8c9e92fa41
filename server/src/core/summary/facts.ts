/** What the summary shows of a report beside its findings: who, which year, signed when, due when. */
import { compareDates, formatIso, type SimpleDate } from '../dates';
import { deadlineFor, isCustomDeadline, type DateOptions } from '../deadlines';
import type { DateValue, Report } from '../model';

/** The 落款日期 against the year's end and the deadline. */
export type Timeliness = 'on-time' | 'late' | 'before-year-end' | 'unsigned' | 'unreadable' | 'undetermined';

export interface ReportFacts {
  organ?: string;
  organType: string;
  year?: number;
  /** 落款日期, as YYYY-MM-DD where it can be read, else as written. */
  signed?: string;
  /** The deadline that applies (YYYY-MM-DD). */
  deadline?: string;
  /** Set by the config file or the settings rather than the statute. */
  customDeadline: boolean;
  timeliness: Timeliness;
  /** Days after the deadline, when late. */
  daysLate?: number;
}

const dayNumber = (d: SimpleDate) => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;

function dateOf(v: DateValue | undefined): SimpleDate | undefined {
  return v && (v.parsed.ok || v.parsed.reason === 'malformed') ? (v.parsed as { date: SimpleDate }).date : undefined;
}

/** Plain data (a worker thread sends it): computed where the report is parsed. */
export function reportFacts(report: Report, options: DateOptions = {}): ReportFacts {
  const deadline = deadlineFor(report, options);
  const signed = dateOf(report.signed);
  const facts: ReportFacts = {
    organType: report.organType,
    customDeadline: isCustomDeadline(report, options),
    timeliness: 'unsigned',
  };
  if (report.organ !== undefined) facts.organ = report.organ;
  if (report.year !== undefined) facts.year = report.year;
  if (deadline) facts.deadline = formatIso(deadline);
  if (report.signed) facts.signed = signed ? formatIso(signed) : report.signed.raw;
  if (report.signed && !signed) facts.timeliness = 'unreadable';
  else if (signed && report.year !== undefined && compareDates(signed, { year: report.year, month: 12, day: 31 }) <= 0)
    facts.timeliness = 'before-year-end';
  else if (signed && deadline && compareDates(signed, deadline) > 0) {
    facts.timeliness = 'late';
    facts.daysLate = dayNumber(signed) - dayNumber(deadline);
  } else if (signed) facts.timeliness = deadline ? 'on-time' : 'undetermined';
  return facts;
}
