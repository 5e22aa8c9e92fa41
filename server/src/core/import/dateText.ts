/** Dates as printed in reports: 2024 年 1 月 8 日, 2024-01-08, 2024/1/8, 二〇二五年一月二十日. */
import { formatIso, isValidDate, type SimpleDate } from '../dates';
import { chineseNumber } from './labelMatch';

const CN_YEAR_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  '○': '0',
  Ｏ: '0',
  O: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

const YEAR = '(\\d{4}|[〇零○ＯO一二三四五六七八九]{4})';
const PART = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
/** A date in any printed form, for use inside larger patterns (no capture groups). */
export const DATE_PATTERN = `(?:\\d{4}|[〇零○ＯO一二三四五六七八九]{4})\\s*年\\s*(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*日|\\d{4}\\s*[-/.．]\\s*\\d{1,2}\\s*[-/.．]\\s*\\d{1,2}(?!\\d)`;

const CHINESE = new RegExp(`^${YEAR}\\s*年\\s*${PART}\\s*月\\s*${PART}\\s*日$`, 'u');
const NUMERIC = /^(\d{4})\s*[-/.．]\s*(\d{1,2})\s*[-/.．]\s*(\d{1,2})$/u;

export interface PrintedDate {
  date: SimpleDate;
  valid: boolean;
  printed: string;
}

function part(s: string): number {
  return /^\d+$/.test(s) ? +s : (chineseNumber(s) ?? NaN);
}

export function readDate(printed: string): PrintedDate | undefined {
  const s = printed.normalize('NFKC').trim();
  const m = CHINESE.exec(s) ?? NUMERIC.exec(s);
  if (!m) return undefined;
  const year = /^\d{4}$/.test(m[1]) ? +m[1] : +[...m[1]].map((c) => CN_YEAR_DIGITS[c] ?? c).join('');
  const date = { year, month: part(m[2]), day: part(m[3]) };
  if (!Number.isFinite(date.year) || !Number.isFinite(date.month) || !Number.isFinite(date.day)) return undefined;
  return { date, valid: isValidDate(date), printed: printed.trim() };
}

/** The value to write: ISO when the date exists, else the printed text for the checker to flag. */
export function dateValue(d: PrintedDate): string {
  return d.valid ? formatIso(d.date) : d.printed;
}

/** A year printed as digits or Chinese numerals. */
export function readYear(s: string): number | undefined {
  if (/^\d{4}$/.test(s)) return +s;
  const digits = [...s].map((c) => CN_YEAR_DIGITS[c]).join('');
  return /^\d{4}$/.test(digits) ? +digits : undefined;
}
