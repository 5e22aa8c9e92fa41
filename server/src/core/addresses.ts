/**
 * The values of a report by address: a table's cell by table, row and column, a text by its
 * section and sub-section. Where each is written in the file, which cell the caret is in, the
 * cells before and after it, and the rows in the order the printed form shows them. Shared by
 * the form, spreadsheet paste and the editor's Tab.
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { txt, type Span, type Text } from './findings';
import { joinPath, type ColumnDecl, type ItemDecl, type TableSectionDecl } from './format';
import { lineStartOf } from './layout';
import type { Report, RowModel, TextBlock } from './model';
import { columnMatcher, isEmpty, keyText } from './parse';

/** A value of a table: the table's key, the row's path (`本年度办理结果/予以公开`), the column's index. */
export interface CellAddress {
  table: string;
  row: string;
  column: number;
}

/** A text by the section it is in (its key in the declaration; none for the 前言) and its sub-section key as written. */
export interface TextAddress {
  section?: string;
  sub?: string;
}

export function textAddress(block: TextBlock): TextAddress {
  return { section: block.section?.key, sub: block.subKey };
}

export function findText(report: Report, at: TextAddress): TextBlock | undefined {
  if (at.section === undefined && at.sub === undefined) return report.preface;
  return report.texts.find((t) => t.section?.key === at.section && t.subKey === at.sub);
}

/** A row that holds values, as the printed form shows it: a group the file writes as one row is that row. */
export interface ValueRow {
  path: string;
  label: string;
  columns: ColumnDecl[];
  model: RowModel | undefined;
}

/** The rows of a table in the order the printed form shows them (table 二 by its clauses). */
export function valueRows(report: Report, decl: TableSectionDecl): ValueRow[] {
  const table = report.tables.get(decl.key);
  const out: ValueRow[] = [];
  const walk = (items: ItemDecl[], prefix: string): void => {
    for (const item of items) {
      const path = joinPath(prefix, item.key);
      const model = table?.rows.get(path);
      if (item.kind === 'row' || model?.groupAsRow)
        out.push({ path, label: item.number + item.label, columns: item.columns, model });
      else walk(item.items, path);
    }
  };
  const layout = decl.printed;
  if (layout.kind === 'clauses') {
    const listed = layout.clauses.flatMap((c) => c.rows);
    const ordered = [
      ...listed.flatMap((k) => decl.items.filter((i) => i.key === k)),
      ...decl.items.filter((i) => !listed.includes(i.key)),
    ];
    walk(ordered, '');
  } else walk(decl.items, '');
  return out;
}

/** Where a cell's value is written: its characters, or (`insert`) the point after a key with no value. */
export interface CellSlot {
  column: number;
  span: Span;
  /** The value is empty (`自然人:`): a value goes in at `span.start`, after a space. */
  insert?: boolean;
}

/** The cells a row writes, in the order of the file (a mapping row may order its columns otherwise). */
export function rowSlots(report: Report, row: RowModel): CellSlot[] {
  const node = row.node;
  const out: CellSlot[] = [];
  if (isSeq(node)) {
    node.items.forEach((item, column) => {
      const r = (item as Node | null)?.range;
      if (isScalar(item) && r) out.push({ column, span: { start: r[0], end: Math.max(r[0], r[1]) } });
    });
  } else if (isMap(node)) {
    const matcher = columnMatcher(row.decl.columns);
    for (const p of node.items as Pair[]) {
      const column = matcher.match(keyText(p));
      if (column === undefined) continue;
      const value = p.value as Node | null;
      if (isScalar(value) && value.range && !isEmpty(value)) {
        out.push({ column, span: { start: value.range[0], end: Math.max(value.range[0], value.range[1]) } });
        continue;
      }
      const keyEnd = (p.key as Node | null)?.range?.[1];
      if (keyEnd === undefined) continue;
      const colon = report.text.indexOf(':', keyEnd);
      if (colon < 0 || report.text.slice(keyEnd, colon).trim()) continue;
      out.push({ column, span: { start: colon + 1, end: colon + 1 }, insert: true });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The rows of every table in the order of the file. */
function rowsInFile(report: Report): RowModel[] {
  return [...report.tables.values()]
    .flatMap((t) => [...t.rows.values()])
    .filter((r) => r.node)
    .sort((a, b) => a.keySpan.start - b.keySpan.start);
}

function tableOf(report: Report, row: RowModel): string {
  for (const [key, t] of report.tables) if (t.rows.get(row.path) === row) return key;
  return '';
}

/** Whether an offset is on a row: from the start of its key's line to its last value. */
const onRow = (report: Report, row: RowModel, offset: number) =>
  lineStartOf(report.text, row.keySpan.start) <= offset && offset <= row.span.end;

/** The row whose line (its indentation, key and values) holds the offset. */
export function rowAt(report: Report, offset: number): RowModel | undefined {
  return rowsInFile(report).find((r) => onRow(report, r, offset));
}

/** The cell the offset is in (its ends included), or after which it stands; -1 before the first. */
function slotIndexAt(slots: CellSlot[], offset: number): { index: number; inside: boolean } {
  let index = -1;
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i].span;
    if (s.start <= offset && offset <= s.end) return { index: i, inside: true };
    if (s.end <= offset) index = i;
  }
  return { index, inside: false };
}

/** The cell at an offset: the one it is in, or the first of its row when it is on the row's key. */
export function cellAt(report: Report, offset: number): (CellAddress & { span: Span }) | undefined {
  const row = rowAt(report, offset);
  if (!row) return undefined;
  const slots = rowSlots(report, row);
  if (!slots.length) return undefined;
  const { index, inside } = slotIndexAt(slots, offset);
  const slot = slots[inside ? index : Math.max(0, index)];
  return { table: tableOf(report, row), row: row.path, column: slot.column, span: slot.span };
}

/**
 * The cell after (`+1`) or before (`-1`) the one at an offset, as Tab and Shift+Tab move in a
 * spreadsheet: along the row, then on to the next row of any table in the file.
 */
export function adjacentCell(
  report: Report,
  offset: number,
  direction: 1 | -1,
): (CellAddress & { span: Span; insert?: boolean }) | undefined {
  const rows = rowsInFile(report);
  const at = rows.findIndex((r) => onRow(report, r, offset));
  if (at < 0) return undefined;
  const slots = rowSlots(report, rows[at]);
  const { index, inside } = slotIndexAt(slots, offset);
  const target = direction > 0 ? index + 1 : inside ? index - 1 : index;
  if (target >= 0 && target < slots.length) return { ...address(report, rows[at], slots[target]) };
  for (let r = at + direction; r >= 0 && r < rows.length; r += direction) {
    const next = rowSlots(report, rows[r]);
    if (next.length) return address(report, rows[r], next[direction > 0 ? 0 : next.length - 1]);
  }
  return undefined;
}

function address(report: Report, row: RowModel, slot: CellSlot): CellAddress & { span: Span; insert?: boolean } {
  return { table: tableOf(report, row), row: row.path, column: slot.column, span: slot.span, insert: slot.insert };
}

export type Written<T> = { ok: true; value: T } | { ok: false; reason: Text };

export const refuse = (zh: string, en: string): { ok: false; reason: Text } => ({ ok: false, reason: txt(zh, en) });

/** The slot of a cell by address, or why a value cannot be written there. */
export function slotOf(report: Report, at: CellAddress): Written<CellSlot> {
  const table = report.tables.get(at.table);
  const row = table?.rows.get(at.row);
  const name = at.row.split('/').pop() ?? at.row;
  if (!table || !row)
    return refuse(
      `文件中没有“${name}”这一行：先补上这一行（可用快速修复），再填数字`,
      `the file has no row "${name}": add it first (a quick fix does), then fill it in`,
    );
  if (!row.node)
    return refuse(
      `“${name}”这一行不是一组数字，请在文本中修改`,
      `row "${name}" is not a list of numbers: edit it in the text`,
    );
  const slot = rowSlots(report, row).find((s) => s.column === at.column);
  const column = row.decl.columns[at.column];
  if (!slot || !column)
    return refuse(
      `“${name}”这一行缺少“${column?.label ?? at.column + 1}”一格，请先补齐`,
      `row "${name}" lacks the cell "${column?.label ?? at.column + 1}": complete the row first`,
    );
  return { ok: true, value: slot };
}
