/**
 * Narrative text: lines into paragraphs (undoing hard wraps and page breaks, dropping page
 * numbers), and the sub-sections of 总体情况 by their headings （一）主动公开 ….
 */
import type { SubsectionDecl, TextSectionDecl } from '../format';
import type { Block, Line } from './blocks';
import { labelForm, matchCost, numberingOf } from './labelMatch';
import { TERMINAL, chinesePunctuation, isPageNumber, joinFragments } from './normalize';

/** A line that starts a paragraph of its own whatever comes before it. */
const STARTS_PARAGRAPH =
  /^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d{1,2}\s*[、.．](?!\d)|[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、是]|附件|特此报告|[①-⑳])/u;

/** A short numbered line without a full stop: a heading, never joined to the text after it. */
function isHeadingLine(text: string): boolean {
  return text.length <= 40 && !/[。；！？]/u.test(text) && (numberingOf(text) !== undefined || /^[①-⑳]/u.test(text));
}

/** Table blocks inside narrative become lines of cells joined by " | ". */
export function narrativeLines(blocks: Block[]): Line[] {
  return blocks.flatMap((b): Line[] =>
    b.kind === 'line'
      ? [b]
      : b.rows
          .filter((r) => r.some((c) => c.trim()))
          .map((r, i) => ({ kind: 'line', text: r.join(' | '), gap: i === 0, indent: false, heading: false })),
  );
}

export interface Paragraph {
  text: string;
  /** Marked as a heading by markup or a Word list number. */
  heading: boolean;
  listItem: boolean;
}

/**
 * Lines → paragraphs. A line continues the paragraph before it when that paragraph does not
 * end a sentence (a page or line break in the middle of one), or when hard-wrapped text fills
 * the line; numbered lines, headings and indented lines start a new one.
 */
export function paragraphs(lines: Line[]): Paragraph[] {
  const kept = lines.filter((l) => l.text.trim() && !isPageNumber(l.text, true));
  const width = kept.reduce((w, l) => (l.gap ? w : Math.max(w, l.text.length)), 0);
  // A paragraph grows as pieces: testing the whole text after each joined line would make a
  // paragraph of n lines cost n² (the tests only look at its end, or at a short text).
  const out: (Omit<Paragraph, 'text'> & { pieces: string[]; length: number; end: string; lastLine: string })[] = [];
  const short = (p: { pieces: string[]; length: number }, max: number) =>
    p.length <= max ? p.pieces.join('') : undefined;
  for (const l of kept) {
    const text = l.text.trim();
    const prev = out[out.length - 1];
    let join = false;
    if (
      prev &&
      !l.heading &&
      !prev.heading &&
      !STARTS_PARAGRAPH.test(text) &&
      !isHeadingLine(short(prev, 40) ?? '') &&
      !l.listItem
    ) {
      // After a blank line, a short line without any punctuation is a heading or a title, not a broken sentence.
      const start = short(prev, 15);
      const headingLike = start !== undefined && !/[，、,；;：:]/u.test(start);
      if (!TERMINAL.test(prev.end)) join = !(l.gap && headingLike) && !l.indent;
      else join = !l.gap && !l.indent && width >= 20 && prev.lastLine.length >= width - 1;
    }
    if (join) {
      const piece = joinFragments(prev.end, text).slice(prev.end.length);
      prev.pieces.push(piece);
      prev.length += piece.length;
      prev.end = (prev.end + piece).slice(-8);
      prev.lastLine = text;
    } else
      out.push({
        pieces: [text],
        length: text.length,
        end: text.slice(-8),
        heading: l.heading,
        listItem: !!l.listItem,
        lastLine: text,
      });
  }
  return out.map(({ pieces, heading, listItem }) => ({ text: chinesePunctuation(pieces.join('')), heading, listItem }));
}

export interface Subsection {
  /** The key to write: the official sub-section key when the heading names one. */
  key: string;
  /** The heading as printed, when the key differs from it by more than numbering. */
  printed?: string;
  paragraphs: string[];
}

export interface Overview {
  lead: string[];
  subsections: Subsection[];
}

// Words that only say "about": 主动公开方面, 依申请公开情况, 信息管理工作情况.
const FILLER = /(?:工作)?(?:方面|情况)$/u;

/** The official sub-section a heading names, if any. */
export function officialSubsection(
  heading: string,
  decl: TextSectionDecl,
): { sub: SubsectionDecl; exact: boolean } | undefined {
  const subs = decl.subsections.filter((s) => s.title);
  const form = labelForm(heading);
  const bare = form.replace(FILLER, '');
  for (const sub of subs) {
    const names = [sub.key, sub.title, ...(sub.aliases ?? [])].map(labelForm);
    if (names.some((n) => n === form || n === bare)) return { sub, exact: true };
    if (
      names.some((n) => {
        const c = matchCost(bare, n);
        return c !== undefined && c <= 1;
      })
    )
      return { sub, exact: false };
  }
  // A heading that contains one official topic and little else ("加强监督保障").
  const containing = subs.filter((s) =>
    [s.key, s.title].map(labelForm).some((n) => bare.includes(n) || (n.includes(bare) && bare.length >= n.length - 2)),
  );
  if (containing.length === 1 && bare.length <= labelForm(containing[0].title).length + 6)
    return { sub: containing[0], exact: false };
  return undefined;
}

/** Splits a paragraph that begins with a sub-heading: "（一）主动公开。持续加强…". */
function subHeading(p: Paragraph, numberedStyle: boolean): { heading: string; body: string } | undefined {
  const numbered = numberingOf(p.text);
  const byNumber = numbered && (numberedStyle ? numbered.numbering.kind === 'paren' : numbered.numbering.kind !== 'cn');
  if (!byNumber && !((p.heading || p.listItem) && p.text.length <= 30)) return undefined;
  const text = p.text.trim();
  const start = byNumber ? text.length - numbered!.rest.length : 0;
  const body = text.slice(start);
  const cut = /[。：:；;]/u.exec(body);
  // Without （一） numbering, a "1." list item is a heading only when it is short and names no figure.
  const limit = byNumber && numbered!.numbering.kind !== 'paren' ? 20 : 40;
  const plausible = (h: string) => h.length <= limit && (limit === 40 || !/\d/.test(h));
  if (cut && plausible(body.slice(0, cut.index)))
    return { heading: text.slice(0, start + cut.index), body: body.slice(cut.index + 1).trim() };
  if (!cut && plausible(body)) return { heading: text, body: '' };
  return undefined;
}

/** 总体情况: a lead before the first sub-heading, then the sub-sections in printed order. */
export function overview(paras: Paragraph[], decl: TextSectionDecl): Overview {
  const parenStyle = paras.some((p) => numberingOf(p.text)?.numbering.kind === 'paren');
  const lead: string[] = [];
  const subsections: Subsection[] = [];
  const used = new Set<string>();
  // The next number to try for a printed heading met again: the k-th repeat costs one step, not k.
  const repeats = new Map<string, number>();
  for (const p of paras) {
    const h = subHeading(p, parenStyle);
    if (!h) {
      if (subsections.length) subsections[subsections.length - 1].paragraphs.push(p.text);
      else lead.push(p.text);
      continue;
    }
    const printed = (numberingOf(h.heading)?.rest ?? h.heading)
      .replace(/(?<![。：:；;，,\s])[。：:；;，,\s]+$/u, '')
      .trim();
    const official = officialSubsection(printed, decl);
    let key = official?.sub.key ?? printed.replace(/方面$/u, '');
    if (used.has(key)) key = printed;
    let n = repeats.get(printed) ?? 2;
    for (; used.has(key); n++) key = `${printed}（${n}）`;
    repeats.set(printed, n);
    used.add(key);
    subsections.push({
      key,
      printed: official && !official.exact ? h.heading : undefined,
      paragraphs: h.body ? [h.body] : [],
    });
  }
  return { lead, subsections };
}
