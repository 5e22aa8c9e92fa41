/**
 * Rows copied from a spreadsheet (Excel, WPS) pasted into a table: tab-separated cells, a line
 * per row, possibly with the label columns of the printed form, thousands separators, blanks
 * for zero, `\r\n` line ends and a last empty line. With labels, each line goes to the row its
 * label names (matched as keys are: numbering and notes aside); without, the lines fill the rows
 * from the cell the paste is at, in the order the form prints them. All cells or none: a block
 * that does not fit is refused with the reason.
 */
import { parseDec } from './decimal';
import type { Edit, Text } from './findings';
import { itemAt, sectionNumeral, type TableSectionDecl } from './format';
import { normalizeLabel } from './labels';
import type { Report } from './model';
import { refuse, valueRows, type CellAddress, type ValueRow, type Written } from './addresses';
import { isBlankValue, plainNumber } from './cellInput';
import { writeCells } from './valueEdits';

/**
 * The cells of a spreadsheet's text: lines split at tabs. A cell that holds a line break or a
 * tab is written in double quotes (`""` for a quote), as Excel and WPS put it on the
 * clipboard. Written by hand rather than with a CSV library: the format is these two rules, and
 * a library would also guess separators and types, which a paste must not.
 */
export function readSpreadsheet(text: string): string[][] {
  const lines: string[][] = [];
  let line: string[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    let cell: string;
    const close = text[i] === '"' ? closingQuote(text, i) : -1;
    if (close >= 0) {
      cell = text.slice(i + 1, close).replace(/""/g, '"');
      i = close + 1;
    } else {
      let j = i;
      while (j < n && text[j] !== '\t' && text[j] !== '\n' && text[j] !== '\r') j++;
      cell = text.slice(i, j);
      i = j;
    }
    line.push(cell);
    if (i >= n) break;
    if (text[i] === '\t') {
      i++;
      continue;
    }
    // A line break: \r\n, \n or \r.
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    lines.push(line);
    line = [];
    if (i >= n) break;
  }
  if (line.length > 1 || line[0]) lines.push(line);
  // The line break after the last row leaves an empty line; blank lines at the end are no rows.
  while (lines.length && lines[lines.length - 1].every((c) => !c.trim())) lines.pop();
  return lines;
}

/** The quote that closes a quoted cell starting at `open`, if it is followed by the cell's end. */
function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') {
      i++;
      continue;
    }
    const next = text[i + 1];
    return next === undefined || next === '\t' || next === '\n' || next === '\r' ? i : -1;
  }
  return -1;
}

type Kind = 'number' | 'blank' | 'text';

/** A number of any sign and kind counts as one here: whether it fits its column is said when it is written. */
function kindOf(cell: string): Kind {
  if (isBlankValue(cell)) return 'blank';
  return plainNumber(cell).length <= 30 && parseDec(plainNumber(cell)) ? 'number' : 'text';
}

/** Whether a text looks like rows from a spreadsheet rather than text: cells apart by tabs, or lines of numbers. */
export function isSpreadsheet(text: string): boolean {
  const lines = readSpreadsheet(text);
  if (!lines.length) return false;
  if (lines.some((l) => l.length > 1)) return true;
  return lines.length > 1 && lines.every((l) => kindOf(l[0]) !== 'text');
}

export interface Pasted {
  edits: Edit[];
  /** Rows and cells written. */
  rows: number;
  cells: number;
}

/** The edits that paste a spreadsheet's rows into the table of `at`, or why the block does not fit. */
export function pasteCells(report: Report, at: CellAddress, clipboard: string): Written<Pasted> {
  const decl = report.format.sections.find((s): s is TableSectionDecl => s.kind === 'table' && s.key === at.table);
  if (!decl) return refuse('粘贴位置不在表格中', 'the paste is not in a table');
  const lines = readSpreadsheet(clipboard);
  if (!lines.length) return refuse('剪贴板中没有可粘贴的数字', 'the clipboard holds no numbers to paste');
  const kinds = lines.map((l) => l.map(kindOf));
  const table = `表${sectionNumeral(decl)}`;
  // A text after a number is a value that is not one: nothing can be pasted from that line.
  for (const [n, k] of kinds.entries()) {
    const firstNumber = k.indexOf('number');
    const bad = firstNumber < 0 ? -1 : k.findIndex((x, i) => i > firstNumber && x === 'text');
    if (bad >= 0) return notNumber(n, bad, lines[n][bad]);
  }
  // Not Math.max(...): a clipboard may hold more lines than one call takes arguments.
  const labels = kinds.reduce(
    (most, k) => (k.includes('number') ? Math.max(most, k.lastIndexOf('text') + 1) : most),
    0,
  );
  const rows = valueRows(report, decl);
  const placed =
    labels > 0 ? byLabel(decl, rows, lines, kinds, labels, table) : byPosition(decl, rows, lines, kinds, at, table);
  if (!placed.ok) return placed;
  const written = writeCells(report, placed.value);
  if (!written.ok) return written;
  const rowCount = new Set(placed.value.map((v) => v.at.row)).size;
  return { ok: true, value: { edits: written.value, rows: rowCount, cells: placed.value.length } };
}

type Placed = Written<{ at: CellAddress; input: string }[]>;

const lineNo = (n: number) => n + 1;

function notNumber(line: number, cell: number, text: string): { ok: false; reason: Text } {
  const shown = text.trim().slice(0, 20);
  return refuse(
    `第 ${lineNo(line)} 行第 ${cell + 1} 格“${shown}”不是数字，未粘贴`,
    `line ${lineNo(line)}, cell ${cell + 1}: "${shown}" is not a number; nothing pasted`,
  );
}

/** Each line to the row its label names; lines without numbers and labels of no row are headings. */
function byLabel(
  decl: TableSectionDecl,
  rows: ValueRow[],
  lines: string[][],
  kinds: Kind[][],
  labels: number,
  table: string,
): Placed {
  const out: { at: CellAddress; input: string }[] = [];
  const taken = new Map<string, number>();
  // Merged label cells are copied once, at their first line: the labels above carry down.
  const carried: string[] = [];
  for (const [n, cells] of lines.entries()) {
    const labelCells = cells.slice(0, labels);
    const values = cells.slice(labels);
    const hasNumbers = kinds[n].slice(labels).includes('number');
    if (kinds[n].slice(0, labels).includes('number'))
      return refuse(
        `第 ${lineNo(n)} 行的数字与其他行没有对齐（前 ${labels} 格应是行名）`,
        `line ${lineNo(n)}: its numbers are not in line with the other lines' (the first ${labels} cells are labels)`,
      );
    labelCells.forEach((c, i) => {
      if (c.trim()) {
        carried[i] = c;
        carried.length = i + 1;
      }
    });
    const own = [...labelCells].reverse().find((c) => c.trim());
    if (!own) {
      if (hasNumbers)
        return refuse(
          `第 ${lineNo(n)} 行没有行名，不知道该填到哪一行`,
          `line ${lineNo(n)} has no label: which row it belongs to is unknown`,
        );
      continue;
    }
    const context = carried.filter((c) => c && c !== own);
    const row = rowNamed(decl, rows, own, context);
    if (row === 'group' || row === undefined) {
      if (!hasNumbers) continue;
      return row === 'group'
        ? refuse(
            `第 ${lineNo(n)} 行“${own.trim()}”是分组，数字应填在其下各行`,
            `line ${lineNo(n)}: "${own.trim()}" is a group; its numbers go in the rows under it`,
          )
        : refuse(
            `第 ${lineNo(n)} 行“${own.trim()}”不是${table}中的行，未粘贴`,
            `line ${lineNo(n)}: "${own.trim()}" is not a row of table ${sectionNumeral(decl)}; nothing pasted`,
          );
    }
    if (row === 'ambiguous')
      return refuse(
        `第 ${lineNo(n)} 行“${own.trim()}”可指${table}中的多行，请带上分组名再复制`,
        `line ${lineNo(n)}: "${own.trim()}" could be several rows of table ${sectionNumeral(decl)}; copy the group's label with it`,
      );
    const before = taken.get(row.path);
    if (before !== undefined)
      return refuse(
        `第 ${lineNo(before)} 行和第 ${lineNo(n)} 行都是“${row.label}”`,
        `lines ${lineNo(before)} and ${lineNo(n)} are both "${row.label}"`,
      );
    taken.set(row.path, n);
    const fit = fits(values, kinds[n].slice(labels), row, n);
    if (!fit.ok) return fit;
    row.columns.forEach((_, i) =>
      out.push({ at: { table: decl.key, row: row.path, column: i }, input: values[i] ?? '' }),
    );
  }
  if (!out.length) return refuse('没有找到可粘贴的行', 'no row to paste was found');
  return { ok: true, value: out };
}

/** The values of a labelled line against its row: as many as its columns, merged cells after them blank. */
function fits(values: string[], kinds: Kind[], row: ValueRow, n: number): Written<true> {
  if (values.length < row.columns.length)
    return refuse(
      `第 ${lineNo(n)} 行只有 ${values.length} 个数，“${row.label}”一行有 ${row.columns.length} 格`,
      `line ${lineNo(n)} has ${values.length} value(s); the row "${row.label}" has ${row.columns.length}`,
    );
  if (kinds.slice(row.columns.length).includes('number'))
    return refuse(
      `第 ${lineNo(n)} 行有 ${kinds.filter((k) => k !== 'blank').length} 个数，“${row.label}”一行只有 ${row.columns.length} 格`,
      `line ${lineNo(n)} has more values than the ${row.columns.length} cell(s) of the row "${row.label}"`,
    );
  return { ok: true, value: true };
}

/** The row a pasted label names: matched as keys are, the labels before it (its groups) telling rows of one name apart. */
function rowNamed(
  decl: TableSectionDecl,
  rows: ValueRow[],
  label: string,
  context: string[],
): ValueRow | 'group' | 'ambiguous' | undefined {
  const norm = normalizeLabel(label);
  const names = (key: string, full: string, aliases: string[] = []) =>
    [key, full, ...aliases].map(normalizeLabel).includes(norm);
  const matches = rows.filter((r) => {
    const item = itemAt(decl, r.path);
    return item && names(item.key, item.label, item.aliases);
  });
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    const groups = new Set(context.map(normalizeLabel));
    const within = matches.filter((r) =>
      r.path
        .split('/')
        .slice(0, -1)
        .some((g) => groups.has(normalizeLabel(g))),
    );
    return within.length === 1 ? within[0] : 'ambiguous';
  }
  const isGroup = (items: TableSectionDecl['items']): boolean =>
    items.some((i) => i.kind === 'group' && (names(i.key, i.label, i.aliases) || isGroup(i.items)));
  return isGroup(decl.items) ? 'group' : undefined;
}

/**
 * Lines to the rows from the cell at `at` on, as the form prints them; a line longer than its
 * row goes on into the next rows only where the form prints rows side by side (table 四).
 */
function byPosition(
  decl: TableSectionDecl,
  rows: ValueRow[],
  lines: string[][],
  kinds: Kind[][],
  at: CellAddress,
  table: string,
): Placed {
  let r = rows.findIndex((row) => row.path === at.row);
  if (r < 0) return refuse('粘贴位置不在表格的行中', 'the paste is not at a row of the table');
  const across = decl.printed.kind === 'columns';
  const out: { at: CellAddress; input: string }[] = [];
  for (const [n, cells] of lines.entries()) {
    // A line of column names above the numbers.
    if (kinds[n].includes('text')) continue;
    if (r >= rows.length)
      return refuse(
        `粘贴的内容超出${table}的最后一行（从第 ${lineNo(n)} 行起无处可填），未粘贴`,
        `the block runs past the last row of table ${sectionNumeral(decl)} (from line ${lineNo(n)}); nothing pasted`,
      );
    let c = at.column;
    let width = cells.length;
    const room =
      (across ? rows.slice(r).reduce((sum, row) => sum + row.columns.length, 0) : rows[r].columns.length) - c;
    // Merged cells copied at the end of a line are blanks; they need no cell.
    while (width > room && kinds[n][width - 1] === 'blank') width--;
    for (let i = 0; i < width; i++) {
      if (c >= rows[r].columns.length) {
        if (!across || r + 1 >= rows.length)
          return refuse(
            `第 ${lineNo(n)} 行有 ${width} 个数，从“${rows[r].columns[at.column]?.label ?? ''}”起放不下（“${rows[r].label}”一行只有 ${rows[r].columns.length} 格），未粘贴`,
            `line ${lineNo(n)} has ${width} values: from "${rows[r].columns[at.column]?.label ?? ''}" on they do not fit the ${rows[r].columns.length} cell(s) of "${rows[r].label}"; nothing pasted`,
          );
        r++;
        c = 0;
      }
      out.push({ at: { table: decl.key, row: rows[r].path, column: c }, input: cells[i] });
      c++;
    }
    r++;
  }
  if (!out.length) return refuse('剪贴板中没有可粘贴的数字', 'the clipboard holds no numbers to paste');
  return { ok: true, value: out };
}
