/**
 * The smallest edits of the file that write a value given by address: a table's cell, or a
 * text (the 前言, a section or sub-section, a table's 说明). Only the value's characters
 * change: keys, comments, order, alignment, quoting and block style stay as the author wrote
 * them. Each set of edits is checked by parsing its result: the value must read back as
 * given and nothing else may read differently; where the smallest edit does not, the value
 * is written whole (in its own style, else as a `|-` block or a quoted string), and where
 * nothing does, it is refused with the reason.
 */
import { Scalar } from 'yaml';
import { applyEdits } from './edits';
import type { Edit } from './findings';
import { eolOf, indentOf, indentUnit } from './layout';
import type { Report, TextBlock } from './model';
import { parseReport } from './parse';
import { findText, refuse, slotOf, textAddress, type CellAddress, type TextAddress, type Written } from './addresses';
import { cellText } from './cellInput';

/** A text as the form shows it: line breaks as `\n`, none at the end (a block's chomping keeps them apart). */
export function shownText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trimEnd();
}

/** What must read the same after an edit of one value: every other key, row and text, and no new error. */
function shape(report: Report): string {
  return JSON.stringify([
    [...report.meta.keys()],
    report.sections.map((s) => s.decl.key),
    [...report.tables].map(([k, t]) => [k, [...t.rows.keys()], [...t.groups.keys()]]),
    report.texts.map(textAddress),
    report.facts.length,
    report.doc.errors.length,
  ]);
}

function verified(report: Report, edits: Edit[], reads: (after: Report) => boolean): boolean {
  const after = parseReport(applyEdits(report.text, edits), { formats: [report.format] });
  return after.doc.errors.length <= report.doc.errors.length && shape(after) === shape(report) && reads(after);
}

// ---- cells ---------------------------------------------------------------------------

/** The edit that writes a typed or pasted value into a cell, or why it cannot. */
export function writeCell(report: Report, at: CellAddress, input: string): Written<Edit[]> {
  return writeCells(report, [{ at, input }]);
}

/** Edits that write several cells at once, all or none. */
export function writeCells(report: Report, values: { at: CellAddress; input: string }[]): Written<Edit[]> {
  const edits: Edit[] = [];
  const wanted: { at: CellAddress; text: string }[] = [];
  for (const { at, input } of values) {
    const slot = slotOf(report, at);
    if (!slot.ok) return slot;
    const column = report.tables.get(at.table)!.rows.get(at.row)!.decl.columns[at.column];
    const text = cellText(input, column);
    if (!text.ok) return text;
    wanted.push({ at, text: text.value });
    const { span, insert } = slot.value;
    if (insert) {
      // After the space that follows the colon, or after the colon and a space.
      const spaced = report.text[span.start] === ' ';
      const point = spaced ? span.start + 1 : span.start;
      edits.push({ start: point, end: point, text: (spaced ? '' : ' ') + text.value });
    } else if (report.text.slice(span.start, span.end) !== text.value) edits.push({ ...span, text: text.value });
  }
  if (!edits.length) return { ok: true, value: [] };
  const reads = (after: Report) =>
    wanted.every(({ at, text }) => after.tables.get(at.table)?.rows.get(at.row)?.cells[at.column]?.raw === text);
  if (!verified(report, edits, reads))
    return refuse(
      '这一格无法在表单中改写，请在文本中修改',
      'this cell cannot be written from the form: edit it in the text',
    );
  return { ok: true, value: edits };
}

// ---- texts ---------------------------------------------------------------------------

/**
 * The edits that make a text read `value`. `base` is the text the change was made to (what
 * the form showed); when the file has changed meanwhile, the change is made to the file's text
 * if the text around it is unchanged, and refused otherwise.
 */
export function writeText(report: Report, at: TextAddress, value: string, base?: string): Written<Edit[]> {
  const block = findText(report, at);
  const name = at.sub ?? at.section ?? '前言';
  if (!block) return refuse(`文件中没有“${name}”的文字`, `the file has no text "${name}"`);
  const current = shownText(block.text);
  const wanted = shownText(value);
  const target = base === undefined ? wanted : rebase(current, shownText(base), wanted);
  if (target === undefined)
    return refuse(
      `“${name}”的文字已在别处改动，表单已显示最新内容，请重新输入`,
      `the text "${name}" was changed elsewhere; the form shows it as it is now: type the change again`,
    );
  if (target === current) return { ok: true, value: [] };
  const reads = (after: Report) => {
    const b = findText(after, at);
    return !!b && shownText(b.text) === target;
  };
  for (const edits of candidates(report, block, current, target)) {
    if (edits && verified(report, edits, reads)) return { ok: true, value: edits };
  }
  return refuse(
    `“${name}”的文字无法在表单中改写，请在文本中修改`,
    `the text "${name}" cannot be written from the form: edit it in the text`,
  );
}

/** How much of the text on each side of a change must be found unchanged to make it to a changed text. */
const CONTEXT = 32;

/**
 * The change from `base` to `wanted`, made to `current`: where `current` holds the changed
 * characters of `base` with the text around them, once.
 */
function rebase(current: string, base: string, wanted: string): string | undefined {
  if (current === base) return wanted;
  const { prefix, suffix } = difference(base, wanted);
  const removed = base.slice(prefix, base.length - suffix);
  const inserted = wanted.slice(prefix, wanted.length - suffix);
  const before = base.slice(Math.max(0, prefix - CONTEXT), prefix);
  const after = base.slice(base.length - suffix, base.length - suffix + CONTEXT);
  const needle = before + removed + after;
  const at = current.indexOf(needle);
  if (!needle || at < 0 || current.indexOf(needle, at + 1) >= 0) return undefined;
  const start = at + before.length;
  return current.slice(0, start) + inserted + current.slice(start + removed.length);
}

/** The lengths of the common prefix and suffix, never splitting a surrogate pair. */
function difference(a: string, b: string): { prefix: number; suffix: number } {
  const limit = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a[prefix] === b[prefix]) prefix++;
  if (prefix > 0 && prefix < limit && isHighSurrogate(a.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (suffix < limit - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  if (suffix > 0 && isLowSurrogate(a.charCodeAt(a.length - suffix))) suffix--;
  return { prefix, suffix };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The ways to write the text, smallest first. */
function* candidates(report: Report, block: TextBlock, current: string, target: string): Generator<Edit[] | undefined> {
  const node = block.node;
  // No value at all, or only a comment after the key.
  if (!node?.range || (node.value === null && !node.source)) {
    yield emptyValue(report, block, target, 'block');
    yield emptyValue(report, block, target, 'quoted');
    return;
  }
  const span = { start: node.range[0], end: node.range[1] };
  const isBlock = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
  yield smallest(report, block, node, current, target);
  if (isBlock) yield [{ ...span, text: blockScalar(report, block, node, target, node.type === Scalar.BLOCK_FOLDED) }];
  else if (target.includes('\n')) yield [{ ...span, text: blockScalar(report, block, node, target, false) }];
  yield [{ ...span, text: quoted(target) }];
}

/** Replaces only the characters of the value that change. */
function smallest(report: Report, block: TextBlock, node: Scalar, current: string, target: string): Edit[] | undefined {
  const literal = node.type === Scalar.BLOCK_LITERAL;
  const folded = node.type === Scalar.BLOCK_FOLDED;
  const eol = eolOf(report.text);
  const indent = literal || folded ? blockIndent(report, block, node) : '';
  /** A line break of the value as the block writes it: a folded block leaves a blank line. */
  const lineBreak = (next: string | undefined) => {
    const blank = next === undefined || next === '\n';
    if (folded) return blank ? eol : eol + eol + indent;
    return eol + (blank ? '' : indent);
  };
  if (current === '')
    return literal || folded ? intoEmptyBlock(report, node, target, indent, lineBreak) : intoEmptyQuotes(node, target);
  const { prefix, suffix } = difference(current, target);
  const from = prefix;
  const to = current.length - suffix;
  const middle = target.slice(prefix, target.length - suffix);
  const src = (i: number) => block.offsetAt(i);
  const valueEnd = src(current.length - 1) + 1;
  const start = from < current.length ? src(from) : valueEnd;
  // A block's line break ends a line whose successor starts after its indentation: replacing
  // up to that successor removes the indentation too, and the replacement gives it back.
  const gapRemoved = (literal || folded) && to > from && to < current.length && current[to - 1] === '\n';
  const end = to === from ? start : to >= current.length ? valueEnd : gapRemoved ? src(to) : src(to - 1) + 1;
  if (end < start) return undefined;
  let text: string;
  if (literal || folded) {
    text = '';
    for (let j = 0; j < middle.length; j++) text += middle[j] === '\n' ? lineBreak(target[prefix + j + 1]) : middle[j];
    const next = target[target.length - suffix];
    if (gapRemoved && middle === '' && target[target.length - suffix - 1] === '\n' && next !== '\n') text = indent;
  } else if (middle.includes('\n')) {
    return undefined;
  } else if (node.type === Scalar.QUOTE_DOUBLE) {
    text = quoted(middle).slice(1, -1);
  } else if (node.type === Scalar.QUOTE_SINGLE) {
    text = middle.replace(/'/g, "''");
  } else {
    text = middle;
  }
  return [{ start, end, text }];
}

/** The first text of an empty block: on the indented blank line it leaves for it, or on a line of its own. */
function intoEmptyBlock(
  report: Report,
  node: Scalar,
  target: string,
  indent: string,
  lineBreak: (next: string | undefined) => string,
): Edit[] {
  const text = report.text;
  const eol = eolOf(text);
  let body = '';
  for (let i = 0; i < target.length; i++) body += target[i] === '\n' ? lineBreak(target[i + 1]) : target[i];
  const [start, end] = node.range!;
  const nl = text.indexOf('\n', start);
  if (nl < 0 || nl >= end) return [{ start: end, end, text: eol + indent + body }];
  const lineStart = nl + 1;
  const lineEnd = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, lineEnd < 0 || lineEnd > end ? end : lineEnd).replace(/\r$/, '');
  if (lineEnd >= 0 && lineEnd < end && /^ *$/.test(line) && line.length >= indent.length) {
    const at = lineStart + indent.length;
    return [{ start: at, end: at, text: body }];
  }
  return [{ start: lineStart, end: lineStart, text: indent + body + eol }];
}

function intoEmptyQuotes(node: Scalar, target: string): Edit[] | undefined {
  if (target.includes('\n')) return undefined;
  const at = node.range![0] + 1;
  if (node.type === Scalar.QUOTE_DOUBLE) return [{ start: at, end: at, text: quoted(target).slice(1, -1) }];
  if (node.type === Scalar.QUOTE_SINGLE) return [{ start: at, end: at, text: target.replace(/'/g, "''") }];
  return undefined;
}

/** The indentation of a block's lines: its first line's, or one step in from its key. */
function blockIndent(report: Report, block: TextBlock, node: Scalar): string {
  const text = report.text;
  const keyIndent = indentOf(text, block.keySpan.start);
  const range = node.range!;
  const nl = text.indexOf('\n', range[0]);
  if (nl >= 0 && nl < range[1]) {
    // The first line of the block that holds more than white space, or the white space of an empty one.
    for (let p = nl + 1; p < range[1];) {
      const lineEnd = text.indexOf('\n', p);
      const line = text.slice(p, lineEnd < 0 || lineEnd > range[1] ? range[1] : lineEnd).replace(/\r$/, '');
      const lead = /^ */.exec(line)![0];
      if (line.trim() || lead.length > keyIndent.length) {
        if (lead.length > keyIndent.length) return lead;
        break;
      }
      if (lineEnd < 0) break;
      p = lineEnd + 1;
    }
  }
  return keyIndent + indentUnit(text);
}

/** The whole scalar as a block: `|-` (or the header it had), a line per line of the text, or paragraphs apart when folded. */
function blockScalar(report: Report, block: TextBlock, node: Scalar, target: string, folded: boolean): string {
  const text = report.text;
  const indent = blockIndent(report, block, node);
  const range = node.range!;
  const old = text.slice(range[0], range[1]);
  let header = /^[|>][-+]?/.exec(old)?.[0] ?? '|-';
  if (!/^[|>]/.test(old)) header = '|-';
  // A first line that starts with a space needs the indentation said.
  if (/^[ \t]/.test(target))
    header = header[0] + String(indent.length - indentOf(text, block.keySpan.start).length) + header.slice(1);
  const lines = target.split('\n').map((l) => (l ? indent + l : ''));
  const body = folded ? lines.filter((l) => l).join('\n\n') : lines.join('\n');
  const eol = eolOf(text);
  const trailing = /^[|>]/.test(old) && old.slice(old.trimEnd().length).includes('\n') ? eol : '';
  return header + eol + body.replace(/\n/g, eol) + trailing;
}

/** A double-quoted string: JSON's escapes are YAML's. */
function quoted(s: string): string {
  return JSON.stringify(s);
}

/** Writes a text where the key has no value at all (`总体情况:` then nothing). */
function emptyValue(report: Report, block: TextBlock, target: string, style: 'block' | 'quoted'): Edit[] | undefined {
  const text = report.text;
  const colon = text.indexOf(':', block.keySpan.end);
  if (colon < 0 || text.slice(block.keySpan.end, colon).trim()) return undefined;
  if (style === 'quoted') return [{ start: colon + 1, end: colon + 1, text: ' ' + quoted(target) }];
  const eol = eolOf(text);
  const indent = indentOf(text, block.keySpan.start) + indentUnit(text);
  const lines = target.split('\n').map((l) => (l ? indent + l : ''));
  const nl = text.indexOf('\n', colon);
  const lineEnd = nl < 0 ? text.length : nl + 1;
  const body = lines.join(eol) + eol;
  return [
    { start: colon + 1, end: colon + 1, text: ' |-' },
    nl < 0 ? { start: lineEnd, end: lineEnd, text: eol + body } : { start: lineEnd, end: lineEnd, text: body },
  ];
}
