/**
 * The outline of a published report: the page before its title, the title, the preface,
 * the six sections by their headings, the signature (organ and date) and what follows it.
 */
import { type FormatDecl, type SectionDecl } from '../format';
import { memoize } from '../memo';
import { line, type Block, type Line, type Source } from './blocks';
import { DATE_PATTERN, readDate, type PrintedDate } from './dateText';
import { chineseNumber, labelForm, matchCost } from './labelMatch';
import { isPageNumber, joinFragments } from './normalize';

export interface SectionRegion {
  decl: SectionDecl;
  heading: string;
  blocks: Block[];
}

export interface Outline {
  /** Lines before the title: the web page around the report, its metadata. */
  before: Block[];
  /** The printed title, one or two lines. */
  title: string[];
  preface: Block[];
  sections: SectionRegion[];
  signature?: { organ?: string; date?: PrintedDate };
  /** What follows the signature. */
  after: Block[];
}

const SECTION_NUMBER =
  /^\s*(?:第\s*([一二三四五六七八九十]+)\s*(?:部分|章)\s*[、.．:：]?|([一二三四五六七八九十]+)\s*[、.．:：]|(\d)\s*[、.．](?!\d))\s*/u;

/** Words that a numbered heading must contain to be section N, when it is not the title itself. */
const SECTION_WORDS: RegExp[] = [
  /总体情况|基本情况|概述|总体概况|工作概况/u,
  /主动公开.*政府信息|政府信息.*主动公开/u,
  /(?:收到|处理|受理|办理).*申请/u,
  /复议|诉讼/u,
  /问题.*(?:改进|整改|措施)|存在.*问题/u,
  /其他.*事项|需要报告/u,
];

export const TITLE_PATTERN = /政府信息公开(?:工作)?(?:年度)?(?:工作)?(?:情况)?报告/u;

const CHROME =
  /版权所有|ICP备|网站标识码|公网安备|主办单位|承办单位|技术支持|联系我们|网站地图|网站声明|扫一扫|分享到|打印本页|关闭窗口|[【[]\s*(?:打印|关闭|字体|大|小)|字号\s*[:：]|浏览次数|访问量|阅读次数|点击数|当前位置|您的位置|首页\s*[>＞»]|索引号|发布机构|主题分类|信息来源|来源\s*[:：]|作者\s*[:：]|责任编辑|发布(?:时间|日期)\s*[:：]|公布(?:时间|日期)\s*[:：]|成文日期\s*[:：]|文\s*号\s*[:：]|有效性\s*[:：]|^\s*[大中小](?:\s+[大中小]){1,2}\s*$|^(?:打印|关闭|返回顶部|上一篇|下一篇)/u;

export function isChrome(text: string): boolean {
  return CHROME.test(text);
}

const HEADING_WORDS = /情况|情形|总体|概述|概况|主动|申请|复议|诉讼|问题|改进|整改|措施|事项/u;
/** Each section's names (title, key, aliases) in the form labels are compared in, per declaration. */
const sectionNames = memoize(
  (format: FormatDecl) =>
    new Map(format.sections.map((d) => [d, [d.title, d.key, ...(d.aliases ?? [])].map(labelForm)])),
);

/** The section a line heads, and any text after the heading on the same line. */
export function sectionHeading(
  l: Line,
  format: FormatDecl,
): { decl: SectionDecl; rest: string; arabic: boolean } | undefined {
  // A note in brackets after a heading ("五、存在的主要问题及改进情况（重复率：25%）") is not its text.
  const text = l.text
    .trim()
    .replace(/[（(][^（）()]{0,30}[)）]$/u, '')
    .trimEnd();
  // Every title and alias (and anything within two edits of one) has one of these words.
  if (text.length > 80 || !HEADING_WORDS.test(text)) return undefined;
  // "（二）收到和处理政府信息公开申请情况" is a sub-heading that repeats a section's title.
  if (/^[（(]\s*[一二三四五六七八九十\d]+\s*[)）]/u.test(text)) return undefined;
  const m = SECTION_NUMBER.exec(text);
  const arabic = !!m?.[3];
  const numeral = m ? (m[1] ? chineseNumber(m[1]) : m[2] ? chineseNumber(m[2]) : +m[3]) : undefined;
  const body = text.slice(m?.[0].length ?? 0).trim();
  const cut = /[。：:]/u.exec(body);
  const title = (cut ? body.slice(0, cut.index) : body).trim();
  const rest = cut ? body.slice(cut.index + 1).trim() : '';
  if (!title || title.length > 40) return undefined;
  if (!m && rest) return undefined;
  const form = labelForm(title);
  const sections = format.sections;
  for (const [decl, names] of sectionNames(format)) {
    const close = names.some((n) => {
      const cost = matchCost(form, n);
      return cost !== undefined && cost <= 2;
    });
    if (close && (m || l.heading || form.length >= 4)) return { decl, rest, arabic };
  }
  if (numeral !== undefined && m && !/[。；]$/u.test(title)) {
    const decl = sections[numeral - 1];
    if (decl && SECTION_WORDS[numeral - 1].test(form)) return { decl, rest, arabic };
  }
  return undefined;
}

const SIGNATURE_MAX = 500;
const DATE_LINE = new RegExp(`^(.*?)[（(]?\\s*(${DATE_PATTERN})\\s*[)）]?$`, 'u');

/** The lines from the end of a region that are the signature: organ line and date line. */
function findSignature(
  blocks: Block[],
): { at: number; organ?: string; date: PrintedDate; afterAt: number } | undefined {
  let seen = 0;
  for (let i = blocks.length - 1; i >= 0 && seen < 12; i--) {
    const b = blocks[i];
    if (b.kind !== 'line') {
      seen++;
      continue;
    }
    const t = b.text.trim();
    if (isPageNumber(t, true) || isChrome(t)) continue;
    seen++;
    // A signature is short; on a long line the pattern would retry every position of a run of spaces.
    if (t.length > SIGNATURE_MAX) continue;
    const m = DATE_LINE.exec(t);
    if (!m) continue;
    const date = readDate(m[2]);
    if (!date) continue;
    const before = m[1].trim();
    if (before && (before.length > 40 || /[。；，,]/u.test(before))) continue;
    let at = i;
    let organ = before || undefined;
    const prev = blocks[i - 1];
    if (!organ && prev?.kind === 'line') {
      const p = prev.text.trim();
      if (
        p.length <= 40 &&
        !/[。；：:，,！？]$/u.test(p) &&
        !/^特此/u.test(p) &&
        !SECTION_NUMBER.test(p) &&
        !/^[（(][一二三四五六七八九十]/u.test(p)
      ) {
        organ = p;
        at = i - 1;
      }
    }
    return { at, organ, date, afterAt: i + 1 };
  }
  return undefined;
}

export function buildOutline(source: Source, format: FormatDecl): Outline {
  const blocks = source.blocks;
  // Section headings, in order; a run of headings with nothing between them is a table of
  // contents when the same headings come again later.
  const candidates: { at: number; decl: SectionDecl; rest: string; arabic: boolean; text: string }[] = [];
  blocks.forEach((b, at) => {
    if (b.kind !== 'line') return;
    const h = sectionHeading(b, format);
    if (h) candidates.push({ at, ...h, text: b.text });
  });
  // Sections numbered 一、二、…: a "2.…行政复议、行政诉讼情况" among them is a sub-heading.
  const chinese = candidates.some((c) => !c.arabic && SECTION_NUMBER.test(c.text));
  const found = chinese ? candidates.filter((c) => !c.arabic) : candidates;
  const order = (d: SectionDecl) => format.sections.indexOf(d);
  // Where each section's heading is last found: one pass, so that a run of headings costs n, not n².
  const lastFound = new Map<SectionDecl, number>();
  found.forEach((f, k) => lastFound.set(f.decl, k));
  const toc = (k: number) => {
    const next = found[k + 1];
    return next && next.at === found[k].at + 1 && lastFound.get(found[k].decl)! > k + 1 && !found[k].rest;
  };
  // A title is no sentence: "根据《条例》…现将我办2022年度政府信息公开情况报告如下：" is not one.
  const titleLike = (b: Block | undefined): b is Line =>
    b?.kind === 'line' && b.text.length <= 80 && !/[。；，,：:！？《]/u.test(b.text.trim());
  // The title may be wrapped over two lines ("…政府信息公开工作" / "年度报告").
  let titleAt = -1;
  let titleLines = 0;
  for (let i = 0; i < (found.length ? found[0].at : blocks.length) && titleAt < 0; i++) {
    const b = blocks[i];
    const next = blocks[i + 1];
    if (!titleLike(b)) continue;
    if (TITLE_PATTERN.test(b.text)) [titleAt, titleLines] = [i, 1];
    else if (
      titleLike(next) &&
      !isChrome(b.text) &&
      next.text.length <= 20 &&
      !TITLE_PATTERN.test(next.text) &&
      TITLE_PATTERN.test(b.text + next.text)
    )
      [titleAt, titleLines] = [i, 2];
  }
  const headings: typeof found = [];
  for (let k = 0; k < found.length; k++) {
    const f = found[k];
    if (f.at < titleAt || toc(k)) continue;
    const prev = headings[headings.length - 1];
    if (prev && order(f.decl) <= order(prev.decl)) continue;
    headings.push(f);
  }
  const firstHeading = headings.length ? headings[0].at : blocks.length;
  // The title: the line naming the report, with the organ on the line before when the
  // title line starts with the year.
  let title: string[] = [];
  let startAt = 0;
  if (titleAt >= 0 && titleAt < firstHeading) {
    title = [
      blocks.slice(titleAt, titleAt + titleLines).reduce((t, b) => joinFragments(t, (b as Line).text.trim()), ''),
    ];
    startAt = titleAt + titleLines;
    const prev = blocks[titleAt - 1];
    if (
      titleLines === 1 &&
      /^\s*(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年/u.test(title[0]) &&
      prev?.kind === 'line' &&
      prev.text.length <= 40 &&
      !/[。；：:，,]/u.test(prev.text) &&
      !isChrome(prev.text)
    )
      title.unshift(prev.text);
  }
  const before = blocks.slice(0, titleAt >= 0 && title.length ? startAt - titleLines - (title.length - 1) : 0);
  const preface: Block[] = [];
  for (const b of blocks.slice(startAt, firstHeading)) {
    // Page metadata printed between the title and the text (发布时间、来源、字号…), and the
    // title printed again (the page's heading and the document's).
    if (b.kind === 'line' && (isChrome(b.text) || (TITLE_PATTERN.test(b.text) && titleLike(b) && b.text.length <= 60)))
      before.push(b);
    else if (titleAt < 0 && b.kind === 'line' && b.text.length < 12 && !/[。；]$/u.test(b.text)) before.push(b);
    else preface.push(b);
  }
  // A title line printed again further on is a page's running header.
  const runningHeader = (b: Block) =>
    b.kind === 'line' && TITLE_PATTERN.test(b.text) && titleLike(b) && b.text.length <= 60;
  const sections: SectionRegion[] = headings.map((h, k) => {
    const end = k + 1 < headings.length ? headings[k + 1].at : blocks.length;
    const region = blocks.slice(h.at + 1, end).filter((b) => !runningHeader(b));
    if (h.rest) region.unshift(line(h.rest, true));
    return { decl: h.decl, heading: h.text, blocks: region };
  });
  const last = sections.length ? sections[sections.length - 1].blocks : preface;
  const sig = findSignature(last);
  let after: Block[];
  let signature: Outline['signature'];
  if (sig) {
    after = last.slice(sig.afterAt);
    signature = { organ: sig.organ, date: sig.date };
    last.length = sig.at;
  } else {
    // No signature: the page's footer still does not belong to the last section.
    let end = last.length;
    while (end > 0 && last[end - 1].kind === 'line' && isChrome((last[end - 1] as Line).text)) end--;
    after = last.splice(end);
  }
  return { before, title, preface, sections, signature, after };
}
