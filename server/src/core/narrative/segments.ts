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
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const code = c.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else if (c === ',') out += isThousandsComma(text, i) ? ',' : '，';
    else out += WIDE_TO_NARROW[c] ?? c;
  }
  return out;
}

const isDigit = (c: string | undefined) => c !== undefined && ((c >= '0' && c <= '9') || (c >= '０' && c <= '９'));

function isThousandsComma(text: string, i: number): boolean {
  return isDigit(text[i - 1]) && isDigit(text[i + 1]) && isDigit(text[i + 2]) && isDigit(text[i + 3]) && !isDigit(text[i + 4]);
}

export interface Range {
  start: number;
  end: number;
}

const SENTENCE_END = /[。！？\n]/;
const CLAUSE_END = /[。！？\n，；：、（）“”《》【】「」]/;

/** Sentences: up to and including 。！？ or a line break. */
export function sentences(norm: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  for (let i = 0; i < norm.length; i++) {
    if (SENTENCE_END.test(norm[i])) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  if (start < norm.length) out.push({ start, end: norm.length });
  return out.filter((r) => norm.slice(r.start, r.end).trim() !== '');
}

/** Start of the clause that holds index `i` (after the nearest clause punctuation before it). */
export function clauseStart(norm: string, i: number, floor = 0): number {
  let j = i - 1;
  while (j >= floor && !CLAUSE_END.test(norm[j])) j--;
  return j + 1;
}

/** End of the clause that starts at or holds index `i`. */
export function clauseEnd(norm: string, i: number, ceiling = norm.length): number {
  let j = i;
  while (j < ceiling && !CLAUSE_END.test(norm[j])) j++;
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
