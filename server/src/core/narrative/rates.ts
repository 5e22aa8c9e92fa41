/**
 * Rates in the text against the counts they come from: "收到 2819 件，办结 2348 件，办结率
 * 85.7%" (a named rate: the count named like the rate over a count before it) and "其中自然人
 * 67 件，占 97.1%" (a share of a stated total). Right when equal to the ratio rounded to the
 * decimals written; cut off instead of rounded is a lesser finding.
 */
import { txt, type Finding, type Related } from '../findings';
import { finding } from '../codes';
import { docSpan, replaceNumberFix, written, type BlockView, type TextReading } from './blocks';
import { memoize } from '../memo';
import type { NumberToken } from './numbers';
import { isCountUnit } from './patterns';
import { percentHolds, percentTruncates, percentUnits, unitsText } from './ratio';
import { CLAUSE_REACH, clauseStart } from './segments';
import type { Report } from '../model';
import { add, sub } from '../decimal';

/** "办结率为", "按时答复率达到": the stem before 率. */
const NAMED = /([\u4e00-\u9fff]{1,8}?)率(?:[为达是]|达到|均为|保持在?|约为)?$/;
const SHARE = /^(?:申请|的)?(?:占比?|所占比例|比例)(?:[\u4e00-\u9fff]{0,12}?的)?(?:比例|比重)?(?:为|达|约为|达到)?$/;
const TOTAL_LABEL = /共|总|合计|累计/;
/** Rates that are not a ratio of counts in the sentence. */
const NOT_A_RATIO = /满意|知晓|增长|下降|覆盖|准确|完成|达标|合格|回访|参与|利用/;

interface Reading {
  numerator: NumberToken;
  bases: NumberToken[];
  /** One numerator named exactly and one possible base: the finding can be a warning with a fix. */
  certain: boolean;
  /** Other numerators the rate may be over (several counts named like the rate). */
  numerators: NumberToken[];
  name: string;
}

/** A finding the text alone calls for, made once the report says where the block is. */
type Deferred = (report: Report, view: BlockView) => Finding;

export function checkRates(report: Report, views: BlockView[]): Finding[] {
  const out: Finding[] = [];
  for (const view of views) for (const make of problemsOf(view.reading)) out.push(make(report, view));
  return out;
}

/**
 * How many counts before a rate, in its sentence, it is read against: more than any real
 * sentence has, and a bound on the work per rate, so that a sentence of many rates and
 * counts costs its length, not its square.
 */
const COUNTS_BEFORE = 32;

/** Per text: whether its rates hold does not depend on the tables. */
const problemsOf = memoize((view: TextReading): Deferred[] => {
  const out: Deferred[] = [];
  view.sentences.forEach((sentence, si) => {
    // The counts before each rate, gathered once as the sentence is read (not filtered again per rate).
    const before: NumberToken[] = [];
    let approx = false;
    for (const pct of view.inSentence[si]) {
      if (!pct.percent) {
        if (isCountUnit(pct.unit)) {
          before.push(pct);
          approx ||= pct.approx;
        }
        continue;
      }
      if (pct.approx || approx) continue;
      const lead = view.norm.slice(clauseStart(view.norm, pct.start, sentence.start), pct.start).replace(/\s+/g, '');
      const counts = before.slice(-COUNTS_BEFORE);
      const growth = explicitGrowth(view, pct, counts);
      if (growth !== undefined) {
        if (growth) out.push(growth);
        continue;
      }
      const reading = namedRate(view, lead, counts) ?? share(view, pct, counts, sentence.start);
      if (reading) {
        const f = judge(view, pct, reading);
        if (f) out.push(f);
      }
    }
  });
  return out;
});

function leadOf(view: TextReading, t: NumberToken): string {
  return view.norm.slice(clauseStart(view.norm, t.start), t.start).replace(/\s+/g, '');
}

function namedRate(view: TextReading, lead: string, counts: NumberToken[]): Reading | undefined {
  const m = NAMED.exec(lead);
  if (!m) return undefined;
  const stem = m[1].replace(/^(?:[的其总]|综合|整体|平均|全年)+/, '');
  if (!stem || NOT_A_RATIO.test(stem)) return undefined;
  const exact = counts.filter((t) => leadOf(view, t).includes(stem));
  const short = stem.slice(-2);
  const loose = exact.length ? exact : counts.filter((t) => leadOf(view, t).includes(short));
  if (!loose.length) return undefined;
  const numerator = loose[loose.length - 1];
  const bases = counts.filter((t) => t.start < numerator.start && t.unit === numerator.unit && !loose.includes(t));
  if (!bases.length) return undefined;
  return { numerator, bases, certain: exact.length === 1 && bases.length === 1, numerators: loose, name: `${stem}率` };
}

function share(view: TextReading, pct: NumberToken, counts: NumberToken[], sentenceStart: number): Reading | undefined {
  const numerator = counts[counts.length - 1];
  if (!numerator) return undefined;
  // The share is that of the count right before it: "自然人 67 件，占 97.1%" (not one a clause or more away).
  if (pct.start - numerator.after > CLAUSE_REACH) return undefined;
  const tail = view.norm.slice(numerator.after, pct.start).replace(/[\s，、]/g, '');
  if (!SHARE.test(tail)) return undefined;
  const before = counts.filter((t) => t.start < numerator.start && t.unit === numerator.unit);
  // The whole is a total the sentence states: the count before 其中, or a first count named
  // as a total (共…, 合计…). Parts listed one after another ("网络提交 102 件，占 63.8%；信函
  // 40 件，占 25%") are shares of a total stated elsewhere.
  const qizhong = view.norm.lastIndexOf('其中', numerator.start);
  const first = before[0];
  const total =
    qizhong >= sentenceStart
      ? before.filter((t) => t.start < qizhong).pop()
      : first && TOTAL_LABEL.test(leadOf(view, first))
        ? first
        : undefined;
  if (!total) return undefined;
  return { numerator, bases: [total], certain: true, numerators: [numerator], name: '占比' };
}

function judge(view: TextReading, pct: NumberToken, r: Reading): Deferred | undefined {
  const stated = pct.value;
  const numerators = [r.numerator.value];
  if (r.numerators.length > 1) numerators.push(r.numerators.map((t) => t.value).reduce(add));
  const bases = r.bases.map((t) => t.value);
  if (r.bases.length > 1) bases.push(r.bases.map((t) => t.value).reduce(add));
  for (const n of numerators) for (const b of bases) if (percentHolds(stated, n, b)) return undefined;
  const base = r.bases[0];
  const computed = percentUnits(r.numerator.value, base.value, pct.decimals);
  if (computed === undefined) return undefined;
  const right = unitsText(computed, pct.decimals);
  const num = written(view, r.numerator);
  const den = written(view, base);
  const shown = written(view, pct);
  const truncated = percentTruncates(stated, r.numerator.value, base.value);
  return (report, block) => {
    const related: Related[] = [
      { span: docSpan(block, r.numerator.start, r.numerator.end), message: txt(`分子 ${num}`, `numerator ${num}`) },
      { span: docSpan(block, base.start, base.end), message: txt(`分母 ${den}`, `denominator ${den}`) },
    ];
    const fix = replaceNumberFix(report, block, pct, right, true);
    const span = docSpan(block, pct.start, pct.end);
    if (truncated) {
      return finding(
        'narrative-rate-truncated',
        span,
        txt(
          `${r.name} ${shown}% 是截断值：${num} ÷ ${den} 四舍五入为 ${right}%`,
          `${r.name} ${shown}% is cut off, not rounded: ${num} / ${den} rounds to ${right}%`,
        ),
        { related, fixes: fix ? [fix] : [] },
      );
    }
    const f = finding(
      'narrative-rate',
      span,
      txt(
        `${r.name} ${shown}% 与其数字不符：${num} ÷ ${den} = ${right}%`,
        `${r.name} ${shown}% does not follow from its counts: ${num} / ${den} = ${right}%`,
      ),
      { related, fixes: r.certain && fix ? [fix] : [] },
    );
    if (!r.certain) f.severity = 'information';
    return f;
  };
}

const BASE_BEFORE = /[较比与](?:上一?年度?|去年|\d{4}年度?)(?:同期)?的?$/;
const CHANGE_BETWEEN = /^(?:相比)?(?:增长|增加|上升|提高|下降|减少|降低|回落)了?约?$/;

/**
 * A change against a figure the sentence itself gives: "收到申请 160 件，较 2023 年的 140 件
 * 增长 14.3%". Undefined when the sentence is not of this form, null when the change holds.
 */
function explicitGrowth(view: TextReading, pct: NumberToken, counts: NumberToken[]): Deferred | null | undefined {
  const base = counts[counts.length - 1];
  if (!base || pct.start - base.after > CLAUSE_REACH) return undefined;
  const between = view.norm.slice(base.after, pct.start).replace(/\s+/g, '');
  if (!CHANGE_BETWEEN.test(between)) return undefined;
  const lead = view.norm.slice(clauseStart(view.norm, base.start), base.start).replace(/\s+/g, '');
  if (!BASE_BEFORE.test(lead)) return undefined;
  const now = counts.filter((t) => t.start < base.start && t.unit === base.unit).pop();
  if (!now || base.value.units === 0n) return null;
  const up = /增长|增加|上升|提高/.test(between);
  const diff = sub(now.value, base.value);
  const stated = up ? pct.value : { units: -pct.value.units, scale: pct.value.scale };
  if (percentHolds(stated, diff, base.value)) return null;
  const right = percentUnits(diff, base.value, pct.decimals)!;
  const text = unitsText(right < 0n ? -right : right, pct.decimals);
  const sameDirection = right === 0n || right > 0n === up;
  const [a, b, shown] = [written(view, now), written(view, base), written(view, pct)];
  return (report, block) => {
    const fix = sameDirection ? replaceNumberFix(report, block, pct, text, true) : undefined;
    const related: Related[] = [
      { span: docSpan(block, now.start, now.end), message: txt(`本期 ${a}`, `this period ${a}`) },
      { span: docSpan(block, base.start, base.end), message: txt(`上期 ${b}`, `last period ${b}`) },
    ];
    return finding(
      'narrative-rate',
      docSpan(block, pct.start, pct.end),
      txt(
        `变化幅度 ${shown}% 与其数字不符：(${a} − ${b}) ÷ ${b} = ${unitsText(right, pct.decimals)}%`,
        `the change ${shown}% does not follow from its figures: (${a} − ${b}) / ${b} = ${unitsText(right, pct.decimals)}%`,
      ),
      {
        related,
        fixes: fix ? [fix] : [],
      },
    );
  };
}
