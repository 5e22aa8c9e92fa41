/**
 * Rows copied from Excel or WPS pasted into a table: read as the clipboard holds them (tabs,
 * quoted cells, \r\n, a last empty line), placed by their labels or from the cell pasted at,
 * and written all at once or refused with the reason.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CellAddress } from '../../server/src/core/addresses';
import { applyEdits } from '../../server/src/core/edits';
import { parseReport } from '../../server/src/core/parse';
import { isSpreadsheet, pasteCells, readSpreadsheet } from '../../server/src/core/paste';
import { reportSkeleton } from '../../server/src/core/skeleton';
import { EXAMPLE } from './helpers';

const T2 = '主动公开政府信息情况';
const T3 = '收到和处理政府信息公开申请情况';
const T4 = '政府信息公开行政复议、行政诉讼情况';
const SKELETON = reportSkeleton({ organ: '某县交通运输局', organType: '部门', year: 2024 });
const at = (table: string, row: string, column = 0): CellAddress => ({ table, row, column });

/** The rows of a table after the paste, as `path: [values]`. */
function rowsAfter(text: string, table: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, row] of parseReport(text).tables.get(table)!.rows) out[path] = row.cells.map((c) => c?.raw ?? '');
  return out;
}

function paste(clipboard: string, where: CellAddress, text = SKELETON) {
  const r = pasteCells(parseReport(text), where, clipboard);
  if (!r.ok) assert.fail(`refused: ${r.reason['zh-CN']}`);
  return { ...r.value, after: applyEdits(text, r.value.edits) };
}

function refusal(clipboard: string, where: CellAddress, text = SKELETON): string {
  const r = pasteCells(parseReport(text), where, clipboard);
  assert.ok(!r.ok, 'refused');
  return r.reason['zh-CN'];
}

describe('reading a spreadsheet from the clipboard', () => {
  it('tabs, \\r\\n, a last empty line, quoted cells with line breaks and quotes', () => {
    assert.deepEqual(readSpreadsheet('1\t2\t3\r\n4\t\t6\r\n'), [
      ['1', '2', '3'],
      ['4', '', '6'],
    ]);
    assert.deepEqual(readSpreadsheet('"（二）部分公开\n（区分处理的）"\t3\n"say ""hi"""\t4\n\n'), [
      ['（二）部分公开\n（区分处理的）', '3'],
      ['say "hi"', '4'],
    ]);
    // A quote that opens no quoted cell is a character of the cell.
    assert.deepEqual(readSpreadsheet('"5 件\t6\n'), [['"5 件', '6']]);
    assert.deepEqual(readSpreadsheet('7\r8\r'), [['7'], ['8']]);
  });

  it('tells rows of a spreadsheet from text', () => {
    assert.ok(isSpreadsheet('1\t2\r\n'));
    assert.ok(isSpreadsheet('1\n2\n3\n'));
    assert.ok(!isSpreadsheet('12'));
    assert.ok(!isSpreadsheet('一是加强培训。\n二是完善制度。'));
  });
});

describe('pasting from the cell pasted at', () => {
  it('fills rows in the printed order, reading separators, full-width digits and blanks for zero', () => {
    const { after, rows, cells } = paste(
      '12\t1,024\t０\t\t-\t3\t1,039\r\n5\t0\t0\t0\t0\t0\t5\r\n',
      at(T3, '本年新收政府信息公开申请数量'),
    );
    assert.deepEqual([rows, cells], [2, 14]);
    const t = rowsAfter(after, T3);
    assert.deepEqual(t['本年新收政府信息公开申请数量'], ['12', '1024', '0', '0', '0', '3', '1039']);
    assert.deepEqual(t['上年结转政府信息公开申请数量'], ['5', '0', '0', '0', '0', '0', '5']);
    assert.deepEqual(t['本年度办理结果/予以公开'], ['0', '0', '0', '0', '0', '0', '0']);
  });

  it('from a cell inside a row: the block lands at that column, across the groups of the table', () => {
    const { after } = paste('1\t1\n2\t2\n3\t3\n', at(T3, '本年度办理结果/部分公开', 5));
    const t = rowsAfter(after, T3);
    assert.deepEqual(t['本年度办理结果/部分公开'].slice(5), ['1', '1']);
    assert.deepEqual(t['本年度办理结果/不予公开/属于国家秘密'].slice(5), ['2', '2']);
    assert.deepEqual(t['本年度办理结果/不予公开/其他法律行政法规禁止公开'].slice(5), ['3', '3']);
  });

  it('a column of numbers goes down the rows (table 二, one number per row)', () => {
    const { after } = paste('9487\n12\n0\n3.5\n', at(T2, '行政许可'));
    const t = rowsAfter(after, T2);
    assert.deepEqual(
      [t['行政许可'], t['行政处罚'], t['行政强制'], t['行政事业性收费']],
      [['9487'], ['12'], ['0'], ['3.5']],
    );
  });

  it('table 四 as printed: one line of fifteen numbers, also below its header lines', () => {
    const header =
      '行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t\n' +
      '\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t\n' +
      '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n';
    const { after } = paste(header + '1\t0\t0\t1\t2\t0\t1\t0\t0\t1\t\t\t\t\t\r\n', at(T4, '行政复议'));
    assert.deepEqual(rowsAfter(after, T4), {
      行政复议: ['1', '0', '0', '1', '2'],
      '行政诉讼/未经复议直接起诉': ['0', '1', '0', '0', '1'],
      '行政诉讼/复议后起诉': ['0', '0', '0', '0', '0'],
    });
  });

  it('refuses a block that does not fit, and writes nothing', () => {
    assert.match(
      refusal('1\t2\t3\t4\t5\t6\t21', at(T3, '本年新收政府信息公开申请数量', 2)),
      /第 1 行有 7 个数.*放不下/,
    );
    assert.match(refusal('1\n2\n', at(T3, '结转下年度继续办理')), /超出表三的最后一行/);
    assert.match(refusal('1\t2\n3\t/\n', at(T3, '本年新收政府信息公开申请数量')), /第 2 行第 2 格“\/”不是数字/);
    assert.match(refusal('1\t-2\n', at(T3, '本年新收政府信息公开申请数量')), /小于 0/);
    assert.match(refusal('1.5\n', at(T3, '本年新收政府信息公开申请数量')), /应为整数/);
    assert.match(refusal('1\t2\t3\n', at(T4, '行政诉讼/复议后起诉', 3)), /放不下/);
  });

  it('refuses a clipboard of more lines than one call takes arguments, with the reason', () => {
    assert.match(refusal('1\n'.repeat(200_000), at(T3, '本年新收政府信息公开申请数量')), /超出表三的最后一行/);
  });
});

describe('pasting rows with their labels', () => {
  it('each line goes to the row its label names, numbering and notes aside, merged labels carried down', () => {
    const clip =
      '三、本年度办理结果\t（一）予以公开\t\t7\t0\t0\t0\t0\t0\t7\r\n' +
      '\t"（二）部分公开\n（区分处理的，只计这一情形，不计其他情形）"\t\t3\t\t\t\t\t\t3\r\n' +
      '\t（三）不予公开\t1．属于国家秘密\t1\t0\t0\t0\t0\t0\t1\r\n' +
      '\t\t2．其他法律行政法规禁止公开\t2\t0\t0\t0\t0\t0\t2\r\n' +
      '\t（七）总计\t\t13\t0\t0\t0\t0\t0\t13\r\n';
    // Pasted anywhere in the table: the labels decide.
    const { after, rows } = paste(clip, at(T3, '结转下年度继续办理', 3));
    assert.equal(rows, 5);
    const t = rowsAfter(after, T3);
    assert.deepEqual(t['本年度办理结果/予以公开'], ['7', '0', '0', '0', '0', '0', '7']);
    assert.deepEqual(t['本年度办理结果/部分公开'], ['3', '0', '0', '0', '0', '0', '3']);
    assert.deepEqual(t['本年度办理结果/不予公开/属于国家秘密'], ['1', '0', '0', '0', '0', '0', '1']);
    assert.deepEqual(t['本年度办理结果/不予公开/其他法律行政法规禁止公开'], ['2', '0', '0', '0', '0', '0', '2']);
    assert.deepEqual(t['本年度办理结果/总计'], ['13', '0', '0', '0', '0', '0', '13']);
    assert.deepEqual(t['结转下年度继续办理'], ['0', '0', '0', '0', '0', '0', '0']);
  });

  it('table 二 as printed: clause and header lines are passed over, merged cells after a short row are blank', () => {
    const clip =
      '第二十条第（一）项\t\t\t\r\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\r\n规章\t0\t0\t0\r\n' +
      '行政规范性文件\t11\t2\t81\r\n第二十条第（五）项\t\t\t\r\n信息内容\t本年处理决定数量\t\t\r\n行政许可\t9,487\t\t\r\n';
    const t = rowsAfter(paste(clip, at(T2, '规章')).after, T2);
    assert.deepEqual([t['行政规范性文件'], t['行政许可']], [['11', '2', '81'], ['9487']]);
  });

  it('into a report with numbers already: only the cells pasted change, and only their characters', () => {
    const { after, edits } = paste('（一）予以公开\t8\t0\t0\t0\t0\t0\t8\n', at(T3, '本年度办理结果/予以公开'), EXAMPLE);
    assert.deepEqual(
      edits.map((e) => [EXAMPLE.slice(e.start, e.end), e.text]),
      [
        ['7', '8'],
        ['7', '8'],
      ],
    );
    assert.match(after, /\n {4}予以公开: {20}\[8, 0, 0, 0, 0, 0, 8\]\n/);
  });

  it('refuses labels of no row, a row twice, short lines and numbers out of line', () => {
    assert.match(
      refusal('行政许可\t1\t2\t3\t4\t5\t6\t21', at(T3, '本年新收政府信息公开申请数量')),
      /“行政许可”不是表三中的行/,
    );
    assert.match(
      refusal('予以公开\t1\t0\t0\t0\t0\t0\t1\n予以公开\t2\t0\t0\t0\t0\t0\t2\n', at(T3, '本年新收政府信息公开申请数量')),
      /第 1 行和第 2 行都是/,
    );
    assert.match(refusal('予以公开\t1\t0\t0\n', at(T3, '本年新收政府信息公开申请数量')), /只有 3 个数/);
    assert.match(refusal('予以公开\t1\t0\t0\t0\t0\t0\t1\t5\n', at(T3, '本年新收政府信息公开申请数量')), /只有 7 格/);
    assert.match(
      refusal('予以公开\t1\t0\t0\t0\t0\t0\t1\n2\t1\t0\t0\t0\t0\t0\t1\n', at(T3, '本年新收政府信息公开申请数量')),
      /没有对齐/,
    );
    assert.match(refusal('不予公开\t1\t0\t0\t0\t0\t0\t1\n', at(T3, '本年新收政府信息公开申请数量')), /是分组/);
  });

  it('refuses a row the file lacks, naming it, and writes none of the others', () => {
    const text = SKELETON.replace(/\n {4}部分公开: .*/, '');
    assert.match(
      refusal(
        '予以公开\t1\t0\t0\t0\t0\t0\t1\n部分公开\t1\t0\t0\t0\t0\t0\t1\n',
        at(T3, '本年新收政府信息公开申请数量'),
        text,
      ),
      /没有“部分公开”这一行/,
    );
  });
});
