/**
 * The three tables as grids of cells with the official header structure: merged header
 * cells (rowspan/colspan) generated from the declared rows, groups and columns.
 */
import type { Node } from 'yaml';
import { formatDec } from '../decimal';
import type { Span } from '../findings';
import type {
  ColumnDecl,
  ColumnGroupDecl,
  GroupDecl,
  ItemDecl,
  PrintedLayout,
  RowDecl,
  TableSectionDecl,
} from '../format';
import type { Cell, Report, RowModel, TableModel } from '../model';
import type { CellRole, Grid, GridCell, GridRow, Source } from './printed';

export type SourceOf = (span: Span) => Source;

export function buildGrid(report: Report, decl: TableSectionDecl, src: SourceOf): Grid {
  const ctx: Ctx = { table: report.tables.get(decl.key), tableKey: decl.key, src };
  const layout = decl.printed;
  switch (layout.kind) {
    case 'clauses':
      return clausesGrid(ctx, decl, layout);
    case 'rows':
      return rowsGrid(
        ctx,
        decl,
        decl.columnGroups.filter((g) => g.printed),
      );
    case 'columns':
      return columnsGrid(ctx, decl);
  }
}

interface Ctx {
  /** Undefined when the file lacks the whole table: every cell is then empty. */
  table: TableModel | undefined;
  tableKey: string;
  src: SourceOf;
}

function cell(role: CellRole, text: string, extra: Partial<GridCell> = {}): GridCell {
  return { role, text, colspan: 1, rowspan: 1, findings: [], ...extra };
}

const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** The number as the author wrote it when that is a plain number, else its text. */
function cellText(c: Cell): string {
  const raw = c.raw.trim();
  if (c.value && PLAIN_NUMBER.test(raw)) return raw;
  if (c.value) return formatDec(c.value);
  const quoted = /^(["'])([\s\S]*)\1$/.exec(raw);
  return quoted ? quoted[2] : raw;
}

function valueCells(ctx: Ctx, path: string, row: RowModel | undefined, columns: ColumnDecl[]): GridCell[] {
  return columns.map((_, i) => {
    const c = row?.cells[i];
    const address = { table: ctx.tableKey, row: path, column: i };
    return c
      ? cell('value', cellText(c), { source: ctx.src(c.span), address })
      : cell('value', '', { missing: true, address });
  });
}

/** A row's label covers the whole row in the file, so findings on its key or on a missing cell land on it. */
function rowSource(ctx: Ctx, row: RowModel | undefined): Source | undefined {
  return row ? ctx.src({ start: row.keySpan.start, end: Math.max(row.keySpan.end, row.span.end) }) : undefined;
}

function groupSource(ctx: Ctx, path: string): Source | undefined {
  const g = ctx.table?.groups.get(path);
  if (!g) return undefined;
  const end = (g.pair.value as Node | null)?.range?.[1] ?? g.keySpan.end;
  return ctx.src({ start: g.keySpan.start, end: Math.max(end, g.keySpan.end) });
}

/** A group the file writes as one row (an older layout) is drawn as that row. */
function asRow(ctx: Ctx, item: ItemDecl, path: string): RowModel | undefined {
  const row = ctx.table?.rows.get(path);
  return item.kind === 'row' || row?.groupAsRow ? row : undefined;
}

/** The subject of the missing-row finding for an item the file lacks (a misspelt key stands for it). */
function absentLabel(ctx: Ctx, item: ItemDecl, path: string, present: unknown): string | undefined {
  return present || ctx.table?.misspelled.has(path) ? undefined : `${ctx.tableKey}/${path}`;
}

const join = (prefix: string, key: string) => (prefix ? `${prefix}/${key}` : key);

/** Levels of items below `items` (1 for a flat list). */
function depthOf(items: ItemDecl[]): number {
  return Math.max(...items.map((i) => (i.kind === 'group' ? 1 + depthOf(i.items) : 1)));
}

function unitOf(columns: ColumnDecl[]): string | undefined {
  const units = new Set(columns.map((c) => c.unit));
  if (units.size !== 1) return undefined;
  const [unit] = units;
  return columns.some((c) => c.label.includes(unit)) ? undefined : `单位：${unit}`;
}

function leafColumns(decl: TableSectionDecl): ColumnDecl[] {
  const out: ColumnDecl[] = [];
  const walk = (items: ItemDecl[]) => items.forEach((i) => (i.kind === 'row' ? out.push(...i.columns) : walk(i.items)));
  walk(decl.items);
  return out;
}

// ---- table 二: rows under 第二十条 clause headings ---------------------------------------

function clausesGrid(ctx: Ctx, decl: TableSectionDecl, layout: Extract<PrintedLayout, { kind: 'clauses' }>): Grid {
  const rows = decl.items.filter((i): i is RowDecl => i.kind === 'row');
  const width = 1 + Math.max(...rows.map((r) => r.columns.length));
  const blocks = layout.clauses
    .map((c) => ({
      clause: c.clause,
      rows: c.rows.map((k) => rows.find((r) => r.key === k)).filter((r): r is RowDecl => !!r),
    }))
    .filter((b) => b.rows.length);
  const listed = new Set(blocks.flatMap((b) => b.rows));
  // Rows no clause lists still print, each with its own header.
  for (const r of rows) if (!listed.has(r)) blocks.push({ clause: '', rows: [r] });
  const out: GridRow[] = [];
  // The last cell of a short row spans the remaining columns, as on the form.
  const fill = (cells: GridCell[]): GridCell[] => {
    const used = cells.reduce((n, c) => n + c.colspan, 0);
    cells[cells.length - 1].colspan += width - used;
    return cells;
  };
  for (const b of blocks) {
    if (b.clause) out.push({ cells: [cell('clause', b.clause, { colspan: width })] });
    out.push({ cells: fill([cell('head', layout.rowHead), ...b.rows[0].columns.map((c) => cell('head', c.label))]) });
    for (const r of b.rows) {
      const model = ctx.table?.rows.get(r.key);
      const source = rowSource(ctx, model);
      out.push({
        cells: fill([
          cell('label', r.label, { source, absent: absentLabel(ctx, r, r.key, model) }),
          ...valueCells(ctx, r.key, model, r.columns),
        ]),
        source,
      });
    }
  }
  const label = 0.4;
  return {
    key: decl.key,
    columns: width,
    widths: [label, ...new Array(width - 1).fill((1 - label) / (width - 1))],
    headRows: 0,
    rows: out,
  };
}

// ---- table 三: one line per row, row groups merged on the left -------------------------------

interface HeaderNode {
  label: string;
  children: HeaderNode[];
}

/** Column headers as a tree: each group over the columns it names, nested by containment. */
function columnTree(columns: ColumnDecl[], groups: ColumnGroupDecl[]): HeaderNode[] {
  const labels = columns.map((c) => c.label);
  const valid = groups.filter((g) => g.columns.length > 0 && g.columns.every((l) => labels.includes(l)));
  const build = (span: string[], inside: ColumnGroupDecl[]): HeaderNode[] => {
    const out: HeaderNode[] = [];
    for (let i = 0; i < span.length;) {
      // The widest group starting here that lies within this span.
      const g = inside
        .filter(
          (x) =>
            x.columns[0] === span[i] &&
            x.columns.length <= span.length - i &&
            x.columns.every((l, k) => span[i + k] === l),
        )
        .sort((a, b) => b.columns.length - a.columns.length)[0];
      if (g) {
        out.push({
          label: g.label,
          children: build(
            g.columns,
            inside.filter((x) => x !== g),
          ),
        });
        i += g.columns.length;
      } else {
        out.push({ label: span[i], children: [] });
        i++;
      }
    }
    return out;
  };
  return build(labels, valid);
}

const treeDepth = (nodes: HeaderNode[]): number =>
  Math.max(...nodes.map((n) => 1 + (n.children.length ? treeDepth(n.children) : 0)));
const leafCount = (n: HeaderNode): number => (n.children.length ? n.children.reduce((s, c) => s + leafCount(c), 0) : 1);

/** Header rows for a column tree: a group spans its columns, a column reaches down to the last header row. */
function headerRows(nodes: HeaderNode[], depth: number): GridCell[][] {
  const rows: GridCell[][] = Array.from({ length: depth }, () => []);
  const walk = (list: HeaderNode[], level: number) => {
    for (const n of list) {
      if (n.children.length) {
        rows[level].push(cell('head', n.label, { colspan: leafCount(n) }));
        walk(n.children, level + 1);
      } else rows[level].push(cell('head', n.label, { rowspan: depth - level }));
    }
  };
  walk(nodes, 0);
  return rows;
}

/**
 * The note over the row labels, from the identity between rows of different top-level items
 * (一 + 二 = 三 + 四): `（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）`.
 */
function identityNote(decl: TableSectionDecl): string {
  const top = (path: string) => decl.items.find((i) => i.key === path.split('/')[0]);
  for (const id of decl.identities) {
    if (id.kind !== 'down') continue;
    const side = (paths: string[]) => {
      const items = [...new Set(paths.map(top))];
      return items.length === paths.length && items.every((i) => i && i.number)
        ? items.map((i) => `第${i!.number.replace(/[、.．]$/, '')}项`)
        : undefined;
    };
    const left = side(id.left);
    const right = side(id.right);
    if (!left || !right) continue;
    const sum = (names: string[]) => names.join('加') + (names.length > 1 ? '之和' : '');
    return `（本列数据的勾稽关系为：${sum(left)}，等于${sum(right)}）`;
  }
  return '';
}

function rowsGrid(ctx: Ctx, decl: TableSectionDecl, groups: ColumnGroupDecl[]): Grid {
  const columns = firstColumns(decl.items);
  const tree = columnTree(columns, groups);
  const headDepth = treeDepth(tree);
  const labelDepth = depthOf(decl.items);
  const head = headerRows(tree, headDepth);
  head[0].unshift(cell('corner', identityNote(decl), { colspan: labelDepth, rowspan: headDepth }));

  const body = (items: ItemDecl[], prefix: string, level: number): GridRow[] => {
    const out: GridRow[] = [];
    for (const item of items) {
      const path = join(prefix, item.key);
      const label = item.number + item.label;
      const row = asRow(ctx, item, path);
      if (item.kind === 'row' || row) {
        const source = rowSource(ctx, row);
        const absent = absentLabel(ctx, item, path, row);
        out.push({
          cells: [
            cell('label', label, { colspan: labelDepth - level, source, absent }),
            ...valueCells(ctx, path, row, item.columns),
          ],
          source,
        });
        continue;
      }
      const inner = body((item as GroupDecl).items, path, level + 1);
      const group = groupSource(ctx, path);
      const absent = absentLabel(ctx, item, path, group);
      inner[0].cells.unshift(cell('label', label, { rowspan: inner.length, source: group, absent }));
      out.push(...inner);
    }
    return out;
  };

  const labelWeights = Array.from({ length: labelDepth }, (_, i) => (i === labelDepth - 1 ? 2.6 : 1));
  const labelTotal = labelWeights.reduce((a, b) => a + b, 0);
  const widths = [...labelWeights.map((w) => (0.42 * w) / labelTotal), ...columns.map(() => 0.58 / columns.length)];
  return {
    key: decl.key,
    columns: labelDepth + columns.length,
    widths,
    headRows: headDepth,
    rows: [...head.map((cells) => ({ cells })), ...body(decl.items, '', 0)],
    unit: unitOf(leafColumns(decl)),
  };
}

function firstColumns(items: ItemDecl[]): ColumnDecl[] {
  const first = items[0];
  return first.kind === 'row' ? first.columns : firstColumns(first.items);
}

// ---- table 四: each row is a block of columns ---------------------------------------------

function columnsGrid(ctx: Ctx, decl: TableSectionDecl): Grid {
  interface Leaf {
    path: string;
    row: RowModel | undefined;
    columns: ColumnDecl[];
  }
  const levels = depthOf(decl.items);
  const head: GridCell[][] = Array.from({ length: levels + 1 }, () => []);
  const leaves: Leaf[] = [];
  const walk = (items: ItemDecl[], prefix: string, level: number): number => {
    let width = 0;
    for (const item of items) {
      const path = join(prefix, item.key);
      const row = asRow(ctx, item, path);
      if (item.kind === 'row' || row) {
        const source = rowSource(ctx, row);
        head[level].push(
          cell('head', item.number + item.label, {
            colspan: item.columns.length,
            source,
            absent: absentLabel(ctx, item, path, row),
          }),
        );
        for (const c of item.columns) head[level + 1].push(cell('head', c.label, { rowspan: levels - level }));
        leaves.push({ path, row, columns: item.columns });
        width += item.columns.length;
        continue;
      }
      const group = groupSource(ctx, path);
      const at =
        head[level].push(
          cell('head', item.number + item.label, { source: group, absent: absentLabel(ctx, item, path, group) }),
        ) - 1;
      const inner = walk((item as GroupDecl).items, path, level + 1);
      head[level][at].colspan = inner;
      width += inner;
    }
    return width;
  };
  const width = walk(decl.items, '', 0);
  const values = leaves.flatMap((l) => valueCells(ctx, l.path, l.row, l.columns));
  return {
    key: decl.key,
    columns: width,
    widths: new Array(width).fill(1 / width),
    headRows: levels + 1,
    rows: [...head.map((cells) => ({ cells })), { cells: values }],
    unit: unitOf(leafColumns(decl)),
  };
}

/** The first column of each cell, row by row, taking cells merged from rows above into account. */
export function cellColumns(grid: Grid): number[][] {
  const covered: boolean[][] = grid.rows.map(() => new Array(grid.columns).fill(false));
  return grid.rows.map((row, r) => {
    let col = 0;
    return row.cells.map((c) => {
      while (col < grid.columns && covered[r][col]) col++;
      const at = col;
      for (let dr = 0; dr < c.rowspan && r + dr < grid.rows.length; dr++)
        for (let dc = 0; dc < c.colspan; dc++) covered[r + dr][at + dc] = true;
      col += c.colspan;
      return at;
    });
  });
}
