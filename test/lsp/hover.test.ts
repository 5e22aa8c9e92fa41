import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LspClient } from './lspClient';
import { EXAMPLE, openDoc, positionOf, startEditor, textOf, type Position, type Range } from './editorHelpers';

interface Hover {
  contents: { kind: string; value: string };
  range: Range;
}

describe('hover over stdio', () => {
  let zh: LspClient;
  let en: LspClient;
  let zhUri: string;
  let enUri: string;
  before(async () => {
    ({ client: zh } = await startEditor('zh-CN'));
    ({ client: en } = await startEditor('en'));
    zhUri = (await openDoc(zh, EXAMPLE)).uri;
    enUri = (await openDoc(en, EXAMPLE)).uri;
  });
  after(async () => {
    await zh.dispose();
    await en.dispose();
  });

  const hover = (position: Position, client = zh, uri = zhUri) =>
    client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });

  it('on a row total: the formula first, with the figures that are not 0', async () => {
    const h = (await hover(positionOf(EXAMPLE, '0, 69]', 3)))!;
    assert.equal(h.contents.kind, 'markdown');
    assert.equal(textOf(EXAMPLE, h.range), '69');
    assert.equal(
      h.contents.value,
      [
        '`总计 = 67 + 2 = 69` （其余 4 项为 0）',
        '三、收到和处理政府信息公开申请情况 › 一、本年新收政府信息公开申请数量 › **总计**',
        '69 件',
      ].join('\n\n'),
    );
  });

  it('on the balance: 四 = 一 + 二 − 三（七）', async () => {
    const h = (await hover(positionOf(EXAMPLE, '[8, 0, 0, 0, 0, 0, 8]', 1)))!;
    assert.equal(textOf(EXAMPLE, h.range), '8');
    assert.ok(h.contents.value.includes('`自然人：四 = 一 + 二 − 三（七） = 67 + 2 − 61 = 8`'), h.contents.value);
  });

  it('on a wrong total: what it should be and what is written', async () => {
    const { uri } = await openDoc(zh, EXAMPLE.replace('[61, 2, 0, 0, 0, 0, 63]', '[61, 2, 0, 0, 0, 0, 64]'));
    const text = EXAMPLE.replace('[61, 2, 0, 0, 0, 0, 63]', '[61, 2, 0, 0, 0, 0, 64]');
    const h = (await hover(positionOf(text, '0, 64]', 3), zh, uri))!;
    const [across, down, where] = h.contents.value.split('\n\n');
    assert.equal(across, '`总计 = 61 + 2 = 63` ≠ 填写的 64 （其余 4 项为 0）');
    assert.equal(
      down,
      '`总计：三（七） = 三（一） + 三（二） + 三（四） + 三（五） = 7 + 3 + 50 + 3 = 63` ≠ 填写的 64 （其余 2 项为 0）',
    );
    assert.match(where, /^三、收到和处理政府信息公开申请情况 › /);
  });

  it('on a cell: its row, its column and the unit', async () => {
    const h = (await hover(positionOf(EXAMPLE, '[67', 1)))!;
    assert.equal(textOf(EXAMPLE, h.range), '67');
    assert.equal(
      h.contents.value,
      '三、收到和处理政府信息公开申请情况 › 一、本年新收政府信息公开申请数量 › **自然人**\n\n67 件',
    );
    const fee = (await hover(positionOf(EXAMPLE, '行政事业性收费: [0]', 10)))!;
    assert.match(fee.contents.value, /本年收费金额（单位：万元）\n\n0 万元/);
  });

  it('on a row key: the official label, where it sits, its columns', async () => {
    const h = (await hover(positionOf(EXAMPLE, '部分公开:', 1)))!;
    assert.equal(textOf(EXAMPLE, h.range), '部分公开');
    assert.match(h.contents.value, /^\*\*（二）部分公开（区分处理的，只计这一情形，不计其他情形）\*\*/);
    assert.match(h.contents.value, /三、本年度办理结果/);
    assert.match(h.contents.value, /7 列（件）：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计/);
  });

  it('on a section key and a metadata key: what goes there', async () => {
    const section = (await hover(positionOf(EXAMPLE, '主动公开政府信息情况:', 2)))!;
    assert.match(section.contents.value, /^\*\*二、主动公开政府信息情况\*\*\n\n表格，共 6 行/);
    const meta = (await hover(positionOf(EXAMPLE, '机关:', 0)))!;
    assert.match(meta.contents.value, /报告机关的全称/);
  });

  it('on a date: the deadline that applies', async () => {
    const h = (await hover(positionOf(EXAMPLE, '落款日期: 2024-01-08', 8)))!;
    assert.equal(textOf(EXAMPLE, h.range), '2024-01-08');
    assert.match(h.contents.value, /\*\*落款日期\*\* 2024年1月8日/);
    assert.match(h.contents.value, /公布期限：2025年1月31日（部门，《条例》第四十九条）/);
  });

  it('speaks English when the editor does', async () => {
    const date = (await hover(positionOf(EXAMPLE, '落款日期: 2024-01-08', 8), en, enUri))!;
    assert.match(date.contents.value, /Deadline: 2025-01-31 \(部门, Regulations art\. 49\)/);
    const row = (await hover(positionOf(EXAMPLE, '部分公开:', 1), en, enUri))!;
    assert.match(row.contents.value, /7 columns \(件\)/);
  });

  it('nothing in the middle of a narrative text', async () => {
    assert.equal(await hover(positionOf(EXAMPLE, '习近平新时代')), null);
  });
});

describe('hover follows the deadline settings', () => {
  it('a configured deadline replaces the statutory one', async () => {
    const { client } = await startEditor('zh-CN', { validate: { debounceMs: 0 }, deadlines: { 部门: '01-20' } });
    try {
      const { uri } = await openDoc(client, EXAMPLE);
      const h = (await client.request<Hover>('textDocument/hover', {
        textDocument: { uri },
        position: positionOf(EXAMPLE, '落款日期: 2024-01-08', 8),
      }))!;
      assert.match(h.contents.value, /公布期限：2025年1月20日（部门，设置中的期限）/);
    } finally {
      await client.dispose();
    }
  });
});
