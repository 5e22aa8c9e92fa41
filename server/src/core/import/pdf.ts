/**
 * A PDF's text, as a PDF library extracts it (pieces of text with their positions on the
 * page), rebuilt into the blocks every other form becomes: lines of prose joined into
 * paragraphs, and table rows. The positions decide everything: pieces whose vertical
 * centres agree make one printed line; within a line, a gap wider than a character
 * separates cells; a line of several cells is a table row; a line of one cell is prose,
 * continuing the paragraph before it unless it is indented, the line before it ended short,
 * or its size changes. Running headers and footers (page numbers, a title repeated at the top
 * of each page) are dropped, and a page break ends a table as a blank line does in text.
 *
 * Reading the file is not done here: the face extracts the pieces (with pdf.js) and passes
 * them in, so that this stays pure and the large library loads only for a PDF.
 */
import { line, type Block, type Source } from './blocks';
import { isValue, readCell } from './cells';
import { cleanText, isPageNumber, joinFragments } from './normalize';

/** One piece of text as extracted: `x`, `y` its baseline's start in points from the page's bottom left. */
export interface PdfTextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  /** The font size in points. */
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
}

/** What the face's extraction gives: the pages' text, or why there is none. */
export type PdfText =
  | { ok: true; pages: PdfPage[] }
  | { ok: false; problem: 'encrypted' | 'corrupt' | 'too-large' | 'too-many-pages'; limit?: number };

interface Cell {
  text: string;
  left: number;
  right: number;
  /** The vertical centre of its text (pieces of one printed line may sit a little apart), and its size. */
  centre: number;
  size: number;
}

interface PrintedLine {
  cells: Cell[];
  /** The vertical centre of the line's first piece, and its size. */
  centre: number;
  size: number;
  left: number;
  right: number;
  page: number;
}

// A CJK glyph's box sits from a little below the baseline to near the font size above it.
const centreOf = (item: PdfTextItem) => item.y + 0.38 * item.size;

/** The printed lines of one page, top to bottom, each with its cells left to right. */
function pageLines(page: PdfPage, index: number): PrintedLine[] {
  const items = page.items
    .filter((i) => i.text.trim() && i.size > 0 && Number.isFinite(i.x) && Number.isFinite(i.y))
    .map((i) => ({ ...i, text: cleanText(i.text), centre: centreOf(i) }))
    .sort((a, b) => b.centre - a.centre || a.x - b.x);
  const groups: (typeof items)[] = [];
  let centre = Infinity;
  let size = 0;
  for (const item of items) {
    const current = groups[groups.length - 1];
    if (current && centre - item.centre <= 0.35 * Math.max(size, item.size)) current.push(item);
    else {
      groups.push([item]);
      centre = item.centre;
      size = item.size;
    }
  }
  return groups.map((group) => {
    const top = group[0].centre;
    group.sort((a, b) => a.x - b.x);
    const cells: Cell[] = [];
    for (const item of group) {
      const cell = cells[cells.length - 1];
      const gap = cell ? item.x - cell.right : Infinity;
      // Within a cell pieces touch (a font change, a run of digits); cells are half a character
      // apart or more (a narrow column's padding).
      if (cell && gap <= 0.5 * item.size) {
        cell.text = gap > 0.25 * item.size ? joinFragments(cell.text, item.text.trim()) : cell.text + item.text;
        cell.right = Math.max(cell.right, item.x + item.width);
      } else
        cells.push({ text: item.text, left: item.x, right: item.x + item.width, centre: item.centre, size: item.size });
    }
    for (const c of cells) c.text = c.text.trim();
    const sizes = group.map((i) => i.size).sort((a, b) => a - b);
    return {
      cells: cells.filter((c) => c.text),
      centre: top,
      size: sizes[Math.floor(sizes.length / 2)],
      left: cells[0].left,
      right: cells.reduce((r, c) => Math.max(r, c.right), -Infinity),
      page: index,
    };
  });
}

const isValueCell = (c: Cell) => isValue(readCell(c.text));

/** Far beyond a printed page (a dense one has some hundreds of lines, a table row some tens of cells). */
const MAX_LINES = 5000;
const MAX_CELLS = 200;

/**
 * Table cells whose text wraps onto several printed lines. A row is as tall as its longest
 * cell and its numbers are centred in it, so a label's lines sit above and below (or beside)
 * the line of its numbers. Lines without numbers that lie left of the numbers are label
 * pieces: pieces stacked closely in one column (a line apart, not a row apart) are one cell,
 * which belongs to the row whose numbers it contains or surrounds, or else the nearest one.
 * Lines that reach over the numbers (headers, prose) stay lines.
 */
function joinWrappedCells(lines: PrintedLine[]): PrintedLine[] {
  // Rows top to bottom, as the lines come; a page far denser than any printed table is left as it is.
  const rows = lines.filter((l) => l.cells.length > 1 && l.cells.some(isValueCell));
  if (!rows.length || lines.length > MAX_LINES || lines.some((l) => l.cells.length > MAX_CELLS)) return lines;
  const isRow = new Set(rows);
  /** The index of the first row at or below `centre`. */
  const below = (centre: number) => {
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid].centre > centre) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** The rows within `span` of `centre`. */
  const around = (centre: number, span: number) => {
    const out: PrintedLine[] = [];
    for (let i = below(centre + span); i < rows.length && rows[i].centre >= centre - span; i++) out.push(rows[i]);
    return out;
  };
  const firstValue = (r: PrintedLine) => r.cells.find(isValueCell)!.left;
  // Where the rows around print their labels: a piece elsewhere (a clause heading centred over
  // the table, "第二十条第（八）项") is not part of a label.
  const inLabels = (c: Cell, l: PrintedLine) =>
    around(l.centre, 12 * l.size).some((r) =>
      r.cells.some((n) => !isValueCell(n) && n.left < c.right && c.left < n.right),
    );
  const nearestRow = (centre: number) => {
    const i = below(centre);
    const [up, down] = [rows[i - 1], rows[i]];
    return !down || (up && up.centre - centre < centre - down.centre) ? up! : down;
  };
  interface Piece {
    cell: Cell;
    row?: PrintedLine;
  }
  interface Stack {
    pieces: Piece[];
    left: number;
    right: number;
  }
  const stacks: Stack[] = [];
  const joined = new Set<PrintedLine>();
  // Stacks still open: their last piece is no more than a few lines above the line read.
  let open: Stack[] = [];
  for (const l of lines) {
    const row = isRow.has(l);
    open = open.filter((s) => s.pieces[s.pieces.length - 1].cell.centre - l.centre <= 3 * l.size);
    if (!row) {
      if (l.cells.some(isValueCell)) continue;
      const near = nearestRow(l.centre);
      // A heading or prose near a table: larger print, far off, or over the numbers.
      if (
        Math.abs(near.centre - l.centre) > 6 * l.size ||
        l.right > firstValue(near) ||
        l.size > 1.15 * near.size ||
        !l.cells.every((c) => inLabels(c, l))
      )
        continue;
      joined.add(l);
    }
    for (const cell of l.cells) {
      if (row && isValueCell(cell)) continue;
      const piece: Piece = { cell, row: row ? l : undefined };
      // The stack this piece continues: same column, the line just above in the same print.
      const stack = open.find((s) => {
        const last = s.pieces[s.pieces.length - 1].cell;
        return s.left < cell.right && cell.left < s.right && last.centre - cell.centre <= 1.6 * cell.size;
      });
      if (stack) {
        stack.pieces.push(piece);
        stack.left = Math.min(stack.left, cell.left);
        stack.right = Math.max(stack.right, cell.right);
      } else {
        const s = { pieces: [piece], left: cell.left, right: cell.right };
        stacks.push(s);
        open.push(s);
      }
    }
  }
  const near = (rs: PrintedLine[], centre: number) =>
    rs.reduce((a, b) => (Math.abs(b.centre - centre) < Math.abs(a.centre - centre) ? b : a));
  // Each loose piece goes with the row whose cell it is stacked with, or whose numbers lie
  // within the stack's height, the nearest of them (a stack may run on into the next row).
  const loose: Piece[] = [];
  for (const s of stacks) {
    const first = s.pieces[0].cell;
    const last = s.pieces[s.pieces.length - 1].cell;
    const candidates = new Set(s.pieces.filter((p) => p.row).map((p) => p.row!));
    for (const r of around((first.centre + last.centre) / 2, (first.centre - last.centre) / 2 + first.size))
      if (r.centre <= first.centre + 0.5 * first.size && r.centre >= last.centre - 0.5 * last.size) candidates.add(r);
    for (const p of s.pieces)
      if (!p.row) {
        p.row = candidates.size ? near([...candidates], p.cell.centre) : nearestRow(p.cell.centre);
        loose.push(p);
      }
  }
  // A loose piece joins the row's label cell above or below it, or becomes one; the parts of
  // a cell read top to bottom.
  const parts = new Map<Cell, Cell[]>();
  for (const p of loose) {
    const row = p.row!;
    let into = row.cells.find((c) => !isValueCell(c) && c.left < p.cell.right && p.cell.left < c.right);
    if (!into) {
      into = { ...p.cell, text: '' };
      const at = row.cells.findIndex((c) => c.left > p.cell.left);
      row.cells.splice(at < 0 ? row.cells.length : at, 0, into);
      parts.set(into, []);
    }
    if (!parts.has(into)) parts.set(into, [{ ...into }]);
    parts.get(into)!.push(p.cell);
    into.left = Math.min(into.left, p.cell.left);
    into.right = Math.max(into.right, p.cell.right);
  }
  for (const [cell, ps] of parts)
    cell.text = ps.sort((a, b) => b.centre - a.centre).reduce((t, c) => joinFragments(t, c.text), '');
  return lines.filter((l) => !joined.has(l));
}

/** The most frequent value, rounded to a point: the page's text edge. */
function mode(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  let best: number | undefined;
  for (const v of values) {
    const k = Math.round(v);
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && k < best)) best = k;
  }
  return best;
}

const textOf = (l: PrintedLine) => l.cells.map((c) => c.text).join(' ');
/** The first page of a set of page numbers (added in page order). */
const firstPage = (pages: Set<number>) => pages.values().next().value as number;

/**
 * Lines in a page's top or bottom margin that are page numbers or come again on other pages
 * (a running title, a header with the page's number in it).
 */
function runningLines(pages: PrintedLine[][], heights: number[]): Set<PrintedLine> {
  const band = (l: PrintedLine) => {
    const h = heights[l.page];
    return l.centre > h * 0.93 || l.centre < h * 0.07;
  };
  const key = (l: PrintedLine) => textOf(l).replace(/\d+/g, '#').replace(/\s+/g, '');
  const onPages = new Map<string, Set<number>>();
  for (const lines of pages)
    for (const l of lines) if (band(l)) onPages.set(key(l), (onPages.get(key(l)) ?? new Set()).add(l.page));
  // A line that comes again is dropped after its first page (the first may be the title itself).
  const out = new Set<PrintedLine>();
  for (const lines of pages)
    for (const l of lines) {
      const seen = onPages.get(key(l));
      if (band(l) && (isPageNumber(textOf(l), true) || (seen && seen.size >= 2 && firstPage(seen) < l.page)))
        out.add(l);
    }
  return out;
}

export function readPdfPages(pdfPages: PdfPage[]): Source {
  const pages = pdfPages.map((p, i) => joinWrappedCells(pageLines(p, i)));
  const running = runningLines(
    pages,
    pdfPages.map((p) => p.height),
  );
  // The text's edges, from the lines of prose that fill much of the page: the left of the
  // lines that are not indented, and the right where wrapped lines end.
  const prose = pages.flat().filter((l) => l.cells.length === 1 && !running.has(l));
  const wide = prose.filter((l) => l.right - l.left >= 0.45 * pdfPages[l.page].width);
  const leftEdge = wide.length
    ? wide.reduce((m, l) => Math.min(m, l.left), Infinity)
    : (mode(prose.map((l) => l.left)) ?? 0);
  const rightEdge = mode((wide.length ? wide : prose).map((l) => l.right)) ?? Infinity;

  const blocks: Block[] = [];
  let table: string[][] | undefined;
  let paragraph: { text: string; indent: boolean; size: number; full: boolean; centre: number } | undefined;
  const endTable = () => {
    if (table) blocks.push({ kind: 'table', rows: table });
    table = undefined;
  };
  const endParagraph = () => {
    if (paragraph) blocks.push(line(paragraph.text, true, { indent: paragraph.indent }));
    paragraph = undefined;
  };
  for (const lines of pages) {
    let previousCentre: number | undefined;
    for (const l of lines) {
      if (running.has(l)) continue;
      if (l.cells.length > 1) {
        endParagraph();
        table ??= [];
        table.push(l.cells.map((c) => c.text));
        previousCentre = l.centre;
        continue;
      }
      endTable();
      const text = l.cells[0].text;
      const indent = l.left - leftEdge >= 1.2 * l.size;
      const pitch = previousCentre === undefined ? 0 : previousCentre - l.centre;
      const continues =
        paragraph &&
        !indent &&
        paragraph.full &&
        Math.abs(paragraph.size - l.size) <= 0.15 * l.size &&
        pitch <= 2.5 * l.size;
      if (continues) paragraph!.text = joinFragments(paragraph!.text, text);
      else {
        endParagraph();
        paragraph = { text, indent, size: l.size, full: false, centre: l.centre };
      }
      // A line that reaches the right edge was wrapped: its paragraph goes on in the next line.
      paragraph!.full = l.right >= rightEdge - 1.5 * l.size;
      previousCentre = l.centre;
    }
    // A page break ends a table, as a blank line does in text; a paragraph may go on.
    endTable();
  }
  endParagraph();
  return { form: 'pdf', blocks };
}

/** How many characters of text the pages hold (a scanned PDF has none). */
export function pdfTextLength(pages: PdfPage[]): number {
  let n = 0;
  for (const p of pages) for (const i of p.items) n += i.text.replace(/\s+/g, '').length;
  return n;
}
