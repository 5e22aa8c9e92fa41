/**
 * HTML → blocks. The page is parsed by parse5, which builds the tree a browser builds (the
 * HTML standard's tree construction: unclosed `<p>` and `<td>`, misnested tags, Word's
 * markup), so what is read is what the evaluator saw. Block elements and `<br>` end lines;
 * a table whose cells hold other tables or only prose is page layout and is read as text;
 * any other table becomes rows of cell texts (a merged cell appears once, in the row where
 * it starts, as `rowspan` means). Trees are walked without recursion: a page may nest deeper
 * than the call stack.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { isLayoutGrid, line, type Block, type Source } from './blocks';
import { cleanText, joinFragments } from './normalize';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

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
  'math',
  'object',
  'map',
  'textarea',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const isElement = (n: Node): n is Element => 'tagName' in n;
const childrenOf = (n: Node): Node[] => ('childNodes' in n ? n.childNodes : []);
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

/**
 * Visits `root` and its descendants in document order: `enter` before the children (return
 * false to skip them), `exit` after them.
 */
function traverse(root: Node, enter: (n: Node) => boolean | void, exit?: (n: Node) => void): void {
  const stack: { node: Node; done: boolean }[] = [{ node: root, done: false }];
  while (stack.length) {
    const top = stack.pop()!;
    if (top.done) {
      exit?.(top.node);
      continue;
    }
    if (enter(top.node) === false) continue;
    stack.push({ node: top.node, done: true });
    const kids = childrenOf(top.node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], done: false });
  }
}

function hidden(el: Element): boolean {
  const style = (attr(el, 'style') ?? '').replace(/\s/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden') || attr(el, 'hidden') !== undefined;
}

const skipped = (n: Node) => isElement(n) && (SKIP.has(n.tagName) || hidden(n));
const textOf = (n: Node) => (n.nodeName === '#text' && 'value' in n ? n.value : undefined);

/** The text of an element, with line breaks where blocks and `<br>` break it. */
function textLines(el: Element): string[] {
  const lines: string[] = [''];
  const breakLine = () => {
    if (lines[lines.length - 1].trim()) lines.push('');
  };
  traverse(
    el,
    (n) => {
      const t = textOf(n);
      if (t !== undefined) lines[lines.length - 1] += t.replace(/[ \t\n\r\f]+/g, ' ');
      if (!isElement(n)) return;
      if (skipped(n)) return false;
      if (n.tagName === 'br') lines.push('');
      else if (BLOCK.has(n.tagName)) breakLine();
    },
    (n) => {
      if (isElement(n) && BLOCK.has(n.tagName)) breakLine();
    },
  );
  return lines.map((l) => cleanText(l).trim()).filter(Boolean);
}

/** A cell's text on one line: its broken lines joined as one label or number. */
function cellText(el: Element): string {
  return textLines(el).reduce((acc, l) => joinFragments(acc, l), '');
}

/** The elements named `names` below `el`, not looking inside a nested table or inside `stop`. */
function below(el: Element, names: Set<string>, stop: Set<string>): Element[] {
  const out: Element[] = [];
  for (const c of childrenOf(el))
    traverse(c, (n) => {
      if (!isElement(n)) return false;
      if (names.has(n.tagName)) {
        out.push(n);
        return false;
      }
      if (n.tagName === 'table' || stop.has(n.tagName)) return false;
    });
  return out;
}

const rowsOf = (table: Element) => below(table, new Set(['tr']), new Set());
const cellsOf = (row: Element) => below(row, new Set(['td', 'th']), new Set(['tr']));

function holdsTable(table: Element): boolean {
  let found = false;
  for (const c of childrenOf(table))
    traverse(c, (n) => {
      if (found) return false;
      if (isElement(n) && n.tagName === 'table') found = true;
    });
  return found;
}

/** A table used for page layout rather than data: it holds tables, or its cells are no grid of numbers. */
function isLayoutTable(table: Element): boolean {
  return holdsTable(table) || isLayoutGrid(rowsOf(table).map((r) => cellsOf(r).map(cellText)));
}

function findElement(root: Node, name: string): Element | undefined {
  let found: Element | undefined;
  traverse(root, (n) => {
    if (found) return false;
    if (isElement(n) && n.tagName === name) {
      found = n;
      return false;
    }
  });
  return found;
}

export function readHtml(src: string): Source {
  const doc = parse(src);
  const title = findElement(doc, 'title');
  const docTitle = title
    ? cleanText(
        childrenOf(title)
          .map((c) => textOf(c) ?? '')
          .join(''),
      ).trim()
    : undefined;
  const body = findElement(doc, 'body') ?? doc;
  const blocks: Block[] = [];
  let buf = '';
  let heading = false;
  let strongOnly = true;
  // The bold run a paragraph starts with, while no plain text has come yet.
  let lead = '';
  let strong = 0;
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
  const isStrong = (el: Element) => el.tagName === 'strong' || el.tagName === 'b';
  traverse(
    body,
    (n) => {
      const t = textOf(n);
      if (t !== undefined) {
        const s = t.replace(/[ \t\n\r\f]+/g, ' ');
        if (s.trim() && !strong) strongOnly = false;
        if (strongOnly && strong) lead += s;
        buf += s;
        return;
      }
      if (!isElement(n)) return;
      if (skipped(n)) return false;
      if (n.tagName === 'br') {
        flush();
        return false;
      }
      if (n.tagName === 'table' && !isLayoutTable(n)) {
        flush();
        const rows = rowsOf(n)
          .map((r) => cellsOf(r).map(cellText))
          .filter((r) => r.length);
        if (rows.length) blocks.push({ kind: 'table', rows });
        return false;
      }
      if (BLOCK.has(n.tagName)) flush();
      if (HEADINGS.has(n.tagName)) heading = true;
      if (isStrong(n)) strong++;
    },
    (n) => {
      if (!isElement(n)) return;
      if (isStrong(n)) strong--;
      if (BLOCK.has(n.tagName)) flush(HEADINGS.has(n.tagName));
    },
  );
  flush();
  return { form: 'html', blocks, docTitle };
}
