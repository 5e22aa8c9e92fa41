/**
 * The common intermediate of every input form: lines of text and tables of cell texts, in
 * reading order. Text, Markdown, HTML, Word and PDF all become this; everything after works on it.
 */

export type InputForm = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';

export interface Line {
  kind: 'line';
  text: string;
  /** A blank line (or a block boundary) precedes it. */
  gap: boolean;
  /** Starts with indentation: a new paragraph in hard-wrapped text. */
  indent: boolean;
  /** Marked as a heading by its markup (h1–h6, `#`, a Word heading style, a bold line). */
  heading: boolean;
  /** A numbered list paragraph whose number is not part of the text (Word auto-numbering). */
  listItem?: boolean;
}

export interface Table {
  kind: 'table';
  /** Rows of cell texts as printed; merged cells appear once, where they start. */
  rows: string[][];
}

export type Block = Line | Table;

export interface Source {
  form: InputForm;
  blocks: Block[];
  /** The document title outside the body (HTML `<title>`), when there is one. */
  docTitle?: string;
}

export function line(text: string, gap: boolean, extra: Partial<Omit<Line, 'kind' | 'text' | 'gap'>> = {}): Line {
  return {
    kind: 'line',
    text,
    gap,
    indent: extra.indent ?? false,
    heading: extra.heading ?? false,
    ...(extra.listItem ? { listItem: true } : {}),
  };
}

/**
 * A table used for page layout rather than data: no row of two or more cells, or no cell
 * that is a number (or a mark printed for none).
 */
export function isLayoutGrid(rows: string[][]): boolean {
  if (!rows.some((r) => r.length >= 2)) return true;
  return !rows.some((r) => r.some((c) => /^\s*[\d０-９][\d０-９,.]*\s*$|^\s*[/／-]\s*$/u.test(c)));
}

/** The blocks as plain text, for reading beside the result: lines as printed, tables as `|` rows. */
export function blocksText(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') {
      if (out.length) out.push('');
      for (const r of b.rows) out.push(`| ${r.join(' | ')} |`);
      out.push('');
    } else out.push(b.text);
  }
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}
