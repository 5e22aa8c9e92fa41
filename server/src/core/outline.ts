/**
 * The shape of a report for navigation: the outline (sections, sub-sections, tables,
 * groups, rows), folding ranges and selection ranges. Names come from the format
 * declaration where a key matched it, so the outline reads like the printed form.
 */
import { isCollection, isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Span } from './findings';
import type { Report } from './model';

export type OutlineKind = 'meta' | 'section' | 'subsection' | 'group' | 'row' | 'key';

export interface OutlineNode {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** The whole entry: key and value. */
  span: Span;
  /** The key. */
  selection: Span;
  children: OutlineNode[];
}

interface Info {
  name: string;
  kind: OutlineKind;
  detail?: string;
  /** Whether the entry's mapping value holds entries worth listing. */
  descend: boolean;
}

/** The end of a span without the white space a YAML node range carries after its value. */
function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}

function rangeOf(node: unknown): [number, number] | undefined {
  const r = (node as Node | null | undefined)?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** Key start to value end (or key end when there is no value). */
export function pairSpan(text: string, pair: Pair): Span | undefined {
  const key = rangeOf(pair.key);
  if (!key) return undefined;
  const value = rangeOf(pair.value);
  const end = value && value[1] > key[1] ? trimmedEnd(text, key[0], value[1]) : key[1];
  return { start: key[0], end: Math.max(end, key[1]) };
}

/** What the model made of each key, by the YAML pair it read it from. */
function infoByPair(report: Report): Map<Pair, Info> {
  const info = new Map<Pair, Info>();
  for (const [key, m] of report.meta) {
    const raw = m.raw.replace(/\s+/g, ' ').trim();
    info.set(m.pair, {
      name: key,
      kind: 'meta',
      detail: m.decl.role === 'preface' ? undefined : raw.length > 40 ? raw.slice(0, 39) + '…' : raw,
      descend: false,
    });
  }
  for (const s of report.sections) {
    info.set(s.pair, { name: s.decl.number + s.decl.title, kind: 'section', descend: true });
  }
  for (const table of report.tables.values()) {
    for (const g of table.groups.values())
      info.set(g.pair, { name: g.decl.number + g.decl.key, kind: 'group', descend: true });
    for (const r of table.rows.values()) {
      const values = r.cells.map((c) => c?.raw.trim() ?? '·');
      info.set(r.pair, {
        name: r.decl.number + r.decl.key,
        kind: 'row',
        detail: `[${values.join(', ')}]`,
        descend: false,
      });
    }
  }
  return info;
}

/** The outline of the report: top-level entries in file order, each with what it contains. */
export function outline(report: Report): OutlineNode[] {
  const root = report.root;
  if (!root) return [];
  const info = infoByPair(report);
  const textSections = new Set(report.sections.filter((s) => s.decl.kind === 'text').map((s) => s.pair));
  const walk = (pairs: Pair[], parentKind: OutlineKind | undefined, inText: boolean): OutlineNode[] => {
    const out: OutlineNode[] = [];
    for (const pair of pairs) {
      const span = pairSpan(report.text, pair);
      const key = rangeOf(pair.key);
      if (!span || !key) continue;
      const known = info.get(pair);
      const written = isScalar(pair.key) ? String(pair.key.value ?? '') : report.text.slice(key[0], key[1]);
      const node: OutlineNode = {
        name: known?.name ?? written,
        kind: known?.kind ?? (inText ? 'subsection' : 'key'),
        detail: known?.detail,
        span,
        selection: { start: key[0], end: key[1] },
        children: [],
      };
      const value = pair.value;
      // Rows, metadata and texts are leaves; sections and groups list their entries.
      const descend = known ? known.descend : parentKind !== 'row' && !inText;
      if (descend && isMap(value)) node.children = walk(value.items as Pair[], node.kind, textSections.has(pair));
      out.push(node);
    }
    return out;
  };
  return walk(root.items as Pair[], undefined, false);
}

export interface Fold {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

/** Every entry that spans several lines folds, and so does every block of two or more comment lines. */
export function foldingRanges(report: Report): Fold[] {
  const { text, lines } = report;
  const folds: Fold[] = [];
  const visit = (node: unknown): void => {
    if (!isCollection(node)) return;
    for (const item of node.items) {
      if (isPair(item)) {
        const span = pairSpan(text, item);
        if (span) {
          const start = lines.positionAt(span.start).line;
          const end = lines.positionAt(span.end).line;
          if (end > start) folds.push({ startLine: start, endLine: end });
        }
        visit(item.value);
      } else visit(item);
    }
  };
  visit(report.doc.contents);
  let run = -1;
  for (let line = 0; line <= lines.lineCount; line++) {
    const isComment = line < lines.lineCount && /^\s*#/.test(lines.lineText(line));
    if (isComment && run < 0) run = line;
    if (!isComment && run >= 0) {
      if (line - 1 > run) folds.push({ startLine: run, endLine: line - 1, kind: 'comment' });
      run = -1;
    }
  }
  return folds.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

const SENTENCE_END = /[。！？；!?;]/u;

/**
 * Spans around an offset, innermost first, each containing the one before: within a text a
 * sentence and a paragraph; then the value, its entry, the entries around it, the document.
 */
export function selectionSpans(report: Report, offset: number): Span[] {
  const { text } = report;
  const chain: Span[] = [];
  const push = (s: Span | undefined) => {
    if (!s || s.start > offset || s.end < offset) return;
    const last = chain[chain.length - 1];
    if (last && s.start === last.start && s.end === last.end) return;
    if (last && (s.start > last.start || s.end < last.end)) return;
    chain.push(s);
  };
  const path: { node: Node; pair?: Pair }[] = [];
  const descend = (node: unknown, pair?: Pair): void => {
    const r = rangeOf(node);
    if (!r) return;
    if (offset < r[0] || offset > trimmedEnd(text, r[0], r[1])) return;
    path.push({ node: node as Node, pair });
    if (!isCollection(node)) return;
    for (const item of node.items) {
      if (isPair(item)) {
        const span = pairSpan(text, item);
        if (!span || offset < span.start || offset > span.end) continue;
        const key = rangeOf(item.key);
        if (key && offset >= key[0] && offset <= key[1]) {
          path.push({ node: item.key as Node, pair: item });
          return;
        }
        const depth = path.length;
        descend(item.value, item);
        // Between key and value (the colon, padding): the entry itself is the innermost unit.
        if (path.length === depth) path.push({ node: item.key as Node, pair: item });
        return;
      }
      const ir = rangeOf(item);
      if (ir && offset >= ir[0] && offset <= ir[1]) {
        descend(item);
        return;
      }
    }
  };
  descend(report.doc.contents);
  for (let i = path.length - 1; i >= 0; i--) {
    const { node, pair } = path[i];
    const r = rangeOf(node)!;
    const span = { start: r[0], end: trimmedEnd(text, r[0], r[1]) };
    if (
      i === path.length - 1 &&
      isScalar(node) &&
      typeof node.value === 'string' &&
      pair?.key !== node &&
      !isSeq(path[i - 1]?.node)
    ) {
      for (const s of textUnits(text, span, offset, node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED'))
        push(s);
    }
    // Inside a flow collection, the contents between the brackets come before the brackets.
    if (isCollection(node) && node.flow && span.end - span.start >= 2)
      push({ start: span.start + 1, end: span.end - 1 });
    push(span);
    if (pair) push(pairSpan(text, pair));
  }
  push({ start: 0, end: trimmedEnd(text, 0, text.length) });
  return chain;
}

/** The sentence and the paragraph of a text value around an offset, in source characters. */
function textUnits(text: string, span: Span, offset: number, block: boolean): Span[] {
  // A block scalar's text starts on the line after its `|-` or `>-` indicator.
  const contentStart = block ? Math.min(span.end, text.indexOf('\n', span.start) + 1 || span.end) : span.start;
  if (offset < contentStart) return [];
  const paraStart = skipSpace(text, blankLineBefore(text, contentStart, offset), span.end);
  const paraEnd = blankLineAfter(text, offset, span.end);
  let s = offset;
  while (s > paraStart && !SENTENCE_END.test(text[s - 1])) s--;
  let e = offset;
  while (e < paraEnd && !SENTENCE_END.test(text[e])) e++;
  if (e < paraEnd) e++;
  return [
    { start: skipSpace(text, s, e), end: e },
    { start: paraStart, end: trimmedEnd(text, paraStart, paraEnd) },
  ];
}

function skipSpace(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && /\s/.test(text[i])) i++;
  return i;
}

/** The end of the blank line before `offset` (within the value), or the value's start. */
function blankLineBefore(text: string, start: number, offset: number): number {
  const re = /\n[ \t]*\n/g;
  let found = start;
  re.lastIndex = start;
  for (let m = re.exec(text); m && m.index < offset; m = re.exec(text)) found = m.index + m[0].length;
  return found;
}

/** The start of the blank line after `offset` (within the value), or the value's end. */
function blankLineAfter(text: string, offset: number, end: number): number {
  const re = /\n[ \t]*\n/g;
  re.lastIndex = offset;
  const m = re.exec(text);
  return m && m.index < end ? m.index : end;
}
