/**
 * Where a YAML comment starts in a line's value: at a `#` after white space, or at its start
 * when the value follows white space (`atStart`). One pass, for text that may hold long runs
 * of spaces (a regular expression such as /\s+#.*$/ tries each of them).
 */
export function commentStart(value: string, atStart = true): number {
  for (let i = value.indexOf('#'); i >= 0; i = value.indexOf('#', i + 1))
    if (i === 0 ? atStart : /\s/.test(value[i - 1])) return i;
  return -1;
}

/** A value without its trailing comment (and the white space before it). */
export function withoutComment(value: string, atStart = true): string {
  const at = commentStart(value, atStart);
  return at < 0 ? value : value.slice(0, at).trimEnd();
}
