/**
 * Text → report model. Never throws: YAML errors and unexpected shapes become findings at
 * their position, and everything else in the document is still read.
 */
import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { parseDate } from './dates';
import { MAX_EXACT, formatDec, isInteger, isNegative, parseDec, sum, type Dec } from './decimal';
import { keyClaim, txt, type Finding, type Fix, type Span } from './findings';
import {
  FORMAT_2021,
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
import type { Cell, DateValue, MetaEntry, Report, RowModel, TableModel, TextBlock } from './model';
import { finding } from './rules/finding';
import { scalarOffsets } from './scalarOffsets';
import { parseYaml, type ChunkCache } from './yamlChunks';

type TopEntry = { kind: 'meta'; decl: MetaDecl } | { kind: 'section'; decl: SectionDecl };

const topMatchers = new WeakMap<FormatDecl, LabelMatcher<TopEntry>>();
function topMatcher(format: FormatDecl): LabelMatcher<TopEntry> {
  let m = topMatchers.get(format);
  if (!m) {
    m = new LabelMatcher<TopEntry>([
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
    ]);
    topMatchers.set(format, m);
  }
  return m;
}

const itemMatchers = new WeakMap<ItemDecl[], LabelMatcher<ItemDecl>>();
function itemMatcher(items: ItemDecl[]): LabelMatcher<ItemDecl> {
  let m = itemMatchers.get(items);
  if (!m) {
    m = new LabelMatcher(items.map((i) => ({ label: i.key, aliases: [i.label, ...(i.aliases ?? [])], value: i })));
    itemMatchers.set(items, m);
  }
  return m;
}

const columnMatchers = new WeakMap<ColumnDecl[], LabelMatcher<number>>();
function columnMatcher(columns: ColumnDecl[]): LabelMatcher<number> {
  let m = columnMatchers.get(columns);
  if (!m) {
    m = new LabelMatcher(
      columns.map((c, i) => ({ label: c.label, aliases: [c.short, ...(c.aliases ?? [])], value: i })),
    );
    columnMatchers.set(columns, m);
  }
  return m;
}

export function spanOf(node: Node | null | undefined, fallback: Span): Span {
  const r = node?.range;
  return r ? { start: r[0], end: Math.max(r[0], r[1]) } : fallback;
}

function keyText(pair: Pair): string {
  const k = pair.key;
  if (isScalar(k)) return k.value === null ? '' : String(k.value);
  return '';
}

/** Whether a value node is empty (`key:` with nothing after it). */
function isEmpty(node: unknown): boolean {
  return node == null || (isScalar(node) && node.value === null && (node.source ?? '') === '');
}

/** `cache` lets repeated parses of a changing document reuse the parts that did not change. */
export function parseReport(text: string, format: FormatDecl = FORMAT_2021, cache?: ChunkCache): Report {
  return new ReportReader(text, format, cache).read();
}

class ReportReader {
  private readonly findings: Finding[] = [];
  private readonly report: Report;

  constructor(
    private readonly text: string,
    format: FormatDecl,
    cache: ChunkCache | undefined,
  ) {
    const doc = parseYaml(text, cache);
    this.report = {
      text,
      lines: new LineIndex(text),
      format,
      doc,
      root: undefined,
      meta: new Map(),
      organType: format.defaultOrganType,
      sections: [],
      tables: new Map(),
      texts: [],
      findings: this.findings,
    };
  }

  read(): Report {
    const { doc } = this.report;
    for (const e of [...doc.errors, ...doc.warnings]) {
      const start = Math.min(e.pos[0], this.text.length);
      const end = Math.min(Math.max(e.pos[1], start + 1), this.text.length);
      const code = e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax';
      const f = finding(code, { start, end }, txt(`YAML 语法错误：${e.message}`, `YAML syntax error: ${e.message}`));
      if (e.name === 'YAMLWarning') f.severity = 'warning';
      this.findings.push(f);
    }
    const contents = doc.contents;
    if (isMap(contents)) {
      this.report.root = contents;
      this.readTop(contents);
    } else if (contents && !isEmpty(contents)) {
      this.findings.push(
        finding(
          'not-a-report',
          spanOf(contents, { start: 0, end: 0 }),
          txt(
            '报告文件的顶层应是“键: 值”映射（机关、年度、各部分……）',
            'the top level of a report must be a mapping of keys (机关, 年度, the sections…)',
          ),
        ),
      );
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

  /** `map`: the mapping the key is in, which a rename must not give the same key twice. */
  private unknownKey<T>(pair: Pair, map: YAMLMap, matcher: LabelMatcher<T>, where: string): T | undefined {
    const key = keyText(pair);
    const span = this.keySpan(pair);
    const legacy = this.report.format.legacyLabels.find((l) => normalizeLabel(l) === normalizeLabel(key));
    if (legacy) {
      this.findings.push(
        finding(
          'legacy-label',
          span,
          txt(
            `“${key}”是 2019 年试行格式（国办公开办函〔2019〕60号）的标签，2021 年格式已不再使用`,
            `"${key}" is a label of the 2019 trial format (国办公开办函〔2019〕60号), not used since the 2021 format`,
          ),
        ),
      );
      return undefined;
    }
    const closest = matcher.closest(key);
    const fixes: Fix[] = [];
    if (closest) {
      const near = closest.label.length > 0 && normalizedDistanceOne(key, closest.label);
      fixes.push({
        title: txt(`改为“${closest.label}”`, `Rename to "${closest.label}"`),
        edits: [{ ...span, text: closest.label }],
        preferred: true,
        safe: near && !keysOf(map, matcher).has(closest.value),
        writesKey: keyClaim(map.range?.[0] ?? 0, closest.label),
      });
    }
    const hint = closest ? txt(`，是否应为“${closest.label}”？`, `; did you mean "${closest.label}"?`) : txt('', '');
    this.findings.push(
      finding(
        'unknown-key',
        span,
        txt(`${where}中没有“${key}”这一项${hint['zh-CN']}`, `"${key}" is not a key of ${where}${hint.en}`),
        { fixes },
      ),
    );
    return closest?.value;
  }

  private readTop(root: YAMLMap): void {
    const matcher = topMatcher(this.report.format);
    const seen = new Map<string, Pair>();
    for (const pair of root.items) {
      const key = keyText(pair);
      const entry = matcher.match(key);
      if (!entry) {
        this.unknownKey(pair, root, matcher, '报告顶层');
        continue;
      }
      const id = entry.decl.key;
      if (seen.has(id)) {
        this.findings.push(
          finding(
            'duplicate-key',
            this.keySpan(pair),
            txt(
              `“${key}”重复出现（与“${keyText(seen.get(id)!)}”是同一项）`,
              `"${key}" appears twice (the same key as "${keyText(seen.get(id)!)}")`,
            ),
          ),
        );
        continue;
      }
      seen.set(id, pair);
      if (entry.kind === 'meta') this.readMeta(entry.decl, pair);
      else this.readSection(entry.decl, pair, key);
    }
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
    };
    this.report.meta.set(decl.key, entry);
    const invalid = (zh: string, en: string, fixes: Fix[] = []) =>
      this.findings.push(finding('invalid-value', span, txt(zh, en), { fixes }));
    const scalarValue = isScalar(node) ? node.value : undefined;
    switch (decl.type) {
      case 'format':
        if (isEmpty(node)) return;
        if (String(scalarValue) !== this.report.format.id)
          invalid(
            `格式应为 ${this.report.format.id}（国办公开办函〔2021〕30号）`,
            `格式 must be ${this.report.format.id} (国办公开办函〔2021〕30号)`,
          );
        return;
      case 'string':
        if (typeof scalarValue === 'string' && scalarValue.trim()) this.report.organ = scalarValue.trim();
        else if (!isEmpty(node)) invalid(`${decl.key}应是一段文字`, `${decl.key} must be a text`);
        return;
      case 'organType': {
        if (isEmpty(node)) return;
        const types = this.report.format.organTypes;
        const m =
          typeof scalarValue === 'string'
            ? types.find((t) => normalizeLabel(t.key) === normalizeLabel(scalarValue))
            : undefined;
        if (m) this.report.organType = m.key;
        else
          invalid(
            `机关类型应为 ${types.map((t) => t.key).join(' 或 ')}`,
            `机关类型 must be ${types.map((t) => t.key).join(' or ')}`,
          );
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
          invalid(`年度应写作整数，如 ${m[1]}`, `年度 must be an integer, e.g. ${m[1]}`, [
            {
              title: txt(`改为 ${m[1]}`, `Write ${m[1]}`),
              edits: [{ ...span, text: m[1] }],
              safe: true,
              preferred: true,
            },
          ]);
        } else if (!isEmpty(node)) invalid('年度应是四位整数，如 2024', '年度 must be a four-digit year, e.g. 2024');
        return;
      }
      case 'period': {
        if (isEmpty(node)) return;
        if (!isMap(node)) {
          invalid('统计期限应写作 {起: 日期, 止: 日期}', '统计期限 must be written {起: DATE, 止: DATE}');
          return;
        }
        const period: NonNullable<Report['period']> = { span };
        for (const p of node.items) {
          const k = normalizeLabel(keyText(p));
          const slot =
            k === '起' || k === '开始' || k === '自'
              ? 'start'
              : k === '止' || k === '结束' || k === '至'
                ? 'end'
                : undefined;
          if (!slot) {
            this.unknownKey(
              p,
              node,
              new LabelMatcher([
                { label: '起', value: 0 },
                { label: '止', value: 1 },
              ]),
              '统计期限',
            );
            continue;
          }
          const d = this.readDate(p, `统计期限.${k}`);
          if (d) period[slot] = d;
        }
        this.report.period = period;
        return;
      }
      case 'date': {
        const d = this.readDate(pair, decl.key);
        if (decl.key === '落款日期') this.report.signed = d;
        else this.report.published = d;
        return;
      }
      case 'text': {
        const block = this.textBlock(undefined, pair, '');
        if (block) this.report.preface = block;
        return;
      }
    }
  }

  private readDate(pair: Pair, name: string): DateValue | undefined {
    const node = pair.value;
    const span = this.valueSpan(pair);
    if (isEmpty(node)) return undefined;
    if (!isScalar(node)) {
      this.findings.push(
        finding(
          'invalid-value',
          span,
          txt(
            `${name}应是一个日期，如 2025-01-20 或 2025年1月20日`,
            `${name} must be a date, e.g. 2025-01-20 or 2025年1月20日`,
          ),
        ),
      );
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
    section: TextSectionDecl | undefined,
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
      this.findings.push(
        finding(
          'invalid-value',
          span,
          txt('这里应是一段文字（多段可用 |- 写成块）', 'a text is expected here (use |- for several paragraphs)'),
        ),
      );
      return undefined;
    }
    const src = this.text;
    // Taken now: a later incremental parse moves the ranges of the nodes it reuses.
    const range = scalar?.range ? [scalar.range[0], scalar.range[1]] : undefined;
    let offsets: Int32Array | undefined;
    const block: TextBlock = {
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
    return block;
  }

  private readTextSection(decl: TextSectionDecl, pair: Pair): void {
    const node = pair.value;
    if (!isMap(node)) {
      const block = this.textBlock(decl, pair, '');
      if (block) this.report.texts.push(block);
      return;
    }
    if (decl.subsections.length === 0) {
      this.findings.push(
        finding(
          'invalid-value',
          this.valueSpan(pair),
          txt(`“${decl.key}”应是一段文字`, `"${decl.key}" must be a text`),
        ),
      );
      return;
    }
    const matcher = new LabelMatcher(
      decl.subsections.map((s) => ({ label: s.key, aliases: [s.title, ...(s.aliases ?? [])], value: s })),
    );
    const seen = new Set<string>();
    for (const p of node.items) {
      const key = keyText(p);
      const sub = matcher.match(key);
      if (!sub && decl.closedSubsections) {
        this.unknownKey(p, node, matcher, `“${decl.key}”`);
      }
      if (sub && seen.has(sub.key)) {
        this.findings.push(
          finding('duplicate-key', this.keySpan(p), txt(`“${key}”重复出现`, `"${key}" appears twice`)),
        );
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
    const table: TableModel = {
      decl,
      node: isMap(node) ? node : undefined,
      rows: new Map(),
      groups: new Map(),
      misspelled: new Set(),
    };
    this.report.tables.set(decl.key, table);
    if (isMap(node)) this.readItems(table, decl.items, node, '', decl.title);
    else if (!isEmpty(node)) {
      this.findings.push(
        finding(
          'invalid-value',
          this.valueSpan(pair),
          txt(`“${decl.key}”应是由各行组成的映射`, `"${decl.key}" must be a mapping of its rows`),
        ),
      );
    }
  }

  private readItems(table: TableModel, items: ItemDecl[], map: YAMLMap, prefix: string, where: string): void {
    const matcher = itemMatcher(items);
    const seen = new Map<string, string>();
    for (const pair of map.items) {
      const key = keyText(pair);
      const item = matcher.match(key);
      if (!item) {
        const likely = this.unknownKey(pair, map, matcher, `“${where}”`);
        if (likely) table.misspelled.add(prefix ? `${prefix}/${likely.key}` : likely.key);
        continue;
      }
      if (seen.has(item.key)) {
        this.findings.push(
          finding(
            'duplicate-key',
            this.keySpan(pair),
            txt(
              `“${key}”重复出现（与“${seen.get(item.key)}”是同一行）`,
              `"${key}" appears twice (the same row as "${seen.get(item.key)}")`,
            ),
          ),
        );
        continue;
      }
      seen.set(item.key, key);
      const path = prefix ? `${prefix}/${item.key}` : item.key;
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
      this.findings.push(
        finding(
          'group-as-row',
          this.keySpan(pair),
          txt(
            `“${decl.key}”写成了一行；2021 年格式要求分项填写（${decl.items.map((i) => i.key).join('、')}），其数字仍计入总计`,
            `"${decl.key}" is written as one row; the 2021 format asks for its items (${decl.items.map((i) => i.key).join(', ')}); its numbers still count in the totals`,
          ),
        ),
      );
      this.readRow(table, decl, path, pair, true);
      return;
    }
    table.groups.set(path, { path, decl, keySpan: this.keySpan(pair), pair, node: undefined });
    if (!isEmpty(node)) {
      this.findings.push(
        finding(
          'invalid-value',
          this.valueSpan(pair),
          txt(`“${decl.key}”应是由其各项组成的映射`, `"${decl.key}" must be a mapping of its items`),
        ),
      );
    }
  }

  private readRow(table: TableModel, decl: RowModel['decl'], path: string, pair: Pair, groupAsRow: boolean): void {
    const node = pair.value;
    const keySpan = this.keySpan(pair);
    const columns = decl.columns;
    const row: RowModel = {
      path,
      decl,
      groupAsRow,
      keySpan,
      span: this.valueSpan(pair),
      cells: new Array(columns.length).fill(undefined),
      pair,
      node: isSeq(node) || isMap(node) ? node : undefined,
    };
    table.rows.set(path, row);
    if (isSeq(node)) this.readSeqRow(row, node, columns);
    else if (isMap(node)) this.readMapRow(row, node, columns);
    else {
      const names = columns.map((c) => c.short).join(', ');
      const span = isEmpty(node) ? keySpan : row.span;
      this.findings.push(
        finding(
          'missing-cell',
          span,
          txt(
            `“${decl.key}”应是 ${columns.length} 个数字：[${names}]`,
            `"${decl.key}" must be ${columns.length} numbers: [${names}]`,
          ),
          {
            fixes:
              isEmpty(node) && !isAlias(node) ? [insertZerosAfterKey(this.text, pair, keySpan, columns.length)] : [],
          },
        ),
      );
    }
  }

  private readSeqRow(row: RowModel, node: YAMLSeq, columns: ColumnDecl[]): void {
    const n = columns.length;
    node.items.forEach((item, i) => {
      const itemSpan = spanOf(item as Node, row.span);
      if (i >= n) {
        this.findings.push(
          finding(
            'extra-cell',
            itemSpan,
            txt(
              `“${row.decl.key}”只有 ${n} 列，这是第 ${i + 1} 个数`,
              `"${row.decl.key}" has ${n} columns; this is value ${i + 1}`,
            ),
          ),
        );
        return;
      }
      row.cells[i] = this.readCell(item as Node | null, columns[i], row, itemSpan);
    });
    if (node.items.length < n) {
      const missing = columns
        .slice(node.items.length)
        .map((c) => c.short)
        .join('、');
      const end = node.flow ? Math.max(row.span.start, row.span.end - 1) : row.span.end;
      this.findings.push(
        finding(
          'missing-cell',
          { start: end, end: Math.max(end, row.span.end) },
          txt(
            `“${row.decl.key}”应有 ${n} 列，只写了 ${node.items.length} 个数（缺：${missing}）`,
            `"${row.decl.key}" has ${n} columns but ${node.items.length} values (missing: ${missing})`,
          ),
          {
            fixes: completeRowFix(this.text, row, node, columns),
          },
        ),
      );
    }
  }

  private readMapRow(row: RowModel, node: YAMLMap, columns: ColumnDecl[]): void {
    const matcher = columnMatcher(columns);
    for (const p of node.items) {
      const i = matcher.match(keyText(p));
      if (i === undefined) {
        this.unknownKey(p, node, matcher, `“${row.decl.key}”的列`);
        continue;
      }
      if (row.cells[i]) {
        this.findings.push(
          finding(
            'duplicate-key',
            this.keySpan(p),
            txt(`列“${columns[i].label}”重复出现`, `column "${columns[i].label}" appears twice`),
          ),
        );
        continue;
      }
      row.cells[i] = this.readCell(p.value as Node | null, columns[i], row, this.valueSpan(p));
    }
    columns.forEach((c, i) => {
      if (!row.cells[i]) {
        this.findings.push(
          finding(
            'missing-cell',
            row.keySpan,
            txt(`“${row.decl.key}”缺少列“${c.label}”`, `"${row.decl.key}" lacks the column "${c.label}"`),
            { fixes: [insertMapColumnFix(this.text, node, columns, i)] },
          ),
        );
      }
    });
  }

  private readCell(node: Node | null, column: ColumnDecl, row: RowModel, span: Span): Cell {
    const raw = this.text.slice(span.start, span.end);
    const cell: Cell = { raw, span };
    const where = `“${row.decl.key}”的“${column.short}”`;
    const whereEn = `${column.short} of "${row.decl.key}"`;
    const notNumber = (zh: string, en: string, fixes: Fix[] = []) =>
      this.findings.push(finding('cell-not-number', span, txt(`${where}${zh}`, `${whereEn} ${en}`), { fixes }));
    const toZero = (): Fix => ({
      title: txt('填 0', 'Write 0'),
      edits: [{ ...span, text: '0' }],
      safe: true,
      preferred: true,
    });
    if (isEmpty(node)) {
      notNumber('是空的；没有数字请填 0', 'is empty; write 0 for none', node ? [toZero()] : []);
      return cell;
    }
    if (!isScalar(node)) {
      notNumber('应是一个数字', 'must be a number');
      return cell;
    }
    const value = String(node.value);
    // A number as YAML reads it: plain, and not tagged as text (`!!str 5`).
    if (node.type === 'PLAIN' && typeof node.value !== 'string') {
      const dec = parseDec(raw);
      if (dec) {
        if (raw.length > MAX_NUMBER_LENGTH) return this.tooLarge(cell, where, whereEn);
        cell.value = dec;
        this.checkValue(cell, column, where, whereEn);
        return cell;
      }
    }
    const trimmed = value.trim();
    if (trimmed === '') {
      notNumber('是空的；没有数字请填 0', 'is empty; write 0 for none', [toZero()]);
      return cell;
    }
    if (['/', '-', '—', '－', '无', '／'].includes(trimmed)) {
      notNumber(`写作“${trimmed}”；没有数字请填 0`, `is "${trimmed}"; write 0 for none`, [toZero()]);
      return cell;
    }
    const normal = trimmed.normalize('NFKC').replace(/[,，\s]/g, '');
    const dec = parseDec(normal);
    if (dec) {
      if (normal.length > MAX_NUMBER_LENGTH) return this.tooLarge(cell, where, whereEn);
      cell.value = dec;
      const plain = formatDec(dec);
      const safe = node.type !== 'PLAIN' && normal === trimmed;
      notNumber(`应写成普通数字 ${plain}`, `must be written as a plain number, ${plain}`, [
        { title: txt(`改为 ${plain}`, `Write ${plain}`), edits: [{ ...span, text: plain }], safe, preferred: true },
      ]);
      return cell;
    }
    notNumber(`“${trimmed}”不是数字`, `"${trimmed}" is not a number`);
    return cell;
  }

  private checkValue(cell: Cell, column: ColumnDecl, where: string, whereEn: string): void {
    const d = cell.value!;
    if (isNegative(d))
      this.findings.push(
        finding('cell-negative', cell.span, txt(`${where}不能是负数`, `${whereEn} cannot be negative`)),
      );
    if (column.kind === 'count' && !isInteger(d))
      this.findings.push(
        finding(
          'cell-fractional',
          cell.span,
          txt(`${where}是件数，应为整数`, `${whereEn} is a count and must be a whole number`),
        ),
      );
    const intPart = d.units / 10n ** BigInt(d.scale);
    if (intPart > MAX_EXACT || intPart < -MAX_EXACT) this.tooLarge(cell, where, whereEn);
  }

  private tooLarge(cell: Cell, where: string, whereEn: string): Cell {
    this.findings.push(
      finding(
        'number-too-large',
        cell.span,
        txt(`${where}超出可精确计算的范围（${MAX_EXACT}）`, `${whereEn} is beyond the exact range (${MAX_EXACT})`),
      ),
    );
    return cell;
  }
}

/**
 * More characters than any real figure: reported and kept out of the sums, since writing
 * out a number of thousands of digits (in every message about it) costs more than linear time.
 */
const MAX_NUMBER_LENGTH = 40;

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

/** `本行: ` with nothing after it: write a row of zeros. */
function insertZerosAfterKey(text: string, pair: Pair, keySpan: Span, n: number): Fix {
  const value = pair.value as Node | null;
  const at = value?.range ? value.range[0] : keySpan.end + (text[keySpan.end] === ':' ? 1 : 0);
  const zeros = `[${new Array(n).fill('0').join(', ')}]`;
  const lead = text[at - 1] === ' ' ? '' : ' ';
  return {
    title: txt(`填入 ${zeros}`, `Fill in ${zeros}`),
    edits: [{ start: at, end: at, text: lead + zeros }],
    safe: true,
    preferred: true,
  };
}

/** Fixes for a sequence row that is short of cells. */
function completeRowFix(text: string, row: RowModel, node: YAMLSeq, columns: ColumnDecl[]): Fix[] {
  const given = node.items.length;
  if (!node.flow || given === 0) return [];
  const closing = row.span.end - 1;
  if (text[closing] !== ']') return [];
  const fixes: Fix[] = [];
  const missing = columns.length - given;
  const totalLast = columns[columns.length - 1].label === '总计';
  const values = node.items.map((i) => (isScalar(i) ? parseDec(String(i.source ?? i.value)) : undefined));
  const allZero = values.every((v) => v && v.units === 0n);
  // Only the 总计 is missing: the given values are the applicant columns, so the total is their sum.
  if (totalLast && missing === 1 && values.every(Boolean)) {
    const t = formatDec(sum(values as Dec[]));
    fixes.push({
      title: txt(`补上总计 ${t}`, `Add the total ${t}`),
      edits: [{ start: closing, end: closing, text: `, ${t}` }],
      safe: allZero,
      preferred: true,
    });
  } else {
    const zeros = new Array(missing).fill('0').join(', ');
    fixes.push({
      title: txt(`在末尾补 ${missing} 个 0`, `Append ${missing} zero(s)`),
      edits: [{ start: closing, end: closing, text: `, ${zeros}` }],
      safe: allZero,
    });
  }
  return fixes;
}

/** Inserts a missing column into a row written as a mapping, in its official position. */
function insertMapColumnFix(text: string, node: YAMLMap, columns: ColumnDecl[], index: number): Fix {
  const label = columns[index].label;
  const matcher = columnMatcher(columns);
  // Insert before the first present column that comes after it, else after the last one.
  const after = node.items.find((p) => (matcher.match(keyText(p)) ?? -1) > index);
  const edits = [];
  if (node.flow) {
    if (after) {
      const at = spanOf(after.key as Node, { start: 0, end: 0 }).start;
      edits.push({ start: at, end: at, text: `${label}: 0, ` });
    } else {
      const close = (node.range?.[1] ?? 1) - 1;
      const sep = node.items.length ? ', ' : '';
      edits.push({ start: close, end: close, text: `${sep}${label}: 0` });
    }
  } else {
    const ref = after ?? node.items[node.items.length - 1];
    const keyStart = spanOf(ref.key as Node, { start: 0, end: 0 }).start;
    const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
    const indent = text.slice(lineStart, keyStart);
    if (after) edits.push({ start: lineStart, end: lineStart, text: `${indent}${label}: 0\n` });
    else {
      const end = (ref.value as Node | null)?.range?.[1] ?? spanOf(ref.key as Node, { start: 0, end: 0 }).end;
      const lineEnd = text.indexOf('\n', end);
      const at = lineEnd < 0 ? text.length : lineEnd;
      edits.push({ start: at, end: at, text: `\n${indent}${label}: 0` });
    }
  }
  return {
    title: txt(`补上“${label}: 0”`, `Add "${label}: 0"`),
    edits,
    safe: true,
    preferred: true,
    writesKey: keyClaim(node.range?.[0] ?? 0, label),
  };
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

function normalizedDistanceOne(a: string, b: string): boolean {
  const x = normalizeLabel(a);
  const y = normalizeLabel(b);
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  return x.slice(i + (x.length >= y.length ? 1 : 0)) === y.slice(i + (y.length >= x.length ? 1 : 0));
}
