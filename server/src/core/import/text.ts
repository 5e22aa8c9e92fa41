/**
 * Plain text (as extracted from PDFs and web pages) and Markdown → blocks. Tables arrive
 * as `|`-separated rows (Markdown tables, or one cell per line ending in `|`) or as
 * tab-separated rows; rows separated by other lines or a page break become separate tables,
 * which the table recogniser later reads as one.
 */
import { line, type Block, type Line, type Source } from './blocks';
import { readHtml } from './html';
import { cleanText } from './normalize';
import { append } from '../append';

const SEPARATOR_ROW = /^\s*(?:\|\s*)?:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*(?:\|\s*)?$/;
const HR = /^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/;

/** Splits a `|` row into cells; `\|` is a literal bar in Markdown. */
export function splitPipeRow(raw: string, markdown: boolean): string[] {
  let s = raw.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (markdown && c === '\\' && s[i + 1] === '|') {
      cur += '|';
      i++;
    } else if (c === '|') {
      cells.push(cur);
      cur = '';
    } else cur += c;
  }
  cells.push(cur);
  return cells.map((c) => c.trim());
}

function isPipeRow(s: string): boolean {
  const t = s.trim();
  if (!t.includes('|')) return false;
  return t.startsWith('|') || t.endsWith('|') || (t.match(/\|/g)?.length ?? 0) >= 2;
}

/** Inline Markdown to plain text: links, images, emphasis, code, escapes and inline HTML. */
export function stripInlineMarkdown(s: string): string {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^[\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<br\s*\/?>/gi, '')
    .replace(/<\/?[A-Z][^>]*>/gi, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

export function readTextForm(input: string, markdown: boolean): Source {
  const text = cleanText(input).replace(/\r\n?/g, '\n').replace(/\f/g, '\n\n');
  const blocks: Block[] = [];
  let gap = true;
  let fenced = false;
  let table: string[][] | undefined;
  const endTable = () => {
    if (table) blocks.push({ kind: 'table', rows: table });
    table = undefined;
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let raw = lines[i].trimEnd();
    // Markdown from converters keeps tables with merged cells as raw HTML.
    if (markdown && !fenced && /^\s*<table\b/i.test(raw)) {
      endTable();
      let end = i;
      while (end < lines.length && !/<\/table>/i.test(lines[end])) end++;
      append(blocks, readHtml(lines.slice(i, end + 1).join('\n')).blocks);
      i = end;
      gap = true;
      continue;
    }
    if (markdown && /^\s*(?:```|~~~)/.test(raw)) {
      fenced = !fenced;
      endTable();
      gap = true;
      continue;
    }
    if (!raw.trim()) {
      gap = true;
      // A blank line inside a table is a page break or spacing: the next rows still follow.
      endTable();
      continue;
    }
    if (!fenced && SEPARATOR_ROW.test(raw) && raw.includes('|')) {
      table ??= [];
      continue;
    }
    if (!fenced && isPipeRow(raw)) {
      table ??= [];
      const cells = splitPipeRow(raw, markdown).map((c) => (markdown ? stripInlineMarkdown(c) : c));
      table.push(cells);
      gap = false;
      continue;
    }
    if (!fenced && raw.includes('\t') && raw.trim().includes('\t')) {
      table ??= [];
      table.push(raw.split('\t').map((c) => c.trim()));
      gap = false;
      continue;
    }
    endTable();
    let heading = false;
    if (markdown && !fenced) {
      // Setext heading: an underline right below a line makes it a heading.
      const prev = blocks[blocks.length - 1];
      if (/^\s*(?:=+|-+)\s*$/.test(raw) && !gap && prev?.kind === 'line') {
        prev.heading = true;
        gap = true;
        continue;
      }
      if (HR.test(raw)) {
        gap = true;
        continue;
      }
      const h = /^\s{0,3}#{1,6}\s([\s\S]*)$/.exec(raw);
      if (h) {
        raw = h[1]
          .trimEnd()
          .replace(/(?<!#)#+$/, '')
          .trim();
        heading = true;
      }
      raw = raw.replace(/^\s*>\s?/, '').replace(/^(\s*)[-*+]\s+(?=\S)/, '$1');
      const bold = /^\s*(\*\*|__)[^*_]+\1\s*$/.exec(raw);
      if (bold) heading = true;
      raw = stripInlineMarkdown(raw);
      if (!raw.trim()) continue;
    }
    const indent = /^(?: {2,}|\u3000|\t)/u.test(raw);
    const l: Line = line(raw.trim(), gap || heading, { indent, heading });
    blocks.push(l);
    gap = heading;
  }
  endTable();
  return { form: markdown ? 'markdown' : 'text', blocks };
}
