/**
 * Slips of the pen that evaluations deduct points for: a numbered sequence that skips or
 * repeats a number (一是…三是, （一）（二）（二）, 1. 2. 4.), and a character, a word or a mark
 * typed twice (的的, 审核审核, 。。). Only what is almost always a slip is reported.
 */
import { finding } from '../codes';
import { txt, type Finding, type Fix } from '../findings';
import type { TextBlock } from '../model';
import { parseChineseNumeral } from '../narrative/numbers';
import { TextMemo } from '../memo';
import { defineRule } from '../rule';

type Kind = 'shi' | 'paren' | 'arabic' | 'dun';

interface Marker {
  kind: Kind;
  n: number;
  start: number;
  end: number;
  text: string;
}

const NUMERAL = '[一二三四五六七八九十]+';
/** Where a list item begins: the start of the text or of a line, or after a sentence or clause mark. */
const BEFORE = '(?<=^|[。；：:;！？\\s])';
const MARKERS: { kind: Kind; re: RegExp }[] = [
  // 一是 / 二是 … after a clause mark too ("…；二是…"), never inside a word (统一是).
  { kind: 'shi', re: new RegExp(`(?<=^|[。；：:;，,！？\\s])(${NUMERAL})是`, 'g') },
  // （一）（二）… but not a citation (第二十条第（一）项, （一）项).
  { kind: 'paren', re: new RegExp(`(?<![第条款])[（(](${NUMERAL})[）)](?![项款条目])`, 'g') },
  { kind: 'arabic', re: new RegExp(`${BEFORE}(\\d{1,2})[.、．](?![\\d.])`, 'g') },
  { kind: 'dun', re: new RegExp(`${BEFORE}(${NUMERAL})、`, 'g') },
];

/** What these rules read from a text alone, kept by the text: a keystroke reads one paragraph again. */
const markerMemo = new TextMemo<Marker[]>(1_000_000);
const slipMemo = new TextMemo<Slip[]>(1_000_000);

function markersOf(text: string): Marker[] {
  return markerMemo.get(text, scanMarkers);
}

function scanMarkers(text: string): Marker[] {
  const out: Marker[] = [];
  for (const { kind, re } of MARKERS)
    for (const m of text.matchAll(re)) {
      const n = kind === 'arabic' ? Number(m[1]) : parseChineseNumeral(m[1]);
      if (n === undefined || n < 1 || n > 30) continue;
      out.push({ kind, n, start: m.index!, end: m.index! + m[0].length, text: m[0] });
    }
  return out.sort((a, b) => a.start - b.start);
}

const NAMES: Record<Kind, (n: number) => string> = {
  shi: (n) => `${chinese(n)}是`,
  paren: (n) => `（${chinese(n)}）`,
  arabic: (n) => `${n}.`,
  dun: (n) => `${chinese(n)}、`,
};

function chinese(n: number): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n];
  return `${n >= 20 ? d[Math.floor(n / 10)] : ''}十${d[n % 10]}`;
}

function numbering(block: TextBlock, out: Finding[]): void {
  // Sequences of one kind, each starting again at 1: a later list in the same text may start over.
  const last = new Map<Kind, number>();
  for (const m of markersOf(block.text)) {
    const prev = last.get(m.kind);
    last.set(m.kind, m.n);
    if (m.n === 1 || prev === undefined || m.n === prev + 1) continue;
    const expected = NAMES[m.kind](prev + 1);
    const what =
      m.n === prev
        ? txt(`序号“${m.text}”与上一项重复`, `the number "${m.text}" repeats the one before`)
        : m.n > prev
          ? txt(
              `序号从“${NAMES[m.kind](prev)}”跳到了“${m.text}”`,
              `the numbering skips from "${NAMES[m.kind](prev)}" to "${m.text}"`,
            )
          : txt(
              `序号“${m.text}”排在“${NAMES[m.kind](prev)}”之后`,
              `the number "${m.text}" comes after "${NAMES[m.kind](prev)}"`,
            );
    out.push(
      finding(
        'numbering-sequence',
        { start: block.offsetAt(m.start), end: block.offsetAt(m.end - 1) + 1 },
        txt(`${what['zh-CN']}，此处应为“${expected}”`, `${what.en}; "${expected}" is expected here`),
      ),
    );
  }
}

/**
 * Function words written twice, unless the first one ends a word (目的的, 存在在, 参与与,
 * 针对对): for each, the characters that make such a word with it.
 */
const DOUBLED_CHARS: Record<string, string> = {
  的: '目',
  在: '存所现正实内外潜',
  和: '总温调共',
  与: '参给',
  对: '针相面应核比反绝',
  将: '即必行',
  从: '服听自遵',
  并: '合兼吞',
  按: '',
  被: '',
};
const DOUBLED_CHAR = new RegExp(`([${Object.keys(DOUBLED_CHARS).join('')}])\\1`, 'g');
/** Doubled marks: 。。 ，， 、、 ；； ：：. */
const DOUBLED_MARK = /([。，、；：])\1+/g;
/** A two-character word typed twice: 审核审核. */
const DOUBLED_WORD = /([\u4e00-\u9fff]{2})\1/g;
/** Doublings that are words: 的的确确, 研究研究 (a verb said twice), 一项一项 (one by one). */
const LEGITIMATE = /的的确确|研究研究|讨论讨论|学习学习|商量商量|考虑考虑|检查检查/;

/** Whether a doubling at `at` is a slip rather than a word. */
function isSlip(text: string, at: number, re: RegExp, once: string): boolean {
  if (LEGITIMATE.test(text.slice(Math.max(0, at - 2), at + 2 * once.length + 2))) return false;
  if (re === DOUBLED_CHAR) return !DOUBLED_CHARS[once].includes(text[at - 1] ?? '');
  if (re === DOUBLED_WORD) return !/^[一二三四五六七八九十两几每]/.test(once);
  return true;
}

/** A doubling typed by mistake: where, what is doubled, and its length as written. */
interface Slip {
  at: number;
  once: string;
  length: number;
}

function scanSlips(text: string): Slip[] {
  const out: Slip[] = [];
  const seen = new Set<number>();
  for (const re of [DOUBLED_CHAR, DOUBLED_MARK, DOUBLED_WORD]) {
    for (const m of text.matchAll(re)) {
      const at = m.index!;
      if (seen.has(at) || !isSlip(text, at, re, m[1])) continue;
      seen.add(at);
      out.push({ at, once: m[1], length: m[0].length });
    }
  }
  return out;
}

function repeated(block: TextBlock, out: Finding[]): void {
  const text = block.text;
  for (const { at, once, length } of slipMemo.get(text, scanSlips)) {
    const span = { start: block.offsetAt(at), end: block.offsetAt(at + length - 1) + 1 };
    const written = text.slice(at, at + length);
    const fixes: Fix[] = [];
    // The fix deletes the repetition where the source holds exactly these characters (no escapes).
    if (span.end - span.start === written.length)
      fixes.push({
        title: txt(`删去重复的“${once}”`, `Delete the repeated "${once}"`),
        edits: [{ start: span.start + once.length, end: span.end, text: '' }],
        preferred: true,
        safe: false,
      });
    out.push(
      finding(
        'repeated-word',
        span,
        txt(`“${written}”重复了“${once}”，可能是笔误`, `"${written}" repeats "${once}", likely a slip`),
        { fixes },
      ),
    );
  }
}

const swap = (from: string, to: string) => ({ edits: [{ replace: from, with: to }] });
const SUPERVISION = '将政务公开工作纳入年度绩效考核，开展业务培训 2 次。';

export const wordingRule = defineRule({
  id: 'wording',
  group: 'writing',
  codes: ['numbering-sequence', 'repeated-word'],
  check({ report }) {
    const out: Finding[] = [];
    const blocks = report.preface ? [report.preface, ...report.texts] : report.texts;
    for (const b of blocks) {
      if (!b.node || !b.text.trim()) continue;
      numbering(b, out);
      repeated(b, out);
    }
    return out;
  },
  docs: {
    'numbering-sequence': {
      about: txt(
        '同一段文字中的序号（一是、二是……，（一）（二）……，1. 2. ……，一、二、……）跳号、重号或倒序。一段文字里可以有几组序号，每组从“一”重新开始。',
        'A numbered sequence in one text (一是, 二是…; （一）（二）…; 1. 2. …; 一、二、…) skips, repeats or goes back. A text may hold several lists, each starting again at one.',
      ),
      notFlagged: txt(
        '引用条款的序号（第二十条第（一）项）不是列举；从“二”开始的一组不报告（可能接着上一部分）。',
        'Numbers that cite a clause (第二十条第（一）项) are not a list; a list starting at two is not reported (it may continue the part before).',
      ),
      wrong: swap(SUPERVISION, '一是将政务公开工作纳入年度绩效考核；三是开展业务培训 2 次。'),
      right: swap(SUPERVISION, '一是将政务公开工作纳入年度绩效考核；二是开展业务培训 2 次。'),
    },
    'repeated-word': {
      about: txt(
        '虚词、标点或两字词连写了两遍（的的、审核审核、。。），几乎总是笔误。修复删去重复的部分。',
        'A function word, a mark or a two-character word written twice (的的, 审核审核, 。。): almost always a slip. The fix deletes the repetition.',
      ),
      notFlagged: txt(
        '本来就重叠的词（的的确确、研究研究）、前一个字属于前面的词的情形（目的的、存在在、参与与、针对对）和逐一列举（一项一项）不报告；实词的重叠（常常、年年、层层）和“了了”“为为”等常跨词出现的重叠不检查。',
        'Words doubled by nature (的的确确, 研究研究), a first character that ends the word before it (目的的, 存在在, 参与与, 针对对) and counting one by one (一项一项) are not reported; doubled content words (常常, 年年, 层层) and doublings that often straddle two words (了了, 为为) are not checked.',
      ),
      wrong: swap(SUPERVISION, '将政务公开工作纳入年度的的绩效考核，开展业务培训 2 次。'),
      right: swap(SUPERVISION, '将政务公开工作纳入年度绩效考核，层层压实责任，开展业务培训 2 次。'),
    },
  },
});
