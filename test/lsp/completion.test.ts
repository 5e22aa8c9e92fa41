import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LspClient } from './lspClient';
import { EXAMPLE, applyEdit, cursor, expandSnippet, openDoc, startEditor, textOf } from './editorHelpers';

interface Item {
  label: string;
  kind: number;
  detail?: string;
  documentation?: { value: string };
  insertTextFormat?: number;
  insertTextMode?: number;
  sortText?: string;
  preselect?: boolean;
  textEdit: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
  };
}

/** The example with `from` replaced by `to` (which holds the cursor ‸). */
function edited(from: string | RegExp, to: string): string {
  const out = EXAMPLE.replace(from, to);
  assert.notEqual(out, EXAMPLE, `${String(from)} not found in the example`);
  return out;
}

describe('completion over stdio', () => {
  let client: LspClient;
  before(async () => {
    ({ client } = await startEditor('zh-CN'));
  });
  after(() => client.dispose());

  async function complete(marked: string, trigger?: string): Promise<{ items: Item[]; text: string }> {
    const { text, position } = cursor(marked);
    const { uri } = await openDoc(client, text);
    const result = await client.request<Item[] | { items: Item[] }>('textDocument/completion', {
      textDocument: { uri },
      position,
      context: trigger ? { triggerKind: 2, triggerCharacter: trigger } : { triggerKind: 1 },
    });
    return { items: Array.isArray(result) ? result : result.items, text };
  }

  /** The document after accepting an item with all its defaults, and its diagnostics. */
  async function accept(text: string, item: Item): Promise<{ text: string; codes: string[] }> {
    const after = applyEdit(text, {
      range: item.textEdit.range,
      newText: item.insertTextFormat === 2 ? expandSnippet(item.textEdit.newText) : item.textEdit.newText,
    });
    const { diagnostics } = await openDoc(client, after);
    return { text: after, codes: diagnostics.map((d) => d.code) };
  }

  it('announces its trigger characters', async () => {
    const { client: other, capabilities } = await startEditor();
    try {
      assert.deepEqual(capabilities.completionProvider.triggerCharacters, [':', ' ']);
    } finally {
      await other.dispose();
    }
  });

  it('top level: only the keys and sections not yet written, what is needed first and selected, a section as a whole snippet', async () => {
    const { items, text } = await complete(edited(/\n其他需要报告的事项:[\s\S]*$/, '\n‸'));
    // The missing section before the optional 发布日期, and selected.
    assert.deepEqual(
      items.map((i) => [i.label, i.preselect ?? false]),
      [
        ['其他需要报告的事项', true],
        ['发布日期', false],
      ],
    );
    assert.ok(items[0].sortText! < items[1].sortText!);
    const six = items.find((i) => i.label === '其他需要报告的事项')!;
    assert.equal(six.detail, '六、其他需要报告的事项');
    const { codes } = await accept(text, six);
    assert.ok(!codes.includes('missing-section'), codes.join());
  });

  it('top level of an empty file: every key, a whole table section that checks clean', async () => {
    const { items, text } = await complete('‸');
    assert.deepEqual(
      items.map((i) => i.label),
      [
        '机关',
        '年度',
        '落款日期',
        '前言',
        '总体情况',
        '主动公开政府信息情况',
        '收到和处理政府信息公开申请情况',
        '政府信息公开行政复议、行政诉讼情况',
        '存在的主要问题及改进情况',
        '其他需要报告的事项',
        '格式',
        '机关类型',
        '统计期限',
        '发布日期',
      ],
    );
    const table = items.find((i) => i.label === '收到和处理政府信息公开申请情况')!;
    assert.equal(table.insertTextFormat, 2);
    assert.equal(table.insertTextMode, 1, 'later lines carry their own indentation');
    const { text: inserted } = await accept(text, table);
    assert.match(inserted, /^收到和处理政府信息公开申请情况:\n {2}#.*\[自然人, 商业企业/);
    assert.match(inserted, /\n {6}属于国家秘密: +\[0, 0, 0, 0, 0, 0, 0\]\n/);
    const { diagnostics } = await openDoc(client, inserted);
    const table3 = diagnostics.filter((d) =>
      ['missing-row', 'missing-cell', 'yaml-syntax', 'unknown-key'].includes(d.code),
    );
    assert.deepEqual(table3, []);
  });

  it('section 一: the expected sub-sections that are missing', async () => {
    const { items } = await complete(edited('  平台建设: >-', '  ‸\n  平台建设: >-'));
    assert.deepEqual(
      items.map((i) => i.label),
      ['政府信息管理', '监督保障'],
    );
    assert.equal(items[0].textEdit.newText, '政府信息管理: |-\n    $0');
  });

  it('section 二: a missing row as a snippet of zeros, lined up with its neighbours', async () => {
    const { items, text } = await complete(edited('  行政强制:       [0]\n', '  ‸\n'));
    assert.deepEqual(
      items.map((i) => i.label),
      ['行政强制'],
    );
    assert.equal(items[0].textEdit.newText, '行政强制:       [${1:0}]');
    const { codes } = await accept(text, items[0]);
    assert.ok(!codes.includes('missing-row'));
  });

  it('section 三: rows of a group with their official labels, filtered by what is typed', async () => {
    const { items, text } = await complete(
      edited('    部分公开:                    [3, 0, 0, 0, 0, 0, 3]\n', '    部‸\n'),
    );
    assert.deepEqual(
      items.map((i) => i.label),
      ['部分公开'],
    );
    const item = items[0];
    assert.equal(item.detail, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    assert.equal(textOf(text, item.textEdit.range), '部');
    assert.equal(expandSnippet(item.textEdit.newText), '部分公开:                    [0, 0, 0, 0, 0, 0, 0]');
  });

  it('section 三: a whole missing group with all its rows', async () => {
    const marked = edited(/ {4}不予处理:\n(?: {6}.*\n)+/, '    ‸\n');
    const { items, text } = await complete(marked);
    assert.deepEqual(
      items.map((i) => i.label),
      ['不予处理'],
    );
    const { text: after, codes } = await accept(text, items[0]);
    assert.match(after, /\n {4}不予处理:\n {6}信访举报投诉类申请: +\[0, 0, 0, 0, 0, 0, 0\]\n/);
    assert.ok(!codes.includes('missing-row') && !codes.includes('yaml-syntax'), codes.join());
  });

  it('section 四: rows under 行政诉讼', async () => {
    const { items } = await complete(edited('    复议后起诉:       [0, 0, 0, 0, 0]', '    ‸'));
    assert.deepEqual(
      items.map((i) => i.label),
      ['复议后起诉'],
    );
    assert.equal(expandSnippet(items[0].textEdit.newText).replace(/ +/, ' '), '复议后起诉: [0, 0, 0, 0, 0]');
  });

  it('section 五 as a mapping: its two sub-sections', async () => {
    const { items } = await complete(
      edited(
        /存在的主要问题及改进情况: \|-\n[\s\S]*?\n\n其他需要报告的事项/,
        '存在的主要问题及改进情况:\n  ‸\n\n其他需要报告的事项',
      ),
    );
    assert.deepEqual(
      items.map((i) => i.label),
      ['存在的主要问题', '改进情况'],
    );
  });

  it('nothing inside a narrative text or a comment', async () => {
    assert.deepEqual((await complete(edited('本年度报告根据', '本年度报‸告根据'))).items, []);
    assert.deepEqual((await complete(edited('# Transcribed', '# Tran‸scribed'))).items, []);
    assert.deepEqual((await complete(edited('  一年来，', '  ‸一年来，'))).items, []);
  });

  it('a row value after the colon and a space: the zeros', async () => {
    const { items } = await complete(edited('  规章:           [0, 0, 0]', '  规章: ‸'), ' ');
    assert.deepEqual(
      items.map((i) => i.label),
      ['[0, 0, 0]'],
    );
    assert.equal(items[0].textEdit.newText, '[${1:0}, ${2:0}, ${3:0}]');
  });

  it('机关类型 values with what they mean', async () => {
    const { items } = await complete(edited('机关类型: 部门', '机关类型: ‸'));
    assert.deepEqual(
      items.map((i) => i.label),
      ['部门', '本级政府'],
    );
    assert.match(items[1].documentation!.value, /3月31日/);
  });

  it('dates: the deadline that applies, after a typed colon with its space', async () => {
    const { items, text } = await complete(edited('落款日期: 2024-01-08', '落款日期:‸'), ':');
    const deadline = items.find((i) => i.label === '2025-01-31');
    assert.ok(deadline, items.map((i) => i.label).join());
    assert.match(deadline.detail!, /公布期限/);
    assert.equal(deadline.textEdit.newText, ' 2025-01-31');
    assert.ok(items.some((i) => i.label === '2025年1月31日'));
    const { codes } = await accept(text, deadline);
    assert.ok(!codes.includes('signed-before-year-end') && !codes.includes('past-deadline'));
  });

  it('dates: 本级政府 is due on 31 March', async () => {
    const { items } = await complete(
      edited('机关类型: 部门', '机关类型: 本级政府').replace('落款日期: 2024-01-08', '落款日期: ‸'),
    );
    assert.ok(items.some((i) => i.label === '2025-03-31'));
  });

  it('dates: the statistics period inside its braces', async () => {
    const { items, text } = await complete(
      edited('统计期限: {起: 2024-01-01, 止: 2024-12-31}', '统计期限: {起: 2024-01-01, 止: ‸}'),
    );
    assert.deepEqual(
      items.map((i) => i.label),
      ['2024-12-31'],
    );
    const { text: after } = await accept(text, items[0]);
    assert.match(after, /统计期限: \{起: 2024-01-01, 止: 2024-12-31\}/);
  });
});
