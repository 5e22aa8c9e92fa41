/**
 * Growth stated in the text ("同比增长 1.05%", "较上年增加 9 件") against last year's report
 * of the same organ. (The identities between the two years' tables are declared in the format
 * and checked by rules/acrossYears.ts.)
 */
import { finding } from '../codes';
import { eq, formatDec, sub, type Dec } from '../decimal';
import { txt, type Finding, type Related, type Span, type Text } from '../findings';
import type { PreviousReport, Report } from '../model';
import { blockViews, docSpan, replaceNumberFix, written, type BlockView } from './blocks';
import { figure } from './figures';
import type { NumberToken } from './numbers';
import { isCountUnit } from './patterns';
import { percentHolds, percentUnits, unitsText } from './ratio';
import { clauseStart } from './segments';
import type { Statement } from './statements';

/** Related information in last year's file (with its URI and range when it can be named). */
export function elsewhere(previous: PreviousReport, span: Span, message: Text): Related {
  const lines = previous.report.lines;
  return previous.uri
    ? {
        span,
        message,
        uri: previous.uri,
        range: { start: lines.positionAt(span.start), end: lines.positionAt(span.end) },
      }
    : { span, message };
}

const GROWTH =
  /(?:同比|较上一?年度?|比上一?年度?|较去年|比去年|与上一?年度?(?:同期)?相比|较\d{4}年度?|比\d{4}年度?)(?:同期)?[，\s]*(增长|增加|上升|提高|多|下降|减少|降低|回落|少)了?约?$/;

export function checkGrowth(
  report: Report,
  previous: PreviousReport,
  statements: Statement[],
  views: BlockView[],
): Finding[] {
  const out: Finding[] = [];
  if (report.year === undefined || previous.report.year !== report.year - 1) return out;
  const py = previous.report.year!;
  const byToken = new Map(statements.map((s) => [s.token, s]));
  let lastYear: Map<string, Said[]> | undefined;
  for (const view of views) {
    view.inSentence.forEach((numbers, si) => {
      for (const token of numbers) {
        if (token.approx || token.percent || !isCountUnit(token.unit)) continue;
        const change = changeAfter(view, si, token);
        if (!change) continue;
        const st = byToken.get(token);
        if (st) {
          // A statement of the tables: last year's figure is the same cells of last year's table.
          if (st.otherYear !== undefined || !st.matched.length) continue;
          const fig = st.matched[0];
          const then = figure(previous.report, fig.table.decl.key, fig.paths, fig.cols);
          if (!then) continue;
          const b = formatDec(then.value);
          const related = [
            elsewhere(
              previous,
              then.cells[0].cell.span,
              txt(`${py} 年度：${then.name['zh-CN']} = ${b}`, `${py}: ${then.name.en} = ${b}`),
            ),
          ];
          const f = judgeChange(report, py, view, token, change, then.value, related);
          if (f) out.push(f);
          continue;
        }
        // Any other figure: the one last year's text gave under the same words, when it gave one.
        const key = labelKey(view, token);
        if (!key) continue;
        lastYear ??= figuresSaid(previous.report);
        const said = lastYear.get(key) ?? [];
        if (!said.length || said.some((x) => !eq(x.token.value, said[0].token.value))) continue;
        const { view: pv, token: pt } = said[0];
        const b = written(pv, pt);
        const related = [
          elsewhere(
            previous,
            docSpan(pv, pt.start, pt.end),
            txt(`${py} 年度报告写的是 ${b} ${pt.unit}`, `the ${py} report says ${b} ${pt.unit}`),
          ),
        ];
        const f = judgeChange(report, py, view, token, change, pt.value, related);
        if (f) {
          // Words in two texts are weaker evidence than cells of two tables.
          f.severity = 'information';
          f.fixes = [];
          out.push(f);
        }
      }
    });
  }
  return out;
}

interface Said {
  view: BlockView;
  token: NumberToken;
}

const LEADING = /^(?:\d{4}年度?|全年度?|本年度?|今年|年内|当年|[共，、：]|累计|总计|合计|全局|本局|我局|本机关|其中)+/;
// Not tried right after one of these words, where no run that ends the text can begin: a long run is scanned once, not from each of its words.
const TRAILING = /(?<![共达为了计])(?:[共达为了计]|累计|达到)+$/;
const COMPARED = /上一?年|去年|同比|较|比上|同期/;

/** The words that name a figure, without time and filler words: "门户网站发布信息". */
function labelKey(view: BlockView, token: NumberToken): string | undefined {
  const lead = view.norm.slice(clauseStart(view.norm, token.start), token.start).replace(/\s+/g, '');
  if (COMPARED.test(lead)) return undefined;
  const key = lead.replace(LEADING, '').replace(TRAILING, '');
  return /[\u4e00-\u9fff]{4}/.test(key) ? `${key}|${token.unit}` : undefined;
}

/** Last year's figures by the words that name them. */
function figuresSaid(report: Report): Map<string, Said[]> {
  const out = new Map<string, Said[]>();
  for (const view of blockViews(report)) {
    for (const token of view.numbers) {
      if (token.approx || token.percent || !isCountUnit(token.unit)) continue;
      const key = labelKey(view, token);
      if (!key) continue;
      const list = out.get(key) ?? [];
      list.push({ view, token });
      out.set(key, list);
    }
  }
  return out;
}

interface Change {
  token: NumberToken;
  up: boolean;
}

/** The change stated right after a number, in its sentence: "69 件，同比增长 15%". */
function changeAfter(view: BlockView, si: number, token: NumberToken): Change | undefined {
  const next = view.inSentence[si].find((t) => t.start > token.start && (t.percent || isCountUnit(t.unit)));
  if (!next || next.approx) return undefined;
  const between = view.norm.slice(token.after, next.start);
  // Nothing between but the comparison: another figure or clause would own the change.
  if (/[。；]/.test(between)) return undefined;
  const lead = view.norm.slice(clauseStart(view.norm, next.start, token.after), next.start).replace(/\s+/g, '');
  const m = GROWTH.exec(lead);
  if (!m) return undefined;
  if (!next.percent && next.unit !== token.unit) return undefined;
  return { token: next, up: /增长|增加|上升|提高|多/.test(m[1]) };
}

function judgeChange(
  report: Report,
  py: number,
  view: BlockView,
  now: NumberToken,
  change: Change,
  before: Dec,
  related: Related[],
): Finding | undefined {
  const diff = sub(now.value, before);
  const stated = change.token.value;
  const signed: Dec = change.up ? stated : { units: -stated.units, scale: stated.scale };
  const shownNow = written(view, now);
  const b = formatDec(before);
  const span = docSpan(view, change.token.start, change.token.end);
  const word = written(view, change.token);
  if (change.token.percent) {
    if (before.units === 0n) return undefined;
    if (percentHolds(signed, diff, before)) return undefined;
    const right = percentUnits(diff, before, change.token.decimals)!;
    const sameDirection = right === 0n || right > 0n === change.up;
    const text = unitsText(right < 0n ? -right : right, change.token.decimals);
    const fix = sameDirection ? replaceNumberFix(report, view, change.token, text, true) : undefined;
    return finding(
      'cross-year-growth',
      span,
      txt(
        `同比变化 ${word}% 与上年数字不符：(${shownNow} − ${b}) ÷ ${b} = ${unitsText(right, change.token.decimals)}%（${py} 年为 ${b}）`,
        `the change ${word}% does not follow from last year's figure: (${shownNow} − ${b}) / ${b} = ${unitsText(right, change.token.decimals)}% (${py}: ${b})`,
      ),
      {
        related,
        fixes: fix ? [fix] : [],
      },
    );
  }
  if (eq(signed, diff)) return undefined;
  const abs = diff.units < 0n ? { units: -diff.units, scale: diff.scale } : diff;
  const sameDirection = diff.units === 0n || diff.units > 0n === change.up;
  const fix = sameDirection ? replaceNumberFix(report, view, change.token, formatDec(abs), true) : undefined;
  return finding(
    'cross-year-growth',
    span,
    txt(
      `同比变化 ${word} ${change.token.unit}与上年数字不符：${shownNow} − ${b} = ${formatDec(diff)}（${py} 年为 ${b}）`,
      `the change ${word} ${change.token.unit} does not follow from last year's figure: ${shownNow} − ${b} = ${formatDec(diff)} (${py}: ${b})`,
    ),
    {
      related,
      fixes: fix ? [fix] : [],
    },
  );
}
