/**
 * This year's report against last year's report of the same organ: the identities between
 * the two years' tables that the format declares (上年结转 = last year's 结转下年度继续办理;
 * 现行有效 = last year's + 制发 − 废止), and growth stated in the text.
 */
import { finding } from '../codes';
import { eq, formatDec, sum, type Dec } from '../decimal';
import { txt, type Finding, type Related } from '../findings';
import { columnByRole, tableSections, type YearIdentityDecl, type YearTerm } from '../format';
import type { Cell, PreviousReport, Report, RowModel } from '../model';
import { checkGrowth, elsewhere, readNarrative } from '../narrative';
import { defineRule, type Example } from '../rule';

interface Term {
  term: YearTerm;
  row: RowModel;
  col: number;
  cell: Cell;
}

function yearIdentities(report: Report, previous: PreviousReport): Finding[] {
  const out: Finding[] = [];
  const py = previous.report.year!;
  for (const decl of tableSections(report.format)) {
    const now = report.tables.get(decl.key);
    const then = previous.report.tables.get(decl.key);
    if (!now || !then) continue;
    for (const identity of decl.yearIdentities) {
      for (const path of identity.rows) {
        const row = now.rows.get(path);
        if (!row) continue;
        const cols = identity.column
          ? [columnByRole(row.decl.columns, identity.column)]
          : row.decl.columns.map((_, i) => i);
        for (const col of cols) {
          const target = row.cells[col];
          if (col < 0 || !target?.value) continue;
          const terms = identity.terms.map((term): Term | undefined => {
            const r = (term.year === 'this' ? now : then).rows.get(term.row ?? path);
            const c = r && (term.column ? columnByRole(r.decl.columns, term.column) : col);
            const cell = r && c !== undefined && c >= 0 ? r.cells[c] : undefined;
            return r && cell?.value ? { term, row: r, col: c!, cell } : undefined;
          });
          if (terms.some((t) => !t)) continue;
          const expected = sum(terms.map((t) => signed(t!.cell.value!, t!.term.sign)));
          if (eq(expected, target.value)) continue;
          out.push(mismatch(identity, row, col, target, terms as Term[], expected, previous, py));
        }
      }
    }
  }
  return out;
}

const signed = (d: Dec, sign: 1 | -1): Dec => (sign > 0 ? d : { units: -d.units, scale: d.scale });

function mismatch(
  identity: YearIdentityDecl,
  row: RowModel,
  col: number,
  target: Cell,
  terms: Term[],
  expected: Dec,
  previous: PreviousReport,
  py: number,
): Finding {
  const column = row.decl.columns[col];
  const a = formatDec(target.value!);
  const e = formatDec(expected);
  const related: Related[] = terms
    .filter((t) => t.term.year === 'previous')
    .map((t) => {
      const v = formatDec(t.cell.value!);
      const what = `${t.row.decl.key}（${t.row.decl.columns[t.col].short}）`;
      return elsewhere(previous, t.cell.span, txt(`${py} 年度：${what}= ${v}`, `${py}: ${what} = ${v}`));
    });
  const note = identity.note ? txt(`（${identity.note['zh-CN']}）`, ` (${identity.note.en})`) : txt('', '');
  const here = `${row.decl.key}（${column.short}）`;
  const [only] = terms;
  if (terms.length === 1 && only.term.year === 'previous' && only.term.sign > 0) {
    // Equal to one cell of last year's table: say which, and offer to write it.
    const there = `${only.row.decl.key}”（${only.row.decl.columns[only.col].short}）`;
    return finding(
      identity.code,
      target.span,
      txt(
        `${here}为 ${a}，${py} 年度报告的“${there}为 ${e}${note['zh-CN']}`,
        `${here} is ${a}, but the ${py} report has "${there} = ${e}${note.en}`,
      ),
      {
        related,
        fixes: [
          {
            title: txt(`改为 ${e}`, `Change to ${e}`),
            edits: [{ ...target.span, text: e }],
            preferred: true,
            safe: false,
          },
        ],
      },
    );
  }
  const sumText = (locale: 'zh-CN' | 'en') =>
    terms
      .map((t, i) => {
        const v = formatDec(t.cell.value!);
        const name =
          t.term.year === 'previous'
            ? locale === 'zh-CN'
              ? `${py} 年的 ${v}`
              : `${py}'s ${v}`
            : locale === 'zh-CN'
              ? `本年${t.row.decl.columns[t.col].short} ${v}`
              : `${t.row.decl.columns[t.col].short} ${v}`;
        return `${i === 0 ? (t.term.sign < 0 ? '−' : '') : t.term.sign < 0 ? ' − ' : ' + '}${name}`;
      })
      .join('');
  const unit = column.unit;
  return finding(
    identity.code,
    target.span,
    txt(
      `${here} ${a} ${unit}，按 ${sumText('zh-CN')} 应为 ${e} ${unit}${note['zh-CN']}`,
      `${here}: ${a}, but ${sumText('en')} = ${e}${note.en}`,
    ),
    { related },
  );
}

const swap = (from: string, to: string, previous = false): Example => ({
  edits: [{ replace: from, with: to, ...(previous ? { in: 'previous' as const } : {}) }],
});

export const acrossYearsRule = defineRule({
  id: 'across-years',
  group: 'cross-year',
  codes: ['cross-year-carryover', 'cross-year-stock', 'cross-year-growth'],
  check({ report, previous }) {
    if (!previous || report.year === undefined || previous.report.year !== report.year - 1) return [];
    const { views, statements } = readNarrative(report);
    return [...yearIdentities(report, previous), ...checkGrowth(report, previous, statements, views)];
  },
  docs: {
    'cross-year-carryover': {
      about: txt(
        '二 上年结转与上年报告的四 结转下年度继续办理不符（逐列）。修复写入上年的数字。',
        "二 上年结转 differs from last year's 四 结转下年度继续办理, per column. The fix writes last year's figure.",
      ),
      notFlagged: txt(
        '只与紧邻的上一年度的报告比较：找到的报告不是上一年度的（如隔了一年）时不比较。两年中任一单元格缺少或不是数字的列不比较（由 cell-not-number 等先报告）。',
        "Only the report of the year just before is compared: a report found for another year (two years back) is not. A column where either year's cell is missing or not a number is not compared (cell-not-number and the like come first).",
      ),
      wrong: {
        ...swap(
          '上年结转政府信息公开申请数量:  [5, 1, 0, 0, 0, 0, 6]',
          '上年结转政府信息公开申请数量: [4, 1, 0, 0, 0, 0, 5]',
        ),
        shown: txt(
          '2023 年 `结转下年度继续办理: [5, 1, 0, 0, 0, 0, 6]` 之后，2024 年写 `上年结转政府信息公开申请数量: [4, 1, 0, 0, 0, 0, 5]`',
          '2024 `上年结转政府信息公开申请数量: [4, 1, 0, 0, 0, 0, 5]` after 2023 `结转下年度继续办理: [5, 1, 0, 0, 0, 0, 6]`',
        ),
      },
      right: swap(
        '上年结转政府信息公开申请数量:  [5, 1, 0, 0, 0, 0, 6]',
        '上年结转政府信息公开申请数量: [5, 1, 0, 0, 0, 0, 6]',
      ),
    },
    'cross-year-stock': {
      about: txt(
        '规章和行政规范性文件的现行有效件数不等于上年的现行有效件数 + 本年制发件数 − 本年废止件数。集中清理文件会合理地打破这一关系：请在正文中说明。',
        "现行有效件数 is not last year's 现行有效件数 + 本年制发件数 − 本年废止件数, for 规章 and 行政规范性文件. A clean-up of documents breaks this legitimately: say so in the text.",
      ),
      notFlagged: txt(
        '只与紧邻的上一年度的报告比较；三个数字中任一个缺少或不是数字时不比较。集中清理打破这一关系时仍会报告：在正文中说明后，可用抑制注释关闭这一处。',
        'Only the report of the year just before is compared; nothing is compared when any of the three figures is missing or not a number. A clean-up that breaks the relation is still reported: once the text explains it, a suppression comment silences that place.',
      ),
      wrong: {
        ...swap('行政规范性文件: [5, 2, 48]', '行政规范性文件: [5, 2, 52]'),
        shown: txt(
          '2023 年 `行政规范性文件: [6, 1, 45]`，2024 年 `行政规范性文件: [5, 2, 52]`（45 + 5 − 2 = 48）',
          '2023 `行政规范性文件: [6, 1, 45]`, 2024 `行政规范性文件: [5, 2, 52]` (45 + 5 − 2 = 48)',
        ),
      },
      right: swap('行政规范性文件: [5, 2, 48]', '行政规范性文件: [5, 2, 48]'),
    },
    'cross-year-growth': {
      about: txt(
        '紧跟在数字后面的变化（“收到政府信息公开申请 160 件，同比增长 28%”“较上年增加 35 件”）与上年同一单元格的数字不符。方向正确时，修复写入算出的变化。表格以外的数字（“门户网站发布信息 1,380 条，同比增长 9.5%”），上年的数字取上年正文在同样的词下给出的那个（只给出一个时）：这种结果为提示，不提供修复。',
        "A change stated right after a figure (`收到政府信息公开申请 160 件，同比增长 28%`, `较上年增加 35 件`) does not follow from last year's figure of the same cells. The fix writes the computed change when the direction is right. For a figure outside the tables (`门户网站发布信息 1,380 条，同比增长 9.5%`), last year's figure is the one last year's text gives under the same words, if it gives exactly one: that finding is information, without a fix.",
      ),
      notFlagged: txt(
        '百分比按所写的小数位四舍五入后相符即可（160 比 126 增长 26.98%，写 27% 不报告）。约数（约 20%、300 余件）、上年为 0 时的百分比不比较。表格以外的数字，上年正文在同样的词下没有给出、或给出了不同的几个数字时，不比较。只与紧邻的上一年度的报告比较。',
        "A percentage agrees when the true change rounds to it at the decimals written (160 against 126 is 26.98%: 27% is not reported). Approximate figures (约 20%, 300 余件) and a percentage on last year's 0 are not compared. For a figure outside the tables, nothing is compared when last year's text gives no figure under the same words, or several different ones. Only the report of the year just before is compared.",
      ),
      wrong: {
        ...swap('同比增长 28%', '同比增长 20%'),
        shown: txt(
          '2023 年一 总计为 125 时，2024 年写 `共收到政府信息公开申请 160 件，同比增长 20%`（应为 28%）',
          "2024 `共收到政府信息公开申请 160 件，同比增长 20%` when 2023's 一 总计 is 125 (+28%)",
        ),
      },
      right: swap('同比增长 28%', '同比增长 28%'),
    },
  },
});
