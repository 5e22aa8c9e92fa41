import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completionsAt } from '../../server/src/core/completion';
import { hoverAt } from '../../server/src/core/hover';
import { inlayHints } from '../../server/src/core/inlayHints';
import { foldingRanges, outline } from '../../server/src/core/outline';
import { parseReport } from '../../server/src/core/parse';
import { EXAMPLE, variant } from './helpers';

/** Completion labels at the ‸ of a marked text. */
function labels(marked: string, trigger?: string): string[] {
  const at = marked.indexOf('‸');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  return completionsAt(parseReport(text), at, 'zh-CN', { trigger }).map((c) => c.label);
}

describe('completion (core)', () => {
  it('keys written with their numbering or an alias count as present', () => {
    const marked = variant('    予以公开:', '    （一）予以公开:').replace(
      '    部分公开:                    [3, 0, 0, 0, 0, 0, 3]\n',
      '    ‸\n',
    );
    assert.deepEqual(labels(marked), ['部分公开']);
    const alias = variant('  行政规范性文件: [11, 2, 81]', '  规范性文件: [11, 2, 81]').replace(
      '  行政强制:       [0]\n',
      '  ‸\n',
    );
    assert.deepEqual(labels(alias), ['行政强制']);
  });

  it('works the same on a document with CRLF line breaks', () => {
    const marked = variant('  行政强制:       [0]\n', '  ‸\n').replace(/\n/g, '\r\n');
    assert.deepEqual(labels(marked), ['行政强制']);
  });

  it('a space typed where a key goes asks for nothing; after a colon it offers the value', () => {
    assert.deepEqual(labels(variant('  行政强制:       [0]\n', '  ‸\n'), ' '), []);
    assert.deepEqual(labels(variant('  行政强制:       [0]', '  行政强制: ‸'), ' '), ['[0]']);
  });

  it('column labels inside a row written as a mapping', () => {
    const marked = variant('  行政复议:           [0, 0, 0, 0, 0]', '  行政复议:\n    结果维持: 0\n    ‸');
    assert.deepEqual(labels(marked), ['结果纠正', '其他结果', '尚未审结', '总计']);
  });

  it('nothing below a key whose value is on its line', () => {
    assert.deepEqual(labels(variant('  规章:           [0, 0, 0]\n', '  规章:           [0, 0, 0]\n    ‸\n')), []);
  });
});

describe('hover, hints and outline (core)', () => {
  it('a column key of a row written as a mapping', () => {
    const text = variant(
      '  行政复议:           [0, 0, 0, 0, 0]',
      '  行政复议: {结果维持: 0, 结果纠正: 0, 其他结果: 0, 尚未审结: 0, 总计: 0}',
    );
    const h = hoverAt(parseReport(text), text.indexOf('尚未审结: 0') + 1, 'en');
    assert.equal(h?.contents, '**尚未审结**\n\na count, a whole number ≥ 0 (件)');
  });

  it('a group written as one row: its total still has its formula', () => {
    const text = EXAMPLE.replace(/ {4}其他处理:\n(?: {6}.*\n)+/, '    其他处理: [1, 0, 0, 0, 0, 0, 1]\n');
    const at = text.indexOf('其他处理: [1, 0, 0, 0, 0, 0, 1]') + '其他处理: [1, 0, 0, 0, 0, 0, '.length;
    assert.match(hoverAt(parseReport(text), at, 'zh-CN')!.contents, /`总计 = 1` （其余 5 项为 0）/);
  });

  it('one hint per wrong cell, even when two identities find it', () => {
    const text = variant('[61, 2, 0, 0, 0, 0, 63]', '[61, 2, 0, 0, 0, 0, 64]');
    const totals = inlayHints(parseReport(text), { start: 0, end: text.length }, 'zh-CN').filter(
      (h) => h.kind === 'total',
    );
    assert.deepEqual(
      totals.map((h) => h.label),
      ['应为 63'],
    );
  });

  it('unknown keys still appear in the outline, and broken YAML does not stop it', () => {
    const text = variant('主动公开政府信息情况:', '主动公开政府信息情况:\n  自创的行: [1]');
    const two = outline(parseReport(text)).find((n) => n.name === '二、主动公开政府信息情况')!;
    assert.equal(two.children[0].name, '自创的行');
    assert.equal(two.children[0].kind, 'key');
    const broken = variant('规章:           [0, 0, 0]', '规章:           [0, 0, 0');
    assert.ok(outline(parseReport(broken)).length > 0);
    assert.ok(foldingRanges(parseReport(broken)).length > 0);
  });
});
