/**
 * Lenient matching of keys against official labels (FORMAT.md, "Keys are matched leniently"):
 * leading numbering, white space and the form's parenthetical notes are ignored, and
 * full-width and half-width brackets and quotes are the same.
 */

const LEADING_NUMBER =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[.、．]|第[一二三四五六七八九十\d]+[项条部分]、?)\s*/u;
const PARENTHETICAL = /[（(][^（）()]*[）)]/gu;
const QUOTES = /[“”„‟"'‘’「」『』]/gu;
const SPACE = /\s+/gu;

/** Keys seen recently: a document's keys are normalised again on every keystroke. */
const normalized = new Map<string, string>();

/** The form of a key that is compared with official labels. */
export function normalizeLabel(key: string): string {
  let s = normalized.get(key);
  if (s === undefined) {
    if (normalized.size >= 4096) normalized.clear();
    normalized.set(key, (s = normalize(key)));
  }
  return s;
}

function normalize(key: string): string {
  let s = key.normalize('NFKC').replace(SPACE, '');
  for (let i = 0; i < 3 && LEADING_NUMBER.test(s); i++) s = s.replace(LEADING_NUMBER, '');
  const withoutNotes = s.replace(PARENTHETICAL, '');
  // A key that is only a parenthetical keeps it (nothing else would be left to match).
  if (withoutNotes) s = withoutNotes;
  return s.replace(QUOTES, '"');
}

export interface LabelCandidate<T> {
  label: string;
  aliases?: string[];
  value: T;
}

/** A matcher for one context (one level of the file), built once per context. */
export class LabelMatcher<T> {
  private readonly exact = new Map<string, T>();
  private readonly candidates: { norm: string; label: string; value: T }[] = [];
  /** The largest distance `closest` accepts for any label. */
  private readonly maxLimit: number;

  constructor(entries: LabelCandidate<T>[]) {
    for (const e of entries) {
      for (const name of [e.label, ...(e.aliases ?? [])]) {
        const norm = normalizeLabel(name);
        if (!this.exact.has(norm)) this.exact.set(norm, e.value);
      }
      this.candidates.push({ norm: normalizeLabel(e.label), label: e.label, value: e.value });
    }
    this.maxLimit = Math.max(2, ...this.candidates.map((c) => limitOf(c.label)));
  }

  match(key: string): T | undefined {
    return this.exact.get(normalizeLabel(key));
  }

  /** The official label closest to a key that matched nothing, if any is reasonably close. */
  closest(key: string): { label: string; value: T } | undefined {
    const norm = normalizeLabel(key);
    let best: { label: string; value: T } | undefined;
    let bestScore = Infinity;
    for (const c of this.candidates) {
      const gap = Math.abs(c.norm.length - norm.length);
      const containment = c.norm.includes(norm) || norm.includes(c.norm) ? gap * 0.5 : Infinity;
      // The distance is at least the gap in length: skip it when it could neither win nor be
      // accepted (a key of hundreds of characters is compared in constant time).
      const d = gap > this.maxLimit || gap >= Math.min(bestScore, containment) ? Infinity : editDistance(norm, c.norm);
      const score = Math.min(d, containment);
      if (score < bestScore) {
        bestScore = score;
        best = c;
      }
    }
    if (!best) return undefined;
    return bestScore <= limitOf(best.label) ? best : undefined;
  }

  labels(): string[] {
    return this.candidates.map((c) => c.label);
  }
}

function limitOf(label: string): number {
  return Math.max(2, Math.ceil(normalizeLabel(label).length * 0.5));
}

/** Levenshtein distance over UTF-16 code units, bounded in cost by the short keys it sees. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length > 200 || b.length > 200) return Math.max(a.length, b.length);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
