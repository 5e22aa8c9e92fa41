/**
 * Text clean-up shared by every input form. PDF extraction and web editors leave
 * compatibility characters (Kangxi radicals for 一, full-width digits), zero-width
 * characters and page numbers behind; labels and numbers must survive them.
 */

// Compatibility characters mapped one by one with NFKC. Full-width punctuation (，。：（）)
// is left alone: it belongs in Chinese text, and NFKC would turn it into ASCII.
const COMPAT =
  /[\u00a0\u2000-\u200a\u202f\u205f\u2488-\u249b\u2e80-\u2fdf\uf900-\ufaff\uff10-\uff19\uff21-\uff3a]|\ud87e[\udc00-\ude1f]/giu;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/gu;
/**
 * Radicals that PDF text extraction gives for whole simplified characters (增⻓ for 增长,
 * ⼈⺠ for 人民): NFKC maps the Kangxi radicals but not these.
 */
const RADICALS: Record<string, string> = {
  '⺠': '民',
  '⻅': '见',
  '⻆': '角',
  '⻉': '贝',
  '⻋': '车',
  '⻓': '长',
  '⻔': '门',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻝': '食',
  '⻜': '飞',
  '⻢': '马',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻧': '卤',
  '⻨': '麦',
  '⻩': '黄',
  '⻪': '黾',
  '⻬': '齐',
  '⻮': '齿',
  '⻰': '龙',
};
const CONTROL = /[\u0000-\u0008\v\u000e-\u001f\u007f-\u009f]/gu;

/** Cleans a piece of text without changing its meaning or its Chinese punctuation. */
export function cleanText(s: string): string {
  return s
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(COMPAT, (c) => RADICALS[c] ?? c.normalize('NFKC'));
}

/** A CJK ideograph (the characters of labels and narrative). */
export const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007]/u;

/** Joins two fragments of one text broken by a line or page: no space between CJK. */
export function joinFragments(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return /[A-Z0-9,.;:%)]$/i.test(a) && /^[A-Z0-9(]/i.test(b) ? `${a} ${b}` : a + b;
}

const PAGE_DECORATED = [
  /^[-－—–~～_·•\s]*\d{1,4}[-－—–~～_·•\s]*$/u,
  /^第\s*\d{1,4}\s*页(?:\s*(?:[,，/／]\s*)?共\s*\d{1,4}\s*页)?$/u,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/u,
  /^page\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/iu,
];

/** A page number left by PDF extraction ("- 3 -", "第 3 页", "3/12"); `bare` also takes "3". */
export function isPageNumber(text: string, bare: boolean): boolean {
  const t = text.trim();
  if (!t) return false;
  if (/^\d{1,4}$/.test(t)) return bare;
  if (/[-－—–~～_·•]/u.test(t) && PAGE_DECORATED[0].test(t)) return true;
  return PAGE_DECORATED.slice(1).some((re) => re.test(t));
}

/** Sentence-ending punctuation: a line that ends with one may end its paragraph. */
export const TERMINAL = /[。！？；：…!?;:」』）)】]$|[。！？!?][”’"']$/u;

/** Collapses runs of white space inside a line (keeps a leading indent out of it). */
export function squeeze(s: string): string {
  return s.replace(/[ \t\u3000]+/gu, ' ').trim();
}

const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};
// The ideographic space (U+3000) is a space here, not a Chinese character: \\s covers it.
const HAN_CHARS = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\u3001-\\u303f\\uff01-\\uff5e“”‘’';
const HAN = `[${HAN_CHARS}]`;
// A half-width mark before Chinese (after Chinese, a number or %; spaces aside); a bracket with Chinese inside.
// Each lookbehind follows the mark it qualifies: tried at every position, it would scan back
// over the text before it each time (quadratic in a long line without brackets).
const BETWEEN = new RegExp(
  `[,;:?!](?<=[${HAN_CHARS}\\d%]\\s*[,;:?!])(?=\\s*${HAN})|\\((?=\\s*${HAN}[^()]*\\))|\\)(?<=\\([^()]*${HAN}\\s*\\))`,
  'gu',
);

/**
 * Half-width punctuation typed into Chinese sentences (“69 件,其中”) as the full-width marks
 * the text means. Numbers (1,286 or 85.7%) and Latin text keep theirs.
 */
export function chinesePunctuation(text: string): string {
  return text.replace(BETWEEN, (m) => FULL_WIDTH[m] ?? m);
}
