/**
 * The identities of a table as concrete equations between its cells, and their evaluation.
 * Shared by the arithmetic rule, hover (how a total is computed), inlay hints and the
 * narrative checks (the figures a sentence may state).
 */
import { add, eq, sub, sum, type Dec } from './decimal';
import { columnByRole, itemAt, leafRows, type IdentityDecl } from './format';
import type { Cell, RowModel, TableModel } from './model';

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

export const cellOf = (r: CellRef): Cell | undefined => r.row.cells[r.col];
const keyOf = (r: CellRef) => `${r.row.path}#${r.col}`;
/** Rows are one object per path: comparing them beats building keys, once per cell of every equation. */
export const sameCell = (a: CellRef, b: CellRef): boolean => a.row === b.row && a.col === b.col;

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
        const total = columnByRole(row.decl.columns, 'total');
        if (total < 0) continue;
        const target = { row, col: total };
        const addends = row.decl.columns.map((_, col) => col).filter((col) => col !== total);
        out.push({ identity, table, left: addends.map((col) => ({ row, col })), right: [target], target });
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
  const leaves = leafRows(table.decl);
  const order = new Map(leaves.map((r, i) => [r.path, i]));
  const rank = (row: RowModel) =>
    order.get(row.path) ?? order.get(leaves.find((l) => l.path.startsWith(row.path + '/'))?.path ?? '') ?? 0;
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
    const targetOnLeft = e.left.some((c) => sameCell(c, e.target));
    // Solve for the target: move everything else to the other side.
    const current = value(e.target);
    const expected = targetOnLeft ? add(current, sub(r, l)) : add(current, sub(l, r));
    if (!known.has(keyOf(e.target))) known.set(keyOf(e.target), expected);
    failures.push({ eq: e, reported, expected });
  }
  return failures;
}
