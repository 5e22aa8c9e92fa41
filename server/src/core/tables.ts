/**
 * The identities of a table as concrete equations between its cells, and their evaluation.
 * Shared by the arithmetic rule, hover (how a total is computed), inlay hints and the
 * narrative checks (the figures a sentence may state).
 */
import { add, eq, sub, sum, type Dec } from './decimal';
import { columnByRole, itemAt, leafRows, type IdentityDecl, type TableSectionDecl } from './format';
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
  /** The values the equation was evaluated with (a total found wrong before at its computed value), as `left`/`right`. */
  leftValues: Dec[];
  rightValues: Dec[];
}

export const cellOf = (r: CellRef): Cell | undefined => r.row.cells[r.col];
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
  const present = (refs: CellRef[]) => refs.every((r) => cellOf(r)?.value);
  for (const identity of table.decl.identities) {
    if (identity.kind === 'across') {
      const rows = identity.rows.includes('*')
        ? orderedRows(table)
        : identity.rows.flatMap((p) => rowsAt(table, p) ?? []);
      for (const row of rows) {
        const total = columnByRole(row.decl.columns, 'total');
        if (total < 0) continue;
        const target = { row, col: total };
        const left: CellRef[] = [];
        for (let col = 0; col < row.decl.columns.length; col++) if (col !== total) left.push({ row, col });
        if (present(left) && cellOf(target)?.value) out.push({ identity, table, left, right: [target], target });
      }
    } else {
      const left = identity.left.map((p) => rowsAt(table, p));
      const right = identity.right.map((p) => rowsAt(table, p));
      const target = table.rows.get(identity.target);
      if (!target || left.some((r) => !r) || right.some((r) => !r)) continue;
      // The rows of each side once; then one equation per column.
      const leftRows = (left as RowModel[][]).flat();
      const rightRows = (right as RowModel[][]).flat();
      const columns = target.decl.columns.length;
      for (let col = 0; col < columns; col++) {
        const l = leftRows.map((row) => ({ row, col }));
        const r = rightRows.map((row) => ({ row, col }));
        if (present(l) && present(r)) out.push({ identity, table, left: l, right: r, target: { row: target, col } });
      }
    }
  }
  return out;
}

/** The place of each leaf row in its declaration, by path: the same for every table of that declaration. */
const leafOrders = new WeakMap<TableSectionDecl, Map<string, number>>();

function leafOrder(decl: TableSectionDecl): Map<string, number> {
  let order = leafOrders.get(decl);
  if (!order) leafOrders.set(decl, (order = new Map(leafRows(decl).map((r, i) => [r.path, i]))));
  return order;
}

function orderedRows(table: TableModel): RowModel[] {
  const leaves = leafRows(table.decl);
  const order = leafOrder(table.decl);
  const rank = (row: RowModel) =>
    order.get(row.path) ?? order.get(leaves.find((l) => l.path.startsWith(row.path + '/'))?.path ?? '') ?? 0;
  return [...table.rows.values()]
    .map((row) => ({ row, at: rank(row) }))
    .sort((a, b) => a.at - b.at)
    .map((r) => r.row);
}

/**
 * Evaluates equations in order, with totals already found wrong standing at their computed
 * value; `override` puts cells at other values (a correction being tried).
 */
export function evaluate(table: TableModel, all = equations(table), override?: Map<Cell, Dec>): EquationResult[] {
  // By cell: one row per path and one cell per column, so the cell names its place (no key to build).
  const known = new Map<Cell, Dec>();
  const printed = (r: CellRef): Dec => {
    const cell = cellOf(r)!;
    return (override?.size ? override.get(cell) : undefined) ?? cell.value!;
  };
  const value = (r: CellRef): Dec => (known.size ? known.get(cellOf(r)!) : undefined) ?? printed(r);
  const failures: EquationResult[] = [];
  for (const e of all) {
    const leftValues = e.left.map(value);
    const rightValues = e.right.map(value);
    const l = sum(leftValues);
    const r = sum(rightValues);
    if (eq(l, r)) continue;
    const reported = printed(e.target);
    const targetOnLeft = e.left.some((c) => sameCell(c, e.target));
    // Solve for the target: move everything else to the other side.
    const current = value(e.target);
    const expected = targetOnLeft ? add(current, sub(r, l)) : add(current, sub(l, r));
    const target = cellOf(e.target)!;
    if (!known.has(target)) known.set(target, expected);
    failures.push({ eq: e, reported, expected, leftValues, rightValues });
  }
  return failures;
}

/**
 * One cell whose correction makes several failing identities hold at once (an addend typed
 * wrong breaks its row's total and its column's balance): one defect, reported once, on it.
 */
export interface Culprit {
  cell: CellRef;
  reported: Dec;
  /** The value that makes them hold. */
  value: Dec;
  /** The failures it explains, in order. */
  explains: EquationResult[];
}

/** A table's equations, the failures no single cell explains, and the cells that explain several. */
export interface TableArithmetic {
  all: Equation[];
  failures: EquationResult[];
  culprits: Culprit[];
}

const worked = new WeakMap<TableModel, TableArithmetic>();

export function arithmeticOf(table: TableModel): TableArithmetic {
  let a = worked.get(table);
  if (!a) {
    const all = equations(table);
    worked.set(table, (a = { all, ...findCulprits(table, all, evaluate(table, all)) }));
  }
  return a;
}

const involves = (e: Equation, c: CellRef) => e.left.some((r) => sameCell(r, c)) || e.right.some((r) => sameCell(r, c));

/**
 * While two or more identities fail, the one cell whose correction removes the most failures
 * (at least two, and no other cell as many) is taken for the defect. Corrections are never
 * negative; a tie leaves the failures as they are.
 */
function findCulprits(
  table: TableModel,
  all: Equation[],
  failures: EquationResult[],
): { failures: EquationResult[]; culprits: Culprit[] } {
  const culprits: Culprit[] = [];
  const overrides = new Map<Cell, Dec>();
  let current = failures;
  while (current.length >= 2) {
    // A correction mends the identities that hold its cell: only a cell in two or more
    // failures (where a row and a column cross) can explain several.
    const inFailures = new Map<Cell, { ref: CellRef; count: number }>();
    for (const f of current) {
      const cells = new Set<Cell>();
      for (const r of [...f.eq.left, ...f.eq.right]) {
        const cell = cellOf(r)!;
        if (overrides.has(cell) || cells.has(cell)) continue;
        cells.add(cell);
        const c = inFailures.get(cell);
        if (c) c.count++;
        else inFailures.set(cell, { ref: r, count: 1 });
      }
    }
    const candidates = [...inFailures.values()].filter((c) => c.count >= 2).map((c) => c.ref);
    const valueOf = (r: CellRef) => overrides.get(cellOf(r)!) ?? cellOf(r)!.value!;
    let best: { cell: CellRef; value: Dec; rest: EquationResult[] } | undefined;
    let tie = false;
    for (const c of candidates) {
      const f = current.find((x) => involves(x.eq, c))!.eq;
      const l = sum(f.left.map(valueOf));
      const r = sum(f.right.map(valueOf));
      const value = f.left.some((x) => sameCell(x, c)) ? add(valueOf(c), sub(r, l)) : add(valueOf(c), sub(l, r));
      if (value.units < 0n) continue;
      const rest = evaluate(table, all, new Map(overrides).set(cellOf(c)!, value));
      if (current.length - rest.length < 2) continue;
      if (!best || rest.length < best.rest.length) {
        best = { cell: c, value, rest };
        tie = false;
      } else if (rest.length === best.rest.length) tie = true;
    }
    if (!best || tie) break;
    const remaining = new Set(best.rest.map((x) => x.eq));
    culprits.push({
      cell: best.cell,
      reported: cellOf(best.cell)!.value!,
      value: best.value,
      explains: current.filter((x) => !remaining.has(x.eq)),
    });
    overrides.set(cellOf(best.cell)!, best.value);
    current = best.rest;
  }
  return { failures: current, culprits };
}

/**
 * The cells the identities show to be wrong. Where an identity's target is its one total (a
 * row's 总计, （七）总计), the value they support is known: a sentence stating the figure is
 * compared with it as well as with the printed cell. Where the target stands with other cells
 * on its side (一 + 二 = 三（七）+ 四), any cell of the identity may be the wrong one: those
 * cells are undecided, and a sentence about them is not judged (the identity's own finding
 * names both sides). One wrong cell is one finding.
 */
export interface DisputedCells {
  supported: Map<Cell, Dec>;
  undecided: Set<Cell>;
}

const disputes = new WeakMap<TableModel, DisputedCells>();

/** Per table: an identity holds only cells of its own table. */
export function disputedCells(table: TableModel): DisputedCells {
  let d = disputes.get(table);
  if (!d) {
    d = { supported: new Map(), undecided: new Set() };
    const { failures, culprits } = arithmeticOf(table);
    for (const c of culprits) d.supported.set(cellOf(c.cell)!, c.value);
    for (const f of failures) {
      const e = f.eq;
      const alone = (side: CellRef[]) => side.length === 1 && sameCell(side[0], e.target);
      if (alone(e.right) || alone(e.left)) {
        const cell = cellOf(e.target);
        if (cell && !d.supported.has(cell)) d.supported.set(cell, f.expected);
      } else for (const r of [...e.left, ...e.right]) d.undecided.add(cellOf(r)!);
    }
    disputes.set(table, d);
  }
  return d;
}
