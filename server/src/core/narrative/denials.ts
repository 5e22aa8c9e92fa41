/**
 * "未收到因政府信息公开引发的行政复议和行政诉讼案件" against table 四: a sentence that says
 * there were none, above a table that lists some.
 */
import { formatDec } from '../decimal';
import { txt, type Finding } from '../findings';
import type { Report } from '../model';
import { finding } from '../rules/finding';
import { docSpan, type BlockView, type TextReading } from './blocks';
import { derived } from './memo';
import { REVIEWS, figure, relatedCells, type Figure } from './figures';

const KIND = '(行政复议|行政诉讼)';
const AND = '(?:[和及或与、]|以及)\\s*(?:(?:被提起|提起|被申请|申请)\\s*)?';
const SECOND = `(?:\\s*(?:(?:申请|案件)\\s*)?${AND}(?:行政)?(复议|诉讼))?`;
/** 未/没有/无 … 行政复议 [和 行政诉讼]: the gap holds no number and no clause break. */
const BEFORE = new RegExp(
  `(?:未|没有|无|不存在)(?:\\s*(?:收到|发生|出现|产生|有|涉及|办理|被))*([^，。；！？\\d]{0,24}?)${KIND}${SECOND}`,
  'dg',
);
/** 行政复议 [和 行政诉讼] … 均为 0 / 均未发生. */
const AFTER = new RegExp(
  `${KIND}${SECOND}(?:案件|情况|数量|数)?\\s*(?:[均都皆也]\\s*)?(?:为\\s*[0零](?![.\\d])|未发生|没有发生|未收到|没有)`,
  'dg',
);
/** Words that make the sentence deny something else about the cases (corrections, losses). */
const ABOUT_OUTCOMES = /纠错|纠正|败诉|撤销|确认违法|被判|维持|审结|结果|决定|起诉后|经复议/;

export function checkDenials(report: Report, views: BlockView[]): Finding[] {
  const out: Finding[] = [];
  const review = figure(report, REVIEWS, ['行政复议'], [4]);
  const litigation = figure(report, REVIEWS, ['行政诉讼'], [4]);
  for (const view of views) {
    let sentence = -1;
    let seen = new Set<number>();
    for (const d of deniedOf(view.reading)) {
      if (d.sentence !== sentence) {
        sentence = d.sentence;
        seen = new Set();
      }
      const fig = /复议/.test(d.kind) ? review : litigation;
      if (!fig || fig.value.units === 0n) continue;
      if (seen.has(d.at)) continue;
      seen.add(d.at);
      out.push(denial(view, d.at, d.kind, fig));
    }
  }
  return out;
}

/** Per text: where it says there was no 行政复议 or 行政诉讼, by sentence, whatever table 四 says. */
const deniedOf = derived((view: TextReading) => {
  const out: { sentence: number; at: number; kind: string }[] = [];
  view.sentences.forEach((sentence, si) => {
    const text = view.norm.slice(sentence.start, sentence.end);
    if (!/信息公开|依申请/.test(text)) return;
    for (const re of [BEFORE, AFTER]) {
      for (const m of text.matchAll(re)) {
        const gap = re === BEFORE ? m[1] : '';
        const clauseRest = text.slice(m.index! + m[0].length).split(/[，。；]/)[0];
        if (ABOUT_OUTCOMES.test(gap) || ABOUT_OUTCOMES.test(clauseRest)) continue;
        const groups = re === BEFORE ? [2, 3] : [1, 2];
        for (const g of groups) {
          const kind = m[g];
          if (!kind) continue;
          let at = sentence.start + m.indices![g]![0];
          if (kind.length === 2 && view.norm.slice(at - 2, at) === '行政') at -= 2;
          out.push({ sentence: si, at, kind });
        }
      }
    }
  });
  return out;
});

function denial(view: BlockView, at: number, kind: string, fig: Figure): Finding {
  const word = kind.length === 2 ? `行政${kind}` : kind;
  const length = view.norm.startsWith(word, at) ? word.length : kind.length;
  const v = formatDec(fig.value);
  return finding(
    'narrative-reviews',
    docSpan(view, at, at + length),
    txt(
      `正文说没有${word}，但${fig.name['zh-CN']}为 ${v}`,
      `the text says there was no ${word}, but ${fig.name.en} is ${v}`,
    ),
    { related: relatedCells(fig) },
  );
}
