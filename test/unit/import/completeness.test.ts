/**
 * What the source of an import does not show: a page or text that breaks off (mid-sentence or
 * mid-table, no signature), an excerpt with text left out (a line of dots). The import records it
 * as 原文不完整 and the check then reports none of the parts the source does not show as missing,
 * one information finding instead; what the source shows is checked as usual.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { check } from '../../../server/src/core/check';
import { importText } from '../../../server/src/core/import';
import { ROOT } from '../helpers';

const PUBLISHED = readFileSync(path.join(ROOT, 'test', 'fixtures', 'lvliang-2024.published.txt'), 'utf8');

/** The published text up to (not including) the first occurrence of `at`, plus `ending`. */
const cutAt = (at: string, ending = '') => PUBLISHED.slice(0, PUBLISHED.indexOf(at)) + ending;

function imported(text: string): string {
  const r = importText(text, { name: 'published.txt' });
  assert.ok(r.ok, r.ok ? '' : r.message.en);
  return r.yaml;
}

const codes = (yaml: string): string[] => check(yaml).findings.map((f) => f.code);

describe('a source that does not show the whole report', () => {
  it('records nothing for a whole report, which ends with its signature', () => {
    const yaml = imported(PUBLISHED);
    assert.doesNotMatch(yaml, /原文不完整/);
    assert.ok(!codes(yaml).includes('source-incomplete'));
  });

  it('records a text that breaks off mid-sentence, and reports nothing after it missing', () => {
    const yaml = imported(cutAt('，其余转入下一年度办理'));
    assert.match(yaml, /^原文不完整:\n {2}结尾: "?在“……/m);
    const found = codes(yaml);
    assert.ok(found.includes('source-incomplete'));
    for (const absent of ['missing-section', 'missing-field', 'missing-subsection'])
      assert.ok(!found.includes(absent), `${absent}: ${found.join(' ')}`);
  });

  it('records a table that breaks off after a label, and reports its later rows unseen but its earlier ones missing', () => {
    const cut = cutAt('| 二、上年结转政府信息公开申请数量', '| 二、上年结转政府信息公开申请数量 |\n');
    const yaml = imported(cut);
    assert.match(yaml, /结尾: "?在表格的“二、上年结转政府信息公开申请数量”处中断/);
    const found = check(yaml).findings;
    assert.ok(!found.some((f) => f.code === 'missing-row'), found.map((f) => f.message.en).join('\n'));
    assert.ok(!found.some((f) => f.code === 'missing-section'));
    // A row before the last one shown is missing from the report itself.
    const gap = imported(
      cutAt('| 三、本年度办理结果', '| 三、本年度办理结果 |\n').replace(
        /\| 一、本年新收政府信息公开申请数量[^\n]*\n/,
        '',
      ),
    );
    const missing = check(gap).findings.filter((f) => f.code === 'missing-row');
    assert.deepEqual(
      missing.map((f) => f.message['zh-CN']),
      ['“收到和处理政府信息公开申请情况”缺少行“一、本年新收政府信息公开申请数量”'],
    );
  });

  it('records an excerpt: text left out within a section, its start and end not shown', () => {
    const start = PUBLISHED.indexOf('一、总体情况');
    const excerpt =
      PUBLISHED.slice(start, PUBLISHED.indexOf('(二) 依申请公开')) +
      '……\n' +
      PUBLISHED.slice(
        PUBLISHED.indexOf('二、主动公开政府信息情况'),
        PUBLISHED.indexOf('吕梁市人民政府办公室\n\n2024 年 1 月 8 日'),
      );
    const yaml = imported(excerpt);
    assert.match(yaml, /^原文不完整:\n {2}开头: 没有标题和前言\n {2}省略: \[总体情况\]\n {2}结尾: 没有落款$/m);
    assert.doesNotMatch(yaml, /……/, 'the dots are no text of the report');
    const found = codes(yaml);
    for (const absent of ['missing-preface', 'missing-field', 'missing-subsection'])
      assert.ok(!found.includes(absent), `${absent}: ${found.join(' ')}`);
  });

  it('does not take a signature without a date, or a last line such as 无, for a text that breaks off', () => {
    const noDate = imported(PUBLISHED.replace(/\n2024 年 1 月 8 日\s*$/, '\n'));
    assert.doesNotMatch(noDate, /原文不完整/);
    assert.ok(codes(noDate).includes('missing-field'), 'the missing 落款日期 is the report’s');
    const none = imported(PUBLISHED.replace(/本机关 2024 年度未收取政府信息公开信息处理费。[\s\S]*$/, '无'));
    assert.doesNotMatch(none, /原文不完整/);
  });

  it('reads 原文不完整 written by hand, and reports a section it lists that does not exist', () => {
    const yaml = imported(cutAt('，其余转入下一年度办理')).replace(
      /^原文不完整:\n/m,
      '原文不完整:\n  省略: [总体情况, 不存在的部分]\n',
    );
    const found = check(yaml).findings;
    assert.ok(found.some((f) => f.code === 'invalid-value' && /原文不完整/.test(f.message['zh-CN'])));
    assert.match(found.find((f) => f.code === 'source-incomplete')!.message['zh-CN'], /“总体情况”中有省略/);
  });
});
