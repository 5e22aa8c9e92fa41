/** The statutory deadline of a report, or one set by a locality instead. */
import { compareDates, type SimpleDate } from './dates';
import type { Report } from './model';

export interface Deadline {
  month: number;
  day: number;
}

export interface DateOptions {
  /** Deadlines by 机关类型 that replace the statutory ones (some localities publish earlier). */
  deadlines?: Record<string, Deadline | undefined>;
}

export function deadlineFor(report: Report, options: DateOptions = {}): SimpleDate | undefined {
  if (report.year === undefined) return undefined;
  const type = report.format.organTypes.find((t) => t.key === report.organType);
  const d = options.deadlines?.[report.organType] ?? type?.deadline;
  return d ? { year: report.year + 1, month: d.month, day: d.day } : undefined;
}

/** Whether the deadline of the report's 机关类型 is one set instead of the statutory one. */
export function isCustomDeadline(report: Report, options: DateOptions = {}): boolean {
  return options.deadlines?.[report.organType] !== undefined;
}

/** Another 机关类型 whose deadline `date` would meet, for a report whose type is only the default. */
export function laterDeadline(
  report: Report,
  date: SimpleDate,
  options: DateOptions = {},
): { type: string; deadline: SimpleDate } | undefined {
  if (report.year === undefined) return undefined;
  for (const t of report.format.organTypes) {
    if (t.key === report.organType) continue;
    const d = options.deadlines?.[t.key] ?? t.deadline;
    const deadline = { year: report.year + 1, month: d.month, day: d.day };
    if (compareDates(date, deadline) <= 0) return { type: t.key, deadline };
  }
  return undefined;
}
