/**
 * What each rule deliberately leaves alone (the `notFlagged` of its documentation), checked on
 * the documentation's example report changed the way its examples change it: the code must not
 * be found there. Where the case is a defect another code reports, that code must be found
 * instead, so that the case is real and one defect gives one finding.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { check, checkReport, type CheckOptions } from '../../../server/src/core/check';
import type { RuleCode } from '../../../server/src/core/codes';
import type { Finding } from '../../../server/src/core/findings';
import { parseReport } from '../../../server/src/core/parse';
import type { ExampleEdit } from '../../../server/src/core/rule';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'rules');
const BASE = readFileSync(path.join(FIXTURES, 'base-2024.report.yaml'), 'utf8');
const PREVIOUS = readFileSync(path.join(FIXTURES, 'base-2023.report.yaml'), 'utf8');

function apply(text: string, edits: ExampleEdit[], which: 'this' | 'previous'): string {
  let out = text;
  for (const e of edits) {
    if ((e.in ?? 'this') !== which) continue;
    assert.ok(out.includes(e.replace), `the example report has no ${JSON.stringify(e.replace)}`);
    out = out.replace(e.replace, () => e.with);
  }
  return out;
}

/** The example report changed by `edits`, checked with last year's report (also changed), or alone. */
function findings(edits: ExampleEdit[], options: { alone?: boolean } = {}): Finding[] {
  const opts: CheckOptions = options.alone
    ? {}
    : { previous: { report: parseReport(apply(PREVIOUS, edits, 'previous')) } };
  return checkReport(parseReport(apply(BASE, edits, 'this')), opts).findings;
}

/** `replace` → `with` in this year's report. */
const edit = (replace: string, by: string): ExampleEdit => ({ replace, with: by });
/** `replace` → `with` in last year's report. */
const before = (replace: string, by: string): ExampleEdit => ({ replace, with: by, in: 'previous' });
/** The example report from the line that starts with `from` up to the one that starts with `to`. */
function lines(from: string, to: string): string {
  const start = BASE.indexOf(`\n${from}`) + 1;
  const end = BASE.indexOf(`\n${to}`, start) + 1;
  assert.ok(start > 0 && end > start, `the example report has no lines from ${from} to ${to}`);
  return BASE.slice(start, end);
}

/** `code` is not among `found`; each of `instead` is (the code that reports the defect). */
function leaves(found: Finding[], code: RuleCode, instead: RuleCode[] = []): void {
  assert.ok(!found.some((f) => f.code === code), `${code} found: ${found.map((f) => f.code).join(', ')}`);
  finds(found, ...instead);
}

/** Each of `codes` is among `found`. */
function finds(found: Finding[], ...codes: RuleCode[]): void {
  const got = found.map((f) => f.code);
  for (const c of codes) assert.ok(got.includes(c), `${c} not found: ${got.join(', ') || 'nothing'}`);
}

const only = (found: Finding[], code: RuleCode) => found.filter((f) => f.code === code);

describe('what the rules do not flag', () => {
  it('undecodable-text: once for the whole file; text decoded in the wrong encoding is not reported', () => {
    const twice = findings([
      edit('机关: 某市交通运输局', '机关: 某市交通\ufffd\ufffd局'),
      edit('开展业务培训 2 次', '开展业务\ufffd训 2 次'),
    ]);
    assert.equal(only(twice, 'undecodable-text').length, 1);
    // 某市交通运输局 in UTF-8 read as GBK: valid characters, not undecodable bytes.
    leaves(findings([edit('机关: 某市交通运输局', '机关: 鏌愬競浜ら€氳繍杈撳眬')]), 'undecodable-text');
  });

  it('yaml-syntax: an error once, at its cause; nothing it swallowed reported missing; a wrong kind of value is not one', () => {
    // The quote left open swallows the rest of the file, section 六 included.
    const open = findings([edit('存在的主要问题及改进情况: >-\n  ', '存在的主要问题及改进情况: "')]);
    assert.equal(only(open, 'yaml-syntax').length, 1);
    leaves(open, 'missing-section');
    leaves(findings([edit('年度: 2024', '年度: 2024年')]), 'yaml-syntax', ['invalid-value']);
  });

  it('not-a-report: an empty file, or one of comments only, is a report not yet written', () => {
    for (const text of ['', '# 某市交通运输局 2024 年度报告\n']) {
      const found = check(text).findings;
      leaves(found, 'not-a-report', ['missing-field', 'missing-section']);
    }
  });

  it('duplicate-key: what is under the repeated key is not read', () => {
    const found = findings([edit('  行政强制:       [3]', '  行政强制:       [3]\n  （三）行政强制: [-4, 2.5]')]);
    assert.equal(only(found, 'duplicate-key').length, 1);
    for (const code of ['cell-negative', 'cell-fractional', 'extra-cell'] as const) leaves(found, code);
  });

  it('unknown-key: own sub-headings of 总体情况, a table note and 2019 labels are not unknown keys', () => {
    leaves(
      findings([
        edit('  平台建设: >-', '  （六）政务公开工作: >-\n    开展政务公开日活动。\n  平台建设: >-'),
        edit('  行政强制:       [3]', '  行政强制:       [3]\n  说明: 本表数据截至 2024 年 12 月 31 日。'),
      ]),
      'unknown-key',
    );
    leaves(
      findings([edit('  规章:           [0, 0, 0]', '  本年新制作数量: [3]\n  规章:           [0, 0, 0]')]),
      'unknown-key',
      ['legacy-label'],
    );
  });

  it('legacy-label: the 2019 labels in the text are not read', () => {
    leaves(
      findings([
        edit(
          '全年在门户网站主动公开政府信息 1,380 条。',
          '全年在门户网站主动公开政府信息 1,380 条，本年新制作数量 3 件。',
        ),
      ]),
      'legacy-label',
    );
  });

  it('legacy-format-cited: no citation is not a wrong one; comments are not read', () => {
    leaves(
      findings([
        edit('（国办公开办函〔2021〕30号）编制', '编制'),
        edit('格式: 2021', '# 不再按国办公开办函〔2019〕60号填报\n格式: 2021'),
      ]),
      'legacy-format-cited',
    );
  });
  it('invalid-value: a value plainly meant is accepted; a year that cannot be read is not guessed', () => {
    leaves(findings([edit('机关类型: 部门', '机关类型: 部 门'), edit('格式: 2021', '格式: "2021"')]), 'invalid-value');
    // 2024年 is read as 2024: the signature date is still compared with it.
    const late = [edit('落款日期: 2025-01-20', '落款日期: 2024-06-01')];
    finds(findings([edit('年度: 2024', '年度: 2024年'), ...late]), 'invalid-value', 'signed-before-year-end');
    leaves(findings([edit('年度: 2024', '年度: 24'), ...late]), 'signed-before-year-end', ['invalid-value']);
  });

  it('misprinted-label: once per recorded label; an empty 原文标签, or one entry that names no label of the form or the same label, is not reported', () => {
    const found = findings([edit('\n前言: >-', '\n原文标签: {本年度止件数: 本年废止件数}\n前言: >-')]);
    assert.equal(only(found, 'misprinted-label').length, 1);
    leaves(found, 'unknown-key');
    leaves(findings([edit('\n前言: >-', '\n原文标签:\n前言: >-')]), 'misprinted-label');
    // A slip in the entry itself: the entry is wrong (invalid-value), not the published report.
    const slip = findings([edit('\n前言: >-', '\n原文标签: {本年度止件数: 本年废止数}\n前言: >-')]);
    leaves(slip, 'misprinted-label', ['invalid-value']);
    assert.match(only(slip, 'invalid-value')[0].message['zh-CN'], /“本年废止数”不是.*的标签/);
    leaves(findings([edit('\n前言: >-', '\n原文标签: {总  计: 总计}\n前言: >-')]), 'misprinted-label');
  });

  it('source-incomplete: what the source shows is still reported missing; an empty record is not reported', () => {
    const startCut = findings([
      edit('前言: >-', '原文不完整: {开头: 摘录}\n前言: >-'),
      edit('前言: >-\n  ', '# '),
      edit('落款日期: 2025-01-20\n', ''),
    ]);
    assert.equal(only(startCut, 'source-incomplete').length, 1);
    leaves(startCut, 'missing-preface', ['missing-field']);
    leaves(findings([edit('前言: >-', '原文不完整: {}\n前言: >-')]), 'source-incomplete');
  });

  it('missing-field: fields the form does not require; a field the source did not show', () => {
    leaves(
      findings([
        edit('机关类型: 部门\n', ''),
        edit('统计期限: {起: 2024-01-01, 止: 2024-12-31}\n', ''),
        edit('发布日期: 2025-01-22\n', ''),
      ]),
      'missing-field',
    );
    leaves(
      findings([edit('前言: >-', '原文不完整: {结尾: 断开}\n前言: >-'), edit('落款日期: 2025-01-20\n', '')]),
      'missing-field',
      ['source-incomplete'],
    );
  });

  it('missing-preface: an empty 前言 is the one fix-all writes', () => {
    leaves(findings([edit('前言: >-\n  本报告', '前言: ""\n# 本报告')]), 'missing-preface');
  });
  it('missing-section: a numbered title, an empty section, and what the source did not show are not missing', () => {
    leaves(findings([edit('其他需要报告的事项: >-', '六、其他需要报告的事项: >-')]), 'missing-section');
    leaves(
      findings([
        edit('其他需要报告的事项: >-\n  本机关 2024 年度未收取政府信息公开信息处理费。', '其他需要报告的事项:'),
      ]),
      'missing-section',
      ['fee-not-stated'],
    );
    leaves(
      findings([
        edit('前言: >-', '原文不完整: {结尾: 断开}\n前言: >-'),
        edit('其他需要报告的事项: >-\n  ', '# '),
        edit('存在的主要问题及改进情况: >-\n  ', '# '),
      ]),
      'missing-section',
      ['source-incomplete'],
    );
  });

  it('section-order: a missing section, and the order of fields, topics and rows, are not judged', () => {
    const platform = '  平台建设: >-\n    持续做好门户网站政府信息公开专栏的维护，及时更新各栏目内容。\n';
    leaves(
      findings([
        edit('存在的主要问题及改进情况: >-\n  ', '# '),
        edit('机关: 某市交通运输局\n', ''),
        edit('\n前言: >-', '\n机关: 某市交通运输局\n前言: >-'),
        edit(platform, ''),
        edit('  主动公开: >-', `${platform}  主动公开: >-`),
        edit(
          '  规章:           [0, 0, 0]\n  行政规范性文件: [5, 2, 48]',
          '  行政规范性文件: [5, 2, 48]\n  规章: [0, 0, 0]',
        ),
      ]),
      'section-order',
      ['missing-section'],
    );
  });
  it('missing-row: a group once, an empty table once, a misspelt row and a group written as one row are not missing', () => {
    const refused = lines('    不予处理:', '    其他处理:');
    assert.equal(only(findings([edit(refused, '')]), 'missing-row').length, 1);
    const appeals = lines('  行政复议:', '\n存在的主要问题及改进情况');
    assert.equal(only(findings([edit(appeals, '')]), 'missing-row').length, 1);
    leaves(findings([edit('  行政许可:       [320]', '  行政许科:       [320]')]), 'missing-row', ['unknown-key']);
    leaves(findings([edit(refused, '    不予处理: [9, 1, 0, 0, 0, 0, 10]\n')]), 'missing-row', ['group-as-row']);
  });
  it('missing-cell: a mapping names its columns in any order; a blank cell is there; a short row is not added up', () => {
    const row = '      重复申请:                  [3, 1, 0, 0, 0, 0, 4]';
    leaves(
      findings([
        edit(
          row,
          '      重复申请: {总计: 4, 自然人: 3, 商业企业: 1, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0}',
        ),
      ]),
      'missing-cell',
    );
    leaves(findings([edit(row, '      重复申请: [3, 1, "", 0, 0, 0, 4]')]), 'missing-cell', ['cell-not-number']);
    const short = findings([edit(row, '      重复申请: [3, 1, 0, 0, 0]')]);
    assert.equal(only(short, 'missing-cell').length, 1);
    for (const code of ['row-total', 'result-total', 'balance'] as const) leaves(short, code);
  });

  it('extra-cell: an extra column name is an unknown key; extra numbers count in no total', () => {
    const row = '      重复申请:                  [3, 1, 0, 0, 0, 0, 4]';
    leaves(
      findings([
        edit(
          row,
          '      重复申请: {自然人: 3, 商业企业: 1, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 4, 备注: 0}',
        ),
      ]),
      'extra-cell',
      ['unknown-key'],
    );
    const extra = findings([edit(row, '      重复申请: [3, 1, 0, 0, 0, 0, 4, 5]')]);
    assert.deepEqual(
      extra.map((f) => f.code),
      ['extra-cell'],
    );
  });

  it('group-as-row: its items are not missing and its numbers count', () => {
    const refused = lines('    不予处理:', '    其他处理:');
    const found = findings([edit(refused, '    不予处理: [9, 1, 0, 0, 0, 0, 10]\n')]);
    assert.deepEqual(
      found.map((f) => f.code),
      ['group-as-row'],
    );
    // Its numbers are added up: one more makes 总计 wrong.
    finds(findings([edit(refused, '    不予处理: [10, 1, 0, 0, 0, 0, 11]\n')]), 'result-total');
  });

  it('cell-not-number: a quoted, full-width or separated number counts at its value; 320.0 is plain', () => {
    const row = '  本年新收政府信息公开申请数量:  [120, 30, 2, 1, 3, 4, 160]';
    const quoted = findings([edit(row, '  本年新收政府信息公开申请数量: ["120", 30, 2, 1, 3, 4, "１６０"]')]);
    assert.equal(only(quoted, 'cell-not-number').length, 2);
    leaves(quoted, 'row-total');
    finds(findings([edit(row, '  本年新收政府信息公开申请数量: ["120", 30, 2, 1, 3, 4, "1,70"]')]), 'row-total');
    leaves(findings([edit('  行政许可:       [320]', '  行政许可:       [320.0]')]), 'cell-not-number');
  });

  it('cell-negative: figures in the text and -0 are not read as negative cells', () => {
    leaves(
      findings([
        edit('同比增长 28%', '同比增长 -28%'),
        edit('  行政许可:       [320]', '  行政许可:       [-0]'),
        edit('  行政事业性收费: [0]', '  行政事业性收费: [-0]'),
      ]),
      'cell-negative',
    );
  });

  it('cell-fractional: an amount in 万元 and a whole number written with decimals', () => {
    leaves(
      findings([
        edit('  行政事业性收费: [0]', '  行政事业性收费: [0.25]'),
        edit('  行政许可:       [320]', '  行政许可:       [320.0]'),
      ]),
      'cell-fractional',
    );
  });

  it('number-too-large: 2^53 − 1 itself and decimals beyond it are not reported', () => {
    leaves(
      findings([
        edit('  行政许可:       [320]', '  行政许可:       [9007199254740991]'),
        edit('  行政事业性收费: [0]', '  行政事业性收费: [9007199254740991.5]'),
      ]),
      'number-too-large',
    );
  });

  it('row-total: a row with a cell that is not a number is not added up; a wrong addend is reported once', () => {
    const row = '    予以公开:                    [40, 10, 0, 0, 1, 1, 52]';
    // Read as 0, the slash would leave 总计 52 one more than its columns.
    leaves(findings([edit(row, '    予以公开: [40, 10, /, 0, 1, 0, 52]')]), 'row-total', ['cell-not-number']);
    const addend = findings([edit(row, '    予以公开: [41, 10, 0, 0, 1, 1, 52]')]);
    assert.equal(addend.filter((f) => ['row-total', 'result-total', 'balance'].includes(f.code)).length, 1);
  });

  it('result-total: a column with a result row missing is not checked', () => {
    const found = findings([edit('    予以公开:                    [40, 10, 0, 0, 1, 1, 52]\n', '')]);
    leaves(found, 'result-total', ['missing-row']);
    leaves(found, 'balance');
  });

  it('balance: a （七）总计 already reported wrong is not reported again', () => {
    const found = findings([
      edit('总计:                        [118, 28, 1, 0, 2, 3, 152]', '总计: [119, 28, 1, 0, 2, 3, 153]'),
    ]);
    leaves(found, 'balance', ['result-total']);
  });

  it('review-total: a row short of cells is not added up', () => {
    leaves(
      findings([edit('  行政复议:           [1, 0, 0, 1, 2]', '  行政复议:           [1, 0, 0, 3]')]),
      'review-total',
      ['missing-cell'],
    );
  });
  it('date-invalid: dates in the text are not read; a date in another layout is not invalid; none is compared', () => {
    leaves(
      findings([edit('所列数据的统计期限自 2024 年 1 月 1 日', '所列数据的统计期限自 2024 年 2 月 30 日')]),
      'date-invalid',
    );
    leaves(findings([edit('落款日期: 2025-01-20', '落款日期: 2025/1/20')]), 'date-invalid', ['date-form']);
    leaves(findings([edit('落款日期: 2025-01-20', '落款日期: 2024-02-30')]), 'signed-before-year-end', [
      'date-invalid',
    ]);
  });

  it('date-form: both forms of the format, padded or not, spaced or full-width; other forms still compared', () => {
    leaves(
      findings([
        edit('落款日期: 2025-01-20', '落款日期: 2025年01月20日'),
        edit('发布日期: 2025-01-22', '发布日期: ２０２５ 年 1 月 22 日'),
      ]),
      'date-form',
    );
    finds(findings([edit('落款日期: 2025-01-20', '落款日期: 2024/1/20')]), 'date-form', 'signed-before-year-end');
  });

  it('period-year: an end not written is not reported', () => {
    leaves(findings([edit('统计期限: {起: 2024-01-01, 止: 2024-12-31}', '统计期限: {止: 2024-12-31}')]), 'period-year');
  });

  it('signed-before-year-end: dates in the preface are not read', () => {
    leaves(
      findings([edit('至 2024 年 12 月 31 日止', '至 2024 年 12 月 31 日止，2024 年 12 月 1 日定稿')]),
      'signed-before-year-end',
    );
  });

  it('past-deadline: the deadline day itself is not late', () => {
    leaves(
      findings([edit('落款日期: 2025-01-20\n发布日期: 2025-01-22', '落款日期: 2025-01-31\n发布日期: 2025-01-31')]),
      'past-deadline',
    );
    leaves(
      findings([edit('机关类型: 部门', '机关类型: 本级政府'), edit('发布日期: 2025-01-22', '发布日期: 2025-03-31')]),
      'past-deadline',
    );
  });

  it('published-before-signed: the same day, or a date that does not exist, is not reported', () => {
    leaves(findings([edit('发布日期: 2025-01-22', '发布日期: 2025-01-20')]), 'published-before-signed');
    leaves(
      findings([
        edit('落款日期: 2025-01-20', '落款日期: 2025-01-32'),
        edit('发布日期: 2025-01-22', '发布日期: 2025-01-10'),
      ]),
      'published-before-signed',
      ['date-invalid'],
    );
  });
  it('unknown-suppression: a real code with nothing to silence; the real codes beside an unknown one work', () => {
    const late = edit('落款日期: 2025-01-20\n发布日期: 2025-01-22', '落款日期: 2025-02-10\n发布日期: 2025-01-22');
    leaves(
      findings([edit('落款日期: 2025-01-20', '# govreport-disable-next-line past-deadline\n落款日期: 2025-01-20')]),
      'unknown-suppression',
    );
    const both = findings([
      late,
      edit('落款日期: 2025-02-10', '# govreport-disable-next-line past-dedline, past-deadline\n落款日期: 2025-02-10'),
    ]);
    assert.equal(only(both, 'unknown-suppression').length, 1);
    leaves(both, 'past-deadline');
  });

  it('fee-unit: amounts below the limit of the organ type; fees in the text', () => {
    const fee = '  行政事业性收费: [0]';
    leaves(findings([edit(fee, '  行政事业性收费: [99999]')]), 'fee-unit');
    leaves(
      findings([edit('机关类型: 部门', '机关类型: 本级政府'), edit(fee, '  行政事业性收费: [999999]')]),
      'fee-unit',
    );
    leaves(findings([edit('未收取政府信息公开信息处理费。', '收取政府信息公开信息处理费 1250000 元。')]), 'fee-unit');
  });
  it('missing-subsection: one text that speaks of every topic; a topic under another heading is information', () => {
    const overview = lines('总体情况:', '\n主动公开政府信息情况');
    leaves(
      findings([
        edit(
          overview,
          '总体情况: >-\n  本局全年主动公开政府信息 1,380 条，办理依申请公开 160 件；坚持先审后发；做好专栏维护；开展业务培训 2 次。\n',
        ),
      ]),
      'missing-subsection',
    );
    const moved = findings([
      edit('  政府信息管理: >-\n    ', '  # '),
      edit('持续做好门户网站政府信息公开专栏的维护', '坚持先审后发，持续做好门户网站政府信息公开专栏的维护'),
    ]);
    const topic = only(moved, 'missing-subsection');
    assert.equal(topic.length, 1);
    assert.equal(topic[0].severity, 'information');
  });

  it('section-five-empty: a few sentences are not judged; a missing section five is missing-section', () => {
    const five = lines('存在的主要问题及改进情况:', '\n其他需要报告的事项');
    leaves(
      findings([edit(five, '存在的主要问题及改进情况: 暂无明显问题，下一步将继续加强培训。\n')]),
      'section-five-empty',
    );
    leaves(findings([edit(five, '')]), 'section-five-empty', ['missing-section']);
  });

  it('fee-not-stated: a fee charged is stated too; fees in 总体情况 do not count; a missing section six', () => {
    const fee = '本机关 2024 年度未收取政府信息公开信息处理费。';
    leaves(findings([edit(fee, '本机关 2024 年度收取信息处理费 200 元。')]), 'fee-not-stated');
    finds(
      findings([edit(fee, '无。'), edit('办结率 83.3%。', '办结率 83.3%。全年未收取信息处理费。')]),
      'fee-not-stated',
    );
    leaves(findings([edit(`其他需要报告的事项: >-\n  ${fee}\n`, '')]), 'fee-not-stated', ['missing-section']);
  });

  it('rules-by-department: 规章 in the text of a department is not read', () => {
    leaves(
      findings([edit('废止 2 件，现行有效 48 件。', '废止 2 件，现行有效 48 件。配合市政府起草规章 1 件。')]),
      'rules-by-department',
    );
  });
  it('cross-year-carryover: not against another year; a column that is not a number either year', () => {
    const carried = '上年结转政府信息公开申请数量:  [5, 1, 0, 0, 0, 0, 6]';
    leaves(
      findings([
        edit(carried, '上年结转政府信息公开申请数量: [4, 1, 0, 0, 0, 0, 5]'),
        before('年度: 2023', '年度: 2022'),
      ]),
      'cross-year-carryover',
    );
    // Read as 0, the slash would differ from last year's 1.
    leaves(findings([edit(carried, '上年结转政府信息公开申请数量: [5, /, 0, 0, 0, 0, 6]')]), 'cross-year-carryover', [
      'cell-not-number',
    ]);
  });

  it('cross-year-stock: not against another year; a figure that is not a number', () => {
    const documents = '行政规范性文件: [5, 2, 48]';
    leaves(
      findings([edit(documents, '行政规范性文件: [5, 2, 52]'), before('年度: 2023', '年度: 2022')]),
      'cross-year-stock',
    );
    leaves(findings([edit(documents, '行政规范性文件: [5, /, 52]')]), 'cross-year-stock', ['cell-not-number']);
  });

  it('cross-year-growth: rounding at the decimals written; approximate figures; last year unclear or another year', () => {
    leaves(
      findings([
        edit('同比增长 28%', '同比增长 27%'),
        before(
          '  本年新收政府信息公开申请数量:  [100, 20, 0, 0, 2, 3, 125]',
          '  本年新收政府信息公开申请数量: [101, 20, 0, 0, 2, 3, 126]',
        ),
      ]),
      'cross-year-growth',
    );
    leaves(findings([edit('同比增长 28%', '同比增长约 20%')]), 'cross-year-growth');
    leaves(findings([edit('同比增长 28%', '同比增长 20%'), before('年度: 2023', '年度: 2022')]), 'cross-year-growth');
    const portal = '全年在门户网站主动公开政府信息 1,380 条。';
    const growth = edit(portal, '全年在门户网站主动公开政府信息 1,380 条，同比增长 5%。');
    finds(findings([growth]), 'cross-year-growth');
    leaves(
      findings([
        growth,
        before(
          '全年在门户网站主动公开政府信息 1,260 条。',
          '全年在门户网站主动公开政府信息 1,260 条。本局在门户网站主动公开政府信息 600 条。',
        ),
      ]),
      'cross-year-growth',
    );
  });
  it('narrative-documents: other counts, approximate figures, other years and scopes, a bare count about two kinds', () => {
    const documents = '本年度制发行政规范性文件 5 件，废止 2 件，现行有效 48 件。';
    for (const more of [
      '清理行政规范性文件 30 件。',
      '2023 年制发行政规范性文件 6 件。',
      '各区县制发行政规范性文件 20 件。',
      '本年度清理规章和行政规范性文件，废止 7 件。',
    ])
      leaves(findings([edit(documents, documents + more)]), 'narrative-documents');
    leaves(
      findings([edit(documents, '本年度制发行政规范性文件约 6 件，废止 2 件，现行有效 40 余件。')]),
      'narrative-documents',
    );
  });

  const RATE = '全年度收到网民来信 2819 件，办结 2348 件，办结率 83.3%。';

  it('narrative-rate: rates that are not a ratio of the counts, approximate counts, shares of no stated whole, fewer decimals', () => {
    for (const text of [
      '全年度收到网民来信 2819 件，办结 2348 件，群众满意率 99.1%。',
      '全年度收到网民来信 2800 余件，办结 2348 件，办结率 80.1%。',
      '网络提交 102 件，占 60.8%；信函 40 件，占 25%。',
      '全年度收到网民来信 2819 件，办结 2348 件，办结率 83%。',
    ])
      leaves(findings([edit(RATE, text)]), 'narrative-rate');
  });

  it('narrative-rate-truncated: not for rates that are not compared, nor below 100% for a whole not reached', () => {
    finds(
      findings([edit(RATE, '全年度收到网民来信 2819 件，办结 2344 件，办结率 83.1%。')]),
      'narrative-rate-truncated',
    );
    leaves(
      findings([edit(RATE, '全年度收到网民来信 2819 件，办结 2818 件，办结率 99.9%。')]),
      'narrative-rate-truncated',
    );
    leaves(
      findings([edit(RATE, '全年度收到网民来信 2819 件，办结 2818 件，满意率 99.9%。')]),
      'narrative-rate-truncated',
    );
  });

  it('narrative-list-sum: once when the table disagrees too; bracketed figures; a second breakdown; approximate figures', () => {
    const parts = '其中自然人 120 件，法人或其他组织 40 件';
    leaves(
      findings([edit('本局共收到政府信息公开申请 160 件', '本局共收到政府信息公开申请 170 件')]),
      'narrative-list-sum',
      ['narrative-requests'],
    );
    leaves(
      findings([edit(parts, '其中自然人 120 件（含委托代理 30 件），法人或其他组织 40 件')]),
      'narrative-list-sum',
    );
    leaves(
      findings([edit(parts, '其中自然人 120 件，法人或其他组织 40 件，网络提交 100 件，信函 60 件')]),
      'narrative-list-sum',
    );
    leaves(findings([edit(parts, '其中自然人 110 余件，法人或其他组织 40 件')]), 'narrative-list-sum');
  });

  it('narrative-period: other spans of dates; an end without its year', () => {
    leaves(
      findings([
        edit('开展业务培训 2 次。', '开展业务培训 2 次。专项行动自 2023 年 1 月 1 日起至 2023 年 6 月 30 日止。'),
        edit('至 2024 年 12 月 31 日止', '至 12 月 31 日止'),
      ]),
      'narrative-period',
    );
  });

  it('narrative-plan-year: a later year; a year with its month', () => {
    const plan = '2025 年，本局将继续深化政务公开工作';
    leaves(findings([edit(plan, '2026 年，本局将继续深化政务公开工作')]), 'narrative-plan-year');
    leaves(findings([edit(plan, '2024 年 12 月，本局将继续深化政务公开工作')]), 'narrative-plan-year');
  });

  it("narrative-year: another report named as such; another year's own figure; a comparison; 上年结转", () => {
    leaves(
      findings([
        edit('本报告根据', '在 2023 年政府信息公开工作年度报告的基础上，本报告根据'),
        edit(
          '本机关 2024 年度未收取政府信息公开信息处理费。',
          '本机关 2024 年度未收取政府信息公开信息处理费，与 2023 年度未收取信息处理费的情况相比无变化。',
        ),
        edit('上年结转 6 件。', '上年结转 6 件。2023 年，本局共收到政府信息公开申请 125 件。'),
      ]),
      'narrative-year',
    );
    // 160 under 2023 in a text that states 160 for 2024 as well.
    leaves(
      findings([edit('上年结转 6 件。', '上年结转 6 件。2023 年，本局共收到政府信息公开申请 160 件。')]),
      'narrative-year',
    );
  });
});
