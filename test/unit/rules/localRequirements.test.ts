/** local-requirement: the requirements of the config file on realistic texts. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { check } from '../../../server/src/core/check';
import { parseConfig, withConfig } from '../../../server/src/core/config';
import { ROOT, spanText, variant } from '../helpers';

const BASE = readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'base-2024.report.yaml'), 'utf8');
const ACTIVE = '全年在门户网站主动公开政府信息 1,380 条。本年度制发行政规范性文件 5 件，废止 2 件，现行有效 48 件。';

function found(report: string, config: string) {
  const parsed = parseConfig(config);
  assert.deepEqual(parsed.problems, [], 'the test config has problems');
  return check(report, withConfig({}, parsed.config)).findings.filter((f) => f.code === 'local-requirement');
}

const req = (lines: string) => `requirements:\n  - ${lines.trim().split('\n').join('\n    ')}\n`;

describe('local-requirement', () => {
  it('a section over its length limit: the notice’s message, then the count, on the section key', () => {
    const fs = found(
      BASE,
      req('section: 总体情况\nmaxLength: 200\nmessage: 总体情况应控制在 200 字以内（通知第三条）。'),
    );
    assert.equal(fs.length, 1);
    assert.equal(spanText(BASE, fs[0]), '总体情况');
    assert.equal(fs[0].severity, 'warning');
    const n = [...BASE.slice(BASE.indexOf('总体情况:'), BASE.indexOf('\n主动公开政府信息情况'))]
      .join('')
      .match(/^ {4}.*$/gm)!
      .join('')
      .replace(/\s/g, '').length;
    assert.equal(
      fs[0].message['zh-CN'],
      `总体情况应控制在 200 字以内（通知第三条）：“总体情况”有 ${n} 字，要求不超过 200 字`,
    );
    assert.match(fs[0].message.en, new RegExp(`"总体情况" has ${n} characters, at most 200 asked`));
    assert.deepEqual(found(BASE, req(`section: 总体情况\nmaxLength: ${n}\nmessage: m`)), []);
  });

  it('counts characters, not spaces or line breaks, and full-width ones once', () => {
    const text = variant(ACTIVE, '政务 公开\u3000工作', BASE);
    const fs = found(text, req('section: 一\nsubsection: 主动公开\nminLength: 7\nmessage: 太短'));
    assert.match(fs[0].message['zh-CN'], /“总体情况”中的“主动公开”只有 6 字，要求不少于 7 字/);
  });

  it('phrases not written, and phrases written without a figure', () => {
    const text = variant(ACTIVE, '全年在门户网站主动公开政府信息 1,380 条，在政府公报刊登规范性文件。', BASE);
    const fs = found(
      text,
      req(
        'section: 总体情况\nsubsection: 主动公开\nphrases: [[政府网站, 门户网站], 政务新媒体, 政府公报]\ncounted: true\nmessage: 应写明各渠道公开信息的数量',
      ),
    );
    assert.equal(fs.length, 1);
    assert.equal(spanText(text, fs[0]), '主动公开');
    assert.equal(
      fs[0].message['zh-CN'],
      '应写明各渠道公开信息的数量：“总体情况”中的“主动公开”没有写到“政务新媒体”；写到了“政府公报”，但没有写明数字',
    );
  });

  it('a figure counts only after the phrase, in its sentence, and only a count (not a year, a date or a rate)', () => {
    const ok = (sentence: string) =>
      found(variant(ACTIVE, sentence, BASE), req('section: 总体情况\nphrases: [政务新媒体]\ncounted: true\nmessage: m'))
        .length === 0;
    assert.ok(ok('通过政务新媒体发布信息 260 条。'));
    assert.ok(ok('通过政务新媒体发布信息二百六十条。'));
    assert.ok(ok('政务新媒体全年推送 1.2 万条。'));
    assert.ok(!ok('260 条信息通过政务新媒体发布。'));
    assert.ok(!ok('2024 年加强政务新媒体管理。'));
    assert.ok(!ok('政务新媒体更新及时率 100%。'));
    assert.ok(!ok('加强政务新媒体管理。全年发布信息 260 条。'));
  });

  it('without counted, a phrase need only be written; alternatives are any one of them', () => {
    assert.deepEqual(found(BASE, req('section: 总体情况\nphrases: [[政府网站, 门户网站], 先审后发]\nmessage: m')), []);
  });

  it('the whole report when no section is named, found at its first key', () => {
    const fs = found(BASE, req('phrases: [政府信息公开指南]\nmessage: 应说明政府信息公开指南的更新情况'));
    assert.equal(fs.length, 1);
    assert.equal(spanText(BASE, fs[0]), '格式');
    assert.match(fs[0].message['zh-CN'], /：报告没有写到“政府信息公开指南”$/);
  });

  it('a sub-section not written: on its section, as nothing written', () => {
    const text = variant(/ {2}平台建设: >-\n.*\n/, '', BASE);
    const fs = found(text, req('section: 总体情况\nsubsection: 平台建设\nminLength: 20\nmessage: 应写平台建设'));
    assert.equal(spanText(text, fs[0]), '总体情况');
    assert.match(fs[0].message['zh-CN'], /“总体情况”中的“政府信息公开平台建设”只有 0 字/);
  });

  it('a section missing altogether is missing-section’s, not a local requirement’s', () => {
    const text = variant(/存在的主要问题及改进情况: >-\n.*\n/, '', BASE);
    assert.deepEqual(found(text, req('section: 五\nminLength: 100\nmessage: 应写问题')), []);
    assert.ok(check(text).findings.some((f) => f.code === 'missing-section'));
  });

  it('applies only to the 机关类型 it names', () => {
    const config = req('section: 总体情况\norganTypes: [本级政府]\nphrases: [工作考核]\nmessage: 应说明工作考核结果');
    assert.deepEqual(found(BASE, config), []);
    assert.equal(found(variant('机关类型: 部门', '机关类型: 本级政府', BASE), config).length, 1);
  });

  it('is silenced by a suppression comment and its severity set like any rule', () => {
    const config = req('section: 总体情况\nmaxLength: 10\nmessage: m');
    const silenced = variant('总体情况:', '# govreport-disable-next-line local-requirement\n总体情况:', BASE);
    assert.deepEqual(found(silenced, config), []);
    const parsed = parseConfig(config + 'severity:\n  local-requirement: error\n');
    const fs = check(BASE, withConfig({}, parsed.config)).findings.filter((f) => f.code === 'local-requirement');
    assert.equal(fs[0].severity, 'error');
  });
});
