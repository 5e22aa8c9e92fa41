import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LspClient } from './lspClient';
import { EXAMPLE, openDoc, positionOf, startEditor, textOf, type Range } from './editorHelpers';

interface Symbol {
  name: string;
  detail?: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children?: Symbol[];
}

interface SelectionRange {
  range: Range;
  parent?: SelectionRange;
}

const lines = EXAMPLE.split('\n');
const lineOf = (prefix: string) => {
  const i = lines.findIndex((l) => l.startsWith(prefix));
  assert.ok(i >= 0, prefix);
  return i;
};

describe('outline, folding and selection ranges over stdio', () => {
  let client: LspClient;
  let uri: string;
  before(async () => {
    ({ client } = await startEditor());
    ({ uri } = await openDoc(client, EXAMPLE));
  });
  after(() => client.dispose());

  it('document symbols: the six sections with their sub-sections, tables, groups and rows', async () => {
    const symbols = await client.request<Symbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const sections = symbols.filter((s) => s.kind === 2);
    assert.deepEqual(
      sections.map((s) => s.name),
      [
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ],
    );
    assert.deepEqual(
      symbols.filter((s) => s.kind === 7).map((s) => s.name),
      ['格式', '机关', '机关类型', '年度', '统计期限', '落款日期', '前言'],
    );
    const [one, two, three, four] = sections;
    assert.deepEqual(
      one.children!.map((c) => c.name),
      ['概述', '主动公开', '依申请公开', '解读回应', '平台建设'],
    );
    assert.equal(two.children!.length, 6);
    assert.deepEqual(two.children![1], {
      name: '行政规范性文件',
      detail: '[11, 2, 81]',
      kind: 18,
      range: {
        start: { line: lineOf('  行政规范性文件'), character: 2 },
        end: { line: lineOf('  行政规范性文件'), character: lines[lineOf('  行政规范性文件')].length },
      },
      selectionRange: {
        start: { line: lineOf('  行政规范性文件'), character: 2 },
        end: { line: lineOf('  行政规范性文件'), character: 9 },
      },
      children: [],
    });
    const results = three.children!.find((c) => c.name === '三、本年度办理结果')!;
    assert.deepEqual(
      results.children!.map((c) => c.name),
      [
        '（一）予以公开',
        '（二）部分公开',
        '（三）不予公开',
        '（四）无法提供',
        '（五）不予处理',
        '（六）其他处理',
        '（七）总计',
      ],
    );
    assert.equal(results.children![2].children!.length, 8);
    assert.equal(results.children![6].detail, '[61, 2, 0, 0, 0, 0, 63]');
    assert.deepEqual(
      four.children!.map((c) => [c.name, c.children!.length]),
      [
        ['行政复议', 0],
        ['行政诉讼', 2],
      ],
    );
    // Every child lies within its parent.
    const within = (inner: Range, outer: Range) =>
      (inner.start.line > outer.start.line ||
        (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
      (inner.end.line < outer.end.line ||
        (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
    const check = (s: Symbol) => {
      assert.ok(within(s.selectionRange, s.range), s.name);
      for (const c of s.children ?? []) {
        assert.ok(within(c.range, s.range), `${c.name} in ${s.name}`);
        check(c);
      }
    };
    symbols.forEach(check);
  });

  it('folding ranges: the header comments, the sections, the groups and the texts', async () => {
    const folds = await client.request<{ startLine: number; endLine: number; kind?: string }[]>(
      'textDocument/foldingRange',
      { textDocument: { uri } },
    );
    const has = (start: number, end: number, kind?: string) =>
      folds.some((f) => f.startLine === start && f.endLine === end && f.kind === kind);
    assert.ok(has(0, 4, 'comment'), 'the comment block at the top');
    assert.ok(has(lineOf('总体情况:'), lineOf('主动公开政府信息情况:') - 2), 'section 一');
    assert.ok(has(lineOf('收到和处理政府信息公开申请情况:'), lineOf('  结转下年度继续办理')), 'section 三');
    assert.ok(has(lineOf('  本年度办理结果:'), lineOf('    总计:')), 'the results group');
    assert.ok(has(lineOf('    不予公开:'), lineOf('      属于行政查询事项')), '不予公开');
    assert.ok(has(lineOf('前言:'), lineOf('前言:') + 1), 'a folded text');
    assert.ok(has(lineOf('存在的主要问题及改进情况:'), lineOf('  三是继续抓好业务培训')), 'section 五');
    for (const f of folds) assert.ok(f.endLine > f.startLine);
  });

  it('selection ranges: a cell, the numbers, the row, the table, the document', async () => {
    const position = positionOf(EXAMPLE, '[67', 1);
    const [range] = await client.request<SelectionRange[]>('textDocument/selectionRange', {
      textDocument: { uri },
      positions: [position],
    });
    const chain: string[] = [];
    for (let r: SelectionRange | undefined = range; r; r = r.parent) chain.push(textOf(EXAMPLE, r.range));
    assert.deepEqual(chain.slice(0, 4), [
      '67',
      '67, 2, 0, 0, 0, 0, 69',
      '[67, 2, 0, 0, 0, 0, 69]',
      '本年新收政府信息公开申请数量:  [67, 2, 0, 0, 0, 0, 69]',
    ]);
    assert.match(chain[4], /^本年新收政府信息公开申请数量:[\s\S]*结转下年度继续办理: +\[8, 0, 0, 0, 0, 0, 8\]$/);
    assert.match(chain[5], /^收到和处理政府信息公开申请情况:\n/);
    assert.equal(chain[chain.length - 1], EXAMPLE.trimEnd());
    for (let i = 1; i < chain.length; i++)
      assert.ok(chain[i].includes(chain[i - 1]), `level ${i} contains level ${i - 1}`);
  });

  it('selection ranges in a text: the sentence, then the paragraph', async () => {
    const position = positionOf(EXAMPLE, '二是持续加强部门联动', 3);
    const [range] = await client.request<SelectionRange[]>('textDocument/selectionRange', {
      textDocument: { uri },
      positions: [position],
    });
    assert.equal(textOf(EXAMPLE, range.range), '二是持续加强部门联动。');
    assert.match(textOf(EXAMPLE, range.parent!.range), /^二是持续加强部门联动。不断优化工作流程[^\n]*“含金量”。$/);
  });
});
