/**
 * Values kept so that re-checking after a keystroke computes only what changed: per object (a
 * declaration, a parsed node) while the object lives, or per text (what a rule reads from a
 * paragraph alone), most recently used texts up to a total length, across documents.
 */

/** A value computed once per object (a declaration, a parsed text) and kept while the object lives. */
export function memoize<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, V>();
  return (key) => {
    let v = memo.get(key);
    if (v === undefined) memo.set(key, (v = build(key)));
    return v;
  };
}

const memos: TextMemo<unknown>[] = [];

export class TextMemo<T> {
  private readonly map = new Map<string, { value: T; used: number }>();
  private chars = 0;
  /** Counts lookups: an entry's `used` says when it was last asked for. */
  private clock = 0;

  constructor(private readonly maxChars: number) {
    memos.push(this);
  }

  get(text: string, compute: (text: string) => T): T {
    const hit = this.map.get(text);
    if (hit !== undefined) {
      // Stamped, not moved: a check asks every memo for every paragraph.
      hit.used = ++this.clock;
      return hit.value;
    }
    const value = compute(text);
    this.map.set(text, { value, used: ++this.clock });
    this.chars += text.length;
    if (this.chars > this.maxChars) this.evict();
    return value;
  }

  /** Least recently used first, down to three quarters of the limit: one sort for many insertions. */
  private evict(): void {
    const byUse = [...this.map].sort((a, b) => a[1].used - b[1].used);
    for (const [key] of byUse) {
      if (this.chars <= this.maxChars * 0.75) break;
      this.map.delete(key);
      this.chars -= key.length;
    }
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
    this.chars = 0;
  }
}

/** Forgets every text read so far (for tests: a check that reads everything afresh). */
export function forgetTexts(): void {
  for (const m of memos) m.clear();
}
