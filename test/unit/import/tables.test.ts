import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FORMAT_2021, tableSections } from '../../../server/src/core/format';
import { readCell, splitTextRow } from '../../../server/src/core/import/cells';
import { labelForm, matchCost } from '../../../server/src/core/import/labelMatch';
import { Notices } from '../../../server/src/core/import/notices';
import { TableReader, fitRow, type TableOut } from '../../../server/src/core/import/tables';
import { readTextForm } from '../../../server/src/core/import/text';

const [T2, T3, T4] = tableSections(FORMAT_2021);

function read(
  decl: typeof T2,
  rows: string[][],
): { out: TableOut; notices: string[]; get: (path: string) => string | undefined } {
  const notices = new Notices();
  const reader = new TableReader(decl, notices, FORMAT_2021);
  rows.forEach((r) => reader.feedRow(r));
  const out = reader.finish();
  const get = (path: string) => {
    const row = out.rows.find((r) => r.path === path);
    return row && row.cells.map((c) => (c.kind === 'number' ? c.text : JSON.stringify(c.text))).join(' ');
  };
  return { out, notices: notices.items.map((n) => n.en), get };
}

const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => splitTextRow(l));
/** Rows as the text reader makes them from `|` lines (one cell per line, bars for blanks). */
const perLine = (text: string) =>
  readTextForm(text.trim(), false).blocks.flatMap((b) => (b.kind === 'table' ? b.rows : [splitTextRow(b.text)]));

describe('import: cells', () => {
  it('numbers as written, marks and blanks kept as printed, labels', () => {
    assert.deepEqual(readCell(' 1,532 '), { kind: 'number', text: '1532' });
    assert.deepEqual(readCell('１２'), { kind: 'number', text: '12' });
    assert.deepEqual(readCell('0.00'), { kind: 'number', text: '0.00' });
    assert.deepEqual(readCell('7件'), { kind: 'number', text: '7' });
    assert.deepEqual(readCell('1.5万元'), { kind: 'number', text: '1.5' });
    // A lone mark of punctuation is a character of a label printed one per line (vertical text), not a cell.
    assert.deepEqual(readCell('、'), { kind: 'label', text: '、' });
    assert.deepEqual(readCell('1 532'), { kind: 'number', text: '1532' });
    assert.deepEqual(readCell('12 件'), { kind: 'number', text: '12' });
    assert.deepEqual(readCell('3 4'), { kind: 'mark', text: '3 4' });
    assert.deepEqual(readCell('500元'), { kind: 'mark', text: '500元' });
    assert.deepEqual(readCell('/'), { kind: 'mark', text: '/' });
    assert.deepEqual(readCell('——'), { kind: 'mark', text: '——' });
    assert.deepEqual(readCell('1,23'), { kind: 'mark', text: '1,23' });
    assert.deepEqual(readCell('\u00a0'), { kind: 'blank', text: '' });
    assert.deepEqual(readCell('1.'), { kind: 'label', text: '1.' });
    assert.equal(readCell('行政许可').kind, 'label');
  });

  it('splits a text line into labels and trailing numbers', () => {
    assert.deepEqual(splitTextRow('一、本年新收政府信息公开申请数量 67 2 0 0 0 0 69'), [
      '一、本年新收政府信息公开申请数量',
      '67',
      '2',
      '0',
      '0',
      '0',
      '0',
      '69',
    ]);
    assert.deepEqual(splitTextRow('（三）不予公开 1．属于国家秘密 0 / 0'), [
      '（三）不予公开',
      '1．属于国家秘密',
      '0',
      '/',
      '0',
    ]);
    assert.deepEqual(splitTextRow('三、本年度办理结果  （一）予以公开  9'), [
      '三、本年度办理结果',
      '（一）予以公开',
      '9',
    ]);
    assert.deepEqual(splitTextRow('（三） 不予公开'), ['（三）不予公开']);
    assert.deepEqual(splitTextRow('行政许可0'), ['行政许可', '0']);
    assert.deepEqual(splitTextRow('第二十条第（五）项'), ['第二十条第（五）项']);
  });

  it('matches labels leniently but never short ones loosely', () => {
    assert.equal(labelForm('（二）部分公开（区分处理的，只计这'), '部分公开');
    assert.equal(labelForm('6. 属于四类过程性信'), '属于四类过程性信');
    assert.equal(matchCost('本机关不掌握相关政府信心', '本机关不掌握相关政府信息'), 1);
    assert.equal(matchCost('本年新收政府信息公开申请数量', '上年结转政府信息公开申请数量'), undefined);
    assert.equal(matchCost('其他', '总计'), undefined);
    assert.equal(matchCost('予以公开', '不予公开'), undefined);
    assert.ok(matchCost('属于四类过程性信', '属于四类过程性信息')! < 1);
  });

  it('fits blanks: layout at the ends, cells when the numbers alone are too few', () => {
    const v = (s: string) => s.split(',').map((t) => ({ cell: readCell(t) }));
    const texts = (r: { cells: { cell: { text: string } }[] }) => r.cells.map((c) => c.cell.text).join(',');
    const pad = () => ({ cell: readCell('') });
    assert.equal(texts(fitRow(v(',67,2,0,0,0,0,69,'), 7, true, pad)), '67,2,0,0,0,0,69');
    // One cell per line: blanks are weak evidence, and a blank total beside a number no reading.
    const weak = fitRow(v(',,,,,,0,'), 7, true, pad, true);
    assert.deepEqual([texts(weak), weak.exact], [',,,,,,0', true]);
    // Drawn rows: an extra blank at each end leaves two readings.
    const drawn = fitRow(v(',175,,585,735,5,352,'), 7, true, pad);
    assert.deepEqual([texts(drawn), drawn.exact], [',175,,585,735,5,352', false]);
    assert.equal(texts(fitRow(v('0,,'), 1, false, pad)), '0');
    assert.equal(texts(fitRow(v('5,,,,,,5'), 7, true, pad)), '5,,,,,,5');
    const short = fitRow(v('3,4'), 7, true, pad);
    assert.equal(short.exact, false);
    assert.equal(texts(short), '3,4,,,,,');
  });
});

describe('import: table recognition', () => {
  it('one cell per line, blanks as lines of bars (as some sites extract tables)', () => {
    const { get, notices } = read(
      T2,
      perLine(`
第二十条第(一)项 |
|||
信息内容 |
本年制发件数 |
本年废止件数 |
现行有效件数 |
规章 |
/ |
/ |
/ |
行政规范性文件 |
0 |
1 |
7 |
第二十条第(五)项 |
信息内容 |
本年处理决定数量 |
||
行政许可 |
12 |
||
行政处罚 |
0 |
行政强制 |
0 |
行政事业性收费 |
0 |`),
    );
    assert.equal(get('规章'), '"/" "/" "/"');
    assert.equal(get('行政规范性文件'), '0 1 7');
    assert.equal(get('行政许可'), '12');
    assert.equal(get('行政事业性收费'), '0');
    assert.deepEqual(
      notices.filter((n) => !/not numbers/.test(n)),
      [],
    );
  });

  it('does not trust blanks that leave the total empty beside printed numbers', () => {
    const { out, notices } = read(
      T3,
      perLine('一、本年新收政府信息公开申请数量 |\n3 |\n3 |\n|||||||\n二、上年结转政府信息公开申请数量 |\n0 |\n0 |'),
    );
    const row = out.rows.find((r) => r.path === '本年新收政府信息公开申请数量')!;
    assert.match(row.comment!, /原文：3 3（列位置不确定）/);
    assert.ok(notices.some((n) => /"本年新收政府信息公开申请数量" has 2 numbers for 7 columns/.test(n)));
  });

  it('takes the total column when a row prints only its total among blank cells', () => {
    const { get } = read(T3, [
      ['二、上年结转政府信息公开申请数量'],
      [''],
      [''],
      [''],
      [''],
      [''],
      [''],
      ['0'],
      [''],
      [''],
    ]);
    assert.equal(get('上年结转政府信息公开申请数量'), '"" "" "" "" "" "" 0');
  });

  it('section 四: the header names the rows, fifteen numbers follow', () => {
    const { get } = read(T4, [
      ['行政复议', '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', ''],
      [
        '结果维持',
        '结果纠正',
        '其他结果',
        '尚未审结',
        '总计',
        '未经复议直接起诉',
        '',
        '',
        '',
        '',
        '复议后起诉',
        '',
        '',
        '',
        '',
      ],
      [
        '',
        '',
        '',
        '',
        '',
        '结果维持',
        '结果纠正',
        '其他结果',
        '尚未审结',
        '总计',
        '结果维持',
        '结果纠正',
        '其他结果',
        '尚未审结',
        '总计',
      ],
      '1 0 0 1 2 0 0 0 3 3 4 0 0 0 4'.split(' '),
    ]);
    assert.equal(get('行政复议'), '1 0 0 1 2');
    assert.equal(get('行政诉讼/未经复议直接起诉'), '0 0 0 3 3');
    assert.equal(get('行政诉讼/复议后起诉'), '4 0 0 0 4');
  });

  it('section 四: fifteen numbers with no header at all, and rows printed one by one', () => {
    assert.equal(
      read(T4, [['5', '0', '0', '0', '5', '0', '0', '0', '0', '0', '1', '0', '0', '0', '1']]).get(
        '行政诉讼/复议后起诉',
      ),
      '1 0 0 0 1',
    );
    const rows = read(T4, lines('行政复议 1 0 0 0 1\n行政诉讼 未经复议直接起诉 0 0 0 0 0\n复议后起诉 0 1 0 0 1'));
    assert.equal(rows.get('行政复议'), '1 0 0 0 1');
    assert.equal(rows.get('行政诉讼/复议后起诉'), '0 1 0 0 1');
  });

  it('a label wrapped over three lines with its numbers on the middle one (pdftotext -layout)', () => {
    const { get, notices } = read(
      T3,
      lines(`
（六）其他处理 1.申请人无正当理由逾期不补
正、行政机关不再处理其政府 1 0 0 0 0 0 1
信息公开申请
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0
3.其他 2 0 0 0 0 0 2`),
    );
    assert.equal(
      get('本年度办理结果/其他处理/申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
      '1 0 0 0 0 0 1',
    );
    assert.equal(get('本年度办理结果/其他处理/其他'), '2 0 0 0 0 0 2');
    assert.deepEqual(
      notices.filter((n) => !/no numbers found/.test(n)),
      [],
    );
  });

  it('pdftotext -layout: a group label wrapped beside its rows, row labels wrapped around their numbers', () => {
    const { get, out, notices } = read(
      T3,
      lines(`
                           3.危及“三安全一
                           稳定”          0    0    0    0    0    0    0
                 （三）不  4.保护第三方合
                 予公开    法权益          1    0    0    0    0    0    1
 三、本年度                5.属于三类内部
 办理结果                  事务信息        2    0    0    0    0    0    2
                           1.信访举报
                 （五）不  投诉类申请      3    0    0    0    0    0    3
                 予处理    2.重复申请      0    0    0    0    0    0    0`),
    );
    assert.equal(get('本年度办理结果/不予公开/危及“三安全一稳定”'), '0 0 0 0 0 0 0');
    assert.equal(get('本年度办理结果/不予公开/保护第三方合法权益'), '1 0 0 0 0 0 1');
    assert.equal(get('本年度办理结果/不予公开/属于三类内部事务信息'), '2 0 0 0 0 0 2');
    assert.equal(get('本年度办理结果/不予处理/信访举报投诉类申请'), '3 0 0 0 0 0 3');
    assert.equal(get('本年度办理结果/不予处理/重复申请'), '0 0 0 0 0 0 0');
    assert.deepEqual(out.unplaced, []);
    assert.deepEqual(
      notices.filter((n) => !/no numbers found/.test(n)),
      [],
    );
  });

  it('a numbered label whose words match nothing is read by its number, with a notice', () => {
    const { get, notices } = read(
      T3,
      lines('（三）不予公开\n1.属于国家秘密 0 0 0 0 0 0 0\n2.法律法规明令禁止的 1 0 0 0 0 0 1'),
    );
    assert.equal(get('本年度办理结果/不予公开/其他法律行政法规禁止公开'), '1 0 0 0 0 0 1');
    assert.ok(notices.some((n) => /read by its number as "其他法律行政法规禁止公开"/.test(n)));
  });

  it('numbers under a label that matches nothing are kept as a comment, never given to the row before', () => {
    const { get, out, notices } = read(T2, lines('规章 0 0 0\n地方性法规 3 1 20\n行政规范性文件 1 0 5'));
    assert.equal(get('规章'), '0 0 0');
    assert.equal(get('行政规范性文件'), '1 0 5');
    assert.deepEqual(out.unplaced, ['“地方性法规”：3 1 20']);
    assert.ok(notices.some((n) => /3 1 20 belong to no row/.test(n)));
  });

  it('a group printed as one row, and a group subtotal before its rows', () => {
    assert.equal(
      read(T3, lines('（六）其他处理 2 0 0 0 0 0 2\n（七）总计 9 0 0 0 0 0 9')).get('本年度办理结果/其他处理'),
      '2 0 0 0 0 0 2',
    );
    const sub = read(
      T3,
      lines(
        '（四）无法提供 3 0 0 0 0 0 3\n1.本机关不掌握相关政府信息 2 0 0 0 0 0 2\n2.没有现成信息需要另行制作 1 0 0 0 0 0 1\n3.补正后申请内容仍不明确 0 0 0 0 0 0 0',
      ),
    );
    assert.equal(sub.get('本年度办理结果/无法提供'), undefined);
    assert.equal(sub.get('本年度办理结果/无法提供/本机关不掌握相关政府信息'), '2 0 0 0 0 0 2');
    assert.deepEqual(sub.out.unplaced, ['“无法提供”（小计）：3 0 0 0 0 0 3']);
  });

  it('column labels in the header are not rows; 总计 is a row where the total row is due', () => {
    const { get, out } = read(
      T3,
      lines(`
自然人 法人或其他组织 总计
商业企业 科研机构 社会公益组织 法律服务机构 其他
一、本年新收政府信息公开申请数量 4 0 0 0 0 0 4
3.其他 1 0 0 0 0 0 1
总计 4 0 0 0 0 0 4`),
    );
    assert.equal(get('本年新收政府信息公开申请数量'), '4 0 0 0 0 0 4');
    assert.equal(get('本年度办理结果/其他处理/其他'), '1 0 0 0 0 0 1');
    assert.equal(get('本年度办理结果/总计'), '4 0 0 0 0 0 4');
    assert.deepEqual(out.unplaced, []);
  });

  it('a row printed twice with other numbers keeps the first and comments the second', () => {
    const { get, out, notices } = read(T2, lines('行政许可 5\n行政许可 6\n行政许可 5'));
    assert.equal(get('行政许可'), '5');
    assert.deepEqual(out.unplaced, ['“行政许可”（重复）：6']);
    assert.ok(notices.some((n) => /appears twice/.test(n)));
  });

  it('too few numbers in a text row: placed from the left, blanks padded, flagged', () => {
    const { out, notices } = read(T3, lines('一、本年新收政府信息公开申请数量 3 1 4'));
    const row = out.rows.find((r) => r.path === '本年新收政府信息公开申请数量')!;
    assert.deepEqual(
      row.cells.map((c) => c.text),
      ['3', '1', '4', '', '', '', ''],
    );
    assert.match(row.comment!, /原文：3 1 4/);
    assert.ok(notices.some((n) => /3 numbers for 7 columns/.test(n)));
  });

  it('a section title or a caption printed inside the table is a header', () => {
    const { get, out } = read(T2, [['二、主动公开政府信息情况'], ['表1 主动公开情况统计'], ['规章', '0', '0', '0']]);
    assert.equal(get('规章'), '0 0 0');
    assert.deepEqual(out.unplaced, []);
  });

  it('a group and its row joined in one label', () => {
    assert.equal(read(T4, lines('行政诉讼·复议后起诉 0 0 1 0 1')).get('行政诉讼/复议后起诉'), '0 0 1 0 1');
  });

  it('says which table a printed table is', () => {
    const rows = lines('行政许可 5\n行政处罚 2\n行政强制 0');
    assert.deepEqual(
      [T2, T3, T4].map((t) => TableReader.affinity(t, rows, FORMAT_2021)),
      [3, 0, 0],
    );
  });
});
