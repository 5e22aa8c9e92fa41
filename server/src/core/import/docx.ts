/**
 * Word (.docx) → blocks, from word/document.xml: paragraphs (w:p) and tables (w:tbl).
 * Cells that continue a vertical merge (w:vMerge without "restart") are left out, as an
 * HTML rowspan leaves them out; deleted text and the fallback copies of drawings are skipped.
 */
import { isLayoutGrid, line, type Block, type Source } from './blocks';
import { descendants, parseMarkup, type Element, type Node } from './markup';
import { cleanText, joinFragments } from './normalize';
import { readZipMember } from './zip';

const child = (el: Element, name: string): Element | undefined =>
  el.children.find((c): c is Element => typeof c !== 'string' && c.name === name);
const kids = (el: Element): Element[] => el.children.filter((c): c is Element => typeof c !== 'string');

function paragraphText(p: Element): string {
  let s = '';
  const walk = (n: Node) => {
    if (typeof n === 'string') return;
    switch (n.name) {
      case 'w:t':
        s += n.children.filter((c): c is string => typeof c === 'string').join('');
        return;
      case 'w:tab':
        s += ' ';
        return;
      case 'w:br':
      case 'w:cr':
        s += '\n';
        return;
      case 'w:noBreakHyphen':
        s += '-';
        return;
      case 'w:delText':
      case 'w:instrText':
      case 'w:pPr':
      case 'w:rPr':
      case 'mc:Fallback':
        return;
      default:
        n.children.forEach(walk);
    }
  };
  walk(p);
  return cleanText(s);
}

function isHeading(p: Element): boolean {
  const style = child(child(p, 'w:pPr') ?? p, 'w:pStyle')?.attrs['w:val'] ?? '';
  return /heading|title|标题|^[1-6]$/i.test(style);
}

function isListItem(p: Element): boolean {
  const ppr = child(p, 'w:pPr');
  return !!ppr && !!child(ppr, 'w:numPr');
}

function cellText(tc: Element): string {
  const texts: string[] = [];
  const walk = (e: Element) => {
    for (const c of kids(e)) {
      if (c.name === 'w:p') texts.push(paragraphText(c).replace(/\n/g, ''));
      else if (c.name !== 'w:tcPr') walk(c);
    }
  };
  walk(tc);
  return texts.reduce((acc, t) => joinFragments(acc, t.trim()), '');
}

function continuesMerge(tc: Element): boolean {
  const v = child(child(tc, 'w:tcPr') ?? tc, 'w:vMerge');
  return !!v && (v.attrs['w:val'] ?? 'continue') !== 'restart';
}

function readBody(el: Element, blocks: Block[]): void {
  for (const c of kids(el)) {
    if (c.name === 'w:p') {
      const text = paragraphText(c);
      for (const [i, part] of text.split('\n').entries()) {
        const t = part.trim();
        if (t)
          blocks.push(
            line(t, i === 0, { indent: /^\s{2,}/u.test(part), heading: isHeading(c), listItem: isListItem(c) }),
          );
      }
    } else if (c.name === 'w:tbl') {
      const cells = kids(c)
        .filter((tr) => tr.name === 'w:tr')
        .map((tr) => kids(tr).filter((tc) => tc.name === 'w:tc' && !continuesMerge(tc)));
      const rows = cells.map((r) => r.map(cellText)).filter((r) => r.length);
      // A table holding tables, or no grid of numbers, is page layout: its cells are body text.
      if (descendants(c, 'w:tbl').length > 0 || isLayoutGrid(rows)) {
        for (const r of cells) for (const tc of r) readBody(tc, blocks);
        continue;
      }
      if (rows.length) blocks.push({ kind: 'table', rows });
    } else if (
      c.name === 'w:sdt' ||
      c.name === 'w:sdtContent' ||
      c.name === 'w:customXml' ||
      c.name === 'w:ins' ||
      c.name === 'w:body'
    ) {
      readBody(c, blocks);
    }
  }
}

export type DocxRead = { ok: true; source: Source } | { ok: false };

export function readDocx(bytes: Uint8Array): DocxRead {
  const xml = readZipMember(bytes, 'word/document.xml');
  if (!xml) return { ok: false };
  const root = parseMarkup(new TextDecoder('utf-8').decode(xml), true);
  const doc = kids(root).find((e) => e.name === 'w:document');
  const body = doc && child(doc, 'w:body');
  if (!body) return { ok: false };
  const blocks: Block[] = [];
  readBody(body, blocks);
  return { ok: true, source: { form: 'docx', blocks } };
}
