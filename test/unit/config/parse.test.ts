/** Reading .govreport.yaml: every value, and every mistake as a problem at its place. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseConfig, parseDeadline, withConfig, type ConfigProblem } from '../../../server/src/core/config';
import { ROOT } from '../helpers';

export const FULL_CONFIG = readFileSync(path.join(ROOT, 'test', 'fixtures', 'config', 'full.govreport.yaml'), 'utf8');

/** Each problem as `code@line:col "the text it is on"`. */
function problems(text: string): string[] {
  const { problems: ps, lines } = parseConfig(text);
  return ps.map((p: ConfigProblem) => {
    const at = lines.positionAt(p.span.start);
    return `${p.code}@${at.line + 1}:${at.character + 1} ${JSON.stringify(text.slice(p.span.start, p.span.end))}`;
  });
}

function messages(text: string): string[] {
  return parseConfig(text).problems.map((p) => p.message['zh-CN']);
}

describe('the config file', () => {
  it('reads every key of the full example', () => {
    const { config, problems: ps } = parseConfig(FULL_CONFIG);
    assert.deepEqual(ps, []);
    assert.equal(config.notice, '某市政务公开办关于做好2024年度政府信息公开工作年度报告编制发布工作的通知');
    assert.equal(config.reviewer, '某市人民政府办公室（市政务公开办）');
    assert.deepEqual(config.deadlines, { 部门: { month: 1, day: 20 }, 本级政府: { month: 3, day: 31 } });
    assert.deepEqual(config.severity, { 'copied-text': 'error', 'fee-unit': 'off' });
    assert.equal(config.reuseThreshold, 0.5);
    assert.equal(config.requirements.length, 4);
    assert.deepEqual(config.requirements[1], {
      section: '总体情况',
      subsection: '主动公开',
      phrases: [['政府网站', '门户网站'], ['政务新媒体'], ['政府公报']],
      counted: true,
      message: {
        'zh-CN': '应写明通过政府网站、政务新媒体、政府公报公开政府信息的数量（通知第二条）',
        en: '应写明通过政府网站、政务新媒体、政府公报公开政府信息的数量（通知第二条）',
      },
    });
    assert.deepEqual(config.requirements[3].organTypes, ['本级政府']);
    assert.deepEqual(config.deductions['row-total'], { points: 1, max: 5 });
    assert.deepEqual(config.deductions['past-deadline'], { points: 5 });
    assert.equal(config.fullScore, 100);
  });

  it('an empty file or one of comments only is an empty config', () => {
    for (const text of ['', '# nothing yet\n', '\n\n']) {
      const { config, problems: ps } = parseConfig(text);
      assert.deepEqual(ps, []);
      assert.deepEqual(config.requirements, []);
      assert.equal(config.fullScore, 100);
    }
  });

  it('a key it does not know is a warning on the key, naming the closest', () => {
    assert.deepEqual(problems('deadline:\n  部门: 01-20\n'), ['config-unknown-key@1:1 "deadline"']);
    assert.match(messages('deadline:\n  部门: 01-20\n')[0], /未知的配置项“deadline”，已忽略（是否为“deadlines”？）/);
    assert.equal(parseConfig('deadline:\n  部门: 01-20\n').problems[0].severity, 'warning');
  });

  it('a misspelt rule code is an error on it, naming the closest, and the rest applies', () => {
    const text = 'severity:\n  past-dedline: off\n  fee-unit: off\n';
    assert.deepEqual(problems(text), ['config-unknown-rule@2:3 "past-dedline"']);
    assert.match(messages(text)[0], /没有规则代码“past-dedline”（是否为“past-deadline”？）/);
    assert.deepEqual(parseConfig(text).config.severity, { 'fee-unit': 'off' });
  });

  it('a severity that is not one of the five is an error on the value', () => {
    assert.deepEqual(problems('severity:\n  fee-unit: serious\n'), ['config-invalid-value@2:13 "serious"']);
  });

  it('a deadline that is not MM-DD, or not a day of every year, is an error on the value', () => {
    for (const bad of ['1月31日', '02-30', '13-01', '02-29', '2025-01-31']) {
      const text = `deadlines:\n  部门: ${bad}\n`;
      assert.deepEqual(problems(text), [`config-invalid-value@2:7 ${JSON.stringify(bad)}`], bad);
      assert.match(messages(text)[0], /写成“月-日”，如 01-31/);
    }
    assert.deepEqual(parseConfig('deadlines:\n  部门: 1-5\n').config.deadlines, { 部门: { month: 1, day: 5 } });
  });

  it('an unknown 机关类型 is an error on the key', () => {
    assert.deepEqual(problems('deadlines:\n  部委: 01-20\n'), ['config-invalid-value@2:3 "部委"']);
    assert.match(messages('deadlines:\n  部委: 01-20\n')[0], /是否为“部门”/);
  });

  it('the 重复率 is a share or a percentage, above 0 and at most 1', () => {
    assert.equal(parseConfig('reuseThreshold: 0.6\n').config.reuseThreshold, 0.6);
    assert.equal(parseConfig('reuseThreshold: 40%\n').config.reuseThreshold, 0.4);
    for (const bad of ['1.5', '0', '150%', 'half'])
      assert.deepEqual(problems(`reuseThreshold: ${bad}\n`), [`config-invalid-value@1:17 ${JSON.stringify(bad)}`]);
  });

  it('YAML that does not parse is a syntax error at its place, in Chinese', () => {
    const text = 'severity:\n  fee-unit: off\n  fee-unit: error\n';
    const ps = parseConfig(text).problems;
    assert.equal(ps[0].code, 'config-syntax');
    assert.match(ps[0].message['zh-CN'], /重复的键/);
    assert.equal(parseConfig('deadlines: [01-20\n').problems[0].code, 'config-syntax');
  });

  it('a file that is not a mapping says so', () => {
    assert.deepEqual(problems('- deadlines\n'), ['config-invalid-value@1:1 "- deadlines\\n"']);
  });

  it('a requirement naming a section the report does not have, or a table, is left out with an error on the name', () => {
    const text = 'requirements:\n  - section: 总体状况\n    maxLength: 100\n    message: 太长\n';
    assert.deepEqual(problems(text), ['config-invalid-value@2:14 "总体状况"']);
    assert.match(messages(text)[0], /报告中没有“总体状况”这一部分（是否为“总体情况”？）/);
    assert.deepEqual(parseConfig(text).config.requirements, []);
    const table = 'requirements:\n  - section: 主动公开政府信息情况\n    maxLength: 100\n    message: 太长\n';
    assert.match(messages(table)[0], /是表格：本地要求只适用于文字部分/);
  });

  it('sections are named by title, number or heading; sub-sections of a closed section must exist', () => {
    for (const name of ['总体情况', '一', '一、总体情况'])
      assert.deepEqual(problems(`requirements:\n  - section: ${name}\n    maxLength: 10\n    message: m\n`), [], name);
    const text = 'requirements:\n  - section: 五\n    subsection: 下一步打算\n    maxLength: 10\n    message: m\n';
    assert.deepEqual(problems(text), ['config-invalid-value@3:17 "下一步打算"']);
    assert.match(messages(text)[0], /可用的有“存在的主要问题”、“改进情况”/);
  });

  it('a requirement that asks for nothing, or says nothing, or counts without phrases is an error', () => {
    assert.match(messages('requirements:\n  - section: 总体情况\n    message: m\n')[0], /这项要求没有内容/);
    assert.match(messages('requirements:\n  - section: 总体情况\n    maxLength: 9\n')[0], /没有 message/);
    assert.match(
      messages('requirements:\n  - section: 总体情况\n    counted: true\n    minLength: 9\n    message: m\n')[0],
      /counted 需要同时写明 phrases/,
    );
    assert.match(
      messages('requirements:\n  - section: 总体情况\n    minLength: 90\n    maxLength: 9\n    message: m\n')[0],
      /minLength 大于 maxLength/,
    );
    assert.deepEqual(problems('requirements:\n  - maxLength: 1.5\n    message: m\n'), [
      'config-invalid-value@2:16 "1.5"',
    ]);
  });

  it('a message may be given in both languages', () => {
    const { config } = parseConfig('requirements:\n  - maxLength: 9\n    message: {zh-CN: 太长, en: too long}\n');
    assert.deepEqual(config.requirements[0].message, { 'zh-CN': '太长', en: 'too long' });
  });

  it('deductions are points per finding, or points with a maximum', () => {
    const text =
      'deductions:\n  balance: 2\n  row-total: {points: 1, max: 3}\n  fee-unit: {max: 3}\n  past-deadline: -1\n';
    assert.deepEqual(problems(text), ['config-invalid-value@4:13 "{max: 3}"', 'config-invalid-value@5:18 "-1"']);
    assert.deepEqual(parseConfig(text).config.deductions, {
      balance: { points: 2 },
      'row-total': { points: 1, max: 3 },
    });
  });
});

describe('deadlines written MM-DD', () => {
  it('reads a day of every year, and nothing else', () => {
    assert.deepEqual(parseDeadline('01-31'), { month: 1, day: 31 });
    assert.deepEqual(parseDeadline(' 3-1 '), { month: 3, day: 1 });
    for (const bad of ['02-29', '04-31', '00-10', '1-1-1', '', '1/31'])
      assert.equal(parseDeadline(bad), undefined, bad);
  });
});

describe('the config with the settings', () => {
  it('wins for what it names; the settings keep the rest', () => {
    const { config } = parseConfig('severity:\n  fee-unit: error\ndeadlines:\n  部门: 01-20\nreuseThreshold: 0.7\n');
    const merged = withConfig(
      {
        severities: { 'fee-unit': 'off', 'repeated-word': 'off' },
        deadlines: { 部门: { month: 1, day: 25 }, 本级政府: { month: 3, day: 20 } },
      },
      config,
    );
    assert.deepEqual(merged.severities, { 'fee-unit': 'error', 'repeated-word': 'off' });
    assert.deepEqual(merged.deadlines, { 部门: { month: 1, day: 20 }, 本级政府: { month: 3, day: 20 } });
    assert.equal(merged.reuseThreshold, 0.7);
    assert.equal(merged.requirements, undefined);
  });
});
