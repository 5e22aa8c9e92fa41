/** The JSON Schema of .govreport.yaml: generated, contributed, and agreeing with the checker's reading. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { configSchema, parseConfig } from '../../../server/src/core/config';
import { CONFIG_SCHEMA_PATH, configSchemaText } from '../../../scripts/generate-schema';
import { ROOT } from '../helpers';
import { FULL_CONFIG } from './parse.test';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
// strict: the schema uses only keywords draft-07 defines (a requirement's "one of maxLength,
// minLength or phrases" is an anyOf of `required`s, which strictRequired would refuse).
const validate = new Ajv({ strict: true, strictRequired: false, allErrors: true }).compile(configSchema());

const schemaAccepts = (text: string) => validate(parse(text) ?? {});
const checkerAccepts = (text: string) => parseConfig(text).problems.length === 0;

/** Files both must accept, and files both must refuse (each for one mistake). */
const GOOD = [
  FULL_CONFIG,
  '',
  'deadlines:\n  部门: 1-31\n',
  'reuseThreshold: 0.35\n',
  'requirements:\n  - section: 五\n    minLength: 100\n    message: m\n',
  'requirements:\n  - section: 一、总体情况\n    subsection: 监督保障\n    phrases: [考核]\n    message: {zh-CN: 应写考核, en: write of the assessment}\n',
  'deductions:\n  balance: 0.5\n  row-total: {points: 1, max: 3}\nfullScore: 10\n',
];
const BAD = [
  'deadline:\n  部门: 01-31\n',
  'deadlines:\n  部委: 01-31\n',
  'deadlines:\n  部门: 1月31日\n',
  'deadlines:\n  部门: 13-01\n',
  'severity:\n  no-such-rule: off\n',
  'severity:\n  fee-unit: loud\n',
  'reuseThreshold: 1.5\n',
  'reuseThreshold: 0\n',
  'requirements:\n  - section: 总体情况\n    message: m\n',
  'requirements:\n  - section: 总体情况\n    maxLength: 10\n',
  'requirements:\n  - section: 主动公开政府信息情况x\n    maxLength: 10\n    message: m\n',
  'requirements:\n  - section: 总体情况\n    maxLength: 1.5\n    message: m\n',
  'requirements:\n  - subsection: 主动公开\n    maxLength: 10\n    message: m\n',
  'requirements:\n  - section: 总体情况\n    counted: true\n    minLength: 10\n    message: m\n',
  'requirements:\n  - section: 总体情况\n    organTypes: [部委]\n    minLength: 10\n    message: m\n',
  'requirements:\n  - section: 总体情况\n    phrases: []\n    message: m\n',
  'deductions:\n  balance: -1\n',
  'deductions:\n  balance: {max: 3}\n',
  'fullScore: 0\n',
  '- deadlines\n',
];

describe('the config file’s JSON Schema', () => {
  it('the committed schemas/govreport-config.schema.json is generated (npm run schema)', () => {
    assert.equal(readFileSync(CONFIG_SCHEMA_PATH, 'utf8'), configSchemaText());
  });

  it('is contributed for .govreport.yaml through yamlValidation', () => {
    assert.deepEqual(pkg.contributes.yamlValidation[1], {
      fileMatch: ['.govreport.yaml'],
      url: './schemas/govreport-config.schema.json',
    });
  });

  it('offers every rule code with its title, for severity and deductions', () => {
    const s = configSchema() as { properties: Record<string, { properties: Record<string, { description: string }> }> };
    assert.match(s.properties.severity.properties['past-deadline'].description, /^晚于法定公布期限\n/);
    assert.ok(s.properties.deductions.properties['local-requirement']);
  });

  for (const text of GOOD)
    it(`accepts what the checker accepts: ${JSON.stringify(text.slice(0, 60))}`, () => {
      assert.ok(checkerAccepts(text), JSON.stringify(parseConfig(text).problems));
      assert.ok(schemaAccepts(text), JSON.stringify(validate.errors));
    });

  for (const text of BAD)
    it(`refuses what the checker refuses: ${JSON.stringify(text.slice(0, 60))}`, () => {
      assert.ok(!checkerAccepts(text));
      assert.ok(!schemaAccepts(text));
    });
});
