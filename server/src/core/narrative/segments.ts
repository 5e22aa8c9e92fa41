/**
 * The text of a narrative block prepared for reading: one normalised copy with the same
 * length as the original (so an index means the same character in both), cut into
 * sentences and clauses.
 */

/** Full-width forms that carry the same meaning as ASCII ones; each maps one code unit to one. */
const WIDE_TO_NARROW: Record<string, string> = {
  '％': '%',
  '．': '.',
  '\u3000': ' ',
  '\u00a0': ' ',
  ';': '；',
  ':': '：',
  '(': '（',
  ')': '）',
  '!': '！',
  '?': '？',
};

/**
 * Full-width digits become ASCII, ASCII punctuation becomes the Chinese form the patterns
 * expect. A comma stays a comma only between digits as a thousands separator (13,264).
 */
export function normalize(text: string): string {
  return text.replace(/[０-９％．\u3000\u00a0;:()!?,]/g, (c, i: number) => {
    const code = c.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48);
    if (c === ',') return isThousandsComma(text, i) ? ',' : '，';
    return WIDE_TO_NARROW[c];
  });
}

const isDigit = (c: string | undefined) => c !== undefined && ((c >= '0' && c <= '9') || (c >= '０' && c <= '９'));

function isThousandsComma(text: string, i: number): boolean {
  return (
    isDigit(text[i - 1]) &&
    isDigit(text[i + 1]) &&
    isDigit(text[i + 2]) &&
    isDigit(text[i + 3]) &&
    !isDigit(text[i + 4])
  );
}

export interface Range {
  start: number;
  end: number;
}

const CLAUSE_END = /[。！？\n，；：、（）“”《》【】「」]/;

/** Sentences: up to and including 。！？ or a line break. */
export function sentences(norm: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  for (const m of norm.matchAll(/[。！？\n]/g)) {
    if (m.index! > start && norm.slice(start, m.index).trim() !== '') out.push({ start, end: m.index! });
    start = m.index! + 1;
  }
  if (start < norm.length && norm.slice(start).trim() !== '') out.push({ start, end: norm.length });
  return out;
}

/** Longer than any label: a clause is not looked into further than this from a number. */
export const CLAUSE_REACH = 120;

/** Start of the clause that holds index `i` (after the nearest clause punctuation before it). */
export function clauseStart(norm: string, i: number, floor = 0): number {
  const limit = Math.max(floor, i - CLAUSE_REACH);
  let j = i - 1;
  while (j >= limit && !CLAUSE_END.test(norm[j])) j--;
  return j + 1;
}

/** End of the clause that starts at or holds index `i`. */
export function clauseEnd(norm: string, i: number, ceiling = norm.length): number {
  const limit = Math.min(ceiling, i + CLAUSE_REACH);
  let j = i;
  while (j < limit && !CLAUSE_END.test(norm[j])) j++;
  return j;
}

/** Paragraphs: separated by blank lines (a literal block keeps single line breaks inside a paragraph). */
export function paragraphs(norm: string): Range[] {
  const out: Range[] = [];
  const re = /\n\s*\n/g;
  let start = 0;
  for (const m of norm.matchAll(re)) {
    out.push({ start, end: m.index! });
    start = m.index! + m[0].length;
  }
  out.push({ start, end: norm.length });
  return out.filter((r) => norm.slice(r.start, r.end).trim() !== '');
}
