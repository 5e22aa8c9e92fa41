/**
 * Findings a reviewer would sign: one defect is one finding, rows named together are summed,
 * breakdowns are not totals, messages use the figures they were worked out with, topics
 * written under another heading are said where they are, a YAML error does not cascade, and
 * parts that exceed their total are a warning. Sentences and tables in the styles of real
 * reports, changed from the complete and correct example of the rule documentation.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { check } from '../../../server/src/core/check';
import type { Finding } from '../../../server/src/core/findings';

const BASE = readFileSync(path.resolve(__dirname, '..', '..', 'fixtures', 'rules', 'base-2024.report.yaml'), 'utf8');

function report(...edits: [string, string][]): string {
  let t = BASE;
  for (const [from, to] of edits) {
    assert.ok(t.includes(from), `the example has no ${JSON.stringify(from)}`);
    t = t.replace(from, () => to);
  }
  return t;
}

/** `code "covered text"` for each finding, in document order. */
function found(text: string): string[] {
  return check(text).findings.map((f) => `${f.code} "${text.slice(f.span.start, f.span.end)}"`);
}

function only(text: string, code: string): Finding {
  const fs = check(text).findings.filter((f) => f.code === code);
  assert.equal(fs.length, 1, `one ${code}: ${found(text).join(' | ')}`);
  return fs[0];
}

const NEW_ROW = '本年新收政府信息公开申请数量:  [120, 30, 2, 1, 3, 4, 160]';
const RECEIVED = '本局共收到政府信息公开申请 160 件';

describe('one defect, one finding', () => {
  it('a wrong row total is reported on the cell, not again on the sentence that states the right sum', () => {
    const text = report([NEW_ROW, NEW_ROW.replace('160]', '170]')]);
    assert.deepEqual(found(text), ['row-total "170"']);
  });

  it('nor against the table on a sentence that repeats the wrong total (its own list says it is wrong)', () => {
    const text = report([NEW_ROW, NEW_ROW.replace('160]', '170]')], [RECEIVED, RECEIVED.replace('160', '170')]);
    assert.deepEqual(found(text), ['narrative-list-sum "170"', 'row-total "170"']);
  });

  it('a sentence that matches neither is one finding naming both values, with the supported one as its fix', () => {
    const text = report([NEW_ROW, NEW_ROW.replace('160]', '170]')], [RECEIVED, RECEIVED.replace('160', '150')]);
    const f = only(text, 'narrative-requests');
    assert.match(f.message['zh-CN'], /为 170（按表格的勾稽关系应为 160）/);
    assert.equal(f.fixes![0].edits[0].text, '160');
    // The list after it (120 + 40 = 160) disagrees with 150 too: the same wrong number, not a second finding.
    assert.ok(!check(text).findings.some((x) => x.code === 'narrative-list-sum'));
  });

  it('an item of a 其中 list that differs from the table is one finding on it, not also one on the list', () => {
    const text = report(['其中自然人 120 件', '其中自然人 110 件']);
    assert.deepEqual(found(text), ['narrative-requests "110"']);
  });

  it('"未被提起行政诉讼" agrees with parts that are all zero under a total of 1: only the total is wrong', () => {
    const text = report(
      ['未经复议直接起诉: [1, 0, 0, 0, 1]', '未经复议直接起诉: [0, 0, 0, 0, 1]'],
      ['被提起行政诉讼 1 件。', '未被提起行政诉讼。'],
    );
    assert.deepEqual(found(text), ['review-total "1"']);
  });

  it('when the balance cannot tell which cell is wrong, the sentences about its cells are not judged', () => {
    // 一 typed 150 for 160: the text (160, and 14 carried over) agrees with the other cells.
    const text = report([NEW_ROW, '本年新收政府信息公开申请数量:  [110, 30, 2, 1, 3, 4, 150]']);
    assert.deepEqual(
      check(text).findings.map((f) => f.code),
      ['balance', 'balance'],
    );
  });
});

describe('rows named together are summed', () => {
  const RESULTS = '本年度予以公开 52 件，部分公开 13 件';
  for (const joined of ['予以公开及部分公开', '予以公开和部分公开', '予以公开或部分公开', '予以公开、部分公开共'])
    it(`"${joined} 65 件" is 予以公开 + 部分公开`, () => {
      assert.deepEqual(found(report([RESULTS, `本年度${joined} 65 件`])), []);
      const f = only(report([RESULTS, `本年度${joined} 66 件`]), 'narrative-requests');
      assert.match(f.message['zh-CN'], /予以公开及部分公开 66 件.*（一）予以公开 \+ （二）部分公开.*为 65/);
    });

  it('three groups over clause marks: "不予公开、无法提供和不予处理共 81 件"', () => {
    const THREE = '不予公开 8 件，无法提供 63 件，不予处理 10 件，';
    assert.deepEqual(found(report([THREE, '不予公开、无法提供和不予处理共 81 件，'])), []);
    const f = only(report([THREE, '不予公开、无法提供和不予处理共 80 件，']), 'narrative-requests');
    assert.match(f.message['zh-CN'], /不予公开、无法提供及不予处理 80 件/);
  });

  it('rows stated one after another are each their own figure', () => {
    assert.deepEqual(found(report([RESULTS, '本年度予以公开 52 件、部分公开 13 件'])), []);
    assert.deepEqual(found(report([RESULTS, '本年度予以公开 52 件、部分公开 14 件'])), ['narrative-requests "14"']);
  });
});

describe('breakdowns are not totals', () => {
  it('a bracketed list of districts after the total is not read as a total or a list of its parts', () => {
    const text = report([RECEIVED, '本局共收到政府信息公开申请 160 件（其中市本级 16 件，县区 120 件）']);
    assert.deepEqual(found(text), []);
  });

  it('a change from last year before 其中 is not the total the list breaks down', () => {
    for (const change of ['同比增加 35 件', '较上年减少 12 件'])
      assert.deepEqual(found(report(['同比增长 28%', change])), [], change);
  });

  it('two breakdowns of one total (by applicant, then by result) are not added together', () => {
    const text = report([
      '同比增长 28%，其中自然人 120 件，法人或其他组织 40 件；上年结转 6 件。',
      '同比增长 28%，其中自然人 120 件，法人或其他组织 40 件，予以公开 52 件，部分公开 13 件，不予公开 8 件，无法提供 63 件，不予处理 10 件，其他处理 6 件。上年结转 6 件。',
    ]);
    assert.deepEqual(found(text), []);
  });
});

describe('the balance message', () => {
  it('shows the figures it worked with, in the words of the form, and no negative count', () => {
    // 一 自然人 110 where the results and the carry-over need 120: 四 would have to be -3.
    const text = report([NEW_ROW, '本年新收政府信息公开申请数量:  [110, 30, 2, 1, 3, 4, 150]']);
    const msgs = check(text)
      .findings.filter((f) => f.code === 'balance')
      .map((f) => f.message['zh-CN']);
    assert.deepEqual(msgs, [
      '自然人列：已办理和结转下年度的申请共 125 件（三（七） 118 + 四 7），多于本年新收和上年结转的申请 115 件（一 110 + 二 5）',
      '总计列：已办理和结转下年度的申请共 166 件（三（七） 152 + 四 14），多于本年新收和上年结转的申请 156 件（一 150 + 二 6）；如其他数字无误，四“结转下年度继续办理”应为 4',
    ]);
  });

  it('a cell that breaks several identities is one finding on it, naming them, with the value that mends all', () => {
    // （七）总计 of 自然人 typed 128 for 118: its row's total and its column's sum both break.
    const text = report([
      '总计:                        [118, 28, 1, 0, 2, 3, 152]',
      '总计:                        [128, 28, 1, 0, 2, 3, 152]',
    ]);
    const fs = check(text).findings;
    assert.deepEqual(
      fs.map((f) => `${f.code} "${text.slice(f.span.start, f.span.end)}"`),
      ['row-total "128"'],
    );
    assert.equal(
      fs[0].message['zh-CN'],
      '（七）总计（自然人）填的是 128，使 2 处勾稽关系不成立（三（七）行的总计；（七）总计与各项办理结果之和（自然人列））；改为 118 则都成立',
    );
    assert.equal(fs[0].fixes![0].edits[0].text, '118');
  });
});

describe('topics written in prose', () => {
  const MANAGEMENT = '  政府信息管理: >-\n    健全政府信息公开审查机制，坚持先审后发，全年未发生泄密事件。\n';

  it('a topic written under another heading is information that says where', () => {
    const text = report(
      [MANAGEMENT, ''],
      ['持续做好门户网站政府信息公开专栏的维护', '严格信息发布审核，持续做好门户网站政府信息公开专栏的维护'],
    );
    const f = only(text, 'missing-subsection');
    assert.equal(f.severity, 'information');
    assert.match(f.message['zh-CN'], /没有单列“政府信息管理”，相关内容似在“政府信息公开平台建设”中：“严格信息发布审核/);
    assert.equal(text.slice(f.related![0].span.start, f.related![0].span.end), '发布审核');
  });

  it('a topic found nowhere is a warning, with the fix that adds its sub-section', () => {
    const f = only(report([MANAGEMENT, '']), 'missing-subsection');
    assert.equal(f.severity, 'warning');
    assert.match(f.fixes![0].title['zh-CN'], /补上“政府信息管理”小节/);
  });

  for (const empty of ['""', "'   '"])
    it(`an empty sub-section (${empty}) is missing, and has no fix that would add another`, () => {
      const f = only(report([MANAGEMENT, `  政府信息管理: ${empty}\n`]), 'missing-subsection');
      assert.equal(f.severity, 'warning');
      assert.equal(f.fixes, undefined);
    });
});

describe('a YAML error does not cascade', () => {
  it('a quote left open is one error at the quote, in Chinese; the sections it swallowed are not missing', () => {
    const text = report(['  政府信息管理: >-\n    健全', '  政府信息管理: "健全']);
    const fs = check(text).findings;
    assert.deepEqual(
      fs.map((f) => f.code),
      ['yaml-syntax'],
    );
    assert.equal(text[fs[0].span.start], '"');
    assert.equal(
      text.slice(0, fs[0].span.start).split('\n').length,
      text.indexOf('政府信息管理: "') > 0 ? text.slice(0, text.indexOf('政府信息管理: "')).split('\n').length : -1,
    );
    assert.match(fs[0].message['zh-CN'], /^引号没有闭合/);
  });

  it('a bracket left open is one error at the bracket', () => {
    const text = report(['规章:           [0, 0, 0]', '规章:           [0, 0, 0']);
    const fs = check(text).findings;
    assert.deepEqual(
      fs.map((f) => `${f.code} "${text[f.span.start]}"`),
      ['yaml-syntax "["'],
    );
    assert.match(fs[0].message['zh-CN'], /^方括号没有闭合/);
  });

  it('a tab used to indent is said in Chinese', () => {
    const text = report(['  规章:           [0, 0, 0]', '\t规章:           [0, 0, 0]']);
    assert.ok(check(text).findings.some((f) => f.code === 'yaml-syntax' && /制表符/.test(f.message['zh-CN'])));
  });
});

describe('lists over their total', () => {
  it('parts that add up to more than their total are a warning', () => {
    const text = report([
      '全年在门户网站主动公开政府信息 1,380 条。',
      '全年在门户网站主动公开政府信息 3437 条，包括：人事信息12条，政务动态1740条，公告公示225 条，解读及回应信息共计110条，其他类信息1827条。',
    ]);
    const f = only(text, 'narrative-list-sum');
    assert.equal(f.severity, 'warning');
    assert.match(f.message['zh-CN'], /12 \+ 1740 \+ 225 \+ 110 \+ 1827 = 3914 条，各项之和比总数还多/);
  });

  it('a sum restating the items before it ends the list', () => {
    const text = report([
      '全年在门户网站主动公开政府信息 1,380 条。',
      '全年在门户网站主动公开政府信息 1,380 条，其中政策文件 380 条，工作动态 1000 条，两项合计 1380 条。',
    ]);
    assert.deepEqual(found(text), []);
  });

  it('a list that falls short of its total without being exhaustive stays silent', () => {
    const text = report([
      '全年在门户网站主动公开政府信息 1,380 条。',
      '全年在门户网站主动公开政府信息 1,380 条，其中政策文件 380 条，工作动态 800 条。',
    ]);
    assert.deepEqual(found(text), []);
  });
});
