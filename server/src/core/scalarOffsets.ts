/**
 * Maps each character of a scalar's value to its offset in the source, so that a finding
 * about a number inside a sentence can point at the exact characters. Block and flow
 * scalars fold line breaks and drop indentation and quotes; the value's characters still
 * appear in the source in order, so a forward alignment recovers them.
 */
/** Between two characters of the value the source holds at most a line break, indentation or an escape. */
const LOOKAHEAD = 256;

export function scalarOffsets(source: string, start: number, end: number, value: string): Int32Array {
  const out = new Int32Array(value.length);
  let p = start;
  // Skip a block scalar's header line (`>-`, `|+2`, …).
  const first = source[p];
  if (first === '|' || first === '>') {
    const nl = source.indexOf('\n', p);
    p = nl < 0 || nl > end ? end : nl + 1;
  } else if (first === '"' || first === "'") {
    p++;
  }
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    let q = p;
    const limit = Math.min(end, p + LOOKAHEAD);
    // A folded line break or a space stands for any run of white space in the source.
    const folded = c === ' ' || c === '\n';
    while (q < limit && source[q] !== c && !(folded && isSpace(source[q]))) q++;
    if (q >= limit) {
      // An escape sequence or the like: keep the previous position and look on from there.
      out[i] = Math.min(p, end);
      continue;
    }
    out[i] = q;
    p = q + 1;
    if (folded)
      while (p < end && isSpace(source[p]) && !(value[i + 1] !== undefined && source[p] === value[i + 1])) p++;
  }
  return out;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\r' || c === '\t';
}
