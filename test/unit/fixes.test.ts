/** Every kind of fix applied to real report text: the finding goes, every other byte stays. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { check } from '../../server/src/core/check';
import { applyEdits, fixAll, fixAllEdits } from '../../server/src/core/edits';
import type { Edit, Finding, Fix } from '../../server/src/core/findings';
import type { RuleCode } from '../../server/src/core/codes';
import { suppressionFix } from '../../server/src/core/suppress';
import { EXAMPLE, longReport, spanText, variant } from './helpers';
import { LineIndex } from '../../server/src/core/lineIndex';

/** Asserts that outside the edits the new text is the old one, byte for byte. */
function assertOnlyEditsChanged(before: string, after: string, edits: Edit[]): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let expected = '';
  let pos = 0;
  for (const e of sorted) {
    expected += before.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  assert.equal(after, expected + before.slice(pos));
}

function only(text: string, code: string, covers?: string): Finding {
  const found = check(text).findings.filter(
    (f) => f.code === code && (covers === undefined || spanText(text, f) === covers),
  );
  assert.equal(found.length, 1, `one ${code}${covers ? ` on ${covers}` : ''}: ${found.length}`);
  return found[0];
}

function apply(text: string, fix: Fix): string {
  const after = applyEdits(text, fix.edits);
  assertOnlyEditsChanged(text, after, fix.edits);
  return after;
}

const count = (text: string, code: string) => check(text).findings.filter((f) => f.code === code).length;

describe('quick fixes', () => {
  it('sets a total to the computed value (preferred, never in fix-all)', () => {
    const text = variant('[67, 2, 0, 0, 0, 0, 69]', '[67, 2, 0, 0, 0, 0, 70]');
    const f = only(text, 'row-total');
    const fix = f.fixes!.find((x) => x.preferred)!;
    assert.equal(fix.safe, false);
    assert.match(fix.title['zh-CN'], /69/);
    const after = apply(text, fix);
    assert.equal(count(after, 'row-total'), 0);
    assert.ok(!fixAllEdits(check(text).findings).some((e) => e.text === '69'));
  });

  it('puts the finding on the one addend that explains several broken identities', () => {
    // 自然人 of 本年新收 typed 68 instead of 67: the row total and the column balance both break.
    const text = variant('[67, 2, 0, 0, 0, 0, 69]', '[68, 2, 0, 0, 0, 0, 69]');
    const f = only(text, 'row-total');
    assert.equal(spanText(text, f), '68');
    assert.equal(check(text).findings.filter((x) => x.code === 'balance').length, 0, 'one defect, one finding');
    const fix = f.fixes!.find((x) => x.preferred)!;
    assert.equal(fix.edits[0].text, '67');
    assert.equal(fix.safe, false);
    const after = apply(text, fix);
    assert.equal(count(after, 'row-total') + count(after, 'balance'), 0);
  });

  it('inserts a missing row in its official position, aligned like its neighbours', () => {
    const text = variant('  行政许可:       [0]\n', '');
    const after = apply(text, only(text, 'missing-row').fixes![0]);
    assert.equal(after, EXAMPLE);
  });

  it('inserts a missing group with all its rows', () => {
    const text = variant(/ {4}不予处理:\n( {6}.*\n){5}/, '');
    const after = apply(text, only(text, 'missing-row').fixes![0]);
    assert.equal(count(after, 'missing-row'), 0);
    assert.match(after, /\n {4}不予处理:\n {6}信访举报投诉类申请: +\[0, 0, 0, 0, 0, 0, 0\]\n/);
    assert.ok(
      after.indexOf('不予处理:') > after.indexOf('补正后申请内容仍不明确') &&
        after.indexOf('不予处理:') < after.indexOf('    其他处理:'),
    );
  });

  it('keeps the comment above the next key with that key', () => {
    const text = variant('  规章:           [0, 0, 0]\n', '');
    const after = apply(text, only(text, 'missing-row').fixes![0]);
    assert.equal(after, EXAMPLE);
  });

  it('inserts a missing section in its official position', () => {
    const text = variant(/政府信息公开行政复议、行政诉讼情况:\n(.*\n){5}\n/, '');
    const after = apply(text, only(text, 'missing-section').fixes![0]);
    assert.equal(count(after, 'missing-section'), 0);
    assert.ok(after.indexOf('政府信息公开行政复议、行政诉讼情况:') > after.indexOf('结转下年度继续办理'));
    assert.ok(after.indexOf('政府信息公开行政复议、行政诉讼情况:') < after.indexOf('存在的主要问题及改进情况:'));
    assert.match(
      after,
      /\n {2}行政诉讼:\n {4}未经复议直接起诉: \[0, 0, 0, 0, 0\]\n {4}复议后起诉: \[0, 0, 0, 0, 0\]\n/,
    );
  });

  it('adds a missing column to a row written as a mapping', () => {
    const text = variant(
      '  行政复议:           [0, 0, 0, 0, 0]',
      '  行政复议: {结果维持: 0, 结果纠正: 0, 其他结果: 0, 总计: 0}',
    );
    const after = apply(text, only(text, 'missing-cell').fixes![0]);
    assert.match(after, /\{结果维持: 0, 结果纠正: 0, 其他结果: 0, 尚未审结: 0, 总计: 0\}/);
    assert.equal(count(after, 'missing-cell'), 0);
  });

  it('completes a row whose 总计 is missing', () => {
    const text = variant('[45, 2, 0, 0, 0, 0, 47]', '[45, 2, 0, 0, 0, 0]');
    const fix = only(text, 'missing-cell').fixes![0];
    const after = apply(text, fix);
    assert.match(after, /\[45, 2, 0, 0, 0, 0, 47\]/);
    assert.equal(after, EXAMPLE);
  });

  it('renames an unknown key to the closest official label', () => {
    const text = variant('    予以公开:', '    予已公开:');
    const after = apply(text, only(text, 'unknown-key').fixes![0]);
    assert.equal(after, EXAMPLE);
  });

  it('moves a 落款日期 before the year end to the same day of the next year', () => {
    const after = apply(EXAMPLE, only(EXAMPLE, 'signed-before-year-end').fixes![0]);
    assert.match(after, /落款日期: 2025-01-08/);
    assert.equal(count(after, 'signed-before-year-end'), 0);
  });

  it('keeps the Chinese date form when moving a date', () => {
    const text = variant('落款日期: 2024-01-08', '落款日期: 2024年1月8日');
    const after = apply(text, only(text, 'signed-before-year-end').fixes![0]);
    assert.match(after, /落款日期: 2025年1月8日/);
  });

  it('offers no move when the same day of the next year does not exist', () => {
    const text = variant('落款日期: 2024-01-08', '落款日期: 2024-02-29');
    assert.equal(only(text, 'signed-before-year-end').fixes, undefined);
  });

  it('rewrites a malformed date', () => {
    const text = variant('落款日期: 2024-01-08', '落款日期: 2025/1/8');
    const after = apply(text, only(text, 'date-form').fixes![0]);
    assert.match(after, /落款日期: 2025-01-08/);
  });

  it('writes 0 for a blank or "/" cell', () => {
    for (const blank of ['/', '""', "' '"]) {
      const text = variant('  行政许可:       [0]', `  行政许可:       [${blank}]`);
      const f = only(text, 'cell-not-number');
      assert.ok(f.fixes![0].safe, blank);
      assert.equal(apply(text, f.fixes![0]), EXAMPLE);
    }
  });
});

describe('ignore this here', () => {
  it('silences a finding on a plain line', () => {
    const f = only(EXAMPLE, 'signed-before-year-end');
    const fix = suppressionFix(EXAMPLE, check(EXAMPLE).report.lines, f);
    const after = apply(EXAMPLE, fix);
    assert.match(after, /# govreport-disable-next-line signed-before-year-end\n落款日期/);
    assert.equal(count(after, 'signed-before-year-end'), 0);
    assert.equal(count(after, 'unknown-suppression'), 0);
  });

  it('adds a second code to an existing comment', () => {
    const text = variant('落款日期: 2024-01-08', '# govreport-disable-next-line past-deadline\n落款日期: 2024-01-08');
    const f = only(text, 'signed-before-year-end');
    const after = apply(text, suppressionFix(text, check(text).report.lines, f));
    assert.match(after, /# govreport-disable-next-line past-deadline, signed-before-year-end\n/);
    assert.equal(count(after, 'signed-before-year-end'), 0);
  });

  it('puts the comment above the key of a block of text, never inside the text', () => {
    const text = variant('国办公开办函〔2021〕30 号', '国办公开办函〔2019〕60 号');
    const f = only(text, 'legacy-format-cited');
    const after = apply(text, suppressionFix(text, check(text).report.lines, f));
    assert.match(after, /# govreport-disable-next-line legacy-format-cited\n前言: >-\n/);
    assert.equal(count(after, 'legacy-format-cited'), 0);
    assert.equal(check(after).report.preface!.text, check(text).report.preface!.text);
  });

  it('puts each comment in the same place whatever the order the findings are asked in', () => {
    // Many sub-sections of one section, and a text whose line looks like a key.
    const line = '  主动公开9: 全年收到网民来信 2819 件，办结 2348 件，办结率 85.7%。\n';
    const text = longReport(EXAMPLE.length * 6).replace(/(\n其他需要报告的事项: \|-\n)/, `$1${line}`);
    const { report, findings } = check(text);
    const inLine = text.indexOf(line);
    assert.ok(
      findings.length > 20 && findings.some((f) => f.span.start > inLine && f.span.start < inLine + line.length),
    );
    const fresh = findings.map((f) => suppressionFix(text, new LineIndex(text), f).edits);
    const shared = new LineIndex(text);
    const backwards = [...findings].reverse().map((f) => suppressionFix(text, shared, f).edits);
    assert.deepEqual(backwards.reverse(), fresh);
    assert.deepEqual(
      findings.map((f) => suppressionFix(text, report.lines, f).edits),
      fresh,
    );
  });

  it('silences to the end of the file with govreport-disable', () => {
    const text = '# govreport-disable missing-subsection, signed-before-year-end\n' + EXAMPLE;
    assert.equal(count(text, 'missing-subsection') + count(text, 'signed-before-year-end'), 0);
  });
});

describe('fix-all', () => {
  const broken = [
    (t: string) => variant('  行政许可:       [0]\n', '', t),
    (t: string) => variant('    予以公开:', '    予已公开:', t),
    (t: string) => variant('落款日期: 2024-01-08', '落款日期: 2025/1/8', t),
    (t: string) => variant(/其他需要报告的事项: \|-\n.*\n?/, '', t),
    (t: string) => variant('[67, 2, 0, 0, 0, 0, 69]', '[67, 2, 0, 0, 0, 0, 70]', t),
  ].reduce((t, f) => f(t), EXAMPLE);

  it('applies every safe fix and no arithmetic one, and is a fixpoint', () => {
    const once = fixAll(broken);
    const left: string[] = once.findings.map((f) => f.code);
    for (const code of ['missing-row', 'unknown-key', 'date-form', 'missing-section'])
      assert.ok(!left.includes(code), `${code} left`);
    // The missing topic gets its sub-section, to be written: an empty one does not silence the finding.
    assert.match(once.text, /\n {2}监督保障: ""\n/);
    assert.ok(once.findings.some((f) => f.code === 'missing-subsection' && f.message.en.includes('监督保障')));
    assert.ok(left.includes('row-total'), 'arithmetic is never fixed by fix-all');
    assert.match(once.text, /# 吕梁市人民政府办公室 2024 年政府信息公开工作年度报告\n/);
    const twice = fixAll(once.text);
    assert.equal(twice.text, once.text);
    assert.equal(twice.passes, 0);
  });

  it('edits from one pass never overlap', () => {
    const edits = fixAllEdits(check(broken).findings).sort((a, b) => a.start - b.start);
    for (let i = 1; i < edits.length; i++) assert.ok(edits[i].start >= edits[i - 1].end);
  });

  it('renames a misspelt 总计 in a row written as a mapping, and does not also add one', () => {
    const text = variant(
      '  行政复议:           [0, 0, 0, 0, 0]',
      '  行政复议: {结果维持: 1, 结果纠正: 0, 其他结果: 0, 尚未审结: 0, 总记: 1}',
    );
    const fixed = fixAll(text);
    assert.match(fixed.text, /行政复议: \{结果维持: 1, 结果纠正: 0, 其他结果: 0, 尚未审结: 0, 总计: 1\}/);
    assert.deepEqual(
      fixed.findings.filter((f) => ['duplicate-key', 'missing-cell', 'unknown-key'].includes(f.code)),
      [],
    );
  });

  it('never writes one key twice: two keys misspelt alike, or a key that is already there', () => {
    const cases: [string, RuleCode][] = [
      ['{结果维持: 1, 结果纠正: 0, 其他结果: 0, 尚未审结: 0, 总记: 1, 总汁: 1}', 'unknown-key'],
      ['{结果维持: 1, 结果纠正: 0, 其他结果: 0, 尚未审结: 0, 总计: 1, 总记: 1}', 'unknown-key'],
    ];
    for (const [row, left] of cases) {
      const fixed = fixAll(variant('  行政复议:           [0, 0, 0, 0, 0]', `  行政复议: ${row}`));
      const codes = fixed.findings.map((f) => f.code);
      assert.ok(
        !codes.includes('duplicate-key'),
        `${row} → ${fixed.text.split('\n').find((l) => l.includes('行政复议'))}`,
      );
      assert.ok(codes.includes(left), `${row}: the key that could not be renamed is still reported`);
    }
  });

  it('renames a misspelt top-level key rather than adding an empty one', () => {
    const text = variant('前言: >-', '前盲: >-');
    assert.equal(fixAll(text).text, fixAll(EXAMPLE).text);
  });

  it('never writes one key twice, whatever keys are misspelt or missing', () => {
    const keyLines = EXAMPLE.split('\n')
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => /^ *[^\s#:][^:]*:/.test(l) && !l.startsWith('格式'));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(keyLines.length - 1), fc.constantFrom('typo', 'drop'), fc.nat()), {
          minLength: 1,
          maxLength: 6,
        }),
        (changes) => {
          const lines = EXAMPLE.split('\n');
          for (const [k, op, at] of changes) {
            const { l, i } = keyLines[k];
            if (lines[i] !== l) continue;
            const key = /^( *)([^\s:][^:]*):/.exec(l)!;
            const c = key[1].length + (at % key[2].length);
            lines[i] = op === 'drop' ? '' : l.slice(0, c) + '记' + l.slice(c + 1);
          }
          const text = lines.join('\n');
          const before = check(text).findings.filter((f) => f.code === 'duplicate-key').length;
          const fixed = fixAll(text);
          assert.ok(
            fixed.findings.filter((f) => f.code === 'duplicate-key').length <= before,
            `a key written twice:\n${fixed.text}`,
          );
        },
      ),
      { seed: 7, numRuns: 150 },
    );
  });

  it('does nothing on a text with bytes that could not be decoded', () => {
    const text = variant('机关: 吕梁市人民政府办公室', '机关: \ufffd\ufffd\ufffd人民政府办公室', broken);
    assert.deepEqual(fixAllEdits(check(text).findings), []);
    assert.equal(fixAll(text).text, text);
  });

  it('keeps comments, blank lines and CRLF line breaks', () => {
    const crlf = broken.replace(/\n/g, '\r\n');
    const fixed = fixAll(crlf).text;
    assert.ok(!/[^\r]\n/.test(fixed), 'only CRLF line breaks');
    const comments = (s: string) => s.split(/\r?\n/).filter((l) => l.trimStart().startsWith('#'));
    for (const c of comments(crlf)) assert.ok(comments(fixed).includes(c), c);
  });
});
