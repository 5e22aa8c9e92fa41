/**
 * Figures of the tables that a sentence may state: one cell, or the sum of cells over rows
 * (a group such as 无法提供, or 一 + 二) and columns (法人或其他组织 = the five kinds).
 */
import { eq, formatDec, sum, type Dec } from '../decimal';
import { txt, type Related, type Text } from '../findings';
import { groupColumns, sectionNumeral, type ColumnDecl } from '../format';
import type { Cell, Report, RowModel, TableModel } from '../model';
import { disputedCells, rowsAt } from '../tables';

export interface Figure {
  /** The sum of the cells as printed. */
  value: Dec;
  /**
   * The sum with each cell the identities show to be wrong at the value they support (a total
   * that is not the sum of its parts); absent when no cell of the figure is wrong.
   */
  supported?: Dec;
  /** A cell of it takes part in an identity that fails without telling which cell is wrong. */
  undecided?: boolean;
  /** How the figure is named in messages: `三、一、本年新收政府信息公开申请数量（总计）`. */
  readonly name: Text;
  /** The cells it is made of. */
  cells: { cell: Cell; row: RowModel; col: number }[];
  /** The rows and columns, so that a part of it (a column) can be taken. */
  table: TableModel;
  paths: string[];
  cols: number[];
}

/** Per table: a figure is made of its cells alone, and a table kept from the last parse keeps its figures. */
const memo = new WeakMap<TableModel, Map<string, Figure | undefined>>();

/** The sum over `paths` (rows or groups) and `cols`, when every cell holds a number. */
export function figure(report: Report, tableKey: string, paths: string[], cols: number[]): Figure | undefined {
  const table = report.tables.get(tableKey);
  if (!table) return undefined;
  let known = memo.get(table);
  if (!known) memo.set(table, (known = new Map()));
  const key = `${paths.join('+')}|${cols.join(',')}`;
  if (known.has(key)) return known.get(key);
  const f = compute(table, paths, cols);
  known.set(key, f);
  return f;
}

function compute(table: TableModel, paths: string[], cols: number[]): Figure | undefined {
  const cells: Figure['cells'] = [];
  for (const path of paths) {
    const rows = rowsAt(table, path);
    if (!rows) return undefined;
    for (const row of rows) {
      for (const col of cols) {
        const cell = row.cells[col];
        if (!cell?.value) return undefined;
        cells.push({ cell, row, col });
      }
    }
  }
  if (!cells.length) return undefined;
  const value = sum(cells.map((c) => c.cell.value!));
  const columns = cells[0].row.decl.columns;
  let name: Text | undefined;
  const fig: Figure = {
    value,
    // Only a message reads it: named when first asked for.
    get name() {
      return (name ??= nameOf(table, paths, cols, columns));
    },
    cells,
    table,
    paths,
    cols,
  };
  const { supported, undecided } = disputedCells(table);
  if (cells.some((c) => supported.has(c.cell)))
    fig.supported = sum(cells.map((c) => supported.get(c.cell) ?? c.cell.value!));
  if (cells.some((c) => undecided.has(c.cell))) fig.undecided = true;
  return fig;
}

/** The same rows, other columns (a column of the figure a parent sentence stated). */
export function column(report: Report, parent: Figure, cols: number[]): Figure | undefined {
  return figure(report, parent.table.decl.key, parent.paths, cols);
}

function itemLabel(table: TableModel, path: string): string {
  const row = table.rows.get(path);
  if (row) return `${row.decl.number}${row.decl.key}`;
  const group = table.groups.get(path);
  if (group) return `${group.decl.number}${group.decl.key}`;
  return path.split('/').pop()!;
}

function nameOf(table: TableModel, paths: string[], cols: number[], columns: ColumnDecl[]): Text {
  const rows = paths.map((p) => itemLabel(table, p)).join(' + ');
  // Columns that make a named group (法人或其他组织) are named as the group.
  const group = table.decl.columnGroups.find((g) => {
    const gc = groupColumns(columns, g.columns);
    return gc.length === cols.length && gc.every((c, i) => c === cols[i]);
  });
  const colNames = group ? [group.label] : cols.map((c) => columns[c]?.short ?? String(c));
  const where = columns.length > 1 ? `（${colNames.join(' + ')}）` : '';
  const whereEn = columns.length > 1 ? ` (${colNames.join(' + ')})` : '';
  const section = sectionNumeral(table.decl);
  return txt(`表格${section}“${rows}”${where}`, `table ${section} "${rows}"${whereEn}`);
}

/** Related information: the cells of a figure, non-zero ones first and at most eight. */
export function relatedCells(f: Figure): Related[] {
  const nonZero = f.cells.filter((c) => c.cell.value!.units !== 0n);
  const shown = (nonZero.length ? nonZero : f.cells.slice(0, 1)).slice(0, 8);
  return shown.map(({ cell, row, col }) => {
    const label = `${row.decl.number}${row.decl.key}`;
    const colName = row.decl.columns.length > 1 ? row.decl.columns[col].short : '';
    const v = formatDec(cell.value!);
    return {
      span: cell.span,
      message: txt(
        `${label}${colName ? `（${colName}）` : ''} = ${v}`,
        `${label}${colName ? ` (${colName})` : ''} = ${v}`,
      ),
    };
  });
}

/** `47 + 3 + 0 = 50` when a figure is a sum of several cells, for messages. */
export function breakdown(f: Figure): string {
  if (f.cells.length < 2) return '';
  const shown = f.cells.length <= 8 ? f.cells : f.cells.filter((c) => c.cell.value!.units !== 0n);
  if (!shown.length) return '';
  return `${shown.map((c) => formatDec(c.cell.value!)).join(' + ')} = ${formatDec(f.value)}`;
}

/**
 * Whether a stated value is the figure: as printed, or as the identities support it; any value
 * is, while the identities cannot tell which of its cells is wrong (their finding covers it).
 */
export function states(f: Figure, value: Dec): boolean {
  return f.undecided === true || eq(f.value, value) || (f.supported !== undefined && eq(f.supported, value));
}

/** `170（按各项之和应为 160）`: the figure as printed, and as the identities support it when they differ. */
export function shownValue(f: Figure): Text {
  const v = formatDec(f.value);
  if (f.supported === undefined || eq(f.supported, f.value)) return txt(v, v);
  const s = formatDec(f.supported);
  return txt(`${v}（按表格的勾稽关系应为 ${s}）`, `${v} (${s} by the table's identities)`);
}
