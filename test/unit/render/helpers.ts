/** Readers for the renderer's output in tests: its HTML tables and a .docx's Word tables. */

export interface Tag {
  name: string;
  attrs: Map<string, string>;
}

export interface HtmlCell extends Tag {
  text: string;
  colspan: number;
  rowspan: number;
}

export interface HtmlTable {
  key: string;
  rows: { tag: Tag; cells: HtmlCell[] }[];
}

export function decode(s: string): string {
  return s.replace(
    /&(lt|gt|quot|#39|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!,
  );
}

const TAG = /^<([a-z][a-z0-9]*)((?:\s+[a-z][a-z-]*="[^"<>]*")*)\s*>$/;

/** A start tag of the renderer's strict form (`<name attr="value" …>`), or undefined. */
export function parseTag(token: string): Tag | undefined {
  const m = TAG.exec(token);
  if (!m) return undefined;
  const attrs = new Map<string, string>();
  for (const a of m[2].matchAll(/(?<![a-z-])([a-z][a-z-]*)="([^"]*)"/g)) attrs.set(a[1], decode(a[2]));
  return { name: m[1], attrs };
}

/** Every `<table>` of the document with its rows and cells, in order. */
export function htmlTables(html: string): HtmlTable[] {
  const tables: HtmlTable[] = [];
  for (const wrap of html.matchAll(/<div class="table-wrap" data-table="([^"]*)">([\s\S]*?)<\/table>/g)) {
    const rows: HtmlTable['rows'] = [];
    for (const tr of wrap[2].matchAll(/(<tr[^>]*>)([\s\S]*?)<\/tr>/g)) {
      const cells: HtmlCell[] = [];
      for (const c of tr[2].matchAll(/(<t[hd][^>]*>)([\s\S]*?)<\/t[hd]>/g)) {
        const tag = parseTag(c[1])!;
        cells.push({
          ...tag,
          text: decode(c[2]),
          colspan: Number(tag.attrs.get('colspan') ?? 1),
          rowspan: Number(tag.attrs.get('rowspan') ?? 1),
        });
      }
      rows.push({ tag: parseTag(tr[1])!, cells });
    }
    tables.push({ key: decode(wrap[1]), rows });
  }
  return tables;
}

/** The cell covering each position of a table with merged cells. */
export function visualGrid<C extends { colspan: number; rowspan: number }>(rows: C[][]): C[][] {
  const grid: C[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    let col = 0;
    for (const c of cells) {
      while (grid[r][col]) col++;
      for (let dr = 0; dr < c.rowspan; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < c.colspan; dc++) grid[r + dr][col + dc] = c;
      }
      col += c.colspan;
    }
  });
  return grid;
}

export interface WordCell {
  text: string;
  colspan: number;
  rowspan: number;
}

/**
 * The tables of a WordprocessingML body: cells with their gridSpan, and vertical merges
 * (`vMerge restart` then `continue` cells below) folded into a rowspan as in HTML.
 */
export function wordTables(xml: string): WordCell[][][] {
  const tables: WordCell[][][] = [];
  for (const tbl of xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)) {
    const rows: { cell: WordCell; col: number; merge?: string }[][] = [];
    for (const tr of tbl[1].matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)) {
      let col = 0;
      const cells: { cell: WordCell; col: number; merge?: string }[] = [];
      for (const tc of tr[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)) {
        const span = Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(tc[1])?.[1] ?? 1);
        const merge = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(tc[1]);
        const text = [...tc[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1])).join('');
        cells.push({
          cell: { text, colspan: span, rowspan: 1 },
          col,
          merge: merge ? (merge[1] ?? 'continue') : undefined,
        });
        col += span;
      }
      rows.push(cells);
    }
    const out: WordCell[][] = rows.map(() => []);
    rows.forEach((cells, r) => {
      for (const c of cells) {
        if (c.merge === 'continue') {
          // Extend the cell that starts the merge in the same column above.
          for (let up = r - 1; up >= 0; up--) {
            const above = rows[up].find((x) => x.col === c.col);
            if (above && above.merge !== 'continue') {
              above.cell.rowspan++;
              break;
            }
          }
        } else out[r].push(c.cell);
      }
    });
    tables.push(out);
  }
  return tables;
}
