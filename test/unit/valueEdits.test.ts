/**
 * The form's edits of the file: writing a cell or a text changes only that value's characters
 * (keys, comments, alignment, quoting and block style stay), reads back as written, and is
 * refused with a reason where it cannot be written.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { CellAddress, TextAddress } from '../../server/src/core/addresses';
import { findText } from '../../server/src/core/addresses';
import { applyEdits } from '../../server/src/core/edits';
import type { Edit, Span } from '../../server/src/core/findings';
import { parseReport } from '../../server/src/core/parse';
import { reportSkeleton } from '../../server/src/core/skeleton';
import { shownText, writeCell, writeText } from '../../server/src/core/valueEdits';
import { EXAMPLE, variant } from './helpers';

const T2 = '主动公开政府信息情况';
const T3 = '收到和处理政府信息公开申请情况';
const T4 = '政府信息公开行政复议、行政诉讼情况';
const at = (table: string, row: string, column: number): CellAddress => ({ table, row, column });

/** The edits, applied; fails on a refusal. */
function written(text: string, edits: ReturnType<typeof writeCell>): { after: string; edits: Edit[] } {
  if (!edits.ok) assert.fail(`refused: ${edits.reason.en}`);
  return { after: applyEdits(text, edits.value), edits: edits.value };
}

/** Every edit lies within `span`, and the text outside it is what it was. */
function assertWithin(before: string, after: string, edits: Edit[], span: Span): void {
  for (const e of edits)
    assert.ok(span.start <= e.start && e.end <= span.end, `edit ${JSON.stringify(e)} outside ${JSON.stringify(span)}`);
  assert.equal(after.slice(0, span.start), before.slice(0, span.start), 'nothing before the value changes');
  const tail = before.length - span.end;
  assert.equal(after.slice(after.length - tail), before.slice(span.end), 'nothing after the value changes');
}

const cellSpan = (text: string, a: CellAddress) =>
  parseReport(text).tables.get(a.table)!.rows.get(a.row)!.cells[a.column]!.span;

function valueRange(text: string, a: TextAddress): Span {
  const node = findText(parseReport(text), a)!.node!;
  return { start: node.range![0], end: node.range![1] };
}

describe('writing a cell', () => {
  it('in a flow row: only the number, the row and its neighbours as they were', () => {
    const a = at(T3, '本年新收政府信息公开申请数量', 1);
    const { after, edits } = written(EXAMPLE, writeCell(parseReport(EXAMPLE), a, '12'));
    assert.deepEqual(
      edits.map((e) => [EXAMPLE.slice(e.start, e.end), e.text]),
      [['2', '12']],
    );
    assertWithin(EXAMPLE, after, edits, cellSpan(EXAMPLE, a));
    assert.match(after, /\n {2}本年新收政府信息公开申请数量: {2}\[67, 12, 0, 0, 0, 0, 69\]\n/);
  });

  it('as a spreadsheet shows it: thousands separators, full-width digits, a blank or a dash for 0', () => {
    const report = parseReport(EXAMPLE);
    const a = at(T3, '本年度办理结果/予以公开', 0);
    const value = (input: string) => {
      const r = writeCell(report, a, input);
      assert.ok(r.ok, input);
      return applyEdits(EXAMPLE, r.value).match(/ {4}予以公开: +(\[[^\]]*\])/)![1];
    };
    assert.equal(value('1,234'), '[1234, 0, 0, 0, 0, 0, 7]');
    assert.equal(value('１２'), '[12, 0, 0, 0, 0, 0, 7]');
    assert.equal(value(' 007 '), '[7, 0, 0, 0, 0, 0, 7]');
    assert.equal(value(''), '[0, 0, 0, 0, 0, 0, 7]');
    assert.equal(value('-'), '[0, 0, 0, 0, 0, 0, 7]');
    assert.equal(value('3.0'), '[3, 0, 0, 0, 0, 0, 7]');
  });

  it('refuses what the column cannot hold, saying why', () => {
    const report = parseReport(EXAMPLE);
    const a = at(T3, '本年度办理结果/予以公开', 0);
    const reason = (input: string) => {
      const r = writeCell(report, a, input);
      assert.ok(!r.ok, input);
      return r.reason['zh-CN'];
    };
    assert.match(reason('1.5'), /件数，应为整数/);
    assert.match(reason('-3'), /小于 0/);
    assert.match(reason('十二'), /不是数字/);
    assert.match(reason('/'), /不是数字/);
    // 万元 may have a fraction.
    const fee = writeCell(report, at(T2, '行政事业性收费', 0), '12.50');
    assert.ok(fee.ok);
    assert.match(applyEdits(EXAMPLE, fee.value), /行政事业性收费: \[12\.50\]/);
  });

  it('keeps a comment after the row and the alignment before it', () => {
    const text = variant('  行政许可:       [0]\n', '  行政许可:       [0]  # 全年无许可决定\n');
    const a = at(T2, '行政许可', 0);
    const { after, edits } = written(text, writeCell(parseReport(text), a, '9'));
    assertWithin(text, after, edits, cellSpan(text, a));
    assert.match(after, /\n {2}行政许可: {7}\[9\] {2}# 全年无许可决定\n/);
  });

  it('in a mapping row, block or flow, and where the value is missing', () => {
    const block = variant(
      '  行政复议:           [0, 0, 0, 0, 0]\n',
      '  行政复议:\n    结果维持: 1   # 维持\n    结果纠正: 0\n    其他结果:\n    尚未审结: 0\n    总计: 1\n',
    );
    const report = parseReport(block);
    let r = written(block, writeCell(report, at(T4, '行政复议', 0), '15'));
    assertWithin(block, r.after, r.edits, cellSpan(block, at(T4, '行政复议', 0)));
    assert.match(r.after, /\n {4}结果维持: 15 {3}# 维持\n/);
    r = written(block, writeCell(report, at(T4, '行政复议', 2), '4'));
    assert.deepEqual(
      r.edits.map((e) => e.text),
      [' 4'],
    );
    assert.match(r.after, /\n {4}其他结果: 4\n/);
    assert.equal(parseReport(r.after).tables.get(T4)!.rows.get('行政复议')!.cells[2]!.raw, '4');

    const flow = variant(
      '    复议后起诉:       [0, 0, 0, 0, 0]',
      '    复议后起诉:       {结果维持: 0, 结果纠正: 2, 其他结果: 0, 尚未审结: 0, 总计: 2}',
    );
    const c = at(T4, '行政诉讼/复议后起诉', 1);
    r = written(flow, writeCell(parseReport(flow), c, '3'));
    assertWithin(flow, r.after, r.edits, cellSpan(flow, c));
    assert.match(r.after, /\{结果维持: 0, 结果纠正: 3, 其他结果: 0, 尚未审结: 0, 总计: 2\}/);
  });

  it('a quoted number becomes the number: the value is the quoted scalar', () => {
    const text = variant('    部分公开:                    [3, 0,', '    部分公开:                    ["3", 0,');
    const a = at(T3, '本年度办理结果/部分公开', 0);
    const { after, edits } = written(text, writeCell(parseReport(text), a, '4'));
    assert.deepEqual(
      edits.map((e) => [text.slice(e.start, e.end), e.text]),
      [['"3"', '4']],
    );
    assertWithin(text, after, edits, cellSpan(text, a));
  });

  it('the same value is no edit; a row or cell the file lacks is refused', () => {
    const report = parseReport(EXAMPLE);
    assert.deepEqual(writeCell(report, at(T3, '本年新收政府信息公开申请数量', 0), '67'), { ok: true, value: [] });
    const noRow = writeCell(parseReport(variant('  行政许可:       [0]\n', '')), at(T2, '行政许可', 0), '1');
    assert.ok(!noRow.ok && /没有“行政许可”这一行/.test(noRow.reason['zh-CN']));
    const short = writeCell(
      parseReport(variant('[67, 2, 0, 0, 0, 0, 69]', '[67, 2, 0]')),
      at(T3, '本年新收政府信息公开申请数量', 5),
      '1',
    );
    assert.ok(!short.ok && /缺少“其他”一格/.test(short.reason['zh-CN']));
  });

  it('in a file with CRLF line ends', () => {
    const text = EXAMPLE.replace(/\n/g, '\r\n');
    const a = at(T4, '行政诉讼/复议后起诉', 4);
    const { after, edits } = written(text, writeCell(parseReport(text), a, '8'));
    assertWithin(text, after, edits, cellSpan(text, a));
    assert.ok(!/[^\r]\n/.test(after));
  });
});

const sub = (s: string): TextAddress => ({ section: '总体情况', sub: s });
const FIVE: TextAddress = { section: '存在的主要问题及改进情况' };

/** Writes a text and checks it reads back, with every edit inside the scalar and nothing else changed. */
function writeAndCheck(text: string, a: TextAddress, value: string): { after: string; edits: Edit[] } {
  const r = writeText(parseReport(text), a, value);
  if (!r.ok) assert.fail(`refused: ${r.reason.en}`);
  const after = applyEdits(text, r.value);
  assert.equal(shownText(findText(parseReport(after), a)!.text), shownText(value));
  return { after, edits: r.value };
}

const changes = (text: string, edits: Edit[]) => edits.map((e) => [text.slice(e.start, e.end), e.text]);

describe('writing a text', () => {
  const block = findText(parseReport(EXAMPLE), sub('主动公开'))!.text;

  it('in a folded block (>-): one character changed is one character written', () => {
    const value = block.replace('持续加强', '继续加强');
    const { after, edits } = writeAndCheck(EXAMPLE, sub('主动公开'), value);
    assert.deepEqual(changes(EXAMPLE, edits), [['持', '继']]);
    assertWithin(EXAMPLE, after, edits, valueRange(EXAMPLE, sub('主动公开')));
  });

  it('the 前言, addressed by no section', () => {
    const preface = findText(parseReport(EXAMPLE), {})!.text;
    const { edits } = writeAndCheck(EXAMPLE, {}, preface.replace('全文包括', '全文共六部分，包括'));
    assert.deepEqual(changes(EXAMPLE, edits), [['', '共六部分，']]);
  });

  it('in a folded block: a new paragraph is a blank line and an indented line', () => {
    const value = block.replace('。优化调整', '。\n优化调整');
    const { after, edits } = writeAndCheck(EXAMPLE, sub('主动公开'), value);
    assert.deepEqual(changes(EXAMPLE, edits), [['', '\n\n    ']]);
    assert.match(after, /并指导下级单位的公开工作。\n\n {4}优化调整/);
  });

  it('in a literal block (|-): lines added, joined, removed and appended, each edit within the block', () => {
    const five = findText(parseReport(EXAMPLE), FIVE)!.text;
    const range = valueRange(EXAMPLE, FIVE);
    for (const value of [
      five.replace('\n\n2025年', '\n\n新的一段。\n\n2025年'),
      five.replace('\n\n2025年', '\n2025年'),
      five.replace('\n\n2025年，市政府办公室将着重做好以下工作：', ''),
      five + '\n\n最后一段。',
      '开头一段。\n' + five,
      five.replace('一是政务公开质量', '一是政务公开的质量'),
    ]) {
      const { after, edits } = writeAndCheck(EXAMPLE, FIVE, value);
      assertWithin(EXAMPLE, after, edits, range);
      assert.match(after, /\n其他需要报告的事项: \|-\n {2}本机关 2024 年度未收取政府信息公开信息处理费。\n$/);
    }
    const { edits } = writeAndCheck(EXAMPLE, FIVE, five.replace('一是政务公开质量', '一是政务公开的质量'));
    assert.deepEqual(changes(EXAMPLE, edits), [['', '的']]);
  });

  it('in quoted and plain texts: within the quotes, escaped as the style needs', () => {
    const base = variant(/其他需要报告的事项: \|-\n {2}(.*)\n/, '其他需要报告的事项: "本机关未收取\\"处理费\\"。"\n');
    let r = writeAndCheck(base, { section: '其他需要报告的事项' }, '本机关全年未收取"处理费"。');
    assert.deepEqual(changes(base, r.edits), [['', '全年']]);
    r = writeAndCheck(base, { section: '其他需要报告的事项' }, '本机关未收取"信息处理费"。');
    assert.deepEqual(changes(base, r.edits), [['', '信息']]);
    r = writeAndCheck(base, { section: '其他需要报告的事项' }, '本机关未收取“处理费”。');
    assertWithin(base, r.after, r.edits, valueRange(base, { section: '其他需要报告的事项' }));

    const single = variant(/其他需要报告的事项: \|-\n {2}(.*)\n/, "其他需要报告的事项: '未收取''处理费''。'\n");
    r = writeAndCheck(single, { section: '其他需要报告的事项' }, "全年未收取'处理费'。");
    assert.match(r.after, /其他需要报告的事项: '全年未收取''处理费''。'\n/);

    const plain = variant(/其他需要报告的事项: \|-\n {2}(.*)\n/, '其他需要报告的事项: 未收取处理费。\n');
    r = writeAndCheck(plain, { section: '其他需要报告的事项' }, '本年度未收取处理费。');
    assert.match(r.after, /其他需要报告的事项: 本年度未收取处理费。\n/);
    // A plain text that would read otherwise (a colon and a space) is written quoted.
    r = writeAndCheck(plain, { section: '其他需要报告的事项' }, '说明: 未收取处理费 #1');
    assert.match(r.after, /其他需要报告的事项: "说明: 未收取处理费 #1"\n/);
  });

  it('a second paragraph in a quoted text makes it a |- block, indented under its key', () => {
    const base = variant('  平台建设: >-', '  平台建设: "一段。"\n  旧平台建设: >-');
    const r = writeAndCheck(base, sub('平台建设'), '一段。\n二段。');
    assert.match(r.after, /\n {2}平台建设: \|-\n {4}一段。\n {4}二段。\n {2}旧平台建设: >-\n/);
  });

  it('the skeleton: typing into an empty block inserts at its indented line, nothing else', () => {
    const text = reportSkeleton({ organ: '某县交通运输局', organType: '部门', year: 2024 });
    const { after, edits } = writeAndCheck(text, sub('主动公开'), '第一段。\n第二段。');
    assert.deepEqual(changes(text, edits), [['', '第一段。\n    第二段。']]);
    assert.match(after, /\n {2}主动公开: \|-\n {4}第一段。\n {4}第二段。\n {2}依申请公开: \|-\n {4}\n/);
    const six = writeAndCheck(text, { section: '其他需要报告的事项' }, '本机关未收取信息处理费。');
    assert.match(six.after, /\n其他需要报告的事项: \|-\n {2}本机关未收取信息处理费。\n$/);
  });

  it('an empty key gets a |- block; an empty quoted text gets the text inside its quotes', () => {
    const empty = variant(/其他需要报告的事项: \|-\n {2}(.*)\n/, '其他需要报告的事项:  # 待写\n');
    let r = writeAndCheck(empty, { section: '其他需要报告的事项' }, '未收取处理费。');
    assert.match(r.after, /\n其他需要报告的事项: \|- {2}# 待写\n {2}未收取处理费。\n$/);
    const quotes = variant(/其他需要报告的事项: \|-\n {2}(.*)\n/, '其他需要报告的事项: ""\n');
    r = writeAndCheck(quotes, { section: '其他需要报告的事项' }, '未收取处理费。');
    assert.deepEqual(changes(quotes, r.edits), [['', '未收取处理费。']]);
  });

  it('keeps the comments between and after the texts', () => {
    const text = variant('  平台建设: >-', '  # 平台：网站、新媒体\n  平台建设: >- # 待补充\n');
    const value = findText(parseReport(text), sub('平台建设'))!.text.replace('一是', '第一，');
    const { after } = writeAndCheck(text, sub('平台建设'), value);
    assert.match(after, /\n {2}# 平台：网站、新媒体\n {2}平台建设: >- # 待补充\n/);
  });

  it('a change made to a text that changed meanwhile: made where the text around it is the same, refused where not', () => {
    const report = parseReport(EXAMPLE);
    const now = findText(report, FIVE)!.text;
    // The form showed the text before its first sentence was changed elsewhere.
    const shown = now.replace('一年来', '过去一年');
    const merged = writeText(report, FIVE, shown.replace('三是继续抓好业务培训', '三是持续抓好业务培训'), shown);
    assert.ok(merged.ok);
    const after = findText(parseReport(applyEdits(EXAMPLE, merged.value)), FIVE)!.text;
    assert.ok(after.startsWith('一年来') && after.includes('三是持续抓好业务培训'));
    const clash = writeText(report, FIVE, shown.replace('过去一年', '过去的一年'), shown);
    assert.ok(!clash.ok && /已在别处改动/.test(clash.reason['zh-CN']));
  });

  it('any text, in any style, reads back as written and changes nothing outside its value', () => {
    const styles = [
      (v: string) => `其他需要报告的事项: >-\n  ${v}\n`,
      (v: string) => `其他需要报告的事项: |-\n  ${v}\n`,
      (v: string) => `其他需要报告的事项: "${v}"\n`,
      (v: string) => `其他需要报告的事项: ${v}\n`,
    ];
    const piece = fc.constantFrom(
      '未收取',
      '处理费',
      '。',
      '，',
      '\n',
      ' ',
      '"',
      "'",
      '#',
      ': ',
      '2024',
      '“',
      '”',
      '\t',
      'a',
    );
    const texts = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.constantFrom(...styles), texts, (style, value) => {
        const base = variant(/其他需要报告的事项: \|-\n {2}(.*)\n/, style('本机关未收取信息处理费。'));
        const r = writeText(parseReport(base), { section: '其他需要报告的事项' }, value);
        if (!r.ok) return;
        const after = applyEdits(base, r.value);
        assert.equal(
          shownText(findText(parseReport(after), { section: '其他需要报告的事项' })!.text),
          shownText(value),
        );
        const start = base.indexOf('其他需要报告的事项:');
        assert.equal(after.slice(0, start), base.slice(0, start));
      }),
      { seed: 20261201, numRuns: 400 },
    );
  });
});
