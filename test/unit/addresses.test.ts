/** Cells by address: the one at the caret, Tab and Shift+Tab through a row and on to the next, the printed order of rows. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adjacentCell, cellAt, valueRows } from '../../server/src/core/addresses';
import { tableByRole } from '../../server/src/core/format';
import { parseReport } from '../../server/src/core/parse';
import { EXAMPLE, variant } from './helpers';

const T3 = '收到和处理政府信息公开申请情况';
const T4 = '政府信息公开行政复议、行政诉讼情况';

/** Offset of `needle` (the `nth` occurrence from 0) plus `delta`. */
function offset(text: string, needle: string, delta = 0, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  return at + delta;
}

describe('the cell at the caret', () => {
  const report = parseReport(EXAMPLE);

  it('in a number, at its ends, between numbers and on the row key', () => {
    const row = '本年新收政府信息公开申请数量:  [67, 2, 0, 0, 0, 0, 69]';
    const line = offset(EXAMPLE, row);
    const col = (delta: number) => cellAt(report, line + delta)?.column;
    const at67 = row.indexOf('67');
    assert.equal(col(at67), 0);
    assert.equal(col(at67 + 2), 0, 'just after it');
    assert.equal(col(at67 + 3), 0, 'after the comma: still after the first');
    assert.equal(col(row.indexOf('69') + 1), 6);
    assert.equal(col(2), 0, 'on the key: the first cell');
    assert.equal(cellAt(report, line - 2)?.column, 0, 'in its indentation');
    const cell = cellAt(report, line + at67)!;
    assert.deepEqual(
      [cell.table, cell.row, EXAMPLE.slice(cell.span.start, cell.span.end)],
      [T3, '本年新收政府信息公开申请数量', '67'],
    );
    assert.equal(cellAt(report, offset(EXAMPLE, '机关: ')), undefined);
    assert.equal(cellAt(report, offset(EXAMPLE, '  #               [本年制发件数')), undefined, 'a comment line');
  });
});

describe('Tab and Shift+Tab', () => {
  const report = parseReport(EXAMPLE);
  const text = (c: ReturnType<typeof adjacentCell>) =>
    c ? `${c.row}#${c.column}=${EXAMPLE.slice(c.span.start, c.span.end)}` : 'none';

  it('select the next and previous number, then go on to the next row', () => {
    const row = offset(EXAMPLE, '上年结转政府信息公开申请数量:  [2, 0,');
    const first = row + '上年结转政府信息公开申请数量:  ['.length;
    assert.equal(text(adjacentCell(report, row + 3, 1)), '上年结转政府信息公开申请数量#0=2', 'from the key');
    assert.equal(text(adjacentCell(report, first, 1)), '上年结转政府信息公开申请数量#1=0', 'from inside the first');
    assert.equal(
      text(adjacentCell(report, first + 1, 1)),
      '上年结转政府信息公开申请数量#1=0',
      'from just after it (typed)',
    );
    const last = offset(EXAMPLE, '0, 2]', 3, 0);
    assert.equal(
      text(adjacentCell(report, last, 1)),
      '本年度办理结果/予以公开#0=7',
      'on to the next row, over the group key',
    );
    assert.equal(
      text(adjacentCell(report, first, -1)),
      '本年新收政府信息公开申请数量#6=69',
      'back to the previous row',
    );
    assert.equal(
      text(adjacentCell(report, first + 3, -1)),
      '上年结转政府信息公开申请数量#0=2',
      'from the second back to the first',
    );
  });

  it('go from one table to the next; none after the last cell of the file', () => {
    const row = '结转下年度继续办理:            [8, 0, 0, 0, 0, 0, 8]';
    const next = offset(EXAMPLE, row, row.length - 1);
    assert.equal(text(adjacentCell(report, next, 1)), '行政复议#0=0');
    const lastRow = offset(EXAMPLE, '复议后起诉:       [0, 0, 0, 0, 0]');
    assert.equal(adjacentCell(report, lastRow + '复议后起诉:       [0, 0, 0, 0, '.length, 1), undefined);
  });

  it('in a mapping row: in the order of the file, an empty value a place to type', () => {
    const t = variant(
      '  行政复议:           [0, 0, 0, 0, 0]\n',
      '  行政复议:\n    结果纠正: 1\n    结果维持:\n    其他结果: 0\n    尚未审结: 0\n    总计: 1\n',
    );
    const r = parseReport(t);
    const from = offset(t, '结果纠正: 1', 6);
    const next = adjacentCell(r, from, 1)!;
    assert.deepEqual([next.column, next.insert, t.slice(next.span.start - 5, next.span.start)], [0, true, '结果维持:']);
  });
});

describe('rows in the order the form prints them', () => {
  it('table 三 by its groups, table 四 with its group as printed, a group written as one row as that row', () => {
    const report = parseReport(EXAMPLE);
    const t3 = valueRows(report, tableByRole(report.format, 'requests')!);
    assert.equal(t3.length, 25);
    assert.deepEqual(
      t3.slice(0, 4).map((r) => r.path),
      [
        '本年新收政府信息公开申请数量',
        '上年结转政府信息公开申请数量',
        '本年度办理结果/予以公开',
        '本年度办理结果/部分公开',
      ],
    );
    assert.deepEqual(
      valueRows(report, tableByRole(report.format, 'reviews')!).map((r) => r.path),
      ['行政复议', '行政诉讼/未经复议直接起诉', '行政诉讼/复议后起诉'],
    );
    const grouped = parseReport(
      variant(/( {4})其他处理:\n(?: {6}.*\n){3}/, '$1其他处理:                    [0, 0, 0, 0, 0, 0, 0]\n'),
    );
    const rows = valueRows(grouped, tableByRole(grouped.format, 'requests')!).map((r) => r.path);
    assert.ok(rows.includes('本年度办理结果/其他处理') && !rows.some((p) => p.startsWith('本年度办理结果/其他处理/')));
    assert.equal(T4, tableByRole(report.format, 'reviews')!.key);
  });
});
