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
    group.sort((a, b) => a.x - b.x);
    const cells: Cell[] = [];
    for (const item of group) {
      const cell = cells[cells.length - 1];
      const gap = cell ? item.x - cell.right : Infinity;
      // Within a cell pieces touch (a font change, a run of digits); cells are a character apart or more.
      if (cell && gap <= 0.8 * item.size) {
        cell.text = gap > 0.25 * item.size ? joinFragments(cell.text, item.text.trim()) : cell.text + item.text;
        cell.right = Math.max(cell.right, item.x + item.width);
      } else cells.push({ text: item.text, left: item.x, right: item.x + item.width });
    }
    for (const c of cells) c.text = c.text.trim();
    const sizes = group.map((i) => i.size).sort((a, b) => a - b);
    return {
      cells: cells.filter((c) => c.text),
      centre: group[0].centre,
      size: sizes[Math.floor(sizes.length / 2)],
      left: cells[0].left,
      right: Math.max(...cells.map((c) => c.right)),
      page: index,
    };
  });
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
  const out = new Set<PrintedLine>();
  for (const lines of pages)
    for (const l of lines)
      if (band(l) && (isPageNumber(textOf(l), true) || (onPages.get(key(l))?.size ?? 0) >= 2)) out.add(l);
  return out;
}

export function readPdfPages(pdfPages: PdfPage[]): Source {
  const pages = pdfPages.map(pageLines);
  const running = runningLines(
    pages,
    pdfPages.map((p) => p.height),
  );
  const prose = pages.flat().filter((l) => l.cells.length === 1 && !running.has(l));
  const leftEdge = mode(prose.map((l) => l.left)) ?? 0;
  const rightEdge = mode(prose.map((l) => l.right)) ?? Infinity;

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
