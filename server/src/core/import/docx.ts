/**
 * Word (.docx) → blocks, from word/document.xml: paragraphs (w:p) and tables (w:tbl).
 * The XML is inflated and parsed as a stream (fflate into htmlparser2's SAX parser), so the
 * document is never held whole, as bytes, text or tree: memory follows the report's text.
 * Cells that continue a vertical merge (w:vMerge without "restart") are left out, as an
 * HTML rowspan leaves them out; deleted text and the fallback copies of drawings are skipped.
 */
import { Parser } from 'htmlparser2';
import { isLayoutGrid, line, type Block, type Source } from './blocks';
import { cleanText, joinFragments } from './normalize';
import { streamZipMember } from './zip';

/**
 * Far more than any report's document.xml (a long report with its tables is a few hundred
 * kilobytes, a heavily formatted one a few megabytes): larger is refused, which bounds the
 * time and memory a hostile file can take.
 */
export const MAX_DOCUMENT_XML = 16 * 1024 * 1024;

/** Subtrees whose text is not the document's. */
const SKIP = new Set(['w:delText', 'w:instrText', 'w:rPr', 'mc:Fallback']);

interface Paragraph {
  pieces: string[];
  heading: boolean;
  listItem: boolean;
}

interface Cell {
  /** The cell's paragraphs, as they would read outside a table. */
  blocks: Block[];
  texts: string[];
  continues: boolean;
  hasTable: boolean;
}

interface TableBuild {
  rows: Cell[][];
  cell?: Cell;
}

/** Builds the blocks from the parser's events. */
class DocxReader {
  readonly blocks: Block[] = [];
  private skipping = 0;
  private paragraph?: Paragraph;
  /** Nesting of w:p (a text box's paragraphs are part of the paragraph that holds them). */
  private paragraphDepth = 0;
  private readonly tables: TableBuild[] = [];
  private inText = false;
  private sawDocument = false;
  private sawBody = false;

  get ok(): boolean {
    return this.sawDocument && this.sawBody;
  }

  open(name: string, attrs: Record<string, string>): void {
    if (this.skipping) {
      this.skipping++;
      return;
    }
    if (SKIP.has(name)) {
      this.skipping = 1;
      return;
    }
    switch (name) {
      case 'w:document':
        this.sawDocument = true;
        return;
      case 'w:body':
        this.sawBody = true;
        return;
      case 'w:p':
        if (this.paragraphDepth++ === 0) this.paragraph = { pieces: [], heading: false, listItem: false };
        return;
      case 'w:pStyle':
        if (this.paragraph && /heading|title|标题|^[1-6]$/i.test(attrs['w:val'] ?? '')) this.paragraph.heading = true;
        return;
      case 'w:numPr':
        if (this.paragraph) this.paragraph.listItem = true;
        return;
      case 'w:t':
        this.inText = true;
        return;
      case 'w:tab':
        this.paragraph?.pieces.push(' ');
        return;
      case 'w:br':
      case 'w:cr':
        this.paragraph?.pieces.push('\n');
        return;
      case 'w:noBreakHyphen':
        this.paragraph?.pieces.push('-');
        return;
      case 'w:tbl':
        this.tables.push({ rows: [] });
        return;
      case 'w:tr':
        this.table?.rows.push([]);
        return;
      case 'w:tc': {
        const t = this.table;
        if (!t) return;
        if (!t.rows.length) t.rows.push([]);
        t.cell = { blocks: [], texts: [], continues: false, hasTable: false };
        t.rows[t.rows.length - 1].push(t.cell);
        return;
      }
      case 'w:vMerge':
        if (this.table?.cell && (attrs['w:val'] ?? 'continue') !== 'restart') this.table.cell.continues = true;
        return;
    }
  }

  close(name: string): void {
    if (this.skipping) {
      this.skipping--;
      return;
    }
    switch (name) {
      case 'w:t':
        this.inText = false;
        return;
      case 'w:p':
        if (--this.paragraphDepth === 0) this.endParagraph();
        this.paragraphDepth = Math.max(0, this.paragraphDepth);
        return;
      case 'w:tbl':
        this.endTable();
        return;
    }
  }

  text(data: string): void {
    if (!this.skipping && this.inText) this.paragraph?.pieces.push(data);
  }

  private get table(): TableBuild | undefined {
    return this.tables[this.tables.length - 1];
  }

  /** Where blocks go: the open cell, or the body. */
  private get target(): Block[] {
    return this.table?.cell?.blocks ?? this.blocks;
  }

  private endParagraph(): void {
    const p = this.paragraph;
    this.paragraph = undefined;
    if (!p) return;
    const text = cleanText(p.pieces.join(''));
    const cell = this.table?.cell;
    if (cell) cell.texts.push(text.replace(/\n/g, '').trim());
    const target = this.target;
    for (const [i, part] of text.split('\n').entries()) {
      const t = part.trim();
      if (t) target.push(line(t, i === 0, { indent: /^\s{2,}/u.test(part), heading: p.heading, listItem: p.listItem }));
    }
  }

  private endTable(): void {
    const t = this.tables.pop();
    if (!t) return;
    const cells = t.rows.map((r) => r.filter((c) => !c.continues));
    const rows = cells
      .map((r) => r.map((c) => c.texts.reduce((acc, s) => joinFragments(acc, s), '')))
      .filter((r) => r.length);
    const holder = this.table?.cell;
    if (holder) holder.hasTable = true;
    // A table holding tables, or no grid of numbers, is page layout: its cells are body text.
    if (cells.some((r) => r.some((c) => c.hasTable)) || isLayoutGrid(rows)) {
      for (const r of cells) for (const c of r) for (const b of c.blocks) this.target.push(b);
      return;
    }
    if (rows.length) this.target.push({ kind: 'table', rows });
  }
}

export type DocxRead = { ok: true; source: Source } | { ok: false; reason: 'missing' | 'too-large' | 'broken' };

export function readDocx(bytes: Uint8Array): DocxRead {
  const reader = new DocxReader();
  const parser = new Parser(
    {
      onopentag: (name, attrs) => reader.open(name, attrs),
      onclosetag: (name) => reader.close(name),
      ontext: (data) => reader.text(data),
    },
    { xmlMode: true, decodeEntities: true },
  );
  const decoder = new TextDecoder('utf-8');
  const read = streamZipMember(bytes, 'word/document.xml', MAX_DOCUMENT_XML, (chunk) =>
    parser.write(decoder.decode(chunk, { stream: true })),
  );
  if (read !== 'ok') return { ok: false, reason: read };
  parser.write(decoder.decode());
  parser.end();
  if (!reader.ok) return { ok: false, reason: 'broken' };
  return { ok: true, source: { form: 'docx', blocks: reader.blocks } };
}
