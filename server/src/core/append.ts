/**
 * Adds items to the end of an array one by one. Spread into `push`, each item is an argument
 * of one call, and more than about 120,000 (a long text's lines, paragraphs or findings)
 * overflow the call stack.
 */
export function append<T>(out: T[], items: Iterable<T>): T[] {
  for (const item of items) out.push(item);
  return out;
}
