/**
 * Inline hints, each kind with its own switch: the computed value beside a total that differs
 * from it, and the name of the column the caret is in, at the end of its row's line. Column
 * names only where the caret is, and only after a line's last character: a hint between the
 * cells lengthened every row (a wrapped row split in two on End + Enter) and stood where a
 * double click meant to select a number.
 */
import { isSeq } from 'yaml';
import { formatDec } from './decimal';
import type { Locale, Span } from './findings';
import type { ColumnDecl, TableSectionDecl } from './format';
import type { Report, RowModel } from './model';
import { rowAt } from './addresses';
import { arithmeticOf } from './tables';

export interface Hint {
  /** The hint sits before the character at this offset. */
  offset: number;
  label: string;
  kind: 'total' | 'column';
  tooltip?: string;
}

export interface HintOptions {
  /** The computed value beside a total that differs (default on). */
  computedValues?: boolean;
  /** The editor's carets (offsets): the column of the cell under each, at the end of its line. */
  carets?: number[];
}

export function inlayHints(report: Report, span: Span, locale: Locale, options: HintOptions = {}): Hint[] {
  const inside = (o: number) => o >= span.start && o <= span.end;
  const hints: Hint[] = [];
  for (const c of options.carets ?? []) {
    const at = caretCell(report, c);
    const end = at && report.lines.lineEnd(report.lines.positionAt(c).line);
    if (at && end !== undefined && inside(end) && !hints.some((h) => h.offset === end))
      hints.push({ offset: end, kind: 'column', ...columnHint(at.table, at.row, at.col, locale) });
  }
  if (options.computedValues === false) return hints.sort((a, b) => a.offset - b.offset);
  for (const table of report.tables.values()) {
    const seen = new Set<string>();
    for (const r of arithmeticOf(table).failures) {
      const cell = r.eq.target.row.cells[r.eq.target.col]!;
      const key = `${r.eq.target.row.path}#${r.eq.target.col}`;
      if (seen.has(key) || !inside(cell.span.end)) continue;
      seen.add(key);
      const value = formatDec(r.expected);
      hints.push({
        offset: cell.span.end,
        label: locale === 'en' ? `expected ${value}` : `应为 ${value}`,
        kind: 'total',
        tooltip:
          locale === 'en'
            ? `The other cells make this ${value}; ${formatDec(r.reported)} is written.`
            : `按其他单元格计算应为 ${value}，填写的是 ${formatDec(r.reported)}。`,
      });
    }
  }
  return hints.sort((a, b) => a.offset - b.offset);
}

/**
 * The cell a caret is in, on a row written as a list of numbers of several columns (a row
 * written as a mapping names its columns already): the cell it touches, else the next one;
 * none before the first cell (on the key) or after the last.
 */
export function caretCell(
  report: Report,
  caret: number,
): { table: TableSectionDecl; row: RowModel; col: number } | undefined {
  const row = rowAt(report, caret);
  if (!row || row.decl.columns.length < 2 || !isSeq(row.node)) return undefined;
  const cells = row.cells.map((c, col) => ({ c, col })).filter((x) => x.c !== undefined);
  if (!cells.length || caret < cells[0].c!.span.start || caret > cells[cells.length - 1].c!.span.end) return undefined;
  const hit = cells.find((x) => caret <= x.c!.span.end);
  const table = [...report.tables.values()].find((t) => t.rows.get(row.path) === row);
  return hit && table ? { table: table.decl, row, col: hit.col } : undefined;
}

/** `第 3 列：法人或其他组织 › 商业企业`: the column's number and name, within its narrowest group. */
function columnHint(
  table: TableSectionDecl,
  row: RowModel,
  col: number,
  locale: Locale,
): { label: string; tooltip: string } {
  const columns = row.decl.columns;
  const column = columns[col];
  const group = groupOf(table, columns, column);
  const name = group ? `${group} › ${column.short}` : column.short;
  const full = group ? `${group} › ${column.label}` : column.label;
  return locale === 'en'
    ? {
        label: `← column ${col + 1}: ${name}`,
        tooltip: `${row.decl.label}, column ${col + 1}: ${full} (${column.unit})`,
      }
    : {
        label: `← 第 ${col + 1} 列：${name}`,
        tooltip: `${row.decl.label}，第 ${col + 1} 列：${full}（${column.unit}）`,
      };
}

/** The narrowest column group holding the column, of those that are not the whole row. */
function groupOf(table: TableSectionDecl, columns: ColumnDecl[], column: ColumnDecl): string | undefined {
  return table.columnGroups
    .filter((g) => g.columns.includes(column.label) && g.columns.length < columns.length)
    .sort((a, b) => a.columns.length - b.columns.length)[0]?.label;
}
