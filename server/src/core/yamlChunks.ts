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
 * cell re-parses a group of rows, not the table (each piece parsed costs a little of its own).
 */
const SPLIT_AT = 512;

interface Piece {
  doc: Document.Parsed;
  /** The offset its node ranges currently carry. */
  base: number;
}

/**
 * The parsed copies of one text. A parse may meet the same text twice (two mappings with an
 * identical child): each place gets its own copy, since the nodes carry their offsets.
 */
interface Copies {
  pieces: Piece[];
  /** The last parse that used some, and how many it used. */
  generation: number;
  used: number;
}

export class ChunkCache {
  private readonly texts = new Map<string, Copies>();
  private readonly entries = new WeakMap<Document.Parsed, Pair<unknown, YAMLMap.Parsed>>();
  private generation = 0;

  /** A parsed piece of text at an offset, from the cache or parsed now; never one given out before in the same parse. */
  piece(text: string, offset: number): Document.Parsed {
    let c = this.texts.get(text);
    if (!c) this.texts.set(text, (c = { pieces: [], generation: this.generation, used: 0 }));
    if (c.generation !== this.generation) {
      c.generation = this.generation;
      c.used = 0;
    }
    let p = c.pieces[c.used];
    if (!p) c.pieces.push((p = { doc: parse(text), base: 0 }));
    c.used++;
    if (p.base !== offset) {
      shift(p.doc, offset - p.base);
      p.base = offset;
    }
    return p.doc;
  }

  /**
   * The entry of a split mapping: the pair built last time from the same key line, when its
   * mapping holds the same pairs (no piece of it changed), so that what is read from it can be
   * kept by identity (parse.ts keeps the tables read); otherwise a new pair of `key` and `fresh`.
   */
  assembled(head: Document.Parsed, key: unknown, fresh: YAMLMap.Parsed): Pair<unknown, YAMLMap.Parsed> {
    const last = this.entries.get(head);
    const items = last?.value?.items;
    if (items && items.length === fresh.items.length && items.every((p, i) => p === fresh.items[i])) return last!;
    const entry = new Pair(key, fresh);
    this.entries.set(head, entry);
    return entry;
  }

  /** Forgets texts not used by the last two parses, and copies the last parse did not need. */
  nextGeneration(): void {
    for (const [k, c] of this.texts) {
      if (c.generation < this.generation - 1) this.texts.delete(k);
      else if (c.generation === this.generation) c.pieces.length = Math.max(c.used, 1);
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
}

export function parseYaml(text: string, cache?: ChunkCache): ParsedYaml {
  if (!cache || hasMarkers(text)) return whole(text);
  cache.nextGeneration();
  const result = parsePieces(text, cache);
  return result ?? whole(text);
}

const MARKERS = /^(?:---|\.\.\.|%)/m;

/** A line that starts with `---`, `...` or `%`: MARKERS, looked for only at line starts (the regex tries every character of a long text). */
function hasMarkers(text: string): boolean {
  // Other line breaks than \n: the regex knows them all.
  if (text.includes('\r') || text.includes('\u2028') || text.includes('\u2029')) return MARKERS.test(text);
  for (let i = 0; i >= 0 && i < text.length; i = text.indexOf('\n', i) + 1 || -1) {
    const c = text[i];
    if ((c === '-' && text.startsWith('---', i)) || (c === '.' && text.startsWith('...', i)) || c === '%') return true;
  }
  return false;
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

function parsePieces(text: string, cache: ChunkCache): ParsedYaml | undefined {
  const spans = entrySpans(text, 0, text.length, 0);
  if (spans.length < 2) return undefined;
  const map = new YAMLMap() as YAMLMap.Parsed;
  const warnings: YAMLWarning[] = [];
  if (!collect(text, spans, cache, map, warnings)) return undefined;
  map.range = mapRange(map, spans[0].start, text.length);
  return { contents: map, errors: [], warnings };
}

/** Parses the entries of one mapping into `map`; false when a whole parse is needed. */
function collect(text: string, spans: Span[], cache: ChunkCache, map: YAMLMap, warnings: YAMLWarning[]): boolean {
  const keys = new Set<string>();
  for (const span of spans) {
    const piece = text.slice(span.start, span.end);
    const children = span.end - span.start > SPLIT_AT ? childSpans(text, span) : undefined;
    if (children) {
      // The entry's key line alone, then its children as an indented mapping each.
      const head = cache.piece(text.slice(span.start, children.headEnd), span.start);
      if (head.errors.length || !isMap(head.contents) || head.contents.items.length !== 1) return false;
      const pair = head.contents.items[0];
      const key = keyString(pair);
      if (key === undefined || keys.has(key)) return false;
      keys.add(key);
      const fresh = new YAMLMap() as YAMLMap.Parsed;
      if (!collect(text, children.spans, cache, fresh, warnings)) return false;
      const entry = cache.assembled(head, pair.key, fresh);
      entry.value!.range = mapRange(entry.value!, children.spans[0].start, span.end);
      map.items.push(entry);
      continue;
    }
    const doc = cache.piece(piece, span.start);
    // A piece that does not parse cleanly may read differently within the whole text.
    if (doc.errors.length) return false;
    warnings.push(...doc.warnings);
    const contents = doc.contents;
    if (!contents) continue;
    if (!isMap(contents)) return false;
    for (const pair of contents.items) {
      const key = keyString(pair);
      if (key === undefined || keys.has(key)) return false;
      keys.add(key);
      map.items.push(pair);
    }
  }
  return true;
}

/** The children of a large entry whose value is a block mapping, if it is one. */
function childSpans(text: string, span: Span): { headEnd: number; spans: Span[] } | undefined {
  const headEnd = text.indexOf('\n', span.start) + 1;
  if (headEnd <= 0 || headEnd >= span.end) return undefined;
  const head = text.slice(span.start, headEnd);
  // Only `key:` with nothing but a comment after it opens a block mapping.
  if (!/^ *[^\s#][^#]*:\s*(?:#.*)?\r?\n$/.test(head) || /["'[{]/.test(head.split(':')[0])) return undefined;
  const m = /^( +)[^\s#]/m.exec(text.slice(headEnd, span.end));
  if (!m) return undefined;
  const spans = entrySpans(text, headEnd, span.end, m[1].length);
  return spans.length > 1 ? { headEnd, spans } : undefined;
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
