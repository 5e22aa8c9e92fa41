/**
 * A small tolerant tokenizer and tree builder for HTML (as government sites publish it:
 * unclosed `<p>` and `<td>`, upper-case tags, Word's `<o:p>` and conditional comments) and
 * for the XML inside a .docx. Never throws; malformed markup becomes text or is skipped.
 */

export interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
}

export type Node = Element | string;

type Token =
  | { type: 'start'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { type: 'end'; name: string }
  | { type: 'text'; text: string };

const NAMED: Record<string, string> = {
  nbsp: '\u00a0',
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  middot: '·',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  times: '×',
  divide: '÷',
  emsp: '\u2003',
  ensp: '\u2002',
  thinsp: '\u2009',
  ideographicspace: '\u3000',
  copy: '©',
  reg: '®',
  yen: '¥',
  deg: '°',
  plusmn: '±',
  laquo: '«',
  raquo: '»',
  bull: '•',
  zwj: '\u200d',
  zwnj: '\u200c',
  shy: '\u00ad',
  permil: '‰',
  sect: '§',
  para: '¶',
};

export function decodeEntities(s: string, xml = false): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);?/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    const named = xml ? { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[body] : NAMED[body.toLowerCase()];
    return named ?? m;
  });
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template']);

function tokenize(src: string, xml: boolean): Token[] {
  const out: Token[] = [];
  let i = 0;
  let text = '';
  const flushText = () => {
    if (text) out.push({ type: 'text', text: decodeEntities(text, xml) });
    text = '';
  };
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    if (lt < 0) {
      text += src.slice(i);
      break;
    }
    text += src.slice(i, lt);
    i = lt;
    if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i + 4);
      i = end < 0 ? src.length : end + 3;
      continue;
    }
    if (src.startsWith('<![CDATA[', i)) {
      const end = src.indexOf(']]>', i);
      flushText();
      out.push({ type: 'text', text: src.slice(i + 9, end < 0 ? src.length : end) });
      i = end < 0 ? src.length : end + 3;
      continue;
    }
    if (src[i + 1] === '!' || src[i + 1] === '?') {
      const end = src.indexOf('>', i);
      i = end < 0 ? src.length : end + 1;
      continue;
    }
    const m = /^<(\/?)([A-Z][\w:.-]*)/i.exec(src.slice(i, i + 64));
    if (!m) {
      text += '<';
      i++;
      continue;
    }
    // Find the end of the tag, skipping quoted attribute values.
    let j = i + m[0].length;
    let quote = '';
    while (j < src.length) {
      const c = src[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
      j++;
    }
    const inner = src.slice(i + m[0].length, j);
    i = j + 1;
    flushText();
    const name = xml ? m[2] : m[2].toLowerCase();
    if (m[1]) {
      out.push({ type: 'end', name });
      continue;
    }
    const attrs: Record<string, string> = {};
    const attrRe = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
    let a: RegExpExecArray | null;
    while ((a = attrRe.exec(inner)))
      attrs[xml ? a[1] : a[1].toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '', xml);
    const selfClosing = /\/\s*$/.test(inner);
    out.push({ type: 'start', name, attrs, selfClosing });
    if (!xml && !selfClosing && RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}\\s*>`, 'i');
      const rest = src.slice(i);
      const e = close.exec(rest);
      const body = e ? rest.slice(0, e.index) : rest;
      if (name === 'title' || name === 'textarea') out.push({ type: 'text', text: decodeEntities(body) });
      out.push({ type: 'end', name });
      i += e ? e.index + e[0].length : rest.length;
    }
  }
  flushText();
  return out;
}

const MAX_DEPTH = 256;
const VOID = new Set([
  'br',
  'img',
  'hr',
  'input',
  'meta',
  'link',
  'col',
  'area',
  'base',
  'wbr',
  'source',
  'embed',
  'param',
  'track',
  'keygen',
]);
const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'div',
  'dl',
  'fieldset',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
  'center',
]);
const TABLE_SCOPE = new Set(['table', 'td', 'th', 'caption']);
const TABLE_PARTS = new Set(['td', 'th', 'tr', 'tbody', 'thead', 'tfoot', 'caption']);

/**
 * Builds a tree with the implied closings of HTML (a `<p>` ends at the next block, a
 * `<td>` at the next cell, a `<tr>` at the next row) so that tables come out right even
 * when the page never closes its cells. In XML mode, tags nest exactly as written.
 */
export function parseMarkup(src: string, xml = false): Element {
  const root: Element = { name: '#root', attrs: {}, children: [] };
  const stack: Element[] = [root];
  const top = () => stack[stack.length - 1];
  /** Index in the stack of the nearest open element named one of `names`, not crossing `scope`. */
  const find = (names: Set<string> | string, scope: Set<string>): number => {
    for (let k = stack.length - 1; k > 0; k--) {
      const n = stack[k].name;
      if (typeof names === 'string' ? n === names : names.has(n)) return k;
      if (scope.has(n)) return -1;
    }
    return -1;
  };
  const closeTo = (k: number) => {
    if (k > 0) stack.length = k;
  };
  for (const t of tokenize(src, xml)) {
    if (t.type === 'text') {
      top().children.push(t.text);
      continue;
    }
    if (t.type === 'start') {
      if (!xml) {
        const n = t.name;
        if (CLOSES_P.has(n)) closeTo(find('p', TABLE_SCOPE));
        if (n === 'li') closeTo(find('li', new Set(['ul', 'ol', ...TABLE_SCOPE])));
        if (n === 'td' || n === 'th') closeTo(find(new Set(['td', 'th']), new Set(['tr', 'table'])));
        if (n === 'tr') closeTo(find(new Set(['tr']), new Set(['table'])));
        if (n === 'tbody' || n === 'thead' || n === 'tfoot')
          closeTo(find(new Set(['tbody', 'thead', 'tfoot']), new Set(['table'])));
      }
      const el: Element = { name: t.name, attrs: t.attrs, children: [] };
      top().children.push(el);
      // Nesting is capped (as browsers cap it): deeper elements become siblings, so that
      // walking the tree never exhausts the call stack.
      if (!t.selfClosing && !(!xml && VOID.has(t.name)) && stack.length < MAX_DEPTH) stack.push(el);
      continue;
    }
    if (!xml && t.name === 'br') {
      top().children.push({ name: 'br', attrs: {}, children: [] });
      continue;
    }
    const scope =
      xml || t.name === 'table' ? new Set<string>() : TABLE_PARTS.has(t.name) ? new Set(['table']) : TABLE_SCOPE;
    const k = find(t.name, scope);
    if (k > 0) closeTo(k);
  }
  return root;
}

/** The elements below `el` named `name`, not looking inside elements named in `stopAt`. */
export function descendants(el: Element, name: string, stopAt: Set<string> = new Set()): Element[] {
  const out: Element[] = [];
  const walk = (e: Element) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.name === name) out.push(c);
      if (!stopAt.has(c.name)) walk(c);
    }
  };
  walk(el);
  return out;
}
