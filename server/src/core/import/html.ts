/**
 * HTML → blocks. Block elements and `<br>` end lines; a table whose cells hold other tables
 * or only prose is page layout and is read as text; any other table becomes rows of cell
 * texts (a merged cell appears once, in the row where it starts, as `rowspan` means).
 */
import { isLayoutGrid, line, type Block, type Source } from './blocks';
import { descendants, parseMarkup, type Element, type Node } from './markup';
import { cleanText, joinFragments } from './normalize';

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'blockquote',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'center',
  'address',
  'figure',
  'figcaption',
  'caption',
  'form',
  'fieldset',
  'hr',
  'tr',
  'td',
  'th',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'body',
  'html',
]);
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'nav',
  'select',
  'button',
  'iframe',
  'svg',
  'object',
  'map',
  'textarea',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function hidden(el: Element): boolean {
  const style = (el.attrs.style ?? '').replace(/\s/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden') || 'hidden' in el.attrs;
}

/** The text of an element, with line breaks where blocks and `<br>` break it. */
function textLines(el: Element): string[] {
  const lines: string[] = [''];
  const walk = (n: Node) => {
    if (typeof n === 'string') {
      lines[lines.length - 1] += n.replace(/[ \t\n\r\f]+/g, ' ');
      return;
    }
    if (SKIP.has(n.name) || hidden(n)) return;
    if (n.name === 'br') {
      lines.push('');
      return;
    }
    const block = BLOCK.has(n.name);
    if (block && lines[lines.length - 1].trim()) lines.push('');
    n.children.forEach(walk);
    if (block && lines[lines.length - 1].trim()) lines.push('');
  };
  walk(el);
  return lines.map((l) => cleanText(l).trim()).filter(Boolean);
}

/** A cell's text on one line: its broken lines joined as one label or number. */
function cellText(el: Element): string {
  return textLines(el).reduce((acc, l) => joinFragments(acc, l), '');
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (e: Element) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'tr') rows.push(c);
      else if (c.name !== 'table') walk(c);
    }
  };
  walk(table);
  return rows;
}

function cellsOf(row: Element): Element[] {
  const cells: Element[] = [];
  const walk = (e: Element) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'td' || c.name === 'th') cells.push(c);
      else if (c.name !== 'table' && c.name !== 'tr') walk(c);
    }
  };
  walk(row);
  return cells;
}

/** A table used for page layout rather than data: it holds tables, or its cells are no grid of numbers. */
function isLayoutTable(table: Element): boolean {
  return descendants(table, 'table').length > 0 || isLayoutGrid(rowsOf(table).map((r) => cellsOf(r).map(cellText)));
}

export function readHtml(src: string): Source {
  const root = parseMarkup(src);
  const title = descendants(root, 'title')[0];
  const docTitle = title
    ? cleanText(title.children.filter((c): c is string => typeof c === 'string').join('')).trim()
    : undefined;
  const body = descendants(root, 'body')[0] ?? root;
  const blocks: Block[] = [];
  let buf = '';
  let heading = false;
  let strongOnly = true;
  // The bold run a paragraph starts with, while no plain text has come yet.
  let lead = '';
  const flush = (asHeading = false) => {
    const raw = cleanText(buf);
    const text = raw.trim();
    const bold = cleanText(lead).trim();
    if (
      text &&
      bold &&
      bold !== text &&
      bold.length <= 40 &&
      /^[一二三四五六七八九十]+\s*[、.．]/u.test(bold) &&
      text.startsWith(bold)
    ) {
      // "<strong>一、总体情况</strong>2024年，…" in one paragraph: the heading, then the text.
      blocks.push(line(bold, true, { heading: true }));
      blocks.push(line(text.slice(bold.length).trim(), true));
    } else if (text) {
      const indent = /^\s{2,}/u.test(raw);
      blocks.push(line(text, true, { indent, heading: asHeading || heading || (strongOnly && text.length <= 40) }));
    }
    buf = '';
    lead = '';
    heading = false;
    strongOnly = true;
  };
  const walk = (n: Node, inStrong: boolean) => {
    if (typeof n === 'string') {
      const t = n.replace(/[ \t\n\r\f]+/g, ' ');
      if (t.trim() && !inStrong) strongOnly = false;
      if (strongOnly && inStrong) lead += t;
      buf += t;
      return;
    }
    if (SKIP.has(n.name) || hidden(n)) return;
    if (n.name === 'br') {
      flush();
      return;
    }
    if (n.name === 'table' && !isLayoutTable(n)) {
      flush();
      const rows = rowsOf(n)
        .map((r) => cellsOf(r).map(cellText))
        .filter((r) => r.length);
      if (rows.length) blocks.push({ kind: 'table', rows });
      return;
    }
    const block = BLOCK.has(n.name);
    if (block) flush();
    if (HEADINGS.has(n.name)) heading = true;
    const strong = inStrong || n.name === 'strong' || n.name === 'b';
    n.children.forEach((c) => walk(c, strong));
    if (block) flush(HEADINGS.has(n.name));
  };
  walk(body, false);
  flush();
  return { form: 'html', blocks, docTitle };
}
