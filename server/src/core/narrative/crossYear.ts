/**
 * This year's report against last year's report of the same organ: 上年结转 against last
 * year's 结转下年度继续办理 (per column), the stock of documents in force (现行有效 =
 * last year's + 制发 − 废止; a clean-up breaks it legitimately, so information only), and
 * growth stated in the text ("同比增长 1.05%", "较上年增加 9 件") against last year's figure.
 */
import { add, eq, formatDec, sub, type Dec } from '../decimal';
import { txt, type Finding, type Related, type Span } from '../findings';
import type { Cell, Report } from '../model';
import { finding } from '../rules/finding';
import { blockViews, docSpan, replaceNumberFix, written, type BlockView } from './blocks';
import { DOCUMENTS, REQUESTS, figure } from './figures';
import type { NumberToken } from './numbers';
import { isCountUnit } from './patterns';
import { percentHolds, percentUnits, unitsText } from './ratio';
import { clauseStart } from './segments';
import type { Statement } from './statements';

/** Last year's report, and where it is (for related information in another file). */
export interface PreviousReport {
  report: Report;
  /** The file's URI; absent when it cannot be named. */
  uri?: string;
}

/** Same organ: names compared without white space and width differences. */
export function sameOrgan(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && organKey(a) === organKey(b);
}

/** What sameOrgan compares: equal keys, same organ (so many reports can be grouped by it). */
export function organKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

export function checkAcrossYears(
  report: Report,
  previous: PreviousReport,
  statements: Statement[],
  views: BlockView[],
): Finding[] {
  const prev = previous.report;
  if (report.year === undefined || prev.year !== report.year - 1) return [];
  return [...carryOver(report, previous), ...stock(report, previous), ...growth(report, previous, statements, views)];
}

function elsewhere(previous: PreviousReport, span: Span, message: ReturnType<typeof txt>): Related {
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

function carryOver(report: Report, previous: PreviousReport): Finding[] {
  const out: Finding[] = [];
  const now = report.tables.get(REQUESTS)?.rows.get('上年结转政府信息公开申请数量');
  const then = previous.report.tables.get(REQUESTS)?.rows.get('结转下年度继续办理');
  if (!now || !then) return out;
  const py = previous.report.year!;
  now.decl.columns.forEach((col, i) => {
    const a = now.cells[i];
    const b = then.cells[i];
    if (!a?.value || !b?.value || eq(a.value, b.value)) return;
    const v = formatDec(b.value);
    out.push(
      finding(
        'cross-year-carryover',
        a.span,
        txt(
          `上年结转（${col.short}）为 ${formatDec(a.value)}，${py} 年度报告的“结转下年度继续办理”（${col.short}）为 ${v}`,
          `carried over (${col.short}) is ${formatDec(a.value)}, but the ${py} report carried ${v} into this year (${col.short})`,
        ),
        {
          related: [
            elsewhere(
              previous,
              b.span,
              txt(
                `${py} 年度：结转下年度继续办理（${col.short}）= ${v}`,
                `${py}: carried into the next year (${col.short}) = ${v}`,
              ),
            ),
          ],
          fixes: [
            {
              title: txt(`改为 ${v}`, `Change to ${v}`),
              edits: [{ ...a.span, text: v }],
              preferred: true,
              safe: false,
            },
          ],
        },
      ),
    );
  });
  return out;
}

function stock(report: Report, previous: PreviousReport): Finding[] {
  const out: Finding[] = [];
  const py = previous.report.year!;
  for (const key of ['规章', '行政规范性文件']) {
    const now = report.tables.get(DOCUMENTS)?.rows.get(key);
    const then = previous.report.tables.get(DOCUMENTS)?.rows.get(key);
    const [issued, repealed, valid] = now?.cells ?? [];
    const before: Cell | undefined = then?.cells[2];
    if (!issued?.value || !repealed?.value || !valid?.value || !before?.value) continue;
    const expected = sub(add(before.value, issued.value), repealed.value);
    if (eq(expected, valid.value)) continue;
    const [b, i, r, e] = [before.value, issued.value, repealed.value, expected].map(formatDec);
    out.push(
      finding(
        'cross-year-stock',
        valid.span,
        txt(
          `${key}现行有效 ${formatDec(valid.value)} 件，按 ${py} 年的 ${b} + 本年制发 ${i} − 废止 ${r} 应为 ${e} 件（如有集中清理请说明）`,
          `${key} in force: ${formatDec(valid.value)}, but ${py}'s ${b} + issued ${i} − repealed ${r} = ${e} (explain a clean-up if there was one)`,
        ),
        {
          related: [
            elsewhere(previous, before.span, txt(`${py} 年度：${key}现行有效 = ${b}`, `${py}: ${key} in force = ${b}`)),
          ],
        },
      ),
    );
  }
  return out;
}

const GROWTH =
  /(?:同比|较上一?年度?|比上一?年度?|较去年|比去年|与上一?年度?(?:同期)?相比|较\d{4}年度?|比\d{4}年度?)(?:同期)?[，\s]*(增长|增加|上升|提高|多|下降|减少|降低|回落|少)了?约?$/;

function growth(report: Report, previous: PreviousReport, statements: Statement[], views: BlockView[]): Finding[] {
  const out: Finding[] = [];
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
