/**
 * Years in the text: the statistics period stated in prose against 统计期限, the plans of
 * section 五 for the year after 年度, and this year's figures or facts written under
 * another year (text copied from last year's report).
 */
import { compareDates, formatIso, type SimpleDate } from '../dates';
import { txt, type Finding, type Fix } from '../findings';
import type { Report } from '../model';
import { finding } from '../codes';
import { docSpan, replaceNumberFix, replaceTextFix, written, type BlockView, type TextReading } from './blocks';
import { memoize } from '../memo';
import { writeLike, type NumberToken } from './numbers';
import type { Statement } from './statements';

const DATE = '(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日';
const SECOND_DATE = '(\\d{4}\\s*年\\s*)?(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日';
const PERIOD = new RegExp(
  `(?:统计期限|统计时限|统计时间|统计周期|统计区间|数据统计)[^。]{0,16}?${DATE}\\s*(?:起\\s*)?[至到—－\\-~～]+\\s*${SECOND_DATE}`,
  'dg',
);

/** A plan: 将 as the future tense (not 将 = 把, "将…纳入"), 拟, 力争. */
const FUTURE =
  /将(?:继续|进一步|持续|着力|着重|重点|不断|全面|切实|加强|加大|深化|推动|推进|围绕|聚焦|做好|坚持|积极|认真|扎实|大力|严格|强化|建立|完善|紧扣|紧紧|按照|以)|拟|力争|打算|着重做好以下|重点做好以下/;
const PLAN_START =
  /^[，、：\s]*(?:(?:[（(]?[一二三四五六七八九十\d]+[）)、.]|[一二三四五六七八九十]+是)[，、：\s]*)?(?:(?:下一步|新的一年|今后)[，、：\s]*)?(\d{4})\s*年度?(?![\s\d]*月)/d;
const REPORT_TITLE = /(\d{4})\s*年度?\s*(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告/dg;
const OTHER_REPORT = /基础|对比|相比|比较|对照|参照|上年|去年|往年|以往|历年|较/;
const FEES = /(\d{4})\s*年度?[^，。；\d]{0,12}?(?:[未无共]|没有|累计)?(?:收取|产生)[^，。；]{0,16}?处理费/dg;

/** The years the texts state: their statistics period, their plans, their title and fees statement. */
export function checkYears(report: Report, views: BlockView[]): Finding[] {
  const out: Finding[] = [];
  const y = report.year;
  for (const view of views) {
    out.push(...periods(report, view));
    if (y === undefined) continue;
    if (view.block.section?.role === 'problems') out.push(...plans(report, view, y));
    if (view.block === report.preface)
      out.push(...stale(report, view, y, REPORT_TITLE, txt('报告名称', 'the report title')));
    if (view.block.section?.role === 'otherMatters')
      out.push(...stale(report, view, y, FEES, txt('信息处理费情况', 'the statement on fees')));
  }
  return out;
}

/** This year's figures (those of the tables) written under another year. */
export function checkStaleFigures(report: Report, statements: Statement[]): Finding[] {
  return report.year === undefined ? [] : staleFigures(report, statements, report.year);
}

function expectedPeriod(report: Report): { start: SimpleDate; end: SimpleDate } | undefined {
  const y = report.year;
  const ok = (d: typeof report.signed) => (d?.parsed.ok ? d.parsed.date : undefined);
  const start = ok(report.period?.start) ?? (y !== undefined ? { year: y, month: 1, day: 1 } : undefined);
  const end = ok(report.period?.end) ?? (y !== undefined ? { year: y, month: 12, day: 31 } : undefined);
  return start && end ? { start, end } : undefined;
}

/** Per text: the statistics periods it states, with where each date is written. */
const statedPeriods = memoize((view: TextReading) =>
  [...view.norm.matchAll(PERIOD)].map((m) => {
    const idx = m.indices!;
    const start = { year: +m[1], month: +m[2], day: +m[3] };
    const end = { year: m[4] ? parseInt(m[4], 10) : start.year, month: +m[5], day: +m[6] };
    const dayEnd = (g: number) => view.norm.indexOf('日', idx[g]![1]) + 1;
    return {
      start,
      startAt: [idx[1]![0], dayEnd(3)],
      end,
      endAt: [(idx[4] ?? idx[5])![0], dayEnd(6)],
      endHasYear: !!m[4],
    };
  }),
);

function periods(report: Report, view: BlockView): Finding[] {
  const said = statedPeriods(view.reading);
  if (!said.length) return [];
  const want = expectedPeriod(report);
  if (!want) return [];
  const out: Finding[] = [];
  for (const p of said) {
    const dates: [SimpleDate, SimpleDate, number, number, boolean][] = [
      [p.start, want.start, p.startAt[0], p.startAt[1], true],
      [p.end, want.end, p.endAt[0], p.endAt[1], p.endHasYear],
    ];
    for (const [stated, expected, from, to, hasYear] of dates) {
      if (compareDates(stated, expected) === 0) continue;
      const original = view.text.slice(from, to);
      const values = hasYear ? [expected.year, expected.month, expected.day] : [expected.month, expected.day];
      let i = 0;
      // Each figure of the date rewritten in its own width (２０２４ stays full-width).
      const replacement = original.replace(/\d+|[０-９]+/g, (d) =>
        writeLike({ wide: /[０-９]/.test(d), grouped: false }, String(values[i++])),
      );
      const fixable = hasYear || expected.year === stated.year;
      const fix = fixable ? replaceTextFix(report, view, from, to, replacement, true) : undefined;
      out.push(
        finding(
          'narrative-period',
          docSpan(view, from, to),
          txt(
            `正文所写统计期限的日期“${original}”与统计期限 ${formatIso(want.start)} 至 ${formatIso(want.end)} 不符`,
            `the text states the period with "${original}", but 统计期限 is ${formatIso(want.start)} to ${formatIso(want.end)}`,
          ),
          {
            fixes: fix ? [fix] : [],
          },
        ),
      );
    }
  }
  return out;
}

function plans(report: Report, view: BlockView, y: number): Finding[] {
  const out: Finding[] = [];
  for (const s of view.sentences) {
    const text = view.norm.slice(s.start, s.end);
    const m = PLAN_START.exec(text);
    if (!m || !FUTURE.test(text.slice(m[0].length))) continue;
    const year = +m[1];
    if (year > y) continue;
    const at = s.start + m.indices![1]![0];
    const token = yearToken(view, at);
    const fix = token ? replaceNumberFix(report, view, token, String(y + 1), true) : undefined;
    out.push(
      finding(
        'narrative-plan-year',
        docSpan(view, at, at + 4),
        txt(
          `${y} 年度报告的改进计划应针对 ${y + 1} 年，这里写的是 ${year} 年`,
          `the plans of a ${y} report are for ${y + 1}, not ${year}`,
        ),
        { fixes: fix ? [fix] : [] },
      ),
    );
  }
  return out;
}

function stale(report: Report, view: BlockView, y: number, re: RegExp, what: ReturnType<typeof txt>): Finding[] {
  const out: Finding[] = [];
  for (const m of view.norm.matchAll(re)) {
    const year = +m[1];
    if (year === y) continue;
    const at = m.indices![1]![0];
    // Another year's report named as such: "在《2023 年…年度报告》的基础上", "与上年度报告相比".
    const around =
      view.norm.slice(Math.max(0, at - 8), at) + view.norm.slice(m.index! + m[0].length, m.index! + m[0].length + 12);
    if (OTHER_REPORT.test(around)) continue;
    out.push(yearFinding(report, view, at, year, y, what));
  }
  return out;
}

/** Sentences that put this year's figures (equal to the table's) under another year. */
function staleFigures(report: Report, statements: Statement[], y: number): Finding[] {
  const out: Finding[] = [];
  const earlier = statements.filter(
    (st): st is Statement & { yearToken: NumberToken; otherYear: number } =>
      st.yearToken !== undefined && typeof st.otherYear === 'number' && st.otherYear < y,
  );
  // Most reports put no figure under an earlier year: nothing to index.
  if (!earlier.length) return out;
  // A year written once per block: blocks of the same text share their tokens, so by block and start.
  const done = new Set<string>();
  const thisYear = new Set(
    statements.filter((s) => s.otherYear === undefined).map((s) => `${s.spec.id}@${s.view.block.keySpan.start}`),
  );
  for (const st of earlier) {
    const yt = st.yearToken;
    if (done.has(`${yt.start}@${st.view.block.keySpan.start}`)) continue;
    if (!st.matched.length || st.token.value.units === 0n || st.spec.kind === 'carried') continue;
    // The same figure stated for the report's year as well: a comparison, not a slip.
    if (thisYear.has(`${st.spec.id}@${st.view.block.keySpan.start}`)) continue;
    done.add(`${yt.start}@${st.view.block.keySpan.start}`);
    const what = txt(
      `${st.spec.name} ${written(st.view, st.token)} ${st.token.unit}（与本年度表格相符）`,
      `${st.spec.name} ${written(st.view, st.token)} ${st.token.unit} (as in this year's table)`,
    );
    out.push(yearFinding(report, st.view, yt.start, st.otherYear, y, what));
  }
  return out;
}

function yearFinding(
  report: Report,
  view: BlockView,
  at: number,
  year: number,
  y: number,
  what: ReturnType<typeof txt>,
): Finding {
  const token = yearToken(view, at);
  const fixes: Fix[] = [];
  const fix = token && replaceNumberFix(report, view, token, String(y), true);
  if (fix) fixes.push(fix);
  return finding(
    'narrative-year',
    docSpan(view, at, at + 4),
    txt(
      `${what['zh-CN']}写在 ${year} 年名下，本报告是 ${y} 年度`,
      `${what.en} is written under ${year}; this report is for ${y}`,
    ),
    { fixes },
  );
}

function yearToken(view: BlockView, at: number): NumberToken | undefined {
  return view.numbers.find((t) => t.start === at);
}
