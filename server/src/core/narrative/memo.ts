/**
 * What the narrative rules read from a text alone is kept by the text, so that re-checking
 * a document after a keystroke reads only the paragraph that changed. Most recently used
 * texts are kept up to a total length, across documents.
 */
const memos: TextMemo<unknown>[] = [];

export class TextMemo<T> {
  private readonly map = new Map<string, T>();
  private chars = 0;

  constructor(private readonly maxChars: number) {
    memos.push(this);
  }

  get(text: string, compute: (text: string) => T): T {
    const hit = this.map.get(text);
    if (hit !== undefined) {
      // Map order is insertion order: re-inserting makes it the most recently used.
      this.map.delete(text);
      this.map.set(text, hit);
      return hit;
    }
    const value = compute(text);
    this.map.set(text, value);
    this.chars += text.length;
    for (const key of this.map.keys()) {
      if (this.chars <= this.maxChars || key === text) break;
      this.map.delete(key);
      this.chars -= key.length;
    }
    return value;
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
