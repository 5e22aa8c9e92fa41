/**
 * Text → report model. Never throws, and reports nothing itself: what it reads goes into the
 * model, and what the model cannot hold (unknown and repeated keys, values of the wrong kind)
 * into its `facts`, which rules turn into findings. Everything else in the document is still
 * read. The format is the one `格式:` names (the first of `formats` when it names none).
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { parseDate } from './dates';
import { memoize } from './memo';
import { formatDec, parseDec } from './decimal';
import { shifted, type Span } from './findings';
import {
  allItems,
  FORMATS,
  joinPath,
  type ColumnDecl,
  type FormatDecl,
  type GroupDecl,
  type ItemDecl,
  type MetaDecl,
  type SectionDecl,
  type TableSectionDecl,
  type TextSectionDecl,
} from './format';
import { LabelMatcher, normalizeLabel } from './labels';
import { LineIndex } from './lineIndex';
import type {
  Cell,
  DateValue,
  Expected,
  Incomplete,
  KeyPlace,
  MetaEntry,
  Report,
  RowModel,
  ShapeFact,
  TableModel,
  TextBlock,
} from './model';
import { scalarOffsets } from './scalarOffsets';
import { append } from './append';
import { nestingScreen, screenLines, type Refusal } from './limits';
import { parseScreened, parseYaml, type ChunkCache, type ParsedYaml } from './yamlChunks';

export interface ParseOptions {
  /** The formats `格式:` may name; the first is the default. */
  formats?: readonly FormatDecl[];
  /** One per document: re-parsing an edited document then reads only what changed. */
  cache?: ChunkCache;
}

type TopEntry = { kind: 'meta'; decl: MetaDecl } | { kind: 'section'; decl: SectionDecl };

const topMatcher = memoize(
  (format: FormatDecl) =>
    new LabelMatcher<TopEntry>([
      ...format.meta.map((decl) => ({
        label: decl.key,
        aliases: decl.aliases,
        value: { kind: 'meta' as const, decl },
      })),
      ...format.sections.map((decl) => ({
        label: decl.key,
        aliases: decl.aliases,
        value: { kind: 'section' as const, decl },
      })),
    ]),
);

export const itemMatcher = memoize(
  (items: ItemDecl[]) =>
    new LabelMatcher(items.map((i) => ({ label: i.key, aliases: [i.label, ...(i.aliases ?? [])], value: i }))),
);

export const columnMatcher = memoize(
  (columns: ColumnDecl[]) =>
    new LabelMatcher(columns.map((c, i) => ({ label: c.label, aliases: [c.short, ...(c.aliases ?? [])], value: i }))),
);

const subsectionMatcher = memoize(
  (decl: TextSectionDecl) =>
    new LabelMatcher(
      decl.subsections.map((s) => ({ label: s.key, aliases: [s.title, ...(s.aliases ?? [])], value: s })),
    ),
);

const periodMatcher = memoize(
  (decl: MetaDecl) =>
    new LabelMatcher<'start' | 'end'>([
      { label: decl.parts?.start[0] ?? 'start', aliases: decl.parts?.start.slice(1), value: 'start' },
      { label: decl.parts?.end[0] ?? 'end', aliases: decl.parts?.end.slice(1), value: 'end' },
    ]),
);

const incompleteMatcher = memoize(
  (decl: MetaDecl) =>
    new LabelMatcher<'start' | 'gaps' | 'end'>(
      (['start', 'gaps', 'end'] as const).flatMap((slot) => {
        const [label, ...aliases] = decl.parts?.[slot] ?? [];
        return label ? [{ label, aliases, value: slot }] : [];
      }),
    ),
);

/** A section by its key, title or an alias (what 原文不完整's 省略 lists). */
const sectionMatcher = memoize(
  (format: FormatDecl) =>
    new LabelMatcher<SectionDecl>(
      format.sections.map((s) => ({ label: s.key, aliases: [s.title, ...(s.aliases ?? [])], value: s })),
    ),
);

/** Every label the form prints, normalised: sections and sub-sections, rows and groups, columns. */
const formLabels = memoize((format: FormatDecl) => {
  const labels: string[] = [];
  for (const section of format.sections) {
    labels.push(section.key, section.title);
    if (section.kind === 'text') for (const sub of section.subsections) labels.push(sub.key, sub.title);
    else
      for (const { decl } of allItems(section)) {
        labels.push(decl.key, decl.label);
        for (const c of decl.columns) labels.push(c.label, c.short);
      }
  }
  return new Set(labels.map(normalizeLabel));
});

export function spanOf(node: Node | null | undefined, fallback: Span): Span {
  const r = node?.range;
  return r ? { start: r[0], end: Math.max(r[0], r[1]) } : fallback;
}

export function keyText(pair: Pair): string {
  const k = pair.key;
  if (isScalar(k)) return k.value === null ? '' : String(k.value);
  return '';
}

/** Whether a value node is empty (`key:` with nothing after it). */
export function isEmpty(node: unknown): boolean {
  return node == null || (isScalar(node) && node.value === null && (node.source ?? '') === '');
}

/** Empty, or a string of spaces only (`机关: ""`): a field left to fill in. */
function isBlank(node: unknown): boolean {
  return isEmpty(node) || (isScalar(node) && typeof node.value === 'string' && !node.value.trim());
}

export function parseReport(text: string, options: ParseOptions = {}): Report {
  return new ReportReader(text, options, parseYaml(text, options.cache)).read();
}

/**
 * A report from a file not screened yet: refused (limits.ts) or parsed, its nesting screened
 * on the tokens of the parse itself, so the file is lexed once. Never with a cache: such a
 * file is read once.
 */
export function parseScreenedReport(
  text: string,
  options: Omit<ParseOptions, 'cache'> = {},
): Report | { refused: Refusal } {
  const lines = screenLines(text);
  if (lines) return { refused: lines };
  const doc = parseScreened(text, nestingScreen());
  return 'refused' in doc ? doc : new ReportReader(text, options, doc).read();
}

/**
 * More characters than any real figure: kept out of the sums, since writing out a number of
 * thousands of digits (in every message about it) costs more than linear time.
 */
const MAX_NUMBER_LENGTH = 40;

/** Marks that published forms print for "none". */
const PLACEHOLDERS = new Set(['/', '-', '—', '－', '无', '／']);

/**
 * A table as read from its mapping, kept while the mapping lives: an incremental parse gives
 * the same mapping object again when no piece of it changed (yamlChunks.ts), and the table is
 * then moved to where the mapping now starts instead of being read again, so that what the
 * checks compute per table (its arithmetic) is kept too.
 */
interface ReadTable {
  decl: TableSectionDecl;
  table: TableModel;
  /** Where the mapping started when the table was last placed. */
  start: number;
  /** What reading it saw that the model cannot hold, and the pairs of the text printed under it. */
  facts: ShapeFact[];
  notes: Pair[];
}

const readTables = new WeakMap<YAMLMap, ReadTable>();

/**
 * A row as read from its sequence or mapping, kept while the node lives: a keystroke in a cell
 * re-parses the rows around it (yamlChunks.ts), and the table is read again from the other
 * rows as they were, moved, instead of from their cells.
 */
interface ReadRow {
  row: RowModel;
  /** What reading its cells saw that the model cannot hold (unknown or repeated columns). */
  facts: ShapeFact[];
  /** Where the row's key started when the facts were last placed (a kept table moves its rows, not these). */
  factsAt: number;
}

const readRows = new WeakMap<YAMLSeq | YAMLMap, ReadRow>();

/** New span objects, not moved in place: findings of the earlier check may hold the old ones. */
function moveRow(row: RowModel, d: number): void {
  if (d === 0) return;
  row.keySpan = shifted(row.keySpan, d);
  row.span = shifted(row.span, d);
  row.extra = row.extra.map((s) => shifted(s, d));
  for (const cell of row.cells) if (cell) cell.span = shifted(cell.span, d);
}

function movedFact(f: ShapeFact, d: number): ShapeFact {
  return f.kind === 'unknown-key'
    ? { ...f, span: shifted(f.span, d), mapStart: f.mapStart + d }
    : { ...f, span: shifted(f.span, d) };
}

class ReportReader {
  private readonly facts: ShapeFact[] = [];
  private readonly report: Report;
  private readonly formats: readonly FormatDecl[];
  /** Whether the nodes may be those of an earlier parse of the same document (a cache was given). */
  private readonly incremental: boolean;
  /** The pairs of the text printed under the table being read. */
  private notes: Pair[] = [];

  constructor(
    private readonly text: string,
    options: ParseOptions,
    doc: ParsedYaml,
  ) {
    this.incremental = !!options.cache;
    this.formats = options.formats?.length ? options.formats : FORMATS;
    const format = this.formats[0];
    this.report = {
      text,
      lines: new LineIndex(text),
      format,
      doc,
      root: undefined,
      meta: new Map(),
      organType: format.defaultOrganType,
      organTypeFrom: 'default',
      misprints: [],
      sections: [],
      tables: new Map(),
      texts: [],
      facts: this.facts,
    };
  }

  read(): Report {
    const contents = this.report.doc.contents;
    if (isMap(contents)) {
      this.report.root = contents;
      this.selectFormat(contents);
      this.readTop(contents);
      this.organTypeByName();
    }
    return this.report;
  }

  private keySpan(pair: Pair): Span {
    return spanOf(pair.key as Node, { start: 0, end: 0 });
  }

  private valueSpan(pair: Pair): Span {
    const key = this.keySpan(pair);
    return isEmpty(pair.value) ? key : spanOf(pair.value as Node, key);
  }

  /** A report that does not write its 机关类型 may tell it by its organ's name (某市人民政府). */
  private organTypeByName(): void {
    const { organ, format } = this.report;
    if (this.report.organTypeFrom === 'written' || !organ) return;
    const t = format.organTypes.find((x) => x.organNames?.test(organ));
    if (!t) return;
    this.report.organType = t.key;
    this.report.organTypeFrom = 'name';
  }

  /** The declaration `格式:` names, read before anything else: it decides how the rest reads. */
  private selectFormat(root: YAMLMap): void {
    const formatKeys = new Set(
      this.formats.flatMap((f) =>
        f.meta.filter((m) => m.role === 'format').flatMap((m) => [m.key, ...(m.aliases ?? [])]),
      ),
    );
    const keys = new Set([...formatKeys].map(normalizeLabel));
    const pair = root.items.find((p) => keys.has(normalizeLabel(keyText(p))));
    if (!pair || isEmpty(pair.value) || !isScalar(pair.value)) return;
    const id = String(pair.value.value).trim();
    const chosen = this.formats.find((f) => f.id === id);
    if (chosen) {
      this.report.format = chosen;
      this.report.organType = chosen.defaultOrganType;
    }
  }

  /** `map`: the mapping the key is in, which a rename must not give the same key twice. */
  private unknownKey<T>(pair: Pair, map: YAMLMap, matcher: LabelMatcher<T>, place: KeyPlace): T | undefined {
    const key = keyText(pair);
    const span = this.keySpan(pair);
    const legacy = this.report.format.legacyLabels.find((l) => normalizeLabel(l) === normalizeLabel(key));
    if (legacy) {
      this.facts.push({ kind: 'legacy-label', span, key });
      return undefined;
    }
    const closest = matcher.closest(key);
    this.facts.push({
      kind: 'unknown-key',
      span,
      key,
      place,
      closest: closest?.label,
      near: !!closest && closest.label.length > 0 && normalizedDistanceOne(key, closest.label),
      mapStart: map.range?.[0] ?? 0,
      taken: !!closest && keysOf(map, matcher).has(closest.value),
    });
    return closest?.value;
  }

  private readTop(root: YAMLMap): void {
    const matcher = topMatcher(this.report.format);
    const seen = new Map<string, Pair>();
    for (const pair of root.items) {
      const key = keyText(pair);
      const entry = matcher.match(key);
      if (!entry) {
        this.unknownKey(pair, root, matcher, { kind: 'top' });
        continue;
      }
      const id = entry.decl.key;
      const first = seen.get(id);
      if (first) {
        this.facts.push({
          kind: 'duplicate',
          span: this.keySpan(pair),
          key,
          place: { kind: 'top' },
          first: keyText(first),
        });
        continue;
      }
      seen.set(id, pair);
      if (entry.kind === 'meta') this.readMeta(entry.decl, pair);
      else this.readSection(entry.decl, pair, key);
    }
  }

  private invalid(span: Span, field: string, expected: Extract<ShapeFact, { kind: 'invalid' }>['expected']): void {
    this.facts.push({ kind: 'invalid', span, field, expected });
  }

  private readMeta(decl: MetaDecl, pair: Pair): void {
    const node = pair.value as Node | null;
    const span = this.valueSpan(pair);
    const entry: MetaEntry = {
      decl,
      keySpan: this.keySpan(pair),
      span,
      raw: this.text.slice(span.start, span.end),
      pair,
      node,
      blank: isBlank(node),
    };
    this.report.meta.set(decl.key, entry);
    const scalarValue = isScalar(node) ? node.value : undefined;
    const format = this.report.format;
    switch (decl.role) {
      case 'format':
        if (!isEmpty(node) && String(scalarValue).trim() !== format.id)
          this.invalid(span, decl.key, { kind: 'format', ids: this.formats.map((f) => `${f.id}（${f.name}）`) });
        return;
      case 'organ':
        if (typeof scalarValue === 'string' && scalarValue.trim()) this.report.organ = scalarValue.trim();
        else if (!entry.blank) this.invalid(span, decl.key, { kind: 'text' });
        return;
      case 'organType': {
        if (isEmpty(node)) return;
        const m =
          typeof scalarValue === 'string'
            ? format.organTypes.find((t) => normalizeLabel(t.key) === normalizeLabel(scalarValue))
            : undefined;
        if (m) {
          this.report.organType = m.key;
          this.report.organTypeFrom = 'written';
        } else this.invalid(span, decl.key, { kind: 'organType', types: format.organTypes.map((t) => t.key) });
        return;
      }
      case 'year': {
        // A number is judged as written: YAML also reads 0x7E8, 2.024e3 and 2024.00000000000000001 as 2024.
        const raw = typeof scalarValue === 'number' ? entry.raw : isScalar(node) ? String(node.value ?? '') : '';
        if (typeof scalarValue === 'number' && /^\d{4}$/.test(raw) && scalarValue >= 1900 && scalarValue <= 2999) {
          this.report.year = scalarValue;
          return;
        }
        const m = /^\s*(\d{4})\s*(?:年度?\s*|度\s*)?$/.exec(raw.normalize('NFKC'));
        if (m) {
          this.report.year = +m[1];
          this.invalid(span, decl.key, { kind: 'year-plain', year: m[1] });
        } else if (!entry.blank) this.invalid(span, decl.key, { kind: 'year' });
        return;
      }
      case 'period':
        this.readPeriod(decl, node, span);
        return;
      case 'signed':
      case 'published': {
        const d = this.readDate(pair, decl.key);
        if (decl.role === 'signed') this.report.signed = d;
        else this.report.published = d;
        return;
      }
      case 'preface': {
        const block = this.textBlock(undefined, pair, '');
        if (block) this.report.preface = block;
        return;
      }
      case 'incomplete':
        this.readIncomplete(decl, pair, node, span);
        return;
      case 'misprints': {
        if (isEmpty(node)) return;
        if (!isMap(node)) {
          this.invalid(span, decl.key, { kind: 'misprints' });
          return;
        }
        for (const p of node.items) {
          const value = isScalar(p.value) ? p.value.value : undefined;
          if (typeof value !== 'string' || !value.trim()) {
            this.invalid(this.valueSpan(p), keyText(p), { kind: 'official-label' });
            continue;
          }
          // The same label as printed, read leniently (spaces, full-width forms): no misprint.
          if (normalizeLabel(value) === normalizeLabel(keyText(p))) continue;
          // What it stands for must be a label of the form: else the entry, not the report, is wrong.
          if (!formLabels(format).has(normalizeLabel(value))) {
            this.invalid(this.valueSpan(p), keyText(p), {
              kind: 'unknown-label',
              label: value.trim(),
              format: format.name,
            });
            continue;
          }
          this.report.misprints.push({
            printed: keyText(p),
            official: value.trim(),
            keySpan: this.keySpan(p),
            span: this.valueSpan(p),
          });
        }
        return;
      }
    }
  }

  /** 原文不完整: {开头: why, 省略: [section, …], 结尾: why}, as import writes it. */
  private readIncomplete(decl: MetaDecl, pair: Pair, node: Node | null, span: Span): void {
    if (isEmpty(node)) return;
    const [start, end, gaps] = [decl.parts?.start ?? [], decl.parts?.end ?? [], decl.parts?.gaps ?? []];
    const expected: Expected = { kind: 'incomplete', start: start[0], gaps: gaps[0], end: end[0] };
    if (!isMap(node)) {
      this.invalid(span, decl.key, expected);
      return;
    }
    const incomplete: Incomplete = { keySpan: this.keySpan(pair), gaps: [] };
    const matcher = incompleteMatcher(decl);
    const sections = sectionMatcher(this.report.format);
    for (const p of node.items) {
      const slot = matcher.match(keyText(p));
      if (!slot) {
        this.unknownKey(p, node, matcher, { kind: 'period', key: decl.key });
        continue;
      }
      const value = p.value as Node | null;
      if (slot === 'gaps') {
        const items = isSeq(value) ? value.items : [value];
        for (const item of items) {
          const name = isScalar(item) ? String(item.value) : '';
          const section = sections.match(name);
          if (section) incomplete.gaps.push(section);
          else this.invalid(spanOf(item as Node, this.valueSpan(p)), `${decl.key}.${gaps[0]}`, { kind: 'section' });
        }
      } else incomplete[slot] = isScalar(value) ? String(value.value ?? '') : '';
    }
    this.report.incomplete = incomplete;
  }

  private readPeriod(decl: MetaDecl, node: Node | null, span: Span): void {
    if (isEmpty(node)) return;
    const matcher = periodMatcher(decl);
    const start = decl.parts?.start[0] ?? 'start';
    const end = decl.parts?.end[0] ?? 'end';
    if (!isMap(node)) {
      this.invalid(span, decl.key, { kind: 'period', start, end });
      return;
    }
    const period: NonNullable<Report['period']> = { span };
    for (const p of node.items) {
      const slot = matcher.match(keyText(p));
      if (!slot) {
        this.unknownKey(p, node, matcher, { kind: 'period', key: decl.key });
        continue;
      }
      const d = this.readDate(p, `${decl.key}.${slot === 'start' ? start : end}`);
      if (d) period[slot] = d;
    }
    this.report.period = period;
  }

  private readDate(pair: Pair, name: string): DateValue | undefined {
    const node = pair.value;
    const span = this.valueSpan(pair);
    if (isBlank(node)) return undefined;
    if (!isScalar(node)) {
      this.invalid(span, name, { kind: 'date' });
      return undefined;
    }
    const raw = String(node.value);
    return { span, raw, parsed: parseDate(raw), node };
  }

  private readSection(decl: SectionDecl, pair: Pair, key: string): void {
    this.report.sections.push({ decl, keySpan: this.keySpan(pair), key, pair });
    if (decl.kind === 'table') this.readTable(decl, pair);
    else this.readTextSection(decl, pair);
  }

  // ---- narrative -------------------------------------------------------------------

  private textBlock(
    section: TextSectionDecl | TableSectionDecl | undefined,
    pair: Pair,
    title: string,
    subKey?: string,
    subDecl?: string,
  ): TextBlock | undefined {
    const node = pair.value;
    const keySpan = this.keySpan(pair);
    const span = this.valueSpan(pair);
    let scalar: Scalar | undefined;
    let text = '';
    if (isScalar(node)) {
      scalar = node;
      text = node.value == null ? '' : String(node.value);
    } else if (!isEmpty(node)) {
      this.invalid(span, subKey ?? section?.key ?? keyText(pair), { kind: 'paragraphs' });
      return undefined;
    }
    const src = this.text;
    // Taken now: a later incremental parse moves the ranges of the nodes it reuses.
    const range = scalar?.range ? [scalar.range[0], scalar.range[1]] : undefined;
    let offsets: Int32Array | undefined;
    return {
      section,
      subKey,
      subDecl,
      title,
      text,
      span,
      keySpan,
      node: scalar,
      offsetAt(i: number): number {
        if (!scalar || !range) return span.start;
        offsets ??= relativeOffsets(src, scalar, range[0], range[1], text);
        if (i >= offsets.length) return offsets.length ? range[0] + offsets[offsets.length - 1] + 1 : span.end;
        return range[0] + offsets[Math.max(0, i)];
      },
    };
  }

  private readTextSection(decl: TextSectionDecl, pair: Pair): void {
    const node = pair.value;
    if (!isMap(node)) {
      const block = this.textBlock(decl, pair, '');
      if (block) this.report.texts.push(block);
      return;
    }
    if (decl.subsections.length === 0) {
      this.invalid(this.valueSpan(pair), decl.key, { kind: 'text' });
      return;
    }
    const matcher = subsectionMatcher(decl);
    const seen = new Set<string>();
    for (const p of node.items) {
      const key = keyText(p);
      const sub = matcher.match(key);
      if (!sub && decl.closedSubsections) this.unknownKey(p, node, matcher, { kind: 'section', key: decl.key });
      if (sub && seen.has(sub.key)) {
        this.facts.push({ kind: 'duplicate', span: this.keySpan(p), key, place: { kind: 'section', key: decl.key } });
        continue;
      }
      if (sub) seen.add(sub.key);
      const title = sub ? sub.title : key.trim();
      const block = this.textBlock(decl, p, title, key, sub?.key);
      if (block) this.report.texts.push(block);
    }
  }

  // ---- tables ----------------------------------------------------------------------

  private readTable(decl: TableSectionDecl, pair: Pair): void {
    const node = pair.value;
    const start = isMap(node) ? node.range?.[0] : undefined;
    const kept = isMap(node) ? readTables.get(node) : undefined;
    if (kept && kept.decl === decl && start !== undefined) {
      this.placeTable(kept, start);
      return;
    }
    const factsBefore = this.facts.length;
    this.notes = [];
    const table: TableModel = {
      decl,
      node: isMap(node) ? node : undefined,
      rows: new Map(),
      groups: new Map(),
      misspelled: new Set(),
    };
    this.report.tables.set(decl.key, table);
    if (isMap(node)) this.readItems(table, decl.items, node, '', decl.title);
    else if (!isEmpty(node)) this.invalid(this.valueSpan(pair), decl.key, { kind: 'table' });
    if (this.incremental && isMap(node) && start !== undefined)
      readTables.set(node, { decl, table, start, facts: this.facts.slice(factsBefore), notes: this.notes });
  }

  /** A table kept from an earlier parse, moved to `start`: its rows, its facts, and its notes read again. */
  private placeTable(kept: ReadTable, start: number): void {
    const d = start - kept.start;
    if (d !== 0) {
      // Each row by how far it moved since it was placed: a row may also have been taken into a
      // table read since (placeRow).
      for (const row of kept.table.rows.values()) moveRow(row, this.keySpan(row.pair).start - row.keySpan.start);
      for (const group of kept.table.groups.values()) group.keySpan = shifted(group.keySpan, d);
      kept.facts = kept.facts.map((f) => movedFact(f, d));
      kept.start = start;
    }
    this.report.tables.set(kept.decl.key, kept.table);
    append(this.facts, kept.facts);
    for (const p of kept.notes) {
      const block = this.textBlock(kept.decl, p, '');
      if (block) this.report.texts.push(block);
    }
  }

  private readItems(table: TableModel, items: ItemDecl[], map: YAMLMap, prefix: string, where: string): void {
    const matcher = itemMatcher(items);
    const seen = new Map<string, string>();
    for (const pair of map.items) {
      const key = keyText(pair);
      // The text printed under the table's heading: narrative, kept with its table.
      if (!prefix && normalizeLabel(key) === normalizeLabel(this.report.format.tableNote)) {
        const block = this.textBlock(table.decl, pair, '');
        if (block) {
          this.report.texts.push(block);
          this.notes.push(pair);
        }
        continue;
      }
      const item = matcher.match(key);
      if (!item) {
        const likely = this.unknownKey(pair, map, matcher, { kind: 'items', key: where });
        if (likely) table.misspelled.add(joinPath(prefix, likely.key));
        continue;
      }
      const first = seen.get(item.key);
      if (first !== undefined) {
        this.facts.push({
          kind: 'duplicate',
          span: this.keySpan(pair),
          key,
          place: { kind: 'items', key: where },
          first,
        });
        continue;
      }
      seen.set(item.key, key);
      const path = joinPath(prefix, item.key);
      if (item.kind === 'row') this.readRow(table, item, path, pair, false);
      else this.readGroup(table, item, path, pair);
    }
  }

  private readGroup(table: TableModel, decl: GroupDecl, path: string, pair: Pair): void {
    const node = pair.value;
    const columns = columnMatcher(decl.columns);
    const looksLikeRow =
      isSeq(node) ||
      (isMap(node) &&
        node.items.length > 0 &&
        columns.match(keyText(node.items[0])) !== undefined &&
        !itemMatcher(decl.items).match(keyText(node.items[0])));
    if (isMap(node) && !looksLikeRow) {
      table.groups.set(path, { path, decl, keySpan: this.keySpan(pair), pair, node });
      this.readItems(table, decl.items, node, path, decl.key);
      return;
    }
    if (looksLikeRow && decl.mayBeOneRow) {
      this.readRow(table, decl, path, pair, true);
      return;
    }
    table.groups.set(path, { path, decl, keySpan: this.keySpan(pair), pair, node: undefined });
    if (!isEmpty(node)) this.invalid(this.valueSpan(pair), decl.key, { kind: 'group' });
  }

  private readRow(table: TableModel, decl: RowModel['decl'], path: string, pair: Pair, groupAsRow: boolean): void {
    const node = pair.value;
    const value = isSeq(node) || isMap(node) ? node : undefined;
    const kept = value && readRows.get(value);
    if (
      kept &&
      kept.row.pair === pair &&
      kept.row.decl === decl &&
      kept.row.path === path &&
      kept.row.groupAsRow === groupAsRow
    ) {
      this.placeRow(kept);
      table.rows.set(path, kept.row);
      return;
    }
    const factsBefore = this.facts.length;
    const row: RowModel = {
      path,
      decl,
      groupAsRow,
      keySpan: this.keySpan(pair),
      span: this.valueSpan(pair),
      cells: new Array(decl.columns.length).fill(undefined),
      extra: [],
      pair,
      node: value,
    };
    table.rows.set(path, row);
    if (isSeq(node)) this.readSeqRow(row, node);
    else if (isMap(node)) this.readMapRow(row, node);
    if (this.incremental && value)
      readRows.set(value, { row, facts: this.facts.slice(factsBefore), factsAt: row.keySpan.start });
  }

  /** A row kept from an earlier parse, in a table read again (another row changed): moved, with its facts. */
  private placeRow(kept: ReadRow): void {
    const start = this.keySpan(kept.row.pair).start;
    moveRow(kept.row, start - kept.row.keySpan.start);
    if (start !== kept.factsAt) {
      kept.facts = kept.facts.map((f) => movedFact(f, start - kept.factsAt));
      kept.factsAt = start;
    }
    append(this.facts, kept.facts);
  }

  private readSeqRow(row: RowModel, node: YAMLSeq): void {
    const columns = row.decl.columns;
    node.items.forEach((item, i) => {
      const itemSpan = spanOf(item as Node, row.span);
      if (i >= columns.length) row.extra.push(itemSpan);
      else row.cells[i] = this.readCell(item as Node | null, itemSpan);
    });
  }

  private readMapRow(row: RowModel, node: YAMLMap): void {
    const columns = row.decl.columns;
    const matcher = columnMatcher(columns);
    for (const p of node.items) {
      const i = matcher.match(keyText(p));
      if (i === undefined) {
        this.unknownKey(p, node, matcher, { kind: 'columns', row: row.decl.key });
        continue;
      }
      if (row.cells[i]) {
        this.facts.push({
          kind: 'duplicate',
          span: this.keySpan(p),
          key: keyText(p),
          place: { kind: 'columns', row: row.decl.key },
          first: columns[i].label,
        });
        continue;
      }
      row.cells[i] = this.readCell(p.value as Node | null, this.valueSpan(p));
    }
  }

  private readCell(node: Node | null, span: Span): Cell {
    const raw = this.text.slice(span.start, span.end);
    const cell: Cell = { raw, span };
    if (isEmpty(node)) {
      cell.problem = { kind: 'empty', fillable: !!node };
      return cell;
    }
    if (!isScalar(node)) {
      cell.problem = { kind: 'not-scalar' };
      return cell;
    }
    // A number as YAML reads it: plain, and not tagged as text (`!!str 5`).
    if (node.type === 'PLAIN' && typeof node.value !== 'string') {
      const dec = parseDec(raw);
      if (dec) {
        if (raw.length > MAX_NUMBER_LENGTH) cell.problem = { kind: 'too-long' };
        else cell.value = dec;
        return cell;
      }
    }
    const trimmed = String(node.value).trim();
    if (trimmed === '') {
      cell.problem = { kind: 'empty', fillable: true };
      return cell;
    }
    if (PLACEHOLDERS.has(trimmed)) {
      cell.problem = { kind: 'placeholder', text: trimmed };
      return cell;
    }
    const normal = trimmed.normalize('NFKC').replace(/[,，\s]/g, '');
    const dec = parseDec(normal);
    if (dec) {
      if (normal.length > MAX_NUMBER_LENGTH) {
        cell.problem = { kind: 'too-long' };
        return cell;
      }
      cell.value = dec;
      // Only a quoted plain number can be unquoted without judgement.
      cell.problem = { kind: 'not-plain', plain: formatDec(dec), safe: node.type !== 'PLAIN' && normal === trimmed };
      return cell;
    }
    cell.problem = { kind: 'not-number', text: trimmed };
    return cell;
  }
}

/**
 * A scalar's character offsets relative to its start, kept per node: the incremental parse
 * reuses the nodes of unchanged entries (same source, same value), only moved.
 */
const relative = new WeakMap<Scalar, Int32Array>();

function relativeOffsets(src: string, scalar: Scalar, start: number, end: number, text: string): Int32Array {
  let r = relative.get(scalar);
  if (!r) {
    r = scalarOffsets(src, start, end, text);
    for (let k = 0; k < r.length; k++) r[k] -= start;
    relative.set(scalar, r);
  }
  return r;
}

/** What the keys of a mapping match, found once per mapping (a mapping of many unknown keys stays linear). */
const matchedKeys = new WeakMap<YAMLMap, Set<unknown>>();
function keysOf<T>(map: YAMLMap, matcher: LabelMatcher<T>): Set<unknown> {
  let keys = matchedKeys.get(map);
  if (!keys) {
    keys = new Set(map.items.map((p) => matcher.match(keyText(p))).filter((v) => v !== undefined));
    matchedKeys.set(map, keys);
  }
  return keys;
}

/** Two labels one edit apart once normalised: a typing slip, renamed without judgement. */
function normalizedDistanceOne(a: string, b: string): boolean {
  const x = normalizeLabel(a);
  const y = normalizeLabel(b);
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  return x.slice(i + (x.length >= y.length ? 1 : 0)) === y.slice(i + (y.length >= x.length ? 1 : 0));
}
