/**
 * A number typed into the form or pasted from a spreadsheet, as the file writes it: what a
 * spreadsheet adds to show a number (full-width digits, thousands separators, a dash or a
 * blank for zero) taken away, and refused where the column cannot hold it.
 */
import { refuse, type Written } from './addresses';
import { cmp, isInteger, parseDec, ZERO } from './decimal';
import type { ColumnDecl } from './format';

const SEPARATORS = /[,，'\s]/g;
/** What a spreadsheet shows for zero in the accounting format, and a blank. */
const ZERO_MARKS = new Set(['', '-', '—', '－', '–']);

/** A typed or pasted number without what a spreadsheet adds to show it (full-width digits, thousands separators). */
export function plainNumber(input: string): string {
  return input.normalize('NFKC').replace(SEPARATORS, '');
}

/** A cell left blank, or showing a dash for zero. */
export function isBlankValue(input: string): boolean {
  return ZERO_MARKS.has(plainNumber(input));
}

/**
 * A value typed or pasted into a cell, as it is written in the file: digits only (full-width
 * digits and thousands separators as a spreadsheet shows them are read; a blank or a dash is
 * 0), or why it cannot go into that column.
 */
export function cellText(input: string, column: ColumnDecl): Written<string> {
  const normal = plainNumber(input);
  if (ZERO_MARKS.has(normal)) return { ok: true, value: '0' };
  const shown = input.trim().slice(0, 20);
  const dec = normal.length <= 30 ? parseDec(normal) : undefined;
  if (!dec) return refuse(`“${shown}”不是数字`, `"${shown}" is not a number`);
  if (cmp(dec, ZERO) < 0) return refuse(`“${shown}”小于 0`, `"${shown}" is less than 0`);
  if (column.kind === 'count' && !isInteger(dec))
    return refuse(
      `“${column.short}”是件数，应为整数：“${shown}”`,
      `"${column.short}" is a count, a whole number: "${shown}"`,
    );
  // As typed, without a sign or the zeros in front of it (nor, for a count, after the point).
  const [int, frac] = normal.replace(/^\+/, '').split('.');
  const whole = int.replace(/^0+(?=\d)/, '');
  return { ok: true, value: frac === undefined || column.kind === 'count' ? whole : `${whole}.${frac}` };
}
