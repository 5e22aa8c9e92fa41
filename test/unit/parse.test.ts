/** The parser: everything FORMAT.md allows, lenient keys, spans, and malformed input. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core/check';
import { add, formatDec, parseDec, sum } from '../../server/src/core/decimal';
import { parseDate } from '../../server/src/core/dates';
import { normalizeLabel } from '../../server/src/core/labels';
import { parseReport } from '../../server/src/core/parse';
import { EXAMPLE, codes, spanText, variant } from './helpers';

describe('lenient key matching', () => {
  it('ignores leading numbers, spaces, notes in brackets and the width of brackets and quotes', () => {
    assert.equal(normalizeLabel('一、总体情况'), '总体情况');
    assert.equal(normalizeLabel('（一）予以公开'), '予以公开');
    assert.equal(normalizeLabel('(二) 部分公开（区分处理的，只计这一情形，不计其他情形）'), '部分公开');
    assert.equal(normalizeLabel('1. 属于国家秘密'), '属于国家秘密');
    assert.equal(normalizeLabel('3、危及"三安全一稳定"'), normalizeLabel('危及“三安全一稳定”'));
    assert.equal(normalizeLabel('本年收费金额(单位:万元)'), normalizeLabel('本年收费金额（单位：万元）'));
    assert.equal(normalizeLabel('政府信息公开　行政复议'), '政府信息公开行政复议');
  });

  it('reads a report whose keys are pasted from the official form', () => {
    let text = EXAMPLE;
    for (const [from, to] of [
      ['\n总体情况:', '\n一、总体情况:'],
      ['    予以公开:', '    （一）予以公开:'],
      ['    部分公开:', '    （二）部分公开（区分处理的，只计这一情形，不计其他情形）:'],
      ['      属于国家秘密:', '      1. 属于国家秘密:'],
      ['      危及“三安全一稳定”:', '      3、危及"三安全一稳定":'],
      ['\n收到和处理政府信息公开申请情况:', '\n三、收到和处理政府信息公开申请情况:'],
    ])
      text = variant(from, to, text);
    const r = check(text);
    assert.deepEqual(
      r.findings
        .map((f) => f.code)
        .filter((c) => !['signed-before-year-end', 'missing-subsection'].includes(c) && !c.startsWith('narrative')),
      [],
    );
    const table = r.report.tables.get('收到和处理政府信息公开申请情况')!;
    assert.equal(formatDec(table.rows.get('本年度办理结果/部分公开')!.cells[6]!.value!), '3');
    assert.ok(table.rows.get('本年度办理结果/不予公开/危及“三安全一稳定”'));
  });

  it('names the closest official label for a key that matches nothing', () => {
    const f = check(variant('    无法提供:', '    无发提供:')).findings.find((x) => x.code === 'unknown-key')!;
    assert.match(f.message['zh-CN'], /无法提供/);
    assert.equal(f.fixes?.[0].edits[0].text, '无法提供');
  });
});

describe('rows', () => {
  it('accepts a row written as a mapping of column labels, flow or block', () => {
    const text = variant(
      '    予以公开:                    [7, 0, 0, 0, 0, 0, 7]',
      '    予以公开: {自然人: 7, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 7}',
      variant(
        '  行政复议:           [0, 0, 0, 0, 0]',
        '  行政复议:\n    结果维持: 0\n    结果纠正: 0\n    其他结果: 0\n    尚未审结: 0\n    总计: 0',
      ),
    );
    const r = check(text);
    assert.deepEqual(
      r.findings.map((f) => f.code).filter((c) => /cell|row|total|balance/.test(c)),
      [],
    );
    assert.equal(
      formatDec(
        r.report.tables.get('收到和处理政府信息公开申请情况')!.rows.get('本年度办理结果/予以公开')!.cells[0]!.value!,
      ),
      '7',
    );
  });

  it('reports a mapping row that leaves a column out, at the row key', () => {
    const text = variant(
      '  行政复议:           [0, 0, 0, 0, 0]',
      '  行政复议: {结果维持: 0, 结果纠正: 0, 其他结果: 0, 总计: 0}',
    );
    const f = check(text).findings.find((x) => x.code === 'missing-cell')!;
    assert.equal(spanText(text, f), '行政复议');
    assert.match(f.message['zh-CN'], /尚未审结/);
  });

  it('accepts a group given as one row, with a warning, and counts it in the totals', () => {
    const text = variant(/ {4}无法提供:\n( {6}.*\n){3}/, '    无法提供: [48, 2, 0, 0, 0, 0, 50]\n');
    const found = codes(text);
    assert.ok(found.includes('group-as-row'));
    assert.ok(!found.includes('result-total') && !found.includes('balance'), found.join());
    const wrong = variant(/ {4}无法提供:\n( {6}.*\n){3}/, '    无法提供: [49, 2, 0, 0, 0, 0, 51]\n');
    assert.ok(codes(wrong).includes('result-total'));
  });

  it('compares 万元 amounts as exact decimals', () => {
    assert.equal(formatDec(add(parseDec('0.1')!, parseDec('0.2')!)), '0.3');
    assert.equal(formatDec(sum(['1.10', '2.205', '0'].map((s) => parseDec(s)!))), '3.305');
    const r = check(variant('  行政事业性收费: [0]', '  行政事业性收费: [12.35]'));
    assert.equal(
      formatDec(r.report.tables.get('主动公开政府信息情况')!.rows.get('行政事业性收费')!.cells[0]!.value!),
      '12.35',
    );
    assert.ok(!r.findings.some((f) => f.code === 'cell-fractional'));
  });

  it('does not take a number tagged as text for a number', () => {
    const text = variant('  行政许可:       [0]', '  行政许可:       [!!str 5]');
    assert.ok(check(text).findings.some((f) => f.code === 'cell-not-number'));
  });

  it('keeps integers beyond 2^53 exact and reports them', () => {
    const r = check(variant('  行政许可:       [0]', '  行政许可:       [9007199254740993]'));
    assert.equal(
      formatDec(r.report.tables.get('主动公开政府信息情况')!.rows.get('行政许可')!.cells[0]!.value!),
      '9007199254740993',
    );
    assert.ok(r.findings.some((f) => f.code === 'number-too-large'));
  });
});

describe('dates', () => {
  it('reads both forms, with spaces', () => {
    assert.deepEqual(parseDate('2025-01-08'), { ok: true, date: { year: 2025, month: 1, day: 8 }, form: 'iso' });
    assert.deepEqual(parseDate('2025 年 1 月 8 日'), {
      ok: true,
      date: { year: 2025, month: 1, day: 8 },
      form: 'chinese',
    });
    assert.deepEqual(parseDate('２０２５年１月８日'), {
      ok: true,
      date: { year: 2025, month: 1, day: 8 },
      form: 'chinese',
    });
    assert.equal(parseDate('2025-02-30').ok, false);
    assert.equal(parseDate('2024-02-29').ok, true);
    assert.deepEqual(parseDate('2025/1/8'), { ok: false, reason: 'malformed', date: { year: 2025, month: 1, day: 8 } });
    assert.deepEqual(parseDate('明年一月'), { ok: false, reason: 'unrecognised' });
  });

  it('checks a Chinese-form 落款日期 like an ISO one', () => {
    const text = variant('落款日期: 2024-01-08', '落款日期: 2025 年 1 月 8 日');
    assert.ok(!codes(text).includes('signed-before-year-end'));
    assert.ok(!codes(text).includes('date-invalid'));
  });
});

describe('malformed YAML', () => {
  it('reports syntax errors at their position and checks the rest', () => {
    const text = variant('前言: >-', '前言: "unclosed\n前言2: >-');
    const r = check(text);
    const syntax = r.findings.filter((f) => f.code === 'yaml-syntax');
    assert.ok(syntax.length > 0);
    for (const f of syntax) assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end);
  });

  it('reports a tab used for indentation', () => {
    const text = variant('  规章:', '\t规章:');
    const r = check(text);
    assert.ok(r.findings.some((f) => f.code === 'yaml-syntax'));
  });

  it('never throws on fragments of a report', () => {
    for (let cut = 0; cut < EXAMPLE.length; cut += 97) {
      const r = check(EXAMPLE.slice(0, cut));
      for (const f of r.findings)
        assert.ok(
          f.span.start >= 0 && f.span.end <= cut && f.span.start <= f.span.end,
          `${f.code} ${f.span.start}-${f.span.end} in ${cut}`,
        );
    }
  });

  it('reads an empty file as a report with everything missing', () => {
    const found = codes('');
    assert.ok(found.includes('missing-field'));
    assert.equal(found.filter((c) => c === 'missing-section').length, 6);
  });

  it('does not expand aliases (an alias bomb stays small)', () => {
    const bomb =
      'a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n';
    const r = check(bomb);
    assert.ok(r.findings.some((f) => f.code === 'unknown-key'));
  });
});

describe('spans', () => {
  it('are UTF-16 offsets of the exact value', () => {
    const text = variant('机关: 吕梁市人民政府办公室', '机关: 𠀀𠀁吕梁市人民政府办公室');
    const r = parseReport(text);
    const signed = r.signed!;
    assert.equal(text.slice(signed.span.start, signed.span.end), '2024-01-08');
    const cell = r.tables.get('收到和处理政府信息公开申请情况')!.rows.get('本年新收政府信息公开申请数量')!.cells[6]!;
    assert.equal(text.slice(cell.span.start, cell.span.end), '69');
  });

  it('map characters of folded and literal text back to the source', () => {
    const r = parseReport(EXAMPLE);
    for (const block of r.texts) {
      for (const needle of ['2348', '85.7%', '2025年']) {
        const i = block.text.indexOf(needle);
        if (i < 0) continue;
        const start = block.offsetAt(i);
        assert.equal(EXAMPLE.slice(start, start + needle.length), needle);
      }
    }
  });
});
