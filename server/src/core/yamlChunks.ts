/**
 * YAML parsing that reuses what did not change. A report is a block mapping whose
 * top-level entries start at column 0, so each entry parses on its own; a large entry that
 * is itself a block mapping splits again into its children, and theirs (an indented mapping
 * is a valid document too). Parsed pieces are cached by their text and shifted to their new offset,
 * so a keystroke re-parses one entry instead of the whole file. Anything that could make
 * the pieces disagree with a whole-document parse (document markers, directives, a key
 * repeated across pieces, an alias to another piece) falls back to one full parse.
 */
import {
  Composer,
  isCollection,
  isMap,
  isNode,
  isPair,
  isScalar,
  Lexer,
  parseDocument,
  Pair,
  Parser,
  YAMLMap,
  YAMLParseError,
  type Document,
  type Node,
  type ParsedNode,
  type YAMLError,
  type YAMLWarning,
} from 'yaml';
import { append } from './append';

export interface ParsedYaml {
  contents: ParsedNode | null;
  errors: YAMLError[];
  warnings: YAMLWarning[];
}

// Duplicate keys are found by `parse` below: yaml's own check compares each key with every
// key before it, which is quadratic in the size of a mapping.
const OPTIONS = { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, strict: false } as const;

/**
 * Entries larger than this are split into their children, at any depth: a keystroke in a table
 * cell re-parses a row or a few, not the table, also in the smallest table of the form (主动公开,
 * about 240 characters). Each piece parsed costs a little of its own, and each kept piece is
 * moved when an edit before it adds or removes characters.
 */
const SPLIT_AT = 200;

interface Piece {
  doc: Document.Parsed;
  /** The offset its node ranges currently carry. */
  base: number;
  /** The parse that last gave it out. */
  claimed: number;
  copies: Copies;
}

/**
 * The parsed copies of one text. A parse may meet the same text twice (two mappings with an
 * identical child): each place gets its own copy, since the nodes carry their offsets.
 */
interface Copies {
  pieces: Piece[];
  /** The last parse that used one. */
  generation: number;
}

/**
 * An entry of a mapping as the last parse read it, kept with its place in the text: while an
 * edit leaves its text alone, the next parse takes it as it is (moved by what the edit added or
 * removed before it) without scanning, slicing or looking up its text again; an edit within a
 * split entry's children keeps the others.
 */
interface Entry extends Span {
  /** The piece of an entry read whole, or of the key line of a split one. */
  piece: Piece;
  /** What it puts in the mapping it is in (for a split entry, the pair of its key and its children's mapping). */
  pairs: Pair[];
  keys: string[];
  warnings: YAMLWarning[];
  split?: Split;
}

/** A split entry's children: where they start, their indentation, their mapping. */
interface Split {
  headEnd: number;
  indent: number;
  children: Entry[];
  map: YAMLMap.Parsed;
}

export class ChunkCache {
  private readonly texts = new Map<string, Copies>();
  private readonly assembledEntries = new WeakMap<Document.Parsed, Pair<unknown, YAMLMap.Parsed>>();
  private generation = 0;
  /** The last parse made of pieces: its text and top-level entries. */
  private last?: { text: string; entries: Entry[] };

  /**
   * A parsed piece of text at an offset, from the cache or parsed now; never one given out
   * before in the same parse, and the copy already at that offset when there is one.
   */
  piece(text: string, offset: number): Piece {
    let c = this.texts.get(text);
    if (!c) this.texts.set(text, (c = { pieces: [], generation: this.generation }));
    let free: Piece | undefined;
    for (const p of c.pieces) {
      if (p.claimed === this.generation) continue;
      free ??= p;
      if (p.base === offset) {
        free = p;
        break;
      }
    }
    if (!free) c.pieces.push((free = { doc: parse(text), base: 0, claimed: -1, copies: c }));
    this.claim(free, offset);
    return free;
  }

  /** Gives out a piece in this parse where it is. */
  hold(p: Piece): void {
    this.claim(p, p.base);
  }

  /** Gives out a piece in this parse, its nodes moved to `offset`. */
  private claim(p: Piece, offset: number): void {
    p.claimed = this.generation;
    p.copies.generation = this.generation;
    if (p.base !== offset) {
      shift(p.doc, offset - p.base);
      p.base = offset;
    }
  }

  /** Takes a kept entry (and its children) in this parse, moved by `by`. */
  keep(e: Entry, by: number): void {
    this.claim(e.piece, e.piece.base + by);
    if (by) {
      e.start += by;
      e.end += by;
    }
    if (!e.split) return;
    if (by) {
      e.split.headEnd += by;
      const r = e.split.map.range;
      r[0] += by;
      r[1] += by;
      r[2] += by;
    }
    for (const c of e.split.children) this.keep(c, by);
  }

  /**
   * The entry of a split mapping: the pair built last time from the same key line, when its
   * mapping holds the same pairs (no piece of it changed), so that what is read from it can be
   * kept by identity (parse.ts keeps the tables read); otherwise a new pair of `key` and `fresh`.
   */
  assembled(head: Document.Parsed, key: unknown, fresh: YAMLMap.Parsed): Pair<unknown, YAMLMap.Parsed> {
    const last = this.assembledEntries.get(head);
    const items = last?.value?.items;
    if (items && items.length === fresh.items.length && items.every((p, i) => p === fresh.items[i])) return last!;
    const entry = new Pair(key, fresh);
    this.assembledEntries.set(head, entry);
    return entry;
  }

  /** Forgets texts not used by the last two parses, and copies the last parse did not need. */
  private nextGeneration(): void {
    for (const [k, c] of this.texts) {
      if (c.generation < this.generation - 1) this.texts.delete(k);
      else if (c.generation === this.generation && c.pieces.length > 1) {
        const kept = c.pieces.filter((p) => p.claimed === this.generation);
        c.pieces = kept.length ? kept : c.pieces.slice(0, 1);
      }
    }
    this.generation++;
  }

  get size(): number {
    return this.texts.size;
  }

  /** The texts held, for tests of what a parse reused. */
  heldTexts(): string[] {
    return [...this.texts.keys()];
  }

  /** `text` parsed from pieces, the entries an edit left alone taken as they were; undefined when a whole parse is needed. */
  parse(text: string): ParsedYaml | undefined {
    const last = this.last;
    this.last = undefined;
    const edit = last ? editOf(last.text, text) : undefined;
    // Markers can only have come with the edit: the last text had none (it was read in pieces).
    if (edit ? hasMarkers(text, edit.start, edit.newEnd) : hasMarkers(text)) return undefined;
    this.nextGeneration();
    const entries =
      last && edit
        ? reread(text, this, last.entries, edit, text.length - last.text.length, 0)
        : readEntries(text, entrySpans(text, 0, text.length, 0), this);
    if (!entries || entries.length < 2) return undefined;
    const map = mappingOf(entries, 0, text.length);
    if (!map) return undefined;
    this.last = { text, entries };
    return { contents: map, errors: [], warnings: warningsOf(entries) };
  }
}

export function parseYaml(text: string, cache?: ChunkCache): ParsedYaml {
  return cache?.parse(text) ?? whole(text);
}

const MARKERS = /^(?:---|\.\.\.|%)/m;

/**
 * A line that starts with `---`, `...` or `%` (MARKERS), among the lines that `from`..`to`
 * touches: looked for only at line starts (the regex tries every character of a long text).
 */
function hasMarkers(text: string, from = 0, to = text.length): boolean {
  // Other line breaks than \n: the regex knows them all.
  if (text.includes('\r') || text.includes('\u2028') || text.includes('\u2029')) return MARKERS.test(text);
  for (
    let i = text.lastIndexOf('\n', from - 1) + 1;
    i >= 0 && i <= to && i < text.length;
    i = text.indexOf('\n', i) + 1 || -1
  ) {
    const c = text[i];
    if ((c === '-' && text.startsWith('---', i)) || (c === '.' && text.startsWith('...', i)) || c === '%') return true;
  }
  return false;
}

/** Where two texts differ: from `start` to `oldEnd` in the old one, to `newEnd` in the new one. */
interface Edit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * Compared in blocks of shrinking size, each as one comparison of two slices by the engine
 * (slices of a long string share its characters), then a character at a time.
 */
function editOf(a: string, b: string): Edit {
  const n = Math.min(a.length, b.length);
  let start = 0;
  for (const block of BLOCKS)
    while (start + block <= n && a.slice(start, start + block) === b.slice(start, start + block)) start += block;
  while (start < n && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  const most = n - start;
  let same = 0;
  for (const block of BLOCKS)
    while (
      same + block <= most &&
      a.slice(a.length - same - block, a.length - same) === b.slice(b.length - same - block, b.length - same)
    )
      same += block;
  while (same < most && a.charCodeAt(a.length - 1 - same) === b.charCodeAt(b.length - 1 - same)) same++;
  return { start, oldEnd: a.length - same, newEnd: b.length - same };
}

const BLOCKS = [4096, 256, 16];

/**
 * The entries of a mapping at `indent` after an edit, from `old`, its entries before it: those
 * ending before the edit and those starting after it are kept (moved by `delta`); one split
 * entry that holds the whole edit below its key line is read again the same way, one level
 * down; otherwise the entries the edit touches are scanned and read again, from the first
 * one's start to the last one's end. Undefined when a whole parse is needed.
 */
function reread(
  text: string,
  cache: ChunkCache,
  old: Entry[],
  edit: Edit,
  delta: number,
  indent: number,
): Entry[] | undefined {
  let i0 = 0;
  while (i0 < old.length && old[i0].end < edit.start) i0++;
  // An edit within the indentation or the first character of an entry's line may join it to the entry before.
  while (i0 > 0 && i0 < old.length && edit.start <= old[i0].start + indent) i0--;
  let i1 = old.length - 1;
  while (i1 >= 0 && old[i1].start > edit.oldEnd) i1--;
  if (i0 >= old.length || i1 < i0) return undefined;
  // Kept entries are taken first: a piece read afresh must not take a copy one of them holds.
  for (let i = 0; i < i0; i++) cache.keep(old[i], 0);
  for (let i = i1 + 1; i < old.length; i++) cache.keep(old[i], delta);
  const from = old[i0].start;
  const to = old[i1].end + delta;
  let touched: Entry[] | undefined;
  const e = old[i0];
  if (
    i0 === i1 &&
    e.split &&
    edit.start >= e.split.headEnd &&
    to - from > SPLIT_AT &&
    childIndent(text, e.split.headEnd, to) === e.split.indent
  ) {
    // The key line comes before the edit: its piece stays where it is.
    cache.hold(e.piece);
    const children = reread(text, cache, e.split.children, edit, delta, e.split.indent);
    if (children && children.length > 1) {
      const entry = splitEntry(cache, { start: from, end: to }, e.piece, e.split.headEnd, e.split.indent, children);
      if (entry) touched = [entry];
    }
  }
  if (!touched) {
    // Its first line begins an entry still, before the edit (or is where the mapping starts, as in a scan of it all).
    const scanned = entrySpans(text, from, to, indent);
    if (!scanned.length) return undefined;
    touched = readEntries(text, scanned, cache);
    if (!touched) return undefined;
  }
  return [...old.slice(0, i0), ...touched, ...old.slice(i1 + 1)];
}

/** Reads the entries at `spans` afresh (their pieces may come from the cache); undefined when a whole parse is needed. */
function readEntries(text: string, spans: Span[], cache: ChunkCache): Entry[] | undefined {
  const out: Entry[] = [];
  for (const span of spans) {
    const e = readEntry(text, span, cache);
    if (!e) return undefined;
    out.push(e);
  }
  return out;
}

function readEntry(text: string, span: Span, cache: ChunkCache): Entry | undefined {
  const children = span.end - span.start > SPLIT_AT ? childSpans(text, span) : undefined;
  if (children) {
    // The entry's key line alone, then its children as an indented mapping each.
    const head = cache.piece(text.slice(span.start, children.headEnd), span.start);
    const kids = readEntries(text, children.spans, cache);
    return kids && splitEntry(cache, span, head, children.headEnd, children.indent, kids);
  }
  const piece = cache.piece(text.slice(span.start, span.end), span.start);
  const doc = piece.doc;
  // A piece that does not parse cleanly may read differently within the whole text.
  if (doc.errors.length) return undefined;
  const entry: Entry = { ...span, piece, pairs: [], keys: [], warnings: doc.warnings };
  const contents = doc.contents;
  if (!contents) return entry;
  if (!isMap(contents)) return undefined;
  for (const pair of contents.items) {
    const key = keyString(pair);
    if (key === undefined) return undefined;
    entry.pairs.push(pair);
    entry.keys.push(key);
  }
  return entry;
}

/** A split entry from its key line's piece and its children. */
function splitEntry(
  cache: ChunkCache,
  span: Span,
  head: Piece,
  headEnd: number,
  indent: number,
  children: Entry[],
): Entry | undefined {
  const doc = head.doc;
  if (doc.errors.length || !isMap(doc.contents) || doc.contents.items.length !== 1) return undefined;
  const pair = doc.contents.items[0];
  const key = keyString(pair);
  if (key === undefined) return undefined;
  const fresh = mappingOf(children, headEnd, span.end);
  if (!fresh) return undefined;
  const entry = cache.assembled(doc, pair.key, fresh);
  const map = entry.value!;
  map.range = fresh.range;
  return {
    start: span.start,
    end: span.end,
    piece: head,
    pairs: [entry],
    keys: [key],
    warnings: [],
    split: { headEnd, indent, children, map },
  };
}

/** The mapping of entries, ranged as a whole parse ranges it; undefined when a key repeats. */
function mappingOf(entries: Entry[], start: number, end: number): YAMLMap.Parsed | undefined {
  const keys = new Set<string>();
  const map = new YAMLMap() as YAMLMap.Parsed;
  for (const e of entries) {
    for (const k of e.keys) {
      if (keys.has(k)) return undefined;
      keys.add(k);
    }
    for (const p of e.pairs) map.items.push(p as Pair<ParsedNode, ParsedNode | null>);
  }
  map.range = mapRange(map, entries[0]?.start ?? start, end);
  return map;
}

/** The warnings of the entries' pieces, in order (few documents have any). */
function warningsOf(entries: Entry[], out: YAMLWarning[] = []): YAMLWarning[] {
  for (const e of entries) {
    if (e.split) warningsOf(e.split.children, out);
    else if (e.warnings.length) append(out, e.warnings);
  }
  return out;
}

function whole(text: string): ParsedYaml {
  const doc = parse(text);
  return { contents: doc.contents, errors: doc.errors, warnings: doc.warnings };
}

/** `parseDocument` with yaml's duplicate-key rule (scalar keys of equal value) checked in linear time. */
function parse(text: string): Document.Parsed {
  const doc = parseDocument(text, OPTIONS);
  duplicates(doc.contents, doc.errors);
  return doc;
}

/**
 * The whole text parsed as `parse` does, each of the lexer's tokens first shown to `screen`
 * (limits.ts); the parse stops at the first token it refuses, and the refusal is returned
 * instead. A file GovReport reads by itself is then lexed once, not once to screen and once
 * to parse.
 */
export function parseScreened<R>(text: string, screen: (token: string) => R | undefined): ParsedYaml | { refused: R } {
  const parser = new Parser();
  let refused: R | undefined;
  function* tokens() {
    for (const token of new Lexer().lex(text)) {
      refused = screen(token);
      if (refused !== undefined) return;
      yield* parser.next(token);
    }
    yield* parser.end();
  }
  // What parseDocument does with the parser's tokens: the first document, and an error for a second.
  let doc: Document.Parsed | undefined;
  for (const d of new Composer(OPTIONS).compose(tokens(), true, text.length)) {
    if (!doc) doc = d;
    else {
      doc.errors.push(
        new YAMLParseError(
          [d.range[0], d.range[1]],
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()',
        ),
      );
      break;
    }
  }
  if (refused !== undefined) return { refused };
  duplicates(doc!.contents, doc!.errors);
  return { contents: doc!.contents, errors: doc!.errors, warnings: doc!.warnings };
}

/** Scalar keys repeated in a mapping, mappings before what they hold (as `visit` would go, without copying its path at every collection). */
function duplicates(node: unknown, errors: YAMLError[]): void {
  if (isPair(node)) {
    duplicates(node.key, errors);
    duplicates(node.value, errors);
    return;
  }
  if (!isCollection(node)) return;
  if (isMap(node)) {
    const seen = new Set<unknown>();
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const v = pair.key.value;
      // yaml compares with ===, under which NaN equals nothing.
      if (Number.isNaN(v)) continue;
      if (!seen.has(v)) seen.add(v);
      else {
        const at = (pair.key as Node).range?.[0] ?? 0;
        errors.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
      }
    }
  }
  for (const item of node.items) duplicates(item, errors);
}

interface Span {
  start: number;
  end: number;
}

/** Lines that begin an entry of a block mapping at indentation `indent`. */
function entrySpans(text: string, from: number, to: number, indent: number): Span[] {
  const spans: Span[] = [];
  let lineStart = from;
  let current: Span | undefined;
  while (lineStart < to) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    let i = lineStart;
    while (i < lineEnd && text[i] === ' ') i++;
    const c = text[i];
    const blank = i >= lineEnd || c === '#' || c === '\r';
    if (!blank && i - lineStart === indent) {
      // A byte-order mark opening a piece would be read as one, and dropped; within the whole text it is a character.
      if (c === '-' || c === '?' || c === '[' || c === '{' || c === '\t' || (c === '\ufeff' && lineStart > 0))
        return [];
      if (current) current.end = lineStart;
      current = { start: lineStart, end: to };
      spans.push(current);
    } else if (!blank && i - lineStart < indent) return [];
    lineStart = lineEnd + 1;
  }
  // Comments and blank lines before the first entry belong to no entry: keep them with it.
  if (spans.length) spans[0].start = from;
  return spans;
}

/** The children of a large entry whose value is a block mapping, if it is one. */
function childSpans(text: string, span: Span): { headEnd: number; indent: number; spans: Span[] } | undefined {
  const headEnd = text.indexOf('\n', span.start) + 1;
  if (headEnd <= 0 || headEnd >= span.end) return undefined;
  const head = text.slice(span.start, headEnd);
  // Only `key:` with nothing but a comment after it opens a block mapping.
  if (!/^ *[^\s#][^#]*:\s*(?:#.*)?\r?\n$/.test(head) || /["'[{]/.test(head.split(':')[0])) return undefined;
  const indent = childIndent(text, headEnd, span.end);
  if (indent === undefined) return undefined;
  const spans = entrySpans(text, headEnd, span.end, indent);
  return spans.length > 1 ? { headEnd, indent, spans } : undefined;
}

/** The indentation of the first line after `from` that is not blank or a comment. */
function childIndent(text: string, from: number, to: number): number | undefined {
  const m = /^( +)[^\s#]/m.exec(text.slice(from, to));
  return m ? m[1].length : undefined;
}

/** The range a whole parse gives a block mapping: its first key to the end of its last value. */
function mapRange(map: YAMLMap, start: number, end: number): [number, number, number] {
  const first = (map.items[0]?.key as Node | undefined)?.range?.[0] ?? start;
  const last = map.items[map.items.length - 1];
  const lastEnd = ((last?.value as Node | null)?.range ?? (last?.key as Node | undefined)?.range)?.[1] ?? end;
  return [first, lastEnd, end];
}

/** The key as the pieces compare them; undefined for a key the whole parse may place otherwise (an empty one, `: x`). */
function keyString(pair: Pair): string | undefined {
  if (!isScalar(pair.key)) return undefined;
  const r = pair.key.range;
  // Where yaml puts an empty key depends on what comes before it (a blank line with a CR).
  return r && r[0] === r[1] ? undefined : String(pair.key.value);
}

function shift(doc: Document.Parsed, delta: number): void {
  move(doc.contents, delta);
  // Copied, not moved in place: yaml may give a warning an array it holds elsewhere.
  for (const w of doc.warnings) w.pos = [w.pos[0] + delta, w.pos[1] + delta];
}

/** Moves a node and everything under it, keys and values alike; a plain walk, not `visit`, which copies its path at every collection. */
function move(node: unknown, delta: number): void {
  if (isPair(node)) {
    move(node.key, delta);
    move(node.value, delta);
    return;
  }
  if (!isNode(node)) return;
  // In place: a new array per node would be garbage on every keystroke, and the model keeps no range arrays (it copies offsets).
  const r = node.range;
  if (r) {
    r[0] += delta;
    r[1] += delta;
    r[2] += delta;
  }
  if (isCollection(node)) for (const item of node.items) move(item, delta);
}
