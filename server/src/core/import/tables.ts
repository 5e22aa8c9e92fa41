/**
 * Recognises the rows of one table of the declaration in a stream of printed cells. The
 * stream is read as labels followed by values, whatever the layout: a table flattened into
 * `|` rows, split across pages, with merged cells printed once or as blanks, with labels on
 * one line and numbers on the next, or with section 四's fifteen numbers in one row under
 * a header that names the three rows. Labels are matched against the declaration
 * (`labelMatch.ts`); values keep their printed text.
 */
import {
  leafRows,
  tableSections,
  type FormatDecl,
  type ColumnDecl,
  type GroupDecl,
  type ItemDecl,
  type LeafRow,
  type TableSectionDecl,
} from '../format';
import { memoize } from '../memo';
import { readCell, type ReadCell } from './cells';
import {
  bestMatches,
  candidate,
  declNumbering,
  isMisprint,
  labelForm,
  numberingOf,
  type Candidate,
} from './labelMatch';
import { Notices, quote } from './notices';

export interface CellOut {
  /** `number`: written as a plain number; `text`: written quoted (blank or a mark such as "/"). */
  kind: 'number' | 'text';
  text: string;
}

export interface RowOut {
  path: string;
  cells: CellOut[];
  /** A group printed as one row (e.g. （六）其他处理 in older layouts). */
  groupAsRow: boolean;
  /** A comment to write above the row (numbers whose columns were uncertain). */
  comment?: string;
}

export interface TableOut {
  decl: TableSectionDecl;
  /** Rows in official order; rows not found in the input are absent. */
  rows: RowOut[];
  /** Printed content that could not be placed, as comment lines. */
  unplaced: string[];
  /** Labels printed wrong and read as official ones: printed → official. */
  misprints: Map<string, string>;
  /** Text printed under the table's heading, as paragraphs. */
  note: string[];
}

type Target =
  | { kind: 'leaf'; leaf: LeafRow; index: number }
  | { kind: 'group'; path: string; decl: GroupDecl; first: number; last: number }
  | { kind: 'header' };
type RowTarget = Exclude<Target, { kind: 'header' }>;

interface Pending {
  target?: RowTarget;
  raw: string;
  /** The label's place in the stream of labels: blanks right after it may be its cells. */
  seq: number;
  /** The printed row it is in, when that row has several cells. */
  line?: number;
}

interface Val {
  cell: ReadCell;
  /** The printed row it is in, when that row has several cells (else undefined). */
  line?: number;
}

/** Words of the printed tables' headers and the section titles printed inside a table (as its first row or caption). */
const headerWords = memoize((format: FormatDecl) => [
  '信息内容',
  '申请人情况',
  '法人或其他组织',
  '单位：万元',
  '单位：件',
  ...tableSections(format).flatMap((t) => (t.printed.kind === 'clauses' ? t.printed.clauses.map((c) => c.clause) : [])),
  ...format.sections.flatMap((s) => [s.title, ...(s.aliases ?? [])]),
]);
const HEADER_PATTERN =
  /勾稽关系|第[一二三四]项(?:加|之和)|^第二十条|申请人情况|^项目$|^序号$|^类别$|^单位|^表[一二三四五六七八九十\d]/u;

const pathOf = (t: RowTarget): string => (t.kind === 'leaf' ? t.leaf.path : t.path);
const columnsOf = (t: RowTarget): ColumnDecl[] => (t.kind === 'leaf' ? t.leaf.decl.columns : t.decl.columns);
const isBlank = (v: Val) => v.cell.kind === 'blank';

function trimBlanks(vals: Val[]): Val[] {
  let a = 0;
  let b = vals.length;
  while (a < b && isBlank(vals[a])) a++;
  while (b > a && isBlank(vals[b - 1])) b--;
  return vals.slice(a, b);
}

const blank = (): Val => ({ cell: { kind: 'blank', text: '' } });

/** A label as printed, without its numbering and with its white space closed up. */
const printedLabel = (raw: string) => (numberingOf(raw)?.rest ?? raw).replace(/\s+/gu, '');

/**
 * The cells of one row from the values printed after its label. Blank cells at either end
 * are usually layout (a merged label cell, a page's spare columns); they are taken as cells
 * only when the numbers alone are too few. The reading is exact only when one placement of
 * the numbers among the blanks is possible; where rows cannot be seen (`weakBlanks`, one
 * cell per line) a placement that leaves the 总计 blank beside numbers is not one.
 */
export function fitRow<T extends { cell: ReadCell }>(
  vals: T[],
  n: number,
  totalLast: boolean,
  pad: () => T,
  weakBlanks = false,
): { cells: T[]; exact: boolean } {
  const nonBlank = vals.filter((v) => v.cell.kind !== 'blank');
  const first = vals.findIndex((v) => v.cell.kind !== 'blank');
  let last = vals.length - 1;
  while (last >= 0 && vals[last].cell.kind === 'blank') last--;
  const trimmed = first < 0 ? [] : vals.slice(first, last + 1);
  if (trimmed.length === n) return { cells: trimmed, exact: true };
  if (trimmed.length > n) return { cells: nonBlank.length === n ? nonBlank : trimmed, exact: nonBlank.length >= n };
  if (vals.length >= n) {
    const lo = Math.max(0, last - n + 1);
    const hi = Math.min(first, vals.length - n);
    const starts: number[] = [];
    for (let s = lo; s <= hi; s++) starts.push(s);
    const plausible = weakBlanks && totalLast ? starts.filter((s) => vals[s + n - 1].cell.kind !== 'blank') : starts;
    const start = plausible.length ? (totalLast ? plausible[0] : plausible[plausible.length - 1]) : totalLast ? lo : hi;
    const cells = vals.slice(start, start + n);
    const blankTotal = totalLast && cells[n - 1].cell.kind === 'blank';
    return { cells, exact: plausible.length === 1 && !(weakBlanks && blankTotal) };
  }
  const padding = Array.from({ length: n - nonBlank.length }, pad);
  return {
    cells: totalLast && nonBlank.length === 1 ? [...padding, ...nonBlank] : [...nonBlank, ...padding],
    exact: false,
  };
}

export class TableReader {
  private readonly leaves: LeafRow[];
  private readonly candidates: Candidate<Target>[];
  private readonly groups: Extract<Target, { kind: 'group' }>[] = [];
  private readonly filled = new Map<string, RowOut>();
  private readonly seen = new Set<string>();
  private readonly unplaced: string[] = [];
  private readonly misprints = new Map<string, string>();
  private pending: Pending[] = [];
  private values: Val[] = [];
  private last?: { raw: string; target: RowTarget; cost: number };
  /** The last header label, which a wrapped tail may continue. */
  private lastHeader?: string;
  /** The group of the last row or group label read: numbered labels are looked up in it. */
  private context = '';
  /** The index of the row after the last one filled: rows come in official order. */
  private cursor = 0;
  private printedRows = 0;
  /** The printed row being read, when it has several cells. */
  private line?: number;
  /** Numbering printed in a cell of its own, waiting for its label. */
  private prefix = '';
  /** Labels read so far. */
  private labels = 0;
  /** Rows read by their number alone, with the printed label: a notice unless a wrapped tail confirms them. */
  private readonly byNumberNotes = new Map<string, string>();
  private marks = 0;
  private blanks = 0;

  constructor(
    readonly decl: TableSectionDecl,
    private readonly notices: Notices,
    format: FormatDecl,
  ) {
    this.leaves = leafRows(decl);
    const targets: Candidate<Target>[] = this.leaves.map((leaf, index) =>
      candidate([leaf.decl.key, leaf.decl.label, ...(leaf.decl.aliases ?? [])], { kind: 'leaf', leaf, index }),
    );
    const walk = (items: ItemDecl[], prefix: string) => {
      for (const item of items) {
        const path = prefix ? `${prefix}/${item.key}` : item.key;
        if (item.kind !== 'group') continue;
        const inside = this.leaves.map((l, i) => (l.path.startsWith(`${path}/`) ? i : -1)).filter((i) => i >= 0);
        const g = { kind: 'group' as const, path, decl: item, first: inside[0], last: inside[inside.length - 1] };
        this.groups.push(g);
        targets.push(candidate([item.key, item.label, ...(item.aliases ?? [])], g));
        walk(item.items, path);
      }
    };
    walk(decl.items, '');
    const columns = new Set<string>();
    for (const l of this.leaves)
      for (const c of l.decl.columns) [c.label, c.short, ...(c.aliases ?? [])].forEach((x) => columns.add(x));
    targets.push(candidate([...columns, ...headerWords(format)], { kind: 'header' }));
    this.candidates = targets;
  }

  /** Reads one printed row (or one line of a table printed as text). */
  feedRow(cells: string[]): void {
    this.printedRows++;
    this.line = cells.length >= 2 ? this.printedRows : undefined;
    for (const c of cells) this.feedCell(c);
  }

  /** Labels in the stream that match this table, for deciding which table a printed table is. */
  static affinity(decl: TableSectionDecl, rows: string[][], format: FormatDecl): number {
    const reader = new TableReader(decl, new Notices(), format);
    const hits = new Set<string>();
    for (const row of rows)
      for (const c of row) {
        const cell = readCell(c);
        if (cell.kind !== 'label') continue;
        const m = reader.resolve(cell.text);
        if (m && m.target.kind !== 'header' && m.cost <= 1) hits.add(pathOf(m.target));
      }
    return hits.size;
  }

  private feedCell(text: string): void {
    const cell = readCell(text);
    if (cell.kind === 'label') this.label(cell.text);
    else this.values.push({ cell, line: this.line });
  }

  /** The reading of a label: the best-matching row, group or header, with its cost. */
  private resolve(raw: string): { target: Target; cost: number } | undefined {
    const form = labelForm(raw);
    if (HEADER_PATTERN.test(form)) return { target: { kind: 'header' }, cost: 0 };
    const best = bestMatches(raw, this.candidates) ?? this.uniqueStart(form);
    if (!best) return undefined;
    const rows = best.values.filter((v): v is RowTarget => v.kind !== 'header');
    const header = best.values.some((v) => v.kind === 'header');
    const numbered = numberingOf(raw) !== undefined;
    const unfilled = (t: RowTarget) => !this.filled.has(pathOf(t));
    const order = (t: RowTarget) => (t.kind === 'leaf' ? t.index : t.first);
    const sorted = [...rows].sort((a, b) => order(a) - order(b));
    const pick = sorted.find((t) => unfilled(t) && order(t) >= this.cursor) ?? sorted.find(unfilled) ?? sorted[0];
    if (!pick) return { target: { kind: 'header' }, cost: best.cost };
    // A label that is also a column label (总计, 其他) is a row only where a row is due.
    if (header && !numbered && order(pick) !== this.cursor) return { target: { kind: 'header' }, cost: best.cost };
    return { target: pick, cost: best.cost };
  }

  /**
   * The first line of a wrapped label too short to be read as most of it ("1.信访举报"):
   * a row when no other row's label starts the same way.
   */
  private uniqueStart(form: string): { cost: number; values: Target[] } | undefined {
    if (form.length < 4) return undefined;
    const starts = this.candidates.filter((c) => c.forms.some((f) => f.length > form.length && f.startsWith(form)));
    return starts.length === 1 && starts[0].value.kind === 'leaf' ? { cost: 2, values: [starts[0].value] } : undefined;
  }

  /** The row that a numbered label stands for in the current group, when its words match nothing. */
  private byNumber(raw: string): RowTarget | undefined {
    const n = numberingOf(raw)?.numbering;
    if (!n) return undefined;
    const inContext = (l: LeafRow) => {
      const parent = l.path.includes('/') ? l.path.slice(0, l.path.lastIndexOf('/')) : '';
      return n.kind === 'arabic' ? parent === this.context && parent !== '' : true;
    };
    const same = (num: string) => {
      const d = declNumbering(num);
      return !!d && d.kind === n.kind && d.n === n.n;
    };
    let leaf = this.leaves.findIndex((l) => inContext(l) && same(l.decl.number) && !this.filled.has(l.path));
    // The group's own label may come later (centred on its rows): the next row with this number.
    if (leaf < 0)
      leaf = this.leaves.findIndex((l, i) => i >= this.cursor && same(l.decl.number) && !this.filled.has(l.path));
    if (leaf >= 0) return { kind: 'leaf', leaf: this.leaves[leaf], index: leaf };
    return this.groups.find((g) => same(g.decl.number));
  }

  private label(text: string): void {
    if (numberingOf(text)?.rest.trim() === '') {
      this.prefix += text;
      return;
    }
    const raw = this.prefix + text;
    this.prefix = '';
    if (this.values.length) this.flush();
    this.labels++;
    const m = this.resolve(raw);
    if (!m) {
      if (this.absorb(raw, Infinity, true)) return;
      // A group and its row printed as one label: 行政诉讼·未经复议直接起诉, 不予公开-属于国家秘密.
      const parts = raw.split(/(?<!\s)\s*[·•・—－/／>＞|]\s*|(?<!\s)\s+-\s+/u).filter(Boolean);
      if (parts.length > 1 && parts.every((p) => this.resolve(p))) {
        for (const p of parts) this.label(p);
        return;
      }
      if (this.lastHeader !== undefined && this.resolve(this.lastHeader + raw)?.target.kind === 'header') {
        this.lastHeader += raw;
        return;
      }
      if (this.joinFragment(raw)) return;
      this.pending.push({ raw, seq: this.labels, line: this.line });
      return;
    }
    if (m.target.kind === 'header') {
      this.lastHeader = raw;
      this.columnMisprint(raw);
      return;
    }
    this.lastHeader = undefined;
    // A wrapped label's tail may itself look like a label: prefer the longer reading.
    if (m.cost > 0 && this.absorb(raw, m.cost)) return;
    this.push(raw, m.target, m.cost);
  }

  /**
   * A fragment that completes the previous label (a label wrapped onto the next row): the
   * two together read as the same row, better than either alone (as well, for a fragment
   * that reads as nothing by itself).
   */
  private absorb(raw: string, ownCost = Infinity, alone = false): boolean {
    if (!this.last) return false;
    const joined = this.resolve(this.last.raw + raw);
    if (!joined || joined.target.kind === 'header' || pathOf(joined.target) !== pathOf(this.last.target)) return false;
    if ((alone ? joined.cost > this.last.cost : joined.cost >= this.last.cost) || joined.cost >= ownCost) return false;
    this.last = { raw: this.last.raw + raw, target: this.last.target, cost: joined.cost };
    if (joined.cost <= 1) this.byNumberNotes.delete(pathOf(this.last.target));
    // Labels read between a label and its wrapped tail belong to another column (a group's
    // label wrapped beside it, as pdftotext -layout prints it): not rows; with a fragment
    // before them they may name the group.
    const at = this.pending.map((p) => p.target).lastIndexOf(this.last.target);
    if (at >= 0) for (const stray of this.pending.splice(at + 1)) this.groupFragment(stray.raw);
    return true;
  }

  /**
   * Joins a fragment to an earlier unrecognised one (the head of a wrapped label) when
   * together they name a row or a group; what was read between them is another column's.
   */
  private joinFragment(raw: string): boolean {
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const head = this.pending[i];
      // Look past a group heading waiting for its rows, not past a row.
      if (head.target?.kind === 'leaf') return false;
      if (head.target) continue;
      const joined = this.resolve(head.raw + raw);
      if (!joined || joined.target.kind === 'header') continue;
      const strays = this.pending.splice(i);
      if (joined.target.kind === 'group') {
        this.context = joined.target.path;
        this.pending.push(...strays.slice(1));
        if (joined.target.decl.mayBeOneRow) this.push(head.raw + raw, joined.target, joined.cost);
        return true;
      }
      this.push(head.raw + raw, joined.target, joined.cost);
      for (const stray of strays.slice(1)) this.groupFragment(stray.raw);
      return true;
    }
    return false;
  }

  /** Joins a fragment to an earlier unrecognised one when together they name a group. */
  private groupFragment(raw: string): void {
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const p = this.pending[i];
      if (p.target) continue;
      const m = this.resolve(p.raw + raw);
      if (m?.target.kind === 'group') {
        this.pending.splice(i, 1);
        this.context = m.target.path;
        return;
      }
    }
  }

  private push(raw: string, target: RowTarget, cost: number): void {
    if (target.kind === 'leaf') {
      // A group heading is not a row once one of its rows follows it.
      const top = this.pending[this.pending.length - 1];
      if (top?.target?.kind === 'group' && target.leaf.path.startsWith(`${top.target.path}/`)) this.pending.pop();
      this.context = target.leaf.path.includes('/') ? target.leaf.path.slice(0, target.leaf.path.lastIndexOf('/')) : '';
    } else {
      this.context = target.path;
      if (!target.decl.mayBeOneRow) {
        this.last = undefined;
        return;
      }
    }
    this.seen.add(pathOf(target));
    this.pending.push({ target, raw, seq: this.labels, line: this.line });
    this.last = { raw, target, cost };
  }

  private flush(): void {
    const all = this.values;
    this.values = [];
    const nonBlank = all.filter((v) => !isBlank(v));
    const lastPending = this.pending[this.pending.length - 1];
    // A blank belongs to the printed row it is in: the blanks of a drawn row without numbers
    // (the next row's merged label cells, a header's spare cells) are its layout.
    const numberLines = new Set(nonBlank.map((v) => v.line));
    const vals = nonBlank.length
      ? all.filter((v) => !isBlank(v) || v.line === undefined || numberLines.has(v.line))
      : all;
    const oneLine =
      numberLines.size === 1 && !numberLines.has(undefined)
        ? vals.filter((v) => v.line === [...numberLines][0])
        : undefined;
    if (!nonBlank.length) {
      // Only blanks: a row printed empty when its own printed row holds a blank for every
      // column right after its label; otherwise the spare cells of a header (or text with one
      // cell per line, where rows cannot be seen), and the labels wait for their numbers.
      const t = lastPending?.target;
      if (t && lastPending.seq === this.labels && lastPending.line !== undefined) {
        const own = vals.filter((v) => v.line === lastPending.line);
        const n = columnsOf(t).length;
        if (own.length >= n) {
          this.assign(lastPending, own.slice(0, n), true);
          this.resetPending();
        }
      }
      return;
    }
    const targets = this.pending.filter((p): p is Pending & { target: RowTarget } => !!p.target);
    const trimmed = trimBlanks(vals);
    const sum = targets.reduce((s, p) => s + columnsOf(p.target).length, 0);
    const seriesOf = (k: number) =>
      oneLine?.length === k ? oneLine : nonBlank.length === k ? nonBlank : trimmed.length === k ? trimmed : undefined;
    const series = seriesOf(sum);
    if (targets.length > 1 && series) {
      // Several rows named in a header, their numbers in one run (section 四's usual layout).
      let at = 0;
      for (const p of targets) {
        const n = columnsOf(p.target).length;
        this.assign(p, series.slice(at, at + n), true);
        at += n;
      }
    } else if (this.filled.size === 0 && this.wholeTable(seriesOf)) {
      // Done inside wholeTable.
    } else if (lastPending && !lastPending.target && this.readByNumber(lastPending)) {
      this.assignFitted(vals, lastPending);
      // A wrapped tail may still follow and confirm the reading.
      this.last = { raw: lastPending.raw, target: lastPending.target!, cost: 9 };
    } else if (lastPending?.target) {
      this.assignFitted(vals, lastPending);
    } else {
      if (lastPending) this.pending.pop();
      const label = lastPending ? `“${lastPending.raw}”` : '';
      this.unplaced.push(`${label ? `${label}：` : ''}${nonBlank.map((v) => v.cell.text).join(' ')}`);
      this.notices.add(
        `表格“${this.decl.title}”：数字 ${quote(nonBlank.map((v) => v.cell.text).join(' '))} 找不到对应的行${label ? `（标签 ${label} 未能识别）` : ''}，已作为注释保留`,
        `table "${this.decl.title}": the numbers ${quote(nonBlank.map((v) => v.cell.text).join(' '))} belong to no row${label ? ` (label ${label} not recognised)` : ''}; kept as a comment`,
      );
    }
    this.resetPending();
  }

  /** A column's label printed wrong ("本年度止件数"). */
  private columnMisprint(raw: string): void {
    const columns = new Set(this.leaves.flatMap((l) => l.decl.columns));
    const form = labelForm(raw);
    if ([...columns].some((c) => labelForm(c.label) === form)) return;
    for (const c of columns)
      if (isMisprint(raw, [c.label])) {
        this.misprints.set(printedLabel(raw), c.label);
        return;
      }
  }

  /** Numbers under a label whose words match nothing but whose number names a row of the current group. */
  private readByNumber(p: Pending): boolean {
    const target = this.byNumber(p.raw);
    if (!target) return false;
    p.target = target;
    this.byNumberNotes.set(pathOf(target), p.raw);
    return true;
  }

  private assignFitted(vals: Val[], p: Pending): void {
    const columns = columnsOf(p.target!);
    const weak = vals.every((v) => v.line === undefined);
    const fit = fitRow(vals, columns.length, columns[columns.length - 1].label === '总计', blank, weak);
    this.assign(p, fit.cells, fit.exact);
  }

  /**
   * All the numbers of a table whose rows share their columns, printed in one run with no
   * row label before them (section 四 with its header on another page, or lost).
   */
  private wholeTable(seriesOf: (k: number) => Val[] | undefined): boolean {
    const n = this.leaves[0].decl.columns.length;
    if (this.leaves.length < 2 || this.leaves.some((l) => l.decl.columns.length !== n)) return false;
    const series = seriesOf(this.leaves.length * n);
    if (!series) return false;
    this.leaves.forEach((leaf, index) =>
      this.assign(
        { target: { kind: 'leaf', leaf, index }, raw: leaf.decl.key, seq: this.labels },
        series.slice(index * n, index * n + n),
        true,
      ),
    );
    return true;
  }

  private resetPending(): void {
    for (const p of this.pending) if (!p.target) this.keepUnknown(p.raw);
    this.pending = [];
  }

  /** A label that matched nothing and got no numbers: kept when it is more than a header fragment. */
  private keepUnknown(raw: string): void {
    if (labelForm(raw).length < 6) return;
    this.unplaced.push(`“${raw}”`);
    this.notices.add(
      `表格“${this.decl.title}”：无法识别“${quote(raw)}”，已作为注释保留`,
      `table "${this.decl.title}": "${quote(raw)}" not recognised; kept as a comment`,
    );
  }

  private assign(p: Pending, vals: Val[], exact: boolean): void {
    const target = p.target!;
    const path = pathOf(target);
    const cells: CellOut[] = vals.map((v) =>
      v.cell.kind === 'number' ? { kind: 'number', text: v.cell.text } : { kind: 'text', text: v.cell.text },
    );
    const printed = vals
      .filter((v) => !isBlank(v))
      .map((v) => v.cell.text)
      .join(' ');
    const previous = this.filled.get(path);
    if (previous) {
      if (JSON.stringify(previous.cells) === JSON.stringify(cells)) return;
      this.unplaced.push(`“${p.raw}”（重复）：${printed}`);
      this.notices.add(
        `表格“${this.decl.title}”：“${path}”出现两次，第二次的数字 ${quote(printed)} 已作为注释保留`,
        `table "${this.decl.title}": "${path}" appears twice; the second numbers (${quote(printed)}) are kept as a comment`,
      );
      return;
    }
    if (target.kind === 'group') {
      if (this.leaves.some((l) => l.path.startsWith(`${path}/`) && this.filled.has(l.path))) {
        this.unplaced.push(`“${p.raw}”（小计）：${printed}`);
        return;
      }
    } else {
      // Rows of a group that was printed as one row before them: the row was its subtotal.
      const group = this.groups.find((g) => path.startsWith(`${g.path}/`) && this.filled.get(g.path)?.groupAsRow);
      if (group) {
        const sub = this.filled.get(group.path)!;
        this.filled.delete(group.path);
        this.unplaced.push(`“${group.decl.key}”（小计）：${sub.cells.map((c) => c.text || '（空）').join(' ')}`);
      }
    }
    this.marks += cells.filter((c) => c.kind === 'text' && c.text).length;
    this.blanks += cells.filter((c) => c.kind === 'text' && !c.text).length;
    const row: RowOut = { path, cells, groupAsRow: target.kind === 'group' };
    if (!exact) {
      row.comment = `原文：${printed}（列位置不确定）`;
      this.notices.add(
        `表格“${this.decl.title}”：“${path}”印有 ${vals.filter((v) => !isBlank(v)).length} 个数字而应有 ${cells.length} 列，无法确定各自的列，请对照原文`,
        `table "${this.decl.title}": "${path}" has ${vals.filter((v) => !isBlank(v)).length} numbers for ${cells.length} columns; their columns are uncertain, compare with the original`,
      );
    }
    this.filled.set(path, row);
    this.cursor = target.kind === 'leaf' ? target.index + 1 : target.last + 1;
    const decl = target.kind === 'leaf' ? target.leaf.decl : target.decl;
    if (isMisprint(p.raw, [decl.key, decl.label])) this.misprints.set(printedLabel(p.raw), decl.key);
  }

  finish(): TableOut {
    if (this.values.length) this.flush();
    this.resetPending();
    for (const [path, raw] of this.byNumberNotes) {
      const key = path.split('/').pop();
      this.notices.add(
        `表格“${this.decl.title}”：“${quote(raw)}”按编号读作“${key}”，请核对`,
        `table "${this.decl.title}": "${quote(raw)}" read by its number as "${key}"; please verify`,
      );
    }
    const rows: RowOut[] = [];
    const missing: string[] = [];
    const walk = (items: ItemDecl[], prefix: string) => {
      for (const item of items) {
        const path = prefix ? `${prefix}/${item.key}` : item.key;
        const row = this.filled.get(path);
        if (row) rows.push(row);
        else if (item.kind === 'group') walk(item.items, path);
        else missing.push(path);
      }
    };
    walk(this.decl.items, '');
    if (!rows.length) {
      this.notices.add(
        `表格“${this.decl.title}”中没有找到任何行（表格是否印成了图片或文字？）；检查时将报告缺行`,
        `no row of the table "${this.decl.title}" was found (printed as an image, or as prose?); the checker reports the rows as missing`,
      );
    } else if (missing.length) {
      const names = missing.map((m) => m.split('/').pop()).join('、');
      const empty = missing.filter((m) => this.seen.has(m)).length;
      this.notices.add(
        `表格“${this.decl.title}”：未找到 ${missing.length} 行的数字（${quote(names, 60)}）${empty ? `，其中 ${empty} 行印有标签而无数字` : ''}；检查时将报告缺行`,
        `table "${this.decl.title}": no numbers found for ${missing.length} row(s) (${quote(names, 60)})${empty ? `, ${empty} of them printed without numbers` : ''}; the checker reports them as missing`,
      );
    }
    if (this.marks || this.blanks) {
      this.notices.add(
        `表格“${this.decl.title}”：${this.blanks ? `${this.blanks} 个空白单元格` : ''}${this.blanks && this.marks ? '、' : ''}${this.marks ? `${this.marks} 个非数字单元格（如“/”）` : ''}按原文保留为带引号的文字，检查时会报告（没有数字应填 0）`,
        `table "${this.decl.title}": ${this.blanks ? `${this.blanks} blank cell(s)` : ''}${this.blanks && this.marks ? ' and ' : ''}${this.marks ? `${this.marks} cell(s) that are not numbers (such as "/")` : ''} kept as printed, quoted; the checker reports them (write 0 for none)`,
      );
    }
    return { decl: this.decl, rows, unplaced: this.unplaced, misprints: this.misprints, note: [] };
  }
}
