/**
 * The checks evaluators deduct points for, on realistic sentences: numbering that skips or
 * repeats, characters typed twice, personal data, amounts only plausible in 元, and text or
 * tables carried over from last year. The legitimate cases must stay silent.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { runCli } from '../../../server/src/cli/main';
import { check, type CheckOptions } from '../../../server/src/core/check';
import { parseReport } from '../../../server/src/core/parse';
import { isIdCardNumber, passesLuhn } from '../../../server/src/core/rules/personalData';
import fc from 'fast-check';
import type { SectionRole } from '../../../server/src/core/format';
import { acrossOrgans } from '../../../server/src/core/rules/copied';
import {
  type Peer,
  type PeerSentence,
  sentenceIndex,
  sentenceKey,
  WRITTEN_ANEW,
} from '../../../server/src/core/similarity';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'rules');
const BASE = readFileSync(path.join(FIXTURES, 'base-2024.report.yaml'), 'utf8');
const PREVIOUS = readFileSync(path.join(FIXTURES, 'base-2023.report.yaml'), 'utf8');
const SLOT = '将政务公开工作纳入年度绩效考核，开展业务培训 2 次。';

/** The base report with the 监督保障 text replaced; `code "covered"` of each finding of `code`. */
function findings(code: string, sentence: string, options: CheckOptions = {}): string[] {
  const text = BASE.replace(SLOT, () => sentence);
  return check(text, options)
    .findings.filter((f) => f.code === code)
    .map((f) => `${f.severity} "${text.slice(f.span.start, f.span.end)}"`);
}

describe('numbering-sequence', () => {
  const cases: [string, string[]][] = [
    ['一是加强培训；二是强化考核；三是落实责任。', []],
    ['一是加强培训；三是强化考核。', ['warning "三是"']],
    ['一是加强培训；二是强化考核；二是落实责任。', ['warning "二是"']],
    // Two lists in one text, each from one.
    ['一是加强培训；二是强化考核。下一步，一是完善制度；二是加强监督。', []],
    ['（一）加强培训。（二）强化考核。（四）落实责任。', ['warning "（四）"']],
    // A citation is not a list.
    ['依照第二十条第（一）项、第（五）项主动公开。', []],
    ['1.加强培训；2.强化考核；3.落实责任。', []],
    ['1.加强培训；2.强化考核；2.落实责任。', ['warning "2."']],
    // Decimals and figures are not numbering.
    ['平均答复时间 1.5 个工作日，2.5 个工作日内办结。', []],
    // A list that starts at 二 may continue the part before it.
    ['二是强化考核；三是落实责任。', []],
    // 统一是 is a word, not 一是.
    ['做到标准统一是重点；二是强化考核。', []],
  ];
  for (const [sentence, expected] of cases)
    it(sentence, () => assert.deepEqual(findings('numbering-sequence', sentence), expected));
});

describe('repeated-word', () => {
  const cases: [string, string[]][] = [
    ['纳入年度的的绩效考核。', ['warning "的的"']],
    ['严格审核审核发布流程。', ['warning "审核审核"']],
    ['开展业务培训 2 次。。', ['warning "。。"']],
    ['做到公开、、透明。', ['warning "、、"']],
    // Words and phrases that double by nature, or where the first character ends a word.
    ['为实现公开目的的要求，的的确确做到应公开尽公开。', []],
    ['针对对外公开的事项，加强公众参与与监督，存在在线办理不便等问题。', []],
    ['层层压实责任，常常开展检查，年年开展评议，一项一项抓落实。', []],
    ['为了了解群众需求，开展调研 3 次。', []],
  ];
  for (const [sentence, expected] of cases)
    it(sentence, () => assert.deepEqual(findings('repeated-word', sentence), expected));

  it('its fix deletes the repetition and nothing else', () => {
    const text = BASE.replace(SLOT, '纳入年度的的绩效考核。');
    const f = check(text).findings.find((x) => x.code === 'repeated-word')!;
    const [e] = f.fixes![0].edits;
    assert.equal(text.slice(0, e.start) + e.text + text.slice(e.end), BASE.replace(SLOT, '纳入年度的绩效考核。'));
  });
});

describe('personal-data', () => {
  it('checks identity card numbers by their check digit and card numbers by Luhn', () => {
    assert.equal(isIdCardNumber('11010519491231002X'), true);
    assert.equal(isIdCardNumber('110105194912310021'), false);
    assert.equal(passesLuhn('6222021234567890128'), true);
    assert.equal(passesLuhn('6222021234567890123'), false);
  });

  const cases: [string, string[]][] = [
    ['联络员张某，身份证号 11010519491231002X。', ['warning "11010519491231002X"']],
    // A wrong check digit is not an identity card number (an index number, say).
    ['索引号 110105194912310021。', []],
    ['申请人李某（手机 13912345678）已答复。', ['warning "13912345678"']],
    ['申请人李某（手机 139-1234-5678）已答复。', ['warning "139-1234-5678"']],
    ['申请人李某（手机 139****5678）已答复。', []],
    ['咨询电话：0354-8222222，工作日受理。', []],
    ['政务公开咨询电话：13912345678。', ['information "13912345678"']],
    ['退费转入银行卡 6222 0212 3456 7890 128。', ['warning "6222 0212 3456 7890 128"']],
    ['统一社会信用代码 11140000012345678X。', []],
  ];
  for (const [sentence, expected] of cases)
    it(sentence, () => assert.deepEqual(findings('personal-data', sentence), expected));
});

describe('fee-unit', () => {
  const fee = (v: string, organType = '部门') =>
    check(
      BASE.replace('行政事业性收费: [0]', `行政事业性收费: [${v}]`).replace('机关类型: 部门', `机关类型: ${organType}`),
    )
      .findings.filter((f) => f.code === 'fee-unit')
      .map((f) => f.message['zh-CN']);
  it('an amount plausible only in 元 is information', () => {
    assert.deepEqual(fee('1250000'), [
      '“行政事业性收费”收费金额 1250000 万元即 125 亿元，远超一般机关的规模：单位是否为元？（本栏以万元为单位）',
    ]);
  });
  it('amounts of an organ’s scale are not', () => {
    assert.deepEqual(fee('35.6'), []);
    assert.deepEqual(fee('86000'), []);
    assert.deepEqual(fee('450000', '本级政府'), []);
  });
});

describe('copied from last year', () => {
  const previous = (text: string): CheckOptions => ({ previous: { report: parseReport(text) } });
  const PROBLEMS_2024 =
    '存在的问题主要是政策解读形式还不够丰富。2025 年，本局将继续深化政务公开工作，进一步丰富解读形式，提升公开质效。';
  const PROBLEMS_2023 = '存在的问题主要是政策解读形式还不够丰富。2024 年，本局将进一步丰富解读形式。';
  const LONG = (y: number) =>
    `存在的问题主要是政策解读形式还不够丰富，政务新媒体更新频率不高，基层政务公开标准化规范化水平有待提升。${y} 年，本局将继续深化政务公开工作，进一步丰富解读形式，加强政务新媒体管理，提升公开质效。`;

  it('a sentence is the same once numbers, years and punctuation are set aside', () => {
    assert.equal(sentenceKey('2023 年，本局共收到申请 69 件。'), sentenceKey('2024年 本局共收到申请７１件'));
    assert.notEqual(sentenceKey('本局共收到申请 69 件。'), sentenceKey('本局共办结申请 69 件。'));
  });

  it('a section repeating last year’s beyond the threshold is a warning pointing at last year’s sentences', () => {
    const text = BASE.replace(PROBLEMS_2024, LONG(2025));
    const f = check(text, previous(PREVIOUS.replace(PROBLEMS_2023, LONG(2024)))).findings.filter(
      (x) => x.code === 'copied-text',
    );
    assert.equal(f.length, 1);
    assert.match(f[0].message['zh-CN'], /^“存在的主要问题及改进情况”有 100% 的文字与 2023 年度报告相同（2 句/);
    assert.equal(f[0].related?.length, 2);
  });

  it('the threshold can be raised (the config file does)', () => {
    const text = BASE.replace(PROBLEMS_2024, LONG(2025));
    const options = { ...previous(PREVIOUS.replace(PROBLEMS_2023, LONG(2024))), reuseThreshold: 1.01 };
    assert.ok(!check(text, options).findings.some((x) => x.code === 'copied-text'));
  });

  it('one sentence in common is not copying', () => {
    assert.ok(!check(BASE, previous(PREVIOUS)).findings.some((x) => x.code === 'copied-text'));
  });

  it('a table of zeros the same as last year’s is not worth a note; one with figures is', () => {
    assert.ok(!check(BASE, previous(PREVIOUS)).findings.some((x) => x.code === 'copied-table'));
    const same = PREVIOUS.replace(
      '行政复议:           [0, 0, 0, 0, 0]\n  行政诉讼:\n    未经复议直接起诉: [0, 0, 0, 0, 0]',
      '行政复议:           [1, 0, 0, 1, 2]\n  行政诉讼:\n    未经复议直接起诉: [1, 0, 0, 0, 1]',
    );
    const f = check(BASE, previous(same)).findings.filter((x) => x.code === 'copied-table');
    assert.deepEqual(
      f.map((x) => x.severity),
      ['information'],
    );
  });
});

describe('copied from last year, across checks and files', () => {
  const PROBLEMS_2024 =
    '存在的问题主要是政策解读形式还不够丰富。2025 年，本局将继续深化政务公开工作，进一步丰富解读形式，提升公开质效。';
  const PROBLEMS_2023 = '存在的问题主要是政策解读形式还不够丰富。2024 年，本局将进一步丰富解读形式。';
  const LONG = (y: number) =>
    `存在的问题主要是政策解读形式还不够丰富，政务新媒体更新频率不高，基层政务公开标准化规范化水平有待提升。${y} 年，本局将继续深化政务公开工作，进一步丰富解读形式，加强政务新媒体管理，提升公开质效。`;

  it('last year’s sentences are indexed once for the report, however often this year’s is checked', () => {
    const last = parseReport(PREVIOUS);
    const index = sentenceIndex(last);
    for (let i = 0; i < 3; i++) check(BASE.replace('2 次', `${i + 3} 次`), { previous: { report: last } });
    assert.equal(sentenceIndex(last), index);
  });

  it('govreport check pairs the two years among the files given and reports it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-copied-cli-'));
    const [a, b] = [path.join(dir, '2023.report.yaml'), path.join(dir, '2024.report.yaml')];
    writeFileSync(a, PREVIOUS.replace(PROBLEMS_2023, LONG(2024)));
    writeFileSync(b, BASE.replace(PROBLEMS_2024, LONG(2025)));
    let out = '';
    await runCli(['check', a, b], { stdout: (s) => (out += s), stderr: () => undefined, env: { LANG: 'zh_CN.UTF-8' } });
    const lines = out.split('\n').filter((l) => l.includes('copied-text'));
    assert.equal(lines.length, 1);
    assert.ok(lines[0].startsWith(`${b}:`), lines[0]);
  });
});

describe('copied across organs, over a batch', () => {
  // Keys long enough to count (12 characters): a few, so that reports share many of them.
  const KEYS = Array.from({ length: 8 }, (_, i) =>
    `第${'甲乙丙丁戊己庚辛'[i]}句政务公开工作的句子内容`.repeat(1 + (i % 3)),
  );
  const sentence = (role: SectionRole, key: string): PeerSentence => ({
    role,
    key,
    span: { start: 0, end: 1 },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  });
  const peer = fc.record({
    organ: fc.option(fc.constantFrom('甲局', '乙局', '丙局', '丁局'), { nil: undefined }),
    year: fc.constantFrom(2023, 2024),
    sentences: fc.array(fc.tuple(fc.constantFrom<SectionRole>('overview', 'problems'), fc.constantFrom(...KEYS)), {
      maxLength: 12,
    }),
  });

  /** Every pair compared sentence by sentence: the peers that share something, and the threshold. */
  function direct(self: Peer, peers: Peer[], threshold: number): string[] {
    const out: string[] = [];
    if (self.organ === undefined || self.year === undefined) return out;
    for (const role of WRITTEN_ANEW) {
      const mine = self.sentences.filter((s) => s.role === role);
      const length = mine.reduce((n, s) => n + s.key.length, 0);
      if (length < 60) continue;
      peers.forEach((p, at) => {
        if (p === self || p.year !== self.year || p.organ === undefined || p.organ === self.organ) return;
        const theirs = new Set(p.sentences.map((s) => s.key));
        const shared = mine.filter((s) => theirs.has(s.key)).reduce((n, s) => n + s.key.length, 0);
        if (shared > 0 && shared / length >= threshold) out.push(`${role} ${at} ${shared / length}`);
      });
    }
    return out;
  }

  it('finds every peer that shares the threshold, however common some sentences are', () => {
    fc.assert(
      fc.property(
        fc.array(peer, { minLength: 2, maxLength: 12 }),
        fc.constantFrom(0, 0.2, 0.5, 0.8, 1),
        (shapes, threshold) => {
          const peers: Peer[] = shapes.map((p) => ({
            organ: p.organ,
            year: p.year,
            sentences: p.sentences.map(([role, key]) => sentence(role, key)),
          }));
          for (const self of peers) {
            const found = acrossOrgans(self, peers, threshold).map(
              (s) => `${s.role} ${peers.indexOf(s.peer)} ${s.share}`,
            );
            assert.deepEqual(found, direct(self, peers, threshold));
          }
        },
      ),
      { seed: 20261204, numRuns: 300 },
    );
  });
});
