/**
 * Where and how to insert new lines into a report so that they look like their
 * neighbours: the same indentation, the same alignment of values, comments kept with
 * the keys they describe.
 */
import type { Node, Pair } from 'yaml';
import type { Edit } from './findings';

/** Display width in a monospace editor font: CJK and full-width characters take two cells. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000
        ? 2
        : 1;
  }
  return w;
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function indentOf(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

let lastText: string | undefined;
let lastEol = '\n';

/** The line break style of the document; of the last one asked, remembered (code actions ask once per finding). */
export function eolOf(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastEol = text.includes('\r\n') ? '\r\n' : '\n';
  }
  return lastEol;
}

/** The indentation step the document uses (two spaces unless it shows another). */
export function indentUnit(text: string): string {
  const m = /\n( +)\S/.exec(text);
  return m ? m[1] : '  ';
}

/**
 * The display column where a pair's value begins, when its key was padded to line values
 * up (as in `规章:           [0, 0, 0]`); undefined when the value follows `: ` directly.
 */
export function alignedValueColumn(text: string, pair: Pair): number | undefined {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  if (!key?.range || !value?.range) return undefined;
  const between = text.slice(key.range[1], value.range[0]);
  if (!/^: {2,}$/.test(between)) return undefined;
  return displayWidth(text.slice(lineStartOf(text, value.range[0]), value.range[0]));
}

/** `key: value` with the key padded so the value starts at `column` (when given and possible). */
export function keyValueLine(indent: string, key: string, value: string, column?: number): string {
  const head = `${indent}${key}:`;
  const pad = column === undefined ? 1 : Math.max(1, column - displayWidth(head));
  return value === '' ? head : head + ' '.repeat(pad) + value;
}

/**
 * Offset of the start of the block of comment lines (at the same indentation) directly
 * above a key, so an insertion before the key does not separate it from its comments.
 */
export function startOfLeadingComments(text: string, keyStart: number): number {
  let start = lineStartOf(text, keyStart);
  const indent = indentOf(text, keyStart);
  while (start > 0) {
    const prevStart = lineStartOf(text, start - 1);
    const line = text.slice(prevStart, start).replace(/\r?\n$/, '');
    if (
      !line.startsWith(indent + '#') &&
      !(line.trimStart().startsWith('#') && indentOf(text, prevStart + line.indexOf('#')) === indent)
    )
      break;
    start = prevStart;
  }
  return start;
}

/**
 * Inserts whole lines before the line of the key at `keyStart`, and before the comments
 * above it unless `withinComments` (when those comments describe the new lines too, like a
 * column header above rows of the same columns).
 */
export function insertLinesBefore(text: string, keyStart: number, lines: string[], withinComments = false): Edit {
  const at = withinComments ? lineStartOf(text, keyStart) : startOfLeadingComments(text, keyStart);
  const eol = eolOf(text);
  return { start: at, end: at, text: lines.join(eol) + eol };
}

/** Inserts whole lines after the line on which `end` (the end of a value) lies. */
export function insertLinesAfter(text: string, end: number, lines: string[]): Edit {
  const eol = eolOf(text);
  if (end > 0 && text[end - 1] === '\n') return { start: end, end, text: lines.join(eol) + eol };
  const nl = text.indexOf('\n', end);
  if (nl < 0)
    return { start: text.length, end: text.length, text: eol + lines.join(eol) + (text.endsWith('\n') ? '' : '') };
  return { start: nl + 1, end: nl + 1, text: lines.join(eol) + eol };
}
