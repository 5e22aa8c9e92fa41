/**
 * Arithmetic: every identity of the format declaration, per column, tolerance 0.
 * Identities are checked in declared order; a total already found wrong stands at its
 * computed value in the later ones, so one wrong cell is reported once.
 */
import { finding } from '../codes';
import { add, eq, formatDec, sub, sum, type Dec } from '../decimal';
import { txt, type Finding, type Fix, type Related } from '../findings';
import { defineRule } from '../rule';
import {
  cellOf,
  equations,
  evaluate,
  sameCell as same,
  type CellRef,
  type Equation,
  type EquationResult,
} from '../tables';

function columnName(r: CellRef): string {
  return r.row.decl.columns[r.col].short;
}

function rowName(r: CellRef): string {
  return `${r.row.decl.number}${r.row.decl.key}`;
}

function toFinding(result: EquationResult, all: Equation[]): Finding {
  const { eq: e, reported, expected } = result;
  const v = (r: CellRef) => formatDec(cellOf(r)!.value!);
  const others = [...e.left, ...e.right].filter((c) => !same(c, e.target));
  const related: Related[] = others.map((c) => ({
    span: cellOf(c)!.span,
    message: txt(`${rowName(c)}（${columnName(c)}）= ${v(c)}`, `${rowName(c)} (${columnName(c)}) = ${v(c)}`),
  }));
  const target = e.target;
  let zh: string;
  let en: string;
  if (e.identity.kind === 'across') {
    const parts = e.left.map(v).join(' + ');
    zh = `${columnName(target)} ${formatDec(reported)} ≠ ${parts} = ${formatDec(expected)}`;
    en = zh;
  } else {
    const terms = (cells: CellRef[], skipZero: boolean) => {
      const shown = cells.filter((c) => !skipZero || cellOf(c)!.value!.units !== 0n);
      return shown.length ? shown.map(v).join(' + ') : '0';
    };
    const leftSum = formatDec(sum(e.left.map((c) => cellOf(c)!.value!)));
    const rightSum = formatDec(sum(e.right.map((c) => cellOf(c)!.value!)));
    if (e.identity.code === 'balance') {
      zh = `勾稽关系不成立（${columnName(target)}列）：一 + 二 = ${terms(e.left, false)} = ${leftSum}，三（七）总计 + 四 = ${terms(e.right, false)} = ${rightSum}；按此${rowName(target)}应为 ${formatDec(expected)}，填的是 ${formatDec(reported)}`;
      en = `balance broken (column ${columnName(target)}): 一 + 二 = ${terms(e.left, false)} = ${leftSum} but 三(七) + 四 = ${terms(e.right, false)} = ${rightSum}; ${rowName(target)} would be ${formatDec(expected)}, not ${formatDec(reported)}`;
    } else {
      const nonZero = terms(e.left, true);
      const note = e.left.length > 1 ? '（非零项）' : '';
      zh = `${rowName(target)}（${columnName(target)}）${formatDec(reported)} ≠ ${nonZero}${note} = ${leftSum}`;
      en = `${rowName(target)} (${columnName(target)}) ${formatDec(reported)} ≠ ${nonZero}${note ? ' (non-zero rows)' : ''} = ${leftSum}`;
    }
  }
  const fixes: Fix[] = [];
  const expectedText = formatDec(expected);
  if (expected.units >= 0n) {
    fixes.push({
      title: txt(`将${columnName(target)}改为 ${expectedText}`, `Set ${columnName(target)} to ${expectedText}`),
      edits: [{ ...cellOf(target)!.span, text: expectedText }],
      preferred: true,
      safe: false,
    });
  }
  const alt = explainingAddend(result, all);
  if (alt) {
    fixes.push({
      title: txt(
        `或将${rowName(alt.cell)}（${columnName(alt.cell)}）改为 ${formatDec(alt.value)}`,
        `Or set ${rowName(alt.cell)} (${columnName(alt.cell)}) to ${formatDec(alt.value)}`,
      ),
      edits: [{ ...cellOf(alt.cell)!.span, text: formatDec(alt.value) }],
      safe: false,
    });
  }
  return finding(e.identity.code, cellOf(target)!.span, txt(zh, en), { related, fixes });
}

/**
 * The one addend whose correction would make this equation and every other equation it
 * takes part in hold, if exactly one exists.
 */
function explainingAddend(result: EquationResult, all: Equation[]): { cell: CellRef; value: Dec } | undefined {
  const e = result.eq;
  const delta = sub(result.reported, result.expected);
  const targetOnLeft = e.left.some((c) => same(c, e.target));
  const candidates = (targetOnLeft ? e.right : e.left).filter((c) => !same(c, e.target));
  const found: { cell: CellRef; value: Dec }[] = [];
  for (const c of candidates) {
    const value = add(cellOf(c)!.value!, delta);
    if (value.units < 0n) continue;
    const holds = all
      .filter((x) => x.left.some((r) => same(r, c)) || x.right.some((r) => same(r, c)))
      .every((x) => {
        const val = (r: CellRef) => (same(r, c) ? value : cellOf(r)!.value!);
        return eq(sum(x.left.map(val)), sum(x.right.map(val)));
      });
    if (holds) found.push({ cell: c, value });
  }
  return found.length === 1 ? found[0] : undefined;
}

const set = (from: string, to: string) => ({ edits: [{ replace: from, with: to }] });

export const arithmeticRule = defineRule({
  id: 'arithmetic',
  group: 'arithmetic',
  codes: ['row-total', 'result-total', 'balance', 'review-total'],
  check({ report }) {
    const out: Finding[] = [];
    for (const table of report.tables.values()) {
      const all = equations(table);
      for (const result of evaluate(table, all)) out.push(toFinding(result, all));
    }
    return out;
  },
  docs: {
    'row-total': {
      about: txt(
        '表格三中，一行的总计不等于六类申请人之和。',
        "In table 三, a row's 总计 is not the sum of its six applicant columns.",
      ),
      wrong: {
        ...set(
          '本年新收政府信息公开申请数量:  [120, 30, 2, 1, 3, 4, 160]',
          '本年新收政府信息公开申请数量: [120, 30, 2, 1, 3, 4, 170]',
        ),
        shown: txt(
          '`本年新收政府信息公开申请数量: [120, 30, 2, 1, 3, 4, 170]`（总计 170 ≠ 120 + 30 + 2 + 1 + 3 + 4 = 160）',
          '`本年新收政府信息公开申请数量: [120, 30, 2, 1, 3, 4, 170]` (总计 170 ≠ 120 + 30 + 2 + 1 + 3 + 4 = 160)',
        ),
      },
      right: set(
        '本年新收政府信息公开申请数量:  [120, 30, 2, 1, 3, 4, 160]',
        '本年新收政府信息公开申请数量: [120, 30, 2, 1, 3, 4, 160]',
      ),
    },
    'result-total': {
      about: txt(
        '表格三中，（七）总计不等于 21 个办理结果行之和（逐列）。',
        'In table 三, （七）总计 is not the sum of the 21 result rows, per column.',
      ),
      wrong: {
        ...set('总计:                        [118, 28, 1, 0, 2, 3, 152]', '总计: [119, 28, 1, 0, 2, 3, 153]'),
        shown: txt(
          '各结果行之和为 118 和 152 时写 `总计: [119, 28, 1, 0, 2, 3, 153]`',
          '`总计: [119, 28, 1, 0, 2, 3, 153]` when the results add up to 118 and 152',
        ),
      },
      right: set('总计:                        [118, 28, 1, 0, 2, 3, 152]', '总计: [118, 28, 1, 0, 2, 3, 152]'),
    },
    balance: {
      about: txt(
        '一 本年新收 + 二 上年结转 ≠ 三（七）总计 + 四 结转下年度继续办理（逐列）。',
        '一 本年新收 + 二 上年结转 ≠ 三（七）总计 + 四 结转下年度继续办理, per column.',
      ),
      wrong: {
        ...set('结转下年度继续办理:            [7, 3, 1, 1, 1, 1, 14]', '结转下年度继续办理: [8, 3, 1, 1, 1, 1, 15]'),
        shown: txt(
          '一 160，二 6，三（七）总计 152，四 `结转下年度继续办理: [8, 3, 1, 1, 1, 1, 15]`',
          '一 160, 二 6, 三（七）总计 152, 四 `结转下年度继续办理: [8, 3, 1, 1, 1, 1, 15]`',
        ),
      },
      right: {
        ...set('结转下年度继续办理:            [7, 3, 1, 1, 1, 1, 14]', '结转下年度继续办理: [7, 3, 1, 1, 1, 1, 14]'),
        shown: txt(
          '`结转下年度继续办理: [7, 3, 1, 1, 1, 1, 14]`（160 + 6 = 152 + 14）',
          '`结转下年度继续办理: [7, 3, 1, 1, 1, 1, 14]` (160 + 6 = 152 + 14)',
        ),
      },
    },
    'review-total': {
      about: txt(
        '表格四中，总计 ≠ 结果维持 + 结果纠正 + 其他结果 + 尚未审结。',
        'In table 四, 总计 ≠ 结果维持 + 结果纠正 + 其他结果 + 尚未审结.',
      ),
      wrong: set('行政复议:           [1, 0, 0, 1, 2]', '行政复议: [1, 0, 0, 1, 1]'),
      right: set('行政复议:           [1, 0, 0, 1, 2]', '行政复议: [1, 0, 0, 1, 2]'),
    },
  },
});
