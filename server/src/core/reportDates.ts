/** The dates of a report, each with the name it is written under (for messages and hover). */
import { metaKey } from './format';
import type { DateValue, Report } from './model';

export type DateSlot = 'periodStart' | 'periodEnd' | 'signed' | 'published';

export interface NamedDate {
  slot: DateSlot;
  /** `落款日期`, `统计期限.起`… */
  name: string;
  value: DateValue;
}

export function reportDates(report: Report): NamedDate[] {
  const period = report.format.meta.find((m) => m.role === 'period');
  const periodKey = period?.key ?? 'period';
  const out: NamedDate[] = [];
  const add = (slot: DateSlot, name: string, value: DateValue | undefined) => {
    if (value) out.push({ slot, name, value });
  };
  add('periodStart', `${periodKey}.${period?.parts?.start[0] ?? 'start'}`, report.period?.start);
  add('periodEnd', `${periodKey}.${period?.parts?.end[0] ?? 'end'}`, report.period?.end);
  add('signed', metaKey(report.format, 'signed'), report.signed);
  add('published', metaKey(report.format, 'published'), report.published);
  return out;
}
