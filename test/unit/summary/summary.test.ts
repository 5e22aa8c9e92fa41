/**
 * The evaluator's summary in the core: a report's facts against its deadline, the score from
 * the config's deductions, the 审核意见 (grouped, with rule, basis and points), and the summary
 * page escaping what reports hold and allowing only its own script and style.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { check } from '../../../server/src/core/check';
import { parseConfig, withConfig } from '../../../server/src/core/config';
import type { Finding } from '../../../server/src/core/findings';
import {
  checkDetails,
  opinionText,
  scoreOf,
  summaryCsv,
  summaryEntry,
  summaryHtml,
} from '../../../server/src/core/summary';
import { EXAMPLE, variant } from '../helpers';

const DATE = { year: 2025, month: 2, day: 10 };

const CONFIG = parseConfig(
  [
    'notice: 《某市政务公开办关于做好年度报告工作的通知》',
    'reviewer: 某市政务公开办',
    'deadlines:',
    '  部门: 01-20',
    'requirements:',
    '  - section: 总体情况',
    '    maxLength: 1000',
    '    message: 总体情况控制在 1000 字以内',
    'deductions:',
    '  signed-before-year-end: 5',
    '  narrative-rate: { points: 0.5, max: 0.5 }',
    '  local-requirement: 2.25',
    '',
  ].join('\n'),
).config;

function entryOf(text: string, config = CONFIG) {
  const result = check(text, withConfig({}, config));
  const details = checkDetails(result, withConfig({}, config));
  return summaryEntry({
    file: 'reports/a.report.yaml',
    lines: result.report.lines,
    findings: result.findings,
    facts: details.facts,
    parts: details.parts,
    formatId: details.formatId,
    config,
    date: DATE,
  });
}

const f = (code: string): Finding => ({ code, severity: 'warning', span: { start: 0, end: 1 } }) as unknown as Finding;

describe('the score', () => {
  it('deducts per finding, up to a rule’s maximum, in hundredths exactly, never below zero', () => {
    const s = scoreOf(
      [f('a'), f('b'), f('a'), f('c'), f('b')],
      { a: { points: 0.1 }, b: { points: 0.7, max: 1 } },
      100,
    );
    assert.deepEqual(s, { full: 100, deducted: 1.2, score: 98.8, points: [0.1, 0.7, 0.1, 0, 0.3] });
    assert.equal(scoreOf([f('a'), f('a')], { a: { points: 60 } }, 100)!.score, 0);
  });

  it('no deductions in the config: no score at all', () => {
    assert.equal(scoreOf([f('a')], {}, 100), undefined);
  });
});

describe('a report’s facts', () => {
  it('the 落款日期 against the config’s deadline: late by so many days', () => {
    const e = entryOf(variant('落款日期: 2024-01-08', '落款日期: 2025-01-25'));
    assert.equal(e.facts.organ, '吕梁市人民政府办公室');
    assert.equal(e.facts.year, 2024);
    assert.equal(e.facts.signed, '2025-01-25');
    assert.equal(e.facts.deadline, e.facts.organType === '部门' ? '2025-01-20' : '2025-01-31');
    assert.equal(e.facts.customDeadline, e.facts.organType === '部门');
    assert.equal(e.facts.timeliness, e.facts.organType === '部门' ? 'late' : 'on-time');
    if (e.facts.organType === '部门') assert.equal(e.facts.daysLate, 5);
  });

  it('signed before the year ended, on time, unsigned', () => {
    assert.equal(entryOf(EXAMPLE).facts.timeliness, 'before-year-end');
    assert.equal(entryOf(variant('落款日期: 2024-01-08', '落款日期: 2025-01-10')).facts.timeliness, 'on-time');
    assert.equal(entryOf(variant('落款日期: 2024-01-08\n', '')).facts.timeliness, 'unsigned');
  });
});

describe('the 审核意见', () => {
  it('groups the findings by how binding they are, each with its place, rule, basis and points', () => {
    const e = entryOf(EXAMPLE);
    const text = opinionText(e.opinion);
    assert.match(
      text,
      /^关于《吕梁市人民政府办公室2024年政府信息公开工作年度报告》的审核意见\n\n吕梁市人民政府办公室：\n/,
    );
    assert.match(
      text,
      /一、须改正的错误（1 处）\n\u3000\u30001\. 【落款日期】落款日期 2024年1月8日 早于 2024 年度结束/,
    );
    assert.match(
      text,
      /（规则：signed-before-year-end 日期早于报告年度结束；依据：国办公开办函〔2021〕30号；扣 5 分）/,
    );
    // The local requirement rests on the city's notice, not on the national format.
    assert.match(
      text,
      /【总体情况】总体情况控制在 1000 字以内：[^（]*（规则：local-requirement 不符合本地要求；依据：《某市政务公开办关于做好年度报告工作的通知》；扣 2\.25 分）/,
    );
    assert.match(
      text,
      /按《某市政务公开办关于做好年度报告工作的通知》的评分标准，共扣 7\.75 分，得分 92\.25 分（满分 100 分）。/,
    );
    assert.match(text, /请对照上述问题逐项改正，并将修改后的年度报告重新报送。\n\n某市政务公开办\n2025年2月10日\n$/);
    // A document number is cited as it is written.
    const numbered = parseConfig('notice: 某市政务公开办〔2025〕1号\ndeductions:\n  local-requirement: 1\n').config;
    assert.match(opinionText(entryOf(EXAMPLE, numbered).opinion), /按某市政务公开办〔2025〕1号的评分标准/);
    const items = e.opinion.groups.flatMap((g) => g.items);
    assert.equal(items.length, e.findings.length, 'every finding once');
  });

  it('nothing found: says so, with no closing request and no score line beyond the full score', () => {
    const config = parseConfig('deductions:\n  fee-unit: 1\n').config;
    const clean = variant('落款日期: 2024-01-08', '落款日期: 2025-01-10');
    const result = check(clean, withConfig({ severities: {} }, config));
    const e = summaryEntry({
      file: 'a.report.yaml',
      lines: result.report.lines,
      findings: [],
      facts: checkDetails(result).facts,
      parts: [],
      config,
      date: DATE,
    });
    assert.match(opinionText(e.opinion), /经审核，你单位2024年度政府信息公开工作年度报告未发现问题。/);
    assert.equal(e.opinion.closing, undefined);
    assert.match(e.opinion.score!, /共扣 0 分，得分 100 分/);
  });
});

describe('the summary page and table', () => {
  const hostile = variant(
    '机关: 吕梁市人民政府办公室',
    '机关: "</td><script>alert(1)</script><img src=x onerror=alert(2)>"',
  );

  it('escapes what a report holds; its one script and one style are those its CSP hashes', () => {
    const html = summaryHtml([entryOf(hostile), entryOf(EXAMPLE)], {
      locale: 'zh-CN',
      date: '2025年2月10日',
      notices: [],
    });
    assert.ok(!html.includes('<script>alert'), 'no markup from a report');
    assert.ok(!html.includes('<img'));
    assert.ok(html.includes('&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.equal(html.match(/<script>/g)?.length, 1);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1];
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    assert.match(csp, /^default-src 'none'; /);
    assert.ok(csp.includes(`script-src ${hash(script)}`), csp);
    assert.ok(csp.includes(`style-src ${hash(style)}`), csp);
  });

  it('a score column only when the config deducts points; the CSV has the same rows', () => {
    const none = parseConfig('').config;
    assert.ok(
      !summaryHtml([entryOf(EXAMPLE, none)], { locale: 'en', date: '', notices: [] }).includes('data-key="score"'),
    );
    const entries = [entryOf(EXAMPLE), entryOf(variant('落款日期: 2024-01-08', '落款日期: 2025-01-25'))];
    assert.ok(summaryHtml(entries, { locale: 'zh-CN', date: '', notices: [] }).includes('data-key="score"'));
    const csv = summaryCsv(entries, 'zh-CN')
      .replace(/^\ufeff/, '')
      .split('\r\n');
    assert.equal(csv[0], '文件,机关,机关类型,年度,落款日期,公布期限,按期,错误,警告,提示,得分,扣分');
    assert.equal(csv.length, 2 + 1 + 1, 'a header, a row per report, and the final line break');
    assert.ok(csv[1].startsWith('reports/a.report.yaml,吕梁市人民政府办公室,'));
    assert.ok(csv[1].endsWith(`,${entries[0].score!.score},${entries[0].score!.deducted}`));
  });
});
