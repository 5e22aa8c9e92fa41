/**
 * Matching printed labels against the declaration's. Printed labels carry numbering,
 * wrapped notes ("部分公开（区分处理的，只计" cut by a line), typos and look-alike characters;
 * the declaration's labels are compared after `normalizeLabel` and by edit distance, with a
 * tolerance that grows with the length of the label (short labels must match exactly).
 */
import { editDistance, normalizeLabel } from '../labels';

/** A printed number (`一、` `（三）` `1.`) as kind and value, when a label starts with one. */
export interface Numbering {
  kind: 'cn' | 'paren' | 'arabic';
  n: number;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一 … 九十九 as a number. */
export function chineseNumber(s: string): number | undefined {
  if (!/^[一二三四五六七八九十]+$/.test(s)) return undefined;
  if (s === '十') return 10;
  const i = s.indexOf('十');
  if (i < 0) return s.length === 1 ? CN_DIGITS[s] : undefined;
  const tens = i === 0 ? 1 : CN_DIGITS[s.slice(0, i)];
  const ones = s.slice(i + 1) ? CN_DIGITS[s.slice(i + 1)] : 0;
  return tens !== undefined && ones !== undefined ? tens * 10 + ones : undefined;
}

const NUMBERING =
  /^\s*(?:([一二三四五六七八九十]+)\s*[、.．,，]|[（(]\s*([一二三四五六七八九十]+)\s*[)）]|(\d{1,2})\s*(?:[.、．,，](?!\d)|[)）]))\s*/u;

export function numberingOf(label: string): { numbering: Numbering; rest: string } | undefined {
  const s = label.normalize('NFKC');
  const m = NUMBERING.exec(s);
  if (!m) return undefined;
  const numbering: Numbering = m[1]
    ? { kind: 'cn', n: chineseNumber(m[1]) ?? 0 }
    : m[2]
      ? { kind: 'paren', n: chineseNumber(m[2]) ?? 0 }
      : { kind: 'arabic', n: +m[3] };
  return { numbering, rest: s.slice(m[0].length) };
}

/** The numbering of a declaration item (`一、` `（一）` `1.`). */
export function declNumbering(number: string): Numbering | undefined {
  return number ? numberingOf(number + 'x')?.numbering : undefined;
}

/** The form of a printed label that is compared: normalised, a cut-off note removed. */
export function labelForm(label: string): string {
  let s = label.normalize('NFKC');
  const rest = numberingOf(s)?.rest;
  if (rest !== undefined) s = rest;
  // An opening bracket never closed: a note cut off where the cell or line wrapped.
  const cut = s.replace(/^((?:[^）)]*[）)])*[^（(）)]*)[（(][^）)]*$/u, '$1');
  if (cut.trim()) s = cut;
  return normalizeLabel(s)
    .replace(/^[①-⑳]/u, '')
    .replace(/(?<![:：。，,；;、])[:：。，,；;、]+$/u, '');
}

/**
 * The cost of reading `input` as `target` (both in `labelForm`), or undefined when it is no
 * reading at all. 0 is exact; a wrapped label (a long enough prefix) and a typo cost more.
 */
export function matchCost(input: string, target: string): number | undefined {
  if (!input || !target) return undefined;
  if (input === target) return 0;
  const n = target.length;
  // A wrapped label's first line: most of a short label, or a distinctive start of a long one.
  const head = n >= 16 ? Math.max(8, Math.ceil(n * 0.4)) : Math.ceil(n * 0.6);
  if (n >= 4 && target.startsWith(input) && input.length >= head) return 0.5 + (n - input.length) * 0.05;
  const allowed = n <= 3 ? 0 : n <= 7 ? 1 : Math.min(4, Math.floor(n * 0.2));
  // A shorter input against a four-character label is a fragment ("予公开" of "不予公开"), not a typo.
  const lengthSlack = n <= 4 ? 0 : allowed;
  if (allowed > 0 && Math.abs(input.length - n) <= lengthSlack) {
    const d = editDistance(input, target);
    if (d <= allowed) return d;
  }
  // The label with a few words around it ("其中：行政许可", "行政规范性文件（件）").
  if (n >= 4 && input.includes(target) && input.length - n <= 4) return 1 + (input.length - n) * 0.1;
  return undefined;
}

/** The length of the longest common subsequence of two short strings (an official label inside a printed one). */
function commonLength(a: string, b: string): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const ca of a) {
    const row = [0];
    for (let j = 0; j < b.length; j++) row.push(ca === b[j] ? prev[j] + 1 : Math.max(prev[j + 1], row[j]));
    prev = row;
  }
  return prev[b.length];
}

/**
 * Whether a printed label is an official one misprinted ("本年度止件数" for 本年废止件数,
 * "其他法律行政止公开" for 其他法律行政法规禁止公开): close to one of the official `names`, but
 * neither one of them with words added ("本年度废止件数") nor a piece of one (cut where a line
 * wrapped, or shortened to a few of its words).
 */
export function isMisprint(printed: string, names: string[]): boolean {
  // 其它 and 其他 are both in use: a variant, not a misprint.
  const variant = (s: string) => labelForm(s).replace(/它/gu, '他');
  const a = variant(printed);
  if (!a || a.length > 60) return false;
  const forms = names.map(variant).filter((b) => b && b.length <= 60);
  if (forms.some((b) => b.includes(a) || commonLength(a, b) === b.length)) return false;
  // A few characters wrong, dropped or added: a quarter of the label at most (本年制发件数 is not 本年废止件数).
  return forms.some((b) => editDistance(a, b) <= Math.max(1, Math.floor(b.length / 4)));
}

export interface Candidate<T> {
  forms: string[];
  value: T;
}

export function candidate<T>(names: (string | undefined)[], value: T): Candidate<T> {
  return {
    forms: [
      ...new Set(
        names
          .filter((x): x is string => !!x)
          .map(labelForm)
          .filter(Boolean),
      ),
    ],
    value,
  };
}

/** Every candidate at the lowest cost, with that cost. */
export function bestMatches<T>(label: string, candidates: Candidate<T>[]): { cost: number; values: T[] } | undefined {
  const form = labelForm(label);
  let best: { cost: number; values: T[] } | undefined;
  for (const c of candidates) {
    let cost: number | undefined;
    for (const f of c.forms) {
      const k = matchCost(form, f);
      if (k !== undefined && (cost === undefined || k < cost)) cost = k;
    }
    if (cost === undefined) continue;
    if (!best || cost < best.cost) best = { cost, values: [c.value] };
    else if (cost === best.cost && !best.values.includes(c.value)) best.values.push(c.value);
  }
  return best;
}
