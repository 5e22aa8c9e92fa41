import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { FORMAT_2021, leafRows, tableSections } from '../../server/src/core/format';
import { jsonSchema } from '../../server/src/core/schema';
import { reportSkeleton } from '../../server/src/core/skeleton';
import { SCHEMA_PATH, schemaText } from '../../scripts/generate-schema';
import { EXAMPLE, ROOT, variant } from './helpers';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
// strict: the schema uses only keywords and formats draft-07 defines.
const validate = new Ajv({ strict: true, allErrors: true }).compile(jsonSchema());

function errors(yamlText: string): string[] {
  const ok = validate(parse(yamlText));
  return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('JSON Schema', () => {
  it('the committed schemas/govreport.schema.json is generated from the declaration', () => {
    assert.equal(readFileSync(SCHEMA_PATH, 'utf8'), schemaText(), 'run: node --import tsx scripts/generate-schema.ts');
  });

  it('is contributed for *.report.yaml and *.report.yml through yamlValidation', () => {
    assert.deepEqual(pkg.contributes.yamlValidation[0], {
      fileMatch: ['*.report.yaml', '*.report.yml'],
      url: './schemas/govreport.schema.json',
    });
  });

  it('the example and a new report validate', () => {
    assert.deepEqual(errors(EXAMPLE), []);
    assert.deepEqual(errors(reportSkeleton({ organ: '某县人民政府', organType: '本级政府', year: 2025 })), []);
    // Rows written as mappings of their column labels are part of the format too.
    assert.deepEqual(
      errors(
        variant(
          '行政复议:           [0, 0, 0, 0, 0]',
          '行政复议: {结果维持: 0, 结果纠正: 0, 其他结果: 0, 尚未审结: 0, 总计: 0}',
        ),
      ),
      [],
    );
    assert.deepEqual(errors(variant('落款日期: 2024-01-08', '落款日期: 2025年1月8日')), []);
  });

  it('describes every row of every table, with the official labels', () => {
    const schema = jsonSchema() as any;
    for (const table of tableSections(FORMAT_2021)) {
      for (const row of leafRows(table)) {
        let node = schema.properties[table.key];
        for (const key of row.path.split('/')) node = node.properties[key];
        assert.equal(node.title, row.decl.number + row.decl.label, row.path);
        assert.deepEqual(
          node.default,
          row.decl.columns.map(() => 0),
        );
      }
    }
  });

  it('rejects what the format does not allow', () => {
    const cases: [string, string, RegExp][] = [
      [
        '[67, 2, 0, 0, 0, 0, 69]',
        '[67, 2, 0, 0, 0, 69]',
        /本年新收政府信息公开申请数量 must NOT have fewer than 7 items/,
      ],
      ['[67, 2, 0, 0, 0, 0, 69]', '[67, 2, 0, 0, 0, 0, 69, 1]', /must NOT have more than 7 items/],
      ['[0, 0, 0, 0, 0, 0, 0]', '[0, -1, 0, 0, 0, 0, 0]', /must be >= 0/],
      ['[11, 2, 81]', '[11, 2.5, 81]', /must be integer/],
      ['机关类型: 部门', '机关类型: 单位', /机关类型 must be equal to one of the allowed values/],
      ['落款日期: 2024-01-08', '落款日期: 2024/1/8', /落款日期 must match pattern/],
      ['  予以公开:', '  予已公开:', /must NOT have additional properties/],
    ];
    for (const [from, to, expected] of cases) {
      const found = errors(variant(from, to));
      assert.ok(
        found.some((e) => expected.test(e)),
        `${to}: ${found.join('; ')}`,
      );
    }
    const missing = errors(EXAMPLE.replace(/\n其他需要报告的事项:[\s\S]*$/, '\n'));
    assert.ok(missing.includes(" must have required property '其他需要报告的事项'"), missing.join('; '));
  });
});
