/** What a printed cell is (a number, a mark for none, blank, or a label) and how a text line splits into cells. */
import { numberingOf } from './labelMatch';

export type CellKind = 'number' | 'mark' | 'blank' | 'label';

export interface ReadCell {
  kind: CellKind;
  /** For numbers: the number as written in the report file; otherwise the printed text. */
  text: string;
}

// Marks that publishers print instead of 0. They are kept as printed: the checker flags them.
const MARK = /^(?:[/／\\无空*]|[-－—–‐‑_]{1,4}|—+)$/u;
// Units printed in the cell; 万元 is the unit of the one money column.
const UNIT = /(?:[件个项条宗次]|人次|万元)$/u;

export function readCell(printed: string): ReadCell {
  const raw = printed.normalize('NFKC').trim();
  if (!raw) return { kind: 'blank', text: '' };
  // Numbering in a cell of its own ("1." "（三）") belongs to the label after it.
  if (/^\d{1,2}\s*[.、．]$/u.test(raw)) return { kind: 'label', text: raw };
  // White space inside a number only as a thousands separator ("1 532"); "3 4" is two numbers run together.
  const spaced = /^\d{1,3}(?:\s\d{3})+(?:\.\d+)?$/u.test(raw.replace(UNIT, '').trim());
  const t = (spaced ? raw.replace(/\s+/g, '') : raw.replace(/(?<!\s)\s+(?=[件个项条宗次]|人次|万元)/gu, '')).replace(
    UNIT,
    '',
  );
  if (/^[+-]?\d+(?:\.\d+)?$/.test(t)) return { kind: 'number', text: t.replace(/^\+/, '') };
  // Thousands separators are only separators when the groups are of three digits.
  if (/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t))
    return { kind: 'number', text: t.replace(/,/g, '').replace(/^\+/, '') };
  if (MARK.test(t)) return { kind: 'mark', text: raw };
  // Something number-like that is not a clean number ("1,23", "7。", "O"): a cell that could
  // not be read, kept as printed so the checker reports it.
  // (With a digit: a lone "、" is a character of a label printed one per line, as vertical text is.)
  if (
    (/^[\d.,，。、+\s-]+$/u.test(t) && /\d/.test(t)) ||
    /^\d+(?:\.\d+)?元$/u.test(t) ||
    /^\d+(?:\.\d+)?[^\d\u4e00-\u9fff]{1,2}$/u.test(t) ||
    /^[OoIl]$/.test(t)
  )
    return { kind: 'mark', text: raw };
  return { kind: 'label', text: raw };
}

export function isValue(c: ReadCell): boolean {
  return c.kind === 'number' || c.kind === 'mark';
}

/**
 * Splits a line of a table printed as text ("一、本年新收政府信息公开申请数量 67 2 0 0 0 0 69")
 * into cells: the trailing numbers, and the labels before them (labels of different levels
 * are separated by white space between Chinese characters, as PDF extraction leaves them).
 */
export function splitTextRow(text: string): string[] {
  const tokens = text.trim().split(/\s+/u);
  const values: string[] = [];
  while (tokens.length) {
    const c = readCell(tokens[tokens.length - 1]);
    if (c.kind !== 'number' && c.kind !== 'mark') break;
    values.unshift(tokens.pop()!);
  }
  let label = tokens.join(' ');
  // A number printed against its label ("行政许可0"): no declared label ends in a digit.
  if (!values.length) {
    const glued = /^(.*[\u4e00-\u9fff）)])(\d+(?:\.\d+)?)$/u.exec(label);
    if (glued && !/第[\d一二三四五六七八九十]*$/.test(glued[1])) {
      label = glued[1];
      values.push(glued[2]);
    }
  }
  const parts = label
    ? label.split(/(?<=[\u4e00-\u9fff）)”」])\s+(?=[\u4e00-\u9fff（(“「]|\d{1,2}\s*[.．、](?!\d))/u)
    : [];
  // Numbering printed apart from its label ("（三） 不予公开") belongs to it.
  const labels: string[] = [];
  for (const p of parts) {
    const prev = labels[labels.length - 1];
    if (prev !== undefined && numberingOf(prev)?.rest.trim() === '') labels[labels.length - 1] = `${prev}${p}`;
    else labels.push(p);
  }
  return [...labels, ...values];
}
