/** Narrative checks: number forms, positions in block scalars, the example report, severities. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../../server/src/core/check';
import { formatDec } from '../../../server/src/core/decimal';
import { applyEdits } from '../../../server/src/core/edits';
import { numbersIn, parseChineseNumeral, writeLike } from '../../../server/src/core/narrative/numbers';
import { percentHolds, percentTruncates, percentUnits } from '../../../server/src/core/narrative/ratio';
import { normalize, sentences } from '../../../server/src/core/narrative/segments';
import { parseReport } from '../../../server/src/core/parse';
import { RULE_CODES } from '../../../server/src/core/codes';
import { groupOf } from '../../../server/src/core/rules';
import { EXAMPLE, spanText, variant } from '../helpers';

const NARRATIVE = new Set<string>(RULE_CODES.filter((c) => groupOf(c) === 'narrative'));
const narrative = (text: string) => check(text).findings.filter((f) => NARRATIVE.has(f.code));
const tokens = (s: string) =>
  numbersIn(s, normalize(s)).map((t) => ({
    n: formatDec(t.value),
    unit: t.unit,
    approx: t.approx,
    raw: s.slice(t.start, t.end),
  }));
const dec = (s: string) => {
  const [i, f = ''] = s.split('.');
  return { units: BigInt(i + f), scale: f.length };
};

describe('numbers in prose', () => {
  it('reads ASCII and full-width digits, spaces around numbers and thousands separators', () => {
    assert.deepEqual(tokens('申请 69 件，６９件，13,264 条，８５．７％'), [
      { n: '69', unit: '件', approx: false, raw: '69' },
      { n: '69', unit: '件', approx: false, raw: '６９' },
      { n: '13264', unit: '条', approx: false, raw: '13,264' },
      { n: '85.7', unit: '%', approx: false, raw: '８５．７' },
    ]);
    assert.deepEqual(tokens('收到　69　件'), [{ n: '69', unit: '件', approx: false, raw: '69' }]);
  });

  it('marks 万, 余, 约 and 左右 figures as approximate, but not 万元 amounts', () => {
    assert.deepEqual(
      tokens('1.4万余条，7700余条，约 300 人次，50 件左右，0.35 万元').map((t) => [t.n, t.unit, t.approx]),
      [
        ['14000', '条', true],
        ['7700', '条', true],
        ['300', '人次', true],
        ['50', '件', true],
        ['0.35', '万元', false],
      ],
    );
  });

  it('reads Chinese numerals only before a count unit, and not as ordinals', () => {
    assert.deepEqual(
      tokens('全文包括六个部分，两件，第三件，一是，三审三校').map((t) => [t.n, t.unit, t.raw]),
      [
        ['6', '个', '六'],
        ['2', '件', '两'],
      ],
    );
    assert.equal(parseChineseNumeral('十二'), 12);
    assert.equal(parseChineseNumeral('两千零五'), 2005);
    assert.equal(parseChineseNumeral('一万三千'), 13000);
    assert.equal(parseChineseNumeral('一二'), undefined);
  });

  it('writes a corrected number in the style of the original', () => {
    assert.equal(writeLike({ wide: true, grouped: false }, '83.3'), '８３．３');
    assert.equal(writeLike({ wide: false, grouped: true }, '13264'), '13,264');
  });

  it('cuts sentences at 。！？ and line breaks, and treats ASCII commas as clause commas', () => {
    const text = '收到 69 件,其中自然人 67 件。办结 63 件！\n结转 8 件';
    assert.equal(normalize(text).length, text.length);
    assert.equal(normalize(text)[7], '，');
    assert.deepEqual(
      sentences(normalize(text)).map((r) => text.slice(r.start, r.end)),
      ['收到 69 件,其中自然人 67 件', '办结 63 件', '结转 8 件'],
    );
  });
});

describe('rates', () => {
  it('is right when equal to the ratio rounded to the decimals written', () => {
    assert.ok(percentHolds(dec('83.3'), dec('2348'), dec('2819')));
    assert.ok(!percentHolds(dec('85.7'), dec('2348'), dec('2819')));
    assert.ok(percentHolds(dec('83.29'), dec('2348'), dec('2819')));
    assert.ok(percentHolds(dec('100'), dec('69'), dec('69')));
    assert.equal(percentUnits(dec('2348'), dec('2819'), 1), 833n);
  });

  it('tells a cut-off value from a rounded one', () => {
    // 499 / 1100 = 45.36…: 45.4 rounded, 45.3 cut off.
    assert.ok(percentTruncates(dec('45.3'), dec('499'), dec('1100')));
    assert.ok(!percentHolds(dec('45.3'), dec('499'), dec('1100')));
  });
});

describe('positions in block scalars', () => {
  const sentence = '共收到政府信息公开申请 160 件，其中自然人 120 件，法人或其他组织 40 件，办结率 85.7%。';
  for (const [style, body] of [
    [
      'folded >-',
      `>-\n    共收到政府信息公开申请 160 件，其中自然人 120\n    件，法人或其他组织 40 件，办结率 85.7%。`,
    ],
    [
      'literal |-',
      `|-\n    共收到政府信息公开申请 160 件，其中自然人 120 件，\n    法人或其他组织 40 件，办结率 85.7%。`,
    ],
    ['plain', sentence],
    ['double-quoted', `"${sentence}"`],
  ] as const) {
    it(`maps every character of a ${style} scalar back to the document`, () => {
      const text = `机关: 某局\n年度: 2024\n总体情况:\n  依申请公开: ${body}\n`;
      const block = parseReport(text).texts[0];
      for (let i = 0; i < block.text.length; i++) {
        const c = block.text[i];
        if (c === ' ' || c === '\n') continue;
        assert.equal(text[block.offsetAt(i)], c, `character ${i} "${c}"`);
      }
    });
  }
});

describe('the example report', () => {
  it('yields its 办结率 finding and no other narrative finding', () => {
    const found = narrative(EXAMPLE);
    assert.deepEqual(
      found.map((f) => [f.code, f.severity, spanText(EXAMPLE, f)]),
      [['narrative-rate', 'warning', '85.7']],
    );
    const [f] = found;
    assert.match(f.message['zh-CN'], /2348 ÷ 2819 = 83\.3%/);
    assert.match(f.message.en, /2348 \/ 2819 = 83\.3%/);
    const fix = f.fixes?.[0];
    assert.ok(fix && !fix.safe && fix.preferred);
    assert.match(applyEdits(EXAMPLE, fix.edits), /办结 2348 件，办结率 83\.3%，其余转入下一年度办理/);
    assert.deepEqual(
      f.related?.map((r) => spanText(EXAMPLE, { ...f, span: r.span })),
      ['2348', '2819'],
    );
  });

  it('reads its request sentence as correct: 上年度结转 is not part of the 69', () => {
    const wrong = variant('收到和办理政府信息公开申请 69 件', '收到和办理政府信息公开申请 71 件');
    // 71 is 一 + 二: the other reading reports use, so still no finding.
    assert.deepEqual(
      narrative(wrong).map((f) => f.code),
      ['narrative-rate'],
    );
    const worse = variant('收到和办理政府信息公开申请 69 件', '收到和办理政府信息公开申请 96 件');
    const f = narrative(worse).find((x) => x.code === 'narrative-requests');
    assert.ok(f, 'a request total that is neither 一 nor 一 + 二');
    assert.equal(spanText(worse, f), '96');
    assert.equal(f.severity, 'warning');
    assert.match(f.message['zh-CN'], /96.*69.*71/);
    assert.equal(spanText(worse, { ...f, span: f.related![0].span }), '69', 'related information points at the cell');
    assert.deepEqual(
      f.fixes?.map((x) => x.edits[0].text),
      ['69', '71'],
    );
  });

  it('compares 无法提供 with the group: 47 + 3 + 0', () => {
    const wrong = variant('无法提供 50 件', '无法提供 47 件');
    const f = narrative(wrong).find((x) => x.code === 'narrative-requests')!;
    assert.equal(spanText(wrong, f), '47');
    assert.match(f.message['zh-CN'], /47 \+ 3 \+ 0 = 50/);
    assert.deepEqual(
      f.related?.map((r) => wrong.slice(r.span.start, r.span.end)),
      ['47', '3'],
    );
  });

  it('flags a denial of cases when table 四 lists one', () => {
    const wrong = variant('  行政复议:           [0, 0, 0, 0, 0]', '  行政复议:           [1, 0, 0, 0, 1]');
    const found = narrative(wrong);
    assert.deepEqual(found.map((f) => [f.code, spanText(wrong, f)]).sort(), [
      ['narrative-rate', '85.7'],
      ['narrative-reviews', '行政复议'],
    ]);
  });

  it('points at the number inside a folded scalar across a line break', () => {
    const wrapped = variant(
      '全年度收到网民来信 2819 件，办结 2348 件，办结率 85.7%，',
      '全年度收到网民来信 2819 件，办结 2348 件，办结率\n    85.7%，',
    );
    const [f] = narrative(wrapped);
    assert.equal(spanText(wrapped, f), '85.7');
  });

  it('obeys severity settings and suppression comments', () => {
    assert.equal(
      check(EXAMPLE, { severities: { 'narrative-rate': 'off' } }).findings.filter((f) => NARRATIVE.has(f.code)).length,
      0,
    );
    assert.equal(
      check(EXAMPLE, { severities: { 'narrative-rate': 'hint' } }).findings.find((f) => f.code === 'narrative-rate')
        ?.severity,
      'hint',
    );
    const suppressed = variant('  解读回应: >-', '  # govreport-disable-next-line narrative-rate\n  解读回应: >-');
    assert.equal(narrative(suppressed).length, 0);
  });
});

describe('hostile text', () => {
  const inSection = (s: string) => EXAMPLE.replace(/(依申请公开: >-\n).*\n/, `$1    ${s}\n`);
  // Each of these took minutes while a lookup was quadratic; linear, they take well under a second.
  for (const [name, text] of [
    ['30,000 Chinese numerals', '六个'.repeat(30000)],
    ['a 其中 list of 8,000 items', '共 100 件，其中' + Array(8000).fill('甲 1 件').join('，') + '。'],
    ['20,000 statements in one sentence', Array(20000).fill('收到申请 5 件').join('，')],
    ['20,000 sentences in one paragraph', Array(20000).fill('收到申请 5 件').join('。')],
    ['a label repeated 3,000 times', '予以公开' + '政府信息公开申请'.repeat(3000) + '5 件'],
  ] as const) {
    it(`reads ${name} in linear time`, () => {
      const t0 = performance.now();
      check(inSection(text));
      const ms = performance.now() - t0;
      assert.ok(ms < 10000, `${ms.toFixed(0)} ms`);
    });
  }
});
