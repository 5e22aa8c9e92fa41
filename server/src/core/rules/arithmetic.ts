/**
 * Arithmetic: every identity of the format declaration, per column, tolerance 0.
 * Identities are checked in declared order; a total already found wrong stands at its
 * computed value in the later ones, so one wrong cell is reported once.
 */
import { finding } from '../codes';
import { add, cmp, eq, formatDec, sub, sum, type Dec } from '../decimal';
import { txt, type Finding, type Fix, type Related } from '../findings';
import { itemNumbering } from '../format';
import { defineRule } from '../rule';
import {
  arithmeticOf,
  cellOf,
  sameCell as same,
  type CellRef,
  type Culprit,
  type Equation,
  type EquationResult,
} from '../tables';

function columnName(r: CellRef): string {
  return r.row.decl.columns[r.col].short;
}

function rowName(r: CellRef): string {
  return `${r.row.decl.number}${r.row.decl.key}`;
}

/**
 * A `down` identity that does not hold, in the words of the form and with the figures it was
 * evaluated with: "已办理和结转下年度的申请共 15 件（三（七）15 + 四 0），多于本年新收和上年结转
 * 的申请 12 件（一 12 + 二 0）". What the target would have to be is said only when that is a
 * count (never a negative one).
 */
function balanceMessage(result: EquationResult): { zh: string; en: string } {
  const { eq: e, expected } = result;
  if (e.identity.kind !== 'down') throw new Error('not a down identity');
  const { sides } = e.identity;
  const table = e.table.decl;
  const col = columnName(e.target);
  const unit = e.target.row.decl.columns[e.target.col].unit;
  // Rows of one declared item (a group's rows) are summed under the item's numbering.
  const side = (paths: string[], cells: CellRef[], values: Dec[]) => {
    const parts = paths.map((p) => {
      const idx = cells
        .map((c, i) => (c.row.path === p || c.row.path.startsWith(p + '/') ? i : -1))
        .filter((i) => i >= 0);
      return { name: itemNumbering(table, p), value: sum(idx.map((i) => values[i])) };
    });
    const total = sum(values);
    // Many terms: the non-zero ones are enough to see the sum.
    const shown = parts.length > 4 ? parts.filter((p) => p.value.units !== 0n) : parts;
    const terms = shown.length > 1 ? shown.map((p) => `${p.name} ${formatDec(p.value)}`).join(' + ') : '';
    return { total, terms };
  };
  const left = side(e.identity.left, e.left, result.leftValues);
  const right = side(e.identity.right, e.right, result.rightValues);
  const more = cmp(right.total, left.total) > 0;
  const target = `${itemNumbering(table, e.target.row.path)}“${e.target.row.decl.key}”`;
  // A target already found wrong by an earlier identity (its row's 总计) is counted at the value
  // worked out there: said where it is counted, since the table prints another.
  const onRight = e.right.some((c) => same(c, e.target));
  const values = onRight ? result.rightValues : result.leftValues;
  const counted = values[(onRight ? e.right : e.left).findIndex((c) => same(c, e.target))];
  const note =
    counted !== undefined && !eq(counted, result.reported)
      ? {
          zh: `${target}表中填 ${formatDec(result.reported)}，按算出的 ${formatDec(counted)} 计`,
          en: `${target} printed as ${formatDec(result.reported)}, counted at the ${formatDec(counted)} worked out`,
        }
      : undefined;
  const part = (s: { total: Dec; terms: string }, zh: boolean, withNote: boolean) => {
    const inner = [s.terms, withNote && note ? note[zh ? 'zh' : 'en'] : ''].filter((x) => x).join(zh ? '；' : '; ');
    return `${formatDec(s.total)}${zh ? ` ${unit}` : ''}${inner ? (zh ? `（${inner}）` : ` (${inner})`) : ''}`;
  };
  const would = expected.units >= 0n;
  const zh =
    `${col}列：${sides.right['zh-CN']}共 ${part(right, true, onRight)}，${more ? '多于' : '少于'}${sides.left['zh-CN']} ${part(left, true, !onRight)}` +
    (would ? `；如其他数字无误，${target}应为 ${formatDec(expected)}` : '');
  const en =
    `column ${col}: ${sides.right.en} ${part(right, false, onRight)} are ${more ? 'more' : 'fewer'} than ${sides.left.en} ${part(left, false, !onRight)}` +
    (would ? `; if the other figures are right, ${target} would be ${formatDec(expected)}` : '');
  return { zh, en };
}

/** What an identity checks, in the words of the form: "本行的总计", "已办理和结转下年度的申请与本年新收和上年结转的申请". */
function identityName(r: EquationResult): { zh: string; en: string } {
  const i = r.eq.identity;
  const row = itemNumbering(r.eq.table.decl, r.eq.target.row.path);
  if (i.kind === 'across')
    return { zh: `${row}行的${columnName(r.eq.target)}`, en: `the ${columnName(r.eq.target)} of row ${row}` };
  const col = columnName(r.eq.target);
  return {
    zh: `${i.sides.right['zh-CN']}与${i.sides.left['zh-CN']}（${col}列）`,
    en: `${i.sides.right.en} against ${i.sides.left.en} (column ${col})`,
  };
}

/** One cell that breaks several identities: one finding on it, with the value that makes them all hold. */
function culpritFinding(c: Culprit): Finding {
  // The identities the cell takes part in (the others failed only through a total they feed).
  const own = c.explains.filter((r) => [...r.eq.left, ...r.eq.right].some((x) => same(x, c.cell)));
  const names = own.map(identityName);
  const [reported, value] = [formatDec(c.reported), formatDec(c.value)];
  const here = `${rowName(c.cell)}（${columnName(c.cell)}）`;
  const related: Related[] = own.map((r, i) => ({
    span: cellOf(r.eq.target)!.span,
    message: txt(`不成立：${names[i].zh}`, `broken: ${names[i].en}`),
  }));
  return finding(
    c.explains[0].eq.identity.code,
    cellOf(c.cell)!.span,
    txt(
      `${here}填的是 ${reported}，使 ${names.length} 处勾稽关系不成立（${names.map((n) => n.zh).join('；')}）；改为 ${value} 则都成立`,
      `${here} is ${reported}, which breaks ${names.length} identities (${names.map((n) => n.en).join('; ')}); ${value} makes them all hold`,
    ),
    {
      related,
      fixes: [
        {
          title: txt(`将${columnName(c.cell)}改为 ${value}`, `Set ${columnName(c.cell)} to ${value}`),
          edits: [{ ...cellOf(c.cell)!.span, text: value }],
          preferred: true,
          safe: false,
        },
      ],
    },
  );
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
    ({ zh, en } = balanceMessage(result));
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
      const { all, failures, culprits } = arithmeticOf(table);
      for (const c of culprits) out.push(culpritFinding(c));
      for (const result of failures) out.push(toFinding(result, all));
    }
    return out;
  },
  docs: {
    'row-total': {
      about: txt(
        '表格三中，一行的总计不等于六类申请人之和。',
        "In table 三, a row's 总计 is not the sum of its six applicant columns.",
      ),
      notFlagged: txt(
        '一行中有单元格缺少、为空、写作“/”或不是数字时，这一行不加总：由 missing-cell、cell-not-number 说明应填什么，不去猜测。一个加数打错、同时使本行总计和本列勾稽关系不成立时，只在这个加数上报告一次。',
        'A row with a cell missing, blank, / or not a number is not added up: missing-cell and cell-not-number say what to write, and nothing is guessed. An addend typed wrong that breaks both its row total and its column is reported once, on that addend.',
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
      notFlagged: txt(
        '某一列中有办理结果行缺少、或单元格缺少、为空、不是数字时，该列的（七）总计不核对（先由 missing-row、missing-cell、cell-not-number 报告）。写成一行的组按其数字计入。',
        '（七）总计 is not checked in a column where a result row is missing or a cell is missing, blank or not a number (missing-row, missing-cell and cell-not-number come first). A group written as one row counts at its figures.',
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
      notFlagged: txt(
        '已报告有误的（七）总计按算出的值参与本等式，所以同一个错误不再报告为勾稽关系不成立。一、二、三（七）或四中有缺少或不是数字的单元格时，该列不核对。',
        'A （七）总计 already reported wrong takes part at its computed value, so the same error is not reported again as a broken balance. A column where 一, 二, 三（七） or 四 has a cell missing or not a number is not checked.',
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
      notFlagged: txt(
        '只核对表格四每一行自身的总计；有单元格缺少或不是数字的行不加总。表格与正文所说的复议、诉讼件数是否一致由 narrative-reviews 判断。',
        "Only the 总计 of each row of table 四 against its own cells; a row with a cell missing or not a number is not added up. Whether the text's reconsideration and litigation figures agree with the table is narrative-reviews' to judge.",
      ),
      wrong: set('行政复议:           [1, 0, 0, 1, 2]', '行政复议: [1, 0, 0, 1, 1]'),
      right: set('行政复议:           [1, 0, 0, 1, 2]', '行政复议: [1, 0, 0, 1, 2]'),
    },
  },
});
