/** One parser for the two date forms of the format: `2025-01-08` and `2025年1月8日`. */

export interface SimpleDate {
  year: number;
  month: number;
  day: number;
}

export type DateParse =
  | { ok: true; date: SimpleDate; form: 'iso' | 'chinese' }
  /** Recognised as a date but does not exist (2025-02-30). */
  | { ok: false; reason: 'nonexistent'; date: SimpleDate }
  /** Looks like a date in another form (2025/1/8, 2025.1.8, 2025-1-8): can be rewritten. */
  | { ok: false; reason: 'malformed'; date: SimpleDate }
  | { ok: false; reason: 'unrecognised' };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const LOOSE = /^(\d{4})\s*[-/.．年]\s*(\d{1,2})\s*[-/.．月]\s*(\d{1,2})\s*日?$/;

export function parseDate(raw: string): DateParse {
  const text = raw.normalize('NFKC').trim();
  let m = ISO.exec(text);
  let form: 'iso' | 'chinese' | undefined = m ? 'iso' : undefined;
  if (!m) {
    m = CHINESE.exec(text);
    if (m) form = 'chinese';
  }
  if (m && form) {
    const date = { year: +m[1], month: +m[2], day: +m[3] };
    return isValidDate(date) ? { ok: true, date, form } : { ok: false, reason: 'nonexistent', date };
  }
  m = LOOSE.exec(text);
  if (m) {
    const date = { year: +m[1], month: +m[2], day: +m[3] };
    return isValidDate(date) ? { ok: false, reason: 'malformed', date } : { ok: false, reason: 'nonexistent', date };
  }
  return { ok: false, reason: 'unrecognised' };
}

export function isValidDate(d: SimpleDate): boolean {
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  return d.day <= daysInMonth(d.year, d.month);
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function compareDates(a: SimpleDate, b: SimpleDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function formatIso(d: SimpleDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function formatChinese(d: SimpleDate): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

/** The date written in the same form as an original (`iso` or `chinese`). */
export function formatLike(d: SimpleDate, form: 'iso' | 'chinese'): string {
  return form === 'iso' ? formatIso(d) : formatChinese(d);
}
