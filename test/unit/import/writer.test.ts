import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FORMAT_2021, tableSections } from '../../../server/src/core/format';
import { writeReport, yamlString } from '../../../server/src/core/import/yamlWriter';
import { parseReport } from '../../../server/src/core/parse';
import { syntaxRule } from '../../../server/src/core/rules/syntax';

const meta = {
  organ: '某局',
  organType: { type: '部门' as const, reason: '“某局”是政府部门' },
  year: 2024,
  signed: '2025-01-20',
};
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...'一二三：:#-"\'|>[]{},&*!%@`?。，“”（）\\ 　\t'.split('')),
    fc.string({ minLength: 1, maxLength: 1 }),
  ),
  minLength: 1,
  maxLength: 30,
});
const paragraph = text
  .map((s) =>
    s
      .replace(/[\n\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]/gu, '')
      .replace(/\s+/gu, ' ')
      .trim(),
  )
  .filter((s) => s.length > 0);

describe('import: the YAML writer', () => {
  it('quotes a scalar exactly when plain YAML would read it otherwise', () => {
    assert.equal(yamlString('吕梁市人民政府办公室'), '吕梁市人民政府办公室');
    assert.equal(yamlString('2024-01-08'), '2024-01-08');
    for (const s of [
      '2024',
      'true',
      'null',
      '- 项',
      '# 注',
      '键: 值',
      '值 #注',
      '"引号"',
      '',
      ' 前空格',
      '[1]',
      '@x',
      '%x',
    ])
      assert.equal(yamlString(s), JSON.stringify(s), s);
  });

  it('writes narrative and sub-section keys that read back exactly', () => {
    fc.assert(
      fc.property(
        fc.array(paragraph, { minLength: 1, maxLength: 3 }),
        fc.uniqueArray(paragraph, { minLength: 1, maxLength: 3 }),
        (paras, keys) => {
          const yaml = writeReport({
            format: FORMAT_2021,
            header: ['标题'],
            meta,
            metaComments: [],
            preface: paras,
            misprints: new Map(),
            sections: [
              {
                kind: 'overview',
                key: '总体情况',
                lead: [],
                subsections: keys.map((key) => ({ key, paragraphs: paras })),
              },
              { kind: 'text', key: '其他需要报告的事项', paragraphs: paras, literal: true },
            ],
            trailer: paras,
          });
          const r = parseReport(yaml);
          assert.deepEqual(syntaxRule.check({ report: r }), [], yaml);
          const joined = paras.join(paras.length > 1 ? '\n\n' : '');
          assert.equal(r.preface?.text, joined);
          const subs = r.texts.filter((t) => t.section?.key === '总体情况');
          assert.deepEqual(
            subs.map((t) => t.subKey),
            keys,
          );
          for (const t of subs) assert.equal(t.text, joined);
          assert.equal(r.texts.find((t) => t.section?.key === '其他需要报告的事项')?.text, paras.join('\n\n'));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes a text of hundreds of thousands of lines (more than one call takes as arguments)', () => {
    const paras = Array.from({ length: 150_000 }, (_, i) => `第${i + 1}段。`);
    const yaml = writeReport({
      format: FORMAT_2021,
      header: [],
      meta,
      metaComments: [],
      preface: paras,
      misprints: new Map(),
      sections: [{ kind: 'text', key: '其他需要报告的事项', paragraphs: paras, literal: true }],
      trailer: paras,
    });
    const r = parseReport(yaml);
    assert.equal(r.preface?.text.split('\n\n').length, paras.length);
    assert.equal(
      r.texts
        .find((t) => t.section?.key === '其他需要报告的事项')
        ?.text.split('\n\n')
        .at(-1),
      '第150000段。',
    );
  });

  it('writes table cells that read back as printed: numbers as numbers, the rest as text', () => {
    const t2 = tableSections(FORMAT_2021)[0];
    const yaml = writeReport({
      format: FORMAT_2021,
      header: [],
      meta,
      metaComments: [],
      preface: [],
      misprints: new Map(),
      sections: [
        {
          kind: 'table',
          table: {
            decl: t2,
            rows: [
              {
                path: '规章',
                groupAsRow: false,
                cells: [
                  { kind: 'number', text: '0' },
                  { kind: 'text', text: '/' },
                  { kind: 'text', text: '' },
                ],
              },
              {
                path: '行政事业性收费',
                groupAsRow: false,
                cells: [{ kind: 'number', text: '35.60' }],
                comment: '原文：35.60',
              },
            ],
            unplaced: ['“地方性法规”：3 # 1'],
            misprints: new Map(),
            note: [],
          },
        },
      ],
      trailer: [],
    });
    const rows = parseReport(yaml).tables.get('主动公开政府信息情况')!.rows;
    assert.deepEqual(
      rows.get('规章')!.cells.map((c) => c!.raw),
      ['0', '"/"', '""'],
    );
    assert.equal(rows.get('行政事业性收费')!.cells[0]!.raw, '35.60');
    assert.match(
      yaml,
      /\n {2}# 原文：35.60\n {2}行政事业性收费: \[35.60\]\n {2}# 未能归入表格的原文：\n {2}# {3}“地方性法规”：3 # 1\n/,
    );
  });
});
