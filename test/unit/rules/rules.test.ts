/** Every rule with a failing and a passing case, on real report text (the example and its variants). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULE_CODES } from '../../../server/src/core/codes';
import { parseConfig, withConfig } from '../../../server/src/core/config';
import { groupOf } from '../../../server/src/core/rules';
import { reportSkeleton } from '../../../server/src/core/skeleton';
import { EXAMPLE, codes, findingsOf, spanText, variant } from '../helpers';

interface Case {
  code: string;
  wrong: string;
  right: string;
  /** The exact characters the finding must cover in `wrong`. */
  covers?: string;
  options?: Parameters<typeof codes>[1];
}

const E = EXAMPLE;
const ROW69 = '本年新收政府信息公开申请数量:  [67, 2, 0, 0, 0, 0, 69]';
const REPEAT = '      重复申请:                  [0, 0, 0, 0, 0, 0, 0]';

const CASES: Case[] = [
  {
    code: 'undecodable-text',
    // The bytes of 吕梁市 in GBK, read as UTF-8.
    wrong: variant('机关: 吕梁市人民政府办公室', '机关: \ufffd\ufffd\ufffd人民政府办公室'),
    right: E,
    covers: '\ufffd',
  },
  { code: 'yaml-syntax', wrong: variant('规章:           [0, 0, 0]', '规章:           [0, 0, 0'), right: E },
  { code: 'not-a-report', wrong: '- 机关: 某局\n', right: E, covers: '- 机关: 某局\n' },
  {
    code: 'unknown-key',
    wrong: variant('    予以公开:', '    予已公开:'),
    right: variant('    予以公开:', '    （一）予以公开:'),
    covers: '予已公开',
  },
  {
    code: 'duplicate-key',
    wrong: variant('其他需要报告的事项: |-', '六、其他需要报告的事项: 无\n其他需要报告的事项: |-'),
    right: E,
    covers: '其他需要报告的事项',
  },
  {
    code: 'legacy-label',
    wrong: variant('  行政强制:       [0]', '  行政强制:       [0]\n  本年新制作数量: [3]'),
    right: E,
    covers: '本年新制作数量',
  },
  {
    code: 'legacy-format-cited',
    wrong: variant('国办公开办函〔2021〕30 号', '国办公开办函〔2019〕60 号'),
    right: E,
    covers: '〔2019〕60 号',
  },
  { code: 'invalid-value', wrong: variant('机关类型: 部门', '机关类型: 政府部门'), right: E, covers: '政府部门' },
  { code: 'missing-field', wrong: variant('落款日期: 2024-01-08\n', ''), right: E },
  { code: 'missing-preface', wrong: variant(/前言: >-\n.*\n/, ''), right: E },
  { code: 'missing-section', wrong: variant(/其他需要报告的事项: \|-\n.*/, ''), right: E },
  {
    code: 'section-order',
    wrong: (() => {
      const five = E.slice(E.indexOf('存在的主要问题及改进情况:'), E.indexOf('其他需要报告的事项:'));
      const six = E.slice(E.indexOf('其他需要报告的事项:'));
      return E.slice(0, E.indexOf('存在的主要问题及改进情况:')) + six.trimEnd() + '\n\n' + five;
    })(),
    right: E,
    covers: '存在的主要问题及改进情况',
  },
  { code: 'missing-row', wrong: variant('  行政许可:       [0]\n', ''), right: E, covers: '行政处罚' },
  { code: 'missing-cell', wrong: variant(REPEAT, '      重复申请:                  [0, 0, 0, 0, 0, 0]'), right: E },
  { code: 'extra-cell', wrong: variant('  行政许可:       [0]', '  行政许可:       [0, 0]'), right: E },
  {
    code: 'group-as-row',
    wrong: variant(/ {4}其他处理:\n( {6}.*\n){3}/, '    其他处理: [0, 0, 0, 0, 0, 0, 0]\n'),
    right: E,
    covers: '其他处理',
  },
  { code: 'cell-not-number', wrong: variant('  行政许可:       [0]', '  行政许可:       [/]'), right: E, covers: '/' },
  {
    code: 'misprinted-label',
    wrong: variant('落款日期: 2024-01-08\n', '落款日期: 2024-01-08\n原文标签: {本年度止件数: 本年废止件数}\n'),
    right: E,
    covers: '本年度止件数: 本年废止件数',
  },
  {
    code: 'source-incomplete',
    wrong: variant('落款日期: 2024-01-08\n', '落款日期: 2024-01-08\n原文不完整: {结尾: 在“全年共收到”处中断}\n'),
    right: E,
    covers: '原文不完整',
  },
  { code: 'cell-negative', wrong: variant('  行政处罚:       [0]', '  行政处罚:       [-1]'), right: E, covers: '-1' },
  {
    code: 'cell-fractional',
    wrong: variant('  行政许可:       [0]', '  行政许可:       [2.5]'),
    right: variant('  行政事业性收费: [0]', '  行政事业性收费: [2.5]'),
    covers: '2.5',
  },
  {
    code: 'number-too-large',
    wrong: variant('  行政许可:       [0]', '  行政许可:       [90071992547409930]'),
    right: variant('  行政许可:       [0]', '  行政许可:       [9007199254740991]'),
    covers: '90071992547409930',
  },
  {
    code: 'missing-subsection',
    wrong: E,
    right: variant('  平台建设: >-', '  政府信息管理: 规范政府信息管理。\n  监督保障: 加强监督保障。\n  平台建设: >-'),
    covers: '总体情况',
  },
  {
    code: 'section-five-empty',
    wrong: variant(/存在的主要问题及改进情况: \|-\n( {2}.*\n|\n)*/, '存在的主要问题及改进情况: 无\n\n'),
    right: E,
    covers: '无',
  },
  {
    code: 'fee-not-stated',
    wrong: variant('本机关 2024 年度未收取政府信息公开信息处理费。', '无。'),
    right: E,
    covers: '其他需要报告的事项',
  },
  {
    code: 'rules-by-department',
    wrong: variant('  规章:           [0, 0, 0]', '  规章:           [2, 0, 5]'),
    right: variant(
      '  规章:           [0, 0, 0]',
      '  规章:           [2, 0, 5]',
      variant('机关类型: 部门', '机关类型: 本级政府'),
    ),
    covers: '规章',
  },
  {
    code: 'fee-unit',
    wrong: variant('  行政事业性收费: [0]', '  行政事业性收费: [3580000]'),
    right: variant('  行政事业性收费: [0]', '  行政事业性收费: [358]'),
    covers: '3580000',
  },
  {
    code: 'local-requirement',
    wrong: E,
    right: variant('积极构建政务新媒体运营矩阵', '积极构建政务新媒体运营矩阵，政务新媒体全年发布信息 120 条'),
    covers: '平台建设',
    options: withConfig(
      {},
      parseConfig(
        'requirements:\n  - section: 总体情况\n    subsection: 平台建设\n    phrases: [政务新媒体]\n    counted: true\n    message: 应写明政务新媒体发布信息的数量\n',
      ).config,
    ),
  },
  {
    code: 'numbering-sequence',
    wrong: variant('二是持续做好“市长信箱”办理工作', '三是持续做好“市长信箱”办理工作'),
    right: E,
    covers: '三是',
  },
  {
    code: 'repeated-word',
    wrong: variant('严格按照“谁起草、谁解读”的原则', '严格按照“谁起草、谁解读”的的原则'),
    right: variant('严格按照“谁起草、谁解读”的原则', '严格按照实现目的的原则'),
    covers: '的的',
  },
  {
    code: 'personal-data',
    wrong: variant('发布政策咨询方式，', '发布政策咨询方式，咨询人张某手机 13912345678，'),
    right: variant('发布政策咨询方式，', '发布政策咨询方式，咨询电话 0358-8222222，'),
    covers: '13912345678',
  },
  { code: 'row-total', wrong: variant(ROW69, ROW69.replace('69]', '70]')), right: E, covers: '70' },
  {
    code: 'result-total',
    wrong: variant(
      '    总计:                        [61, 2, 0, 0, 0, 0, 63]',
      '    总计:                        [62, 2, 0, 0, 0, 0, 64]',
    ),
    right: E,
    covers: '62',
  },
  {
    code: 'balance',
    wrong: variant(
      '  结转下年度继续办理:            [8, 0, 0, 0, 0, 0, 8]',
      '  结转下年度继续办理:            [9, 0, 0, 0, 0, 0, 9]',
    ),
    right: E,
    covers: '9',
  },
  {
    code: 'review-total',
    wrong: variant('  行政复议:           [0, 0, 0, 0, 0]', '  行政复议:           [10, 1, 0, 0, 0]'),
    right: variant('  行政复议:           [0, 0, 0, 0, 0]', '  行政复议:           [10, 1, 0, 0, 11]'),
    covers: '0',
  },
  {
    code: 'date-invalid',
    wrong: variant('落款日期: 2024-01-08', '落款日期: 2025-02-30'),
    right: variant('落款日期: 2024-01-08', '落款日期: 2025-02-28'),
    covers: '2025-02-30',
  },
  {
    code: 'date-form',
    wrong: variant('落款日期: 2024-01-08', '落款日期: 2025/1/8'),
    right: variant('落款日期: 2024-01-08', '落款日期: 2025年1月8日'),
    covers: '2025/1/8',
  },
  {
    code: 'period-year',
    wrong: variant('统计期限: {起: 2024-01-01, 止: 2024-12-31}', '统计期限: {起: 2023-01-01, 止: 2024-12-31}'),
    right: E,
    covers: '2023-01-01',
  },
  {
    code: 'signed-before-year-end',
    wrong: E,
    right: variant('落款日期: 2024-01-08', '落款日期: 2025-01-08'),
    covers: '2024-01-08',
  },
  {
    code: 'past-deadline',
    wrong: variant('落款日期: 2024-01-08', '落款日期: 2025-02-10'),
    right: variant('落款日期: 2024-01-08', '落款日期: 2025-01-20'),
    covers: '2025-02-10',
  },
  {
    code: 'published-before-signed',
    wrong: variant('落款日期: 2024-01-08', '落款日期: 2025-01-20\n发布日期: 2025-01-10'),
    right: variant('落款日期: 2024-01-08', '落款日期: 2025-01-20\n发布日期: 2025-01-22'),
    covers: '2025-01-10',
  },
  {
    code: 'unknown-suppression',
    wrong: variant('落款日期: 2024-01-08', '# govreport-disable-next-line signed-before-yearend\n落款日期: 2024-01-08'),
    right: variant(
      '落款日期: 2024-01-08',
      '# govreport-disable-next-line signed-before-year-end\n落款日期: 2024-01-08',
    ),
    covers: 'signed-before-yearend',
  },
];

describe('every rule fails on a wrong report and passes on a right one', () => {
  for (const c of CASES) {
    it(c.code, () => {
      const found = findingsOf(c.wrong, c.code, c.options);
      assert.ok(found.length > 0, `${c.code} not found in the wrong case`);
      if (c.covers !== undefined)
        assert.ok(
          found.some((f) => spanText(c.wrong, f) === c.covers),
          `${c.code} covers ${JSON.stringify(found.map((f) => spanText(c.wrong, f)))}, expected ${JSON.stringify(c.covers)}`,
        );
      assert.deepEqual(findingsOf(c.right, c.code, c.options), [], `${c.code} reported on the right case`);
    });
  }

  it('has a case for every rule outside the narrative checks', () => {
    const tested = new Set(CASES.map((c) => c.code));
    const untested = RULE_CODES.filter(
      (c) => groupOf(c) !== 'narrative' && groupOf(c) !== 'cross-year' && !tested.has(c),
    );
    assert.deepEqual(untested, []);
  });
});

describe('the example report', () => {
  it('yields its impossible 落款日期 and its two missing sub-sections, and nothing else of the tables or dates', () => {
    const found = codes(EXAMPLE).filter((c) => CASES.some((x) => x.code === c));
    assert.deepEqual(found, ['signed-before-year-end', 'missing-subsection', 'missing-subsection']);
  });
});

describe('a total found wrong by its row, then by its column', () => {
  it('says the figure the table prints where the column counts it at the row’s sum', () => {
    // Table 三 filled 1, 2, 3… row after row, as typed into a new report's form: every 总计 is wrong.
    let n = 0;
    const text = reportSkeleton({ organ: '测试县数据局', organType: '本级政府', year: 2024 }).replace(
      /^(收到和处理政府信息公开申请情况:\n)([\s\S]*?)(\n\S)/m,
      (_m, head: string, body: string, tail: string) =>
        head + body.replace(/\[[0, ]+\]/g, () => `[${Array.from({ length: 7 }, () => ++n).join(', ')}]`) + tail,
    );
    const column = findingsOf(text, 'result-total').find((f) => f.message['zh-CN'].startsWith('总计列'));
    assert.ok(column, 'a result-total in the 总计 column');
    assert.match(
      column.message['zh-CN'],
      /^总计列：（七）总计共 987 件（三（七）“总计”表中填 168，按算出的 987 计），少于/,
    );
    assert.equal(spanText(text, column), '168');
  });
});

describe('sections out of order', () => {
  const at = (key: string) => E.indexOf(`\n${key}:`) + 1;
  const six = E.slice(at('其他需要报告的事项'));

  it('one section moved to the top is one finding on it, however many it jumped over', () => {
    const text = E.slice(0, at('总体情况')) + six.trimEnd() + '\n' + E.slice(at('总体情况'), at('其他需要报告的事项'));
    const found = findingsOf(text, 'section-order');
    assert.deepEqual(
      found.map((f) => [spanText(text, f), f.message['zh-CN']]),
      [['其他需要报告的事项', '第六部分“其他需要报告的事项”应在第五部分“存在的主要问题及改进情况”之后']],
    );
  });

  it('two sections swapped are one finding, on the one written second', () => {
    const one = E.slice(at('总体情况'), at('主动公开政府信息情况'));
    const two = E.slice(at('主动公开政府信息情况'), at('收到和处理政府信息公开申请情况'));
    const text = E.replace(one + two, two + one);
    assert.deepEqual(
      findingsOf(text, 'section-order').map((f) => spanText(text, f)),
      ['总体情况'],
    );
  });
});

describe('required fields written with nothing after them', () => {
  for (const [line, key] of [
    ['机关: 吕梁市人民政府办公室', '机关'],
    ['年度: 2024', '年度'],
    ['落款日期: 2024-01-08', '落款日期'],
  ])
    for (const empty of [`${key}:`, `${key}: ""`, `${key}: "  "`])
      it(`"${empty}" is missing-field at its key, and nothing else about it`, () => {
        const text = variant(line, empty);
        const found = findingsOf(text, 'missing-field');
        assert.deepEqual(
          found.map((f) => [spanText(text, f), f.message['zh-CN'].split('：')[0]]),
          [[key, `“${key}”没有填写`]],
        );
        assert.deepEqual(findingsOf(text, 'invalid-value'), []);
      });
});

describe('the deadline', () => {
  const dated = (signed: string, published: string, organ = '吕梁市人民政府办公室') =>
    variant('落款日期: 2024-01-08', `落款日期: ${signed}\n发布日期: ${published}`)
      .replace('机关类型: 部门\n', '')
      .replace('机关: 吕梁市人民政府办公室', `机关: ${organ}`);

  it('a late report is one finding, on 发布日期 when there is one', () => {
    const text = dated('2025-04-01', '2025-04-02');
    assert.deepEqual(
      findingsOf(text, 'past-deadline').map((f) => [spanText(text, f), f.severity]),
      [['2025-04-02', 'warning']],
    );
  });

  it('with no 机关类型, an organ named …人民政府 has the deadline of a 本级政府', () => {
    assert.deepEqual(findingsOf(dated('2025-03-01', '2025-03-02', '吕梁市人民政府'), 'past-deadline'), []);
    assert.equal(findingsOf(dated('2025-04-01', '2025-04-02', '吕梁市人民政府'), 'past-deadline').length, 1);
  });

  it('with no 机关类型 and a name that does not tell, a date within another type’s deadline is information', () => {
    const [f] = findingsOf(dated('2025-03-01', '2025-03-02'), 'past-deadline');
    assert.equal(f.severity, 'information');
    assert.match(f.message['zh-CN'], /没有写“机关类型”，若为本级政府，期限为 2025年3月31日/);
  });
});

describe('suppression comments', () => {
  it('one that names no code is reported, since it silences nothing', () => {
    for (const word of ['govreport-disable-next-line', 'govreport-disable']) {
      const text = variant('落款日期: 2024-01-08', `# ${word}\n落款日期: 2024-01-08`);
      const found = findingsOf(text, 'unknown-suppression');
      assert.deepEqual(
        found.map((f) => spanText(text, f)),
        [word],
      );
      assert.equal(findingsOf(text, 'signed-before-year-end').length, 1);
    }
  });
});
