/**
 * Arithmetic: every identity of the format declaration, per column, tolerance 0.
 * Identities are checked in declared order; a total already found wrong stands at its
 * computed value in the later ones, so one wrong cell is reported once.
 */
import { add, eq, formatDec, sub, sum, type Dec } from '../decimal';
import { txt, type Finding, type Fix, type Related } from '../findings';
import { itemAt, leafRows, type IdentityDecl } from '../format';
import type { Cell, Report, RowModel, TableModel } from '../model';
import { finding } from './finding';

export interface CellRef {
  row: RowModel;
  col: number;
}

/** One concrete equation: sum(left) = sum(right), with the finding on `target`. */
export interface Equation {
  identity: IdentityDecl;
  table: TableModel;
  left: CellRef[];
  right: CellRef[];
  target: CellRef;
}

export interface EquationResult {
  eq: Equation;
  reported: Dec;
  /** The value of the target that makes the equation hold. */
  expected: Dec;
}

const cellOf = (r: CellRef): Cell | undefined => r.row.cells[r.col];
const keyOf = (r: CellRef) => `${r.row.path}#${r.col}`;
/** Rows are one object per path: comparing them beats building keys, once per cell of every equation. */
const same = (a: CellRef, b: CellRef) => a.row === b.row && a.col === b.col;

/** The rows a path stands for: the row itself, or the rows of a group (or the group as one row). */
export function rowsAt(table: TableModel, path: string): RowModel[] | undefined {
  const direct = table.rows.get(path);
  if (direct) return [direct];
  const item = itemAt(table.decl, path);
  if (!item || item.kind === 'row') return undefined;
  const out: RowModel[] = [];
  for (const child of item.items) {
    const rows = rowsAt(table, `${path}/${child.key}`);
    if (!rows) return undefined;
    out.push(...rows);
  }
  return out;
}

/** Every concrete equation of a table whose cells are all present. */
export function equations(table: TableModel): Equation[] {
  const out: Equation[] = [];
  for (const identity of table.decl.identities) {
    if (identity.kind === 'across') {
      const rows = identity.rows.includes('*')
        ? orderedRows(table)
        : identity.rows.flatMap((p) => rowsAt(table, p) ?? []);
      for (const row of rows) {
        const target = { row, col: identity.total };
        out.push({ identity, table, left: identity.addends.map((col) => ({ row, col })), right: [target], target });
      }
    } else {
      const left = identity.left.map((p) => rowsAt(table, p));
      const right = identity.right.map((p) => rowsAt(table, p));
      const target = table.rows.get(identity.target);
      if (!target || left.some((r) => !r) || right.some((r) => !r)) continue;
      const columns = target.decl.columns.length;
      for (let col = 0; col < columns; col++) {
        out.push({
          identity,
          table,
          left: left.flat().map((row) => ({ row: row!, col })),
          right: right.flat().map((row) => ({ row: row!, col })),
          target: { row: target, col },
        });
      }
    }
  }
  return out.filter((e) => [...e.left, ...e.right].every((r) => cellOf(r)?.value));
}

function orderedRows(table: TableModel): RowModel[] {
  const order = new Map(leafRows(table.decl).map((r, i) => [r.path, i]));
  const rank = (row: RowModel) =>
    order.get(row.path) ??
    order.get(leafRows(table.decl).find((l) => l.path.startsWith(row.path + '/'))?.path ?? '') ??
    0;
  return [...table.rows.values()].sort((a, b) => rank(a) - rank(b));
}

/** Evaluates equations in order, with totals already found wrong standing at their computed value. */
export function evaluate(table: TableModel, all = equations(table)): EquationResult[] {
  const known = new Map<string, Dec>();
  const value = (r: CellRef): Dec => (known.size ? known.get(keyOf(r)) : undefined) ?? cellOf(r)!.value!;
  const failures: EquationResult[] = [];
  for (const e of all) {
    const l = sum(e.left.map(value));
    const r = sum(e.right.map(value));
    if (eq(l, r)) continue;
    const reported = cellOf(e.target)!.value!;
    const targetOnLeft = e.left.some((c) => same(c, e.target));
    // Solve for the target: move everything else to the other side.
    const current = value(e.target);
    const expected = targetOnLeft ? add(current, sub(r, l)) : add(current, sub(l, r));
    if (!known.has(keyOf(e.target))) known.set(keyOf(e.target), expected);
    failures.push({ eq: e, reported, expected });
  }
  return failures;
}

export function checkArithmetic(report: Report): Finding[] {
  const out: Finding[] = [];
  for (const table of report.tables.values()) {
    const all = equations(table);
    for (const result of evaluate(table, all)) out.push(toFinding(result, all));
  }
  return out;
}

function columnName(r: CellRef): string {
  return r.row.decl.columns[r.col].short;
}

function rowName(r: CellRef): string {
  return `${r.row.decl.number}${r.row.decl.key}`;
}

function toFinding(result: EquationResult, all: Equation[]): Finding {
  const { eq: e, reported, expected } = result;
  const v = (r: CellRef) => formatDec(cellOf(r)!.value!);
  const others = [...e.left, ...e.right].filter((c) => !same(c, e.target));
  const related: Related[] = others.map((c) => ({
    span: cellOf(c)!.span,
    message: txt(`${rowName(c)}（${columnName(c)}）= ${v(c)}`, `${rowName(c)} (${columnName(c)}) = ${v(c)}`),
  }));
  const target = e.target;
  let zh: string;
  let en: string;
  if (e.identity.kind === 'across') {
    const parts = e.left.map(v).join(' + ');
    zh = `${columnName(target)} ${formatDec(reported)} ≠ ${parts} = ${formatDec(expected)}`;
    en = zh;
  } else {
    const terms = (cells: CellRef[], skipZero: boolean) => {
      const shown = cells.filter((c) => !skipZero || cellOf(c)!.value!.units !== 0n);
      return shown.length ? shown.map(v).join(' + ') : '0';
    };
    const leftSum = formatDec(sum(e.left.map((c) => cellOf(c)!.value!)));
    const rightSum = formatDec(sum(e.right.map((c) => cellOf(c)!.value!)));
    if (e.identity.code === 'balance') {
      zh = `勾稽关系不成立（${columnName(target)}列）：一 + 二 = ${terms(e.left, false)} = ${leftSum}，三（七）总计 + 四 = ${terms(e.right, false)} = ${rightSum}；按此${rowName(target)}应为 ${formatDec(expected)}，填的是 ${formatDec(reported)}`;
      en = `balance broken (column ${columnName(target)}): 一 + 二 = ${terms(e.left, false)} = ${leftSum} but 三(七) + 四 = ${terms(e.right, false)} = ${rightSum}; ${rowName(target)} would be ${formatDec(expected)}, not ${formatDec(reported)}`;
    } else {
      const nonZero = terms(e.left, true);
      const note = e.left.length > 1 ? '（非零项）' : '';
      zh = `${rowName(target)}（${columnName(target)}）${formatDec(reported)} ≠ ${nonZero}${note} = ${leftSum}`;
      en = `${rowName(target)} (${columnName(target)}) ${formatDec(reported)} ≠ ${nonZero}${note ? ' (non-zero rows)' : ''} = ${leftSum}`;
    }
  }
  const fixes: Fix[] = [];
  const expectedText = formatDec(expected);
  if (expected.units >= 0n) {
    fixes.push({
      title: txt(`将${columnName(target)}改为 ${expectedText}`, `Set ${columnName(target)} to ${expectedText}`),
      edits: [{ ...cellOf(target)!.span, text: expectedText }],
      preferred: true,
      safe: false,
    });
  }
  const alt = explainingAddend(result, all);
  if (alt) {
    fixes.push({
      title: txt(
        `或将${rowName(alt.cell)}（${columnName(alt.cell)}）改为 ${formatDec(alt.value)}`,
        `Or set ${rowName(alt.cell)} (${columnName(alt.cell)}) to ${formatDec(alt.value)}`,
      ),
      edits: [{ ...cellOf(alt.cell)!.span, text: formatDec(alt.value) }],
      safe: false,
    });
  }
  return finding(e.identity.code, cellOf(target)!.span, txt(zh, en), { related, fixes });
}

/**
 * The one addend whose correction would make this equation and every other equation it
 * takes part in hold, if exactly one exists.
 */
function explainingAddend(result: EquationResult, all: Equation[]): { cell: CellRef; value: Dec } | undefined {
  const e = result.eq;
  const delta = sub(result.reported, result.expected);
  const targetOnLeft = e.left.some((c) => same(c, e.target));
  const candidates = (targetOnLeft ? e.right : e.left).filter((c) => !same(c, e.target));
  const found: { cell: CellRef; value: Dec }[] = [];
  for (const c of candidates) {
    const value = add(cellOf(c)!.value!, delta);
    if (value.units < 0n) continue;
    const holds = all
      .filter((x) => x.left.some((r) => same(r, c)) || x.right.some((r) => same(r, c)))
      .every((x) => {
        const val = (r: CellRef) => (same(r, c) ? value : cellOf(r)!.value!);
        return eq(sum(x.left.map(val)), sum(x.right.map(val)));
      });
    if (holds) found.push({ cell: c, value });
  }
  return found.length === 1 ? found[0] : undefined;
}
