/**
 * The cells of each row: as many as the form has columns, each a plain number that a count
 * or an amount can be; a group of rows written as one row.
 */
import { isAlias, isScalar, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { finding } from '../codes';
import { MAX_EXACT, formatDec, isInteger, isNegative, parseDec, sum, type Dec } from '../decimal';
import { keyClaim, txt, type Finding, type Fix, type Span } from '../findings';
import { columnByRole, type ColumnDecl } from '../format';
import type { Cell, Report, RowModel } from '../model';
import { columnMatcher, isEmpty, keyText, spanOf } from '../parse';
import { defineRule } from '../rule';

function checkRow(report: Report, row: RowModel, out: Finding[]): void {
  const formatName = report.format.name;
  const { decl } = row;
  const columns = decl.columns;
  const n = columns.length;
  if (row.groupAsRow && decl.kind === 'group') {
    // Numbered as printed: the labels themselves hold 、 (申请人无正当理由逾期不补正、行政机关不再处理…).
    const items = decl.items.map((i) => `${i.number}${i.key}`);
    out.push(
      finding(
        'group-as-row',
        row.keySpan,
        txt(
          `“${decl.key}”写成了一行；${formatName}要求分 ${items.length} 项填写：${items.join('；')}；其数字仍计入总计`,
          `"${decl.key}" is written as one row; ${formatName} asks for its ${items.length} items: ${items.join('; ')}; its numbers still count in the totals`,
        ),
      ),
    );
  }
  const node = row.node;
  if (!node) {
    const names = columns.map((c) => c.short).join(', ');
    const value = row.pair.value as Node | null;
    const empty = isEmpty(value);
    out.push(
      finding(
        'missing-cell',
        empty ? row.keySpan : row.span,
        txt(`“${decl.key}”应是 ${n} 个数字：[${names}]`, `"${decl.key}" must be ${n} numbers: [${names}]`),
        { fixes: empty && !isAlias(value) ? [insertZerosAfterKey(report.text, row, n)] : [] },
      ),
    );
  } else if (isSeq(node)) {
    row.extra.forEach((span, k) => {
      out.push(
        finding(
          'extra-cell',
          span,
          txt(
            `“${decl.key}”只有 ${n} 列，这是第 ${n + k + 1} 个数`,
            `"${decl.key}" has ${n} columns; this is value ${n + k + 1}`,
          ),
        ),
      );
    });
    if (node.items.length < n) {
      const missing = columns
        .slice(node.items.length)
        .map((c) => c.short)
        .join('、');
      const end = node.flow ? Math.max(row.span.start, row.span.end - 1) : row.span.end;
      out.push(
        finding(
          'missing-cell',
          { start: end, end: Math.max(end, row.span.end) },
          txt(
            `“${decl.key}”应有 ${n} 列，只写了 ${node.items.length} 个数（缺：${missing}）`,
            `"${decl.key}" has ${n} columns but ${node.items.length} values (missing: ${missing})`,
          ),
          { fixes: completeRowFix(report.text, row, node) },
        ),
      );
    }
  } else {
    columns.forEach((c, i) => {
      if (row.cells[i]) return;
      out.push(
        finding(
          'missing-cell',
          row.keySpan,
          txt(`“${decl.key}”缺少列“${c.label}”`, `"${decl.key}" lacks the column "${c.label}"`),
          {
            fixes: [insertMapColumnFix(report.text, node, columns, i)],
          },
        ),
      );
    });
  }
  row.cells.forEach((cell, i) => {
    if (cell) checkCell(cell, columns[i], row, out);
  });
}

function checkCell(cell: Cell, column: ColumnDecl, row: RowModel, out: Finding[]): void {
  // Most cells are whole numbers in range: nothing to say, and no message to build for them.
  const v = cell.value;
  if (!cell.problem && v && v.scale === 0 && v.units >= 0n && v.units <= MAX_EXACT) return;
  const where = `“${row.decl.key}”的“${column.short}”`;
  const whereEn = `${column.short} of "${row.decl.key}"`;
  const notNumber = (zh: string, en: string, fixes: Fix[] = []): void => {
    out.push(finding('cell-not-number', cell.span, txt(`${where}${zh}`, `${whereEn} ${en}`), { fixes }));
  };
  const toZero = (): Fix => ({
    title: txt('填 0', 'Write 0'),
    edits: [{ ...cell.span, text: '0' }],
    safe: true,
    preferred: true,
  });
  const tooLarge = (): void => {
    out.push(
      finding(
        'number-too-large',
        cell.span,
        txt(`${where}超出可精确计算的范围（${MAX_EXACT}）`, `${whereEn} is beyond the exact range (${MAX_EXACT})`),
      ),
    );
  };
  const p = cell.problem;
  if (p) {
    switch (p.kind) {
      case 'empty':
        return notNumber('是空的；没有数字请填 0', 'is empty; write 0 for none', p.fillable ? [toZero()] : []);
      case 'placeholder':
        return notNumber(`写作“${p.text}”；没有数字请填 0`, `is "${p.text}"; write 0 for none`, [toZero()]);
      case 'not-scalar':
        return notNumber('应是一个数字', 'must be a number');
      case 'not-number':
        return notNumber(`“${p.text}”不是数字`, `"${p.text}" is not a number`);
      case 'too-long':
        return tooLarge();
      case 'not-plain':
        return notNumber(`应写成普通数字 ${p.plain}`, `must be written as a plain number, ${p.plain}`, [
          {
            title: txt(`改为 ${p.plain}`, `Write ${p.plain}`),
            edits: [{ ...cell.span, text: p.plain }],
            safe: p.safe,
            preferred: true,
          },
        ]);
    }
  }
  const d = cell.value!;
  if (isNegative(d))
    out.push(finding('cell-negative', cell.span, txt(`${where}不能是负数`, `${whereEn} cannot be negative`)));
  if (column.kind === 'count' && !isInteger(d))
    out.push(
      finding(
        'cell-fractional',
        cell.span,
        txt(`${where}是件数，应为整数`, `${whereEn} is a count and must be a whole number`),
      ),
    );
  const intPart = d.units / 10n ** BigInt(d.scale);
  if (intPart > MAX_EXACT || intPart < -MAX_EXACT) tooLarge();
}

/** `本行: ` with nothing after it: write a row of zeros. */
function insertZerosAfterKey(text: string, row: RowModel, n: number): Fix {
  const value = row.pair.value as Node | null;
  const at = value?.range ? value.range[0] : row.keySpan.end + (text[row.keySpan.end] === ':' ? 1 : 0);
  const zeros = `[${new Array(n).fill('0').join(', ')}]`;
  const lead = text[at - 1] === ' ' ? '' : ' ';
  return {
    title: txt(`填入 ${zeros}`, `Fill in ${zeros}`),
    edits: [{ start: at, end: at, text: lead + zeros }],
    safe: true,
    preferred: true,
  };
}

/** Fixes for a flow sequence row that is short of cells. */
function completeRowFix(text: string, row: RowModel, node: YAMLSeq): Fix[] {
  const columns = row.decl.columns;
  const given = node.items.length;
  if (!node.flow || given === 0) return [];
  const closing = row.span.end - 1;
  if (text[closing] !== ']') return [];
  const missing = columns.length - given;
  const values = node.items.map((i) => (isScalar(i) ? parseDec(String(i.source ?? i.value)) : undefined));
  const allZero = values.every((v) => v && v.units === 0n);
  // Only the total is missing: the given values are its addends, so it is their sum.
  if (columnByRole(columns, 'total') === columns.length - 1 && missing === 1 && values.every(Boolean)) {
    const t = formatDec(sum(values as Dec[]));
    return [
      {
        title: txt(`补上总计 ${t}`, `Add the total ${t}`),
        edits: [{ start: closing, end: closing, text: `, ${t}` }],
        safe: allZero,
        preferred: true,
      },
    ];
  }
  const zeros = new Array(missing).fill('0').join(', ');
  return [
    {
      title: txt(`在末尾补 ${missing} 个 0`, `Append ${missing} zero(s)`),
      edits: [{ start: closing, end: closing, text: `, ${zeros}` }],
      safe: allZero,
    },
  ];
}

/** Inserts a missing column into a row written as a mapping, in its official position. */
function insertMapColumnFix(text: string, node: YAMLMap, columns: ColumnDecl[], index: number): Fix {
  const label = columns[index].label;
  const matcher = columnMatcher(columns);
  // Insert before the first present column that comes after it, else after the last one.
  const after = node.items.find((p) => (matcher.match(keyText(p)) ?? -1) > index);
  const none: Span = { start: 0, end: 0 };
  const edits = [];
  if (node.flow) {
    if (after) {
      const at = spanOf(after.key as Node, none).start;
      edits.push({ start: at, end: at, text: `${label}: 0, ` });
    } else {
      const close = (node.range?.[1] ?? 1) - 1;
      edits.push({ start: close, end: close, text: `${node.items.length ? ', ' : ''}${label}: 0` });
    }
  } else {
    const ref = after ?? node.items[node.items.length - 1];
    const keyStart = spanOf(ref.key as Node, none).start;
    const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
    const indent = text.slice(lineStart, keyStart);
    if (after) edits.push({ start: lineStart, end: lineStart, text: `${indent}${label}: 0\n` });
    else {
      const end = (ref.value as Node | null)?.range?.[1] ?? spanOf(ref.key as Node, none).end;
      const lineEnd = text.indexOf('\n', end);
      const at = lineEnd < 0 ? text.length : lineEnd;
      edits.push({ start: at, end: at, text: `\n${indent}${label}: 0` });
    }
  }
  return {
    title: txt(`补上“${label}: 0”`, `Add "${label}: 0"`),
    edits,
    safe: true,
    preferred: true,
    writesKey: keyClaim(node.range?.[0] ?? 0, label),
  };
}

const row2 = (from: string, to: string) => ({ edits: [{ replace: from, with: to }] });

export const cellsRule = defineRule({
  id: 'cells',
  group: 'structure',
  codes: [
    'missing-cell',
    'extra-cell',
    'group-as-row',
    'cell-not-number',
    'cell-negative',
    'cell-fractional',
    'number-too-large',
  ],
  check({ report }) {
    const out: Finding[] = [];
    for (const table of report.tables.values()) for (const row of table.rows.values()) checkRow(report, row, out);
    return out;
  },
  docs: {
    'missing-cell': {
      about: txt(
        '一行的单元格少于表格的列数（或写成映射的一行漏了某一列）。只缺总计时，修复按各列之和补上。',
        'A row has fewer cells than the form has columns (or a row written as a mapping leaves a column out). Where only the 总计 is missing, the fix adds it as the sum.',
      ),
      notFlagged: txt(
        '写成“列名: 数字”映射的一行，列齐全即可，先后不限。写了但为空的单元格（""）不算缺少，由 cell-not-number 说明应填 0；整行没有写由 missing-row 报告。缺单元格的行不参与总计的核对，不会另外报告总计不符。',
        'A row written as a mapping of column names is complete when every column is there, in any order. A cell written but empty ("") is not missing: cell-not-number says to write 0; a row not written at all is missing-row\'s. A row short of cells is left out of the checks of totals, so no total is reported wrong because of it.',
      ),
      wrong: row2('重复申请:                  [3, 1, 0, 0, 0, 0, 4]', '重复申请: [3, 1, 0, 0, 0, 0]'),
      right: row2('重复申请:                  [3, 1, 0, 0, 0, 0, 4]', '重复申请: [3, 1, 0, 0, 0, 0, 4]'),
    },
    'extra-cell': {
      about: txt('一行的单元格多于表格的列数。', 'A row has more cells than the form has columns.'),
      notFlagged: txt(
        '写成映射的一行中多出的列名由 unknown-key 报告（并提示最接近的列名）。多出的数字不读取，不计入任何总计。',
        "An extra column name in a row written as a mapping is unknown-key's (which names the closest column). The extra numbers are not read and count in no total.",
      ),
      wrong: row2('行政许可:       [320]', '行政许可: [320, 0]'),
      right: row2('行政许可:       [320]', '行政许可: [320]'),
    },
    'group-as-row': {
      about: txt(
        '把一组（不予公开、无法提供、不予处理、其他处理）写成了一行，这是旧版表格的印法。其数字仍计入总计。',
        'A group (不予公开, 无法提供, 不予处理, 其他处理) written as one row, as older layouts print it. Its numbers still count in the totals.',
      ),
      notFlagged: txt(
        '写成一行的组，其下各项不再报告为缺少（missing-row），其数字照常计入总计并核对：只是写法不合格式。',
        'The items of a group written as one row are not reported missing as well (missing-row), and its numbers count in the totals and are checked as usual: only the layout departs from the form.',
      ),
      wrong: row2(
        '其他处理:\n      申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请: [3, 1, 0, 0, 0, 0, 4]\n      申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请: [0, 0, 0, 0, 0, 0, 0]\n      其他:                      [2, 0, 0, 0, 0, 0, 2]',
        '其他处理: [5, 1, 0, 0, 0, 0, 6]',
      ),
      right: {
        edits: [{ replace: '其他处理:', with: '其他处理:' }],
        shown: txt('`其他处理:` 下分三行填写。', '`其他处理:` with its three rows beneath.'),
      },
    },
    'cell-not-number': {
      about: txt(
        '单元格是空的、“/”、带引号，或不是普通数字。空白和“/”可改为 0；带引号的数字可去掉引号。',
        'A cell is blank, `/`, quoted, or not a plain number. Blank and `/` are fixed to 0; a quoted number is unquoted.',
      ),
      notFlagged: txt(
        '带引号、全角或带千位分隔符的数字（"320"、"３２０"、"1,380"）仍按其数值计入总计并核对，只报告写法；写成 320.0 的是普通数字，不报告。',
        'A number quoted, in full-width digits or with thousands separators ("320", "３２０", "1,380") still counts at its value in the totals, which are checked; only the writing is reported. 320.0 is a plain number and is not reported.',
      ),
      wrong: row2('规章:           [0, 0, 0]', '规章: [0, /, 0]'),
      right: row2('规章:           [0, 0, 0]', '规章: [0, 0, 0]'),
    },
    'cell-negative': {
      about: txt('单元格是负数。', 'A cell is negative.'),
      notFlagged: txt(
        '只读表格的单元格：正文中的负数（如同比变化）不报告。-0 就是 0，不报告。',
        'Only the cells of the tables are read: a negative figure in the text (a change on last year) is not reported. -0 is 0 and is not reported.',
      ),
      wrong: row2('行政处罚:       [45]', '行政处罚: [-45]'),
      right: row2('行政处罚:       [45]', '行政处罚: [45]'),
    },
    'cell-fractional': {
      about: txt(
        '件数不是整数（只有以万元为单位的本年收费金额可以有小数）。',
        'A count is not a whole number (only 本年收费金额 in 万元 may have decimals).',
      ),
      notFlagged: txt(
        '以万元为单位的本年收费金额可以有小数，不报告；写成 320.0 的整数不报告。',
        '本年收费金额, in 万元, may have decimals and is not reported; a whole number written 320.0 is not reported.',
      ),
      wrong: row2('行政许可:       [320]', '行政许可: [2.5]'),
      right: row2('行政事业性收费: [0]', '行政事业性收费: [2.5]'),
    },
    'number-too-large': {
      about: txt(
        '数字超过 2^53 − 1，其他工具会悄悄舍入。',
        'A number beyond 2^53 − 1, which other tools would silently round.',
      ),
      notFlagged: txt(
        '只看整数部分：2^53 − 1 本身和带小数的金额（其小数部分精确保留）不报告。',
        'Only the whole part counts: 2^53 − 1 itself, and an amount with decimals (kept exactly), are not reported.',
      ),
      wrong: row2('行政许可:       [320]', '行政许可: [90071992547409930]'),
      right: row2('行政许可:       [320]', '行政许可: [9007]'),
    },
  },
});
