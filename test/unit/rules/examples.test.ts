/**
 * The documentation's examples, executed: each rule's wrong example is found with its code and
 * its right example is not; the documentation printed from them is the one committed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULE_CODES, type RuleCode } from '../../../server/src/core/codes';
import { checkReport } from '../../../server/src/core/check';
import { parseConfig, withConfig } from '../../../server/src/core/config';
import { parseReport } from '../../../server/src/core/parse';
import { peerOf } from '../../../server/src/core/similarity';
import type { Example } from '../../../server/src/core/rule';
import { RULES, ruleOf } from '../../../server/src/core/rules';
import { RULE_DOCS, ruleDocs } from '../../../scripts/generate-rule-docs';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'rules');
const BASE = readFileSync(path.join(FIXTURES, 'base-2024.report.yaml'), 'utf8');
const PREVIOUS = readFileSync(path.join(FIXTURES, 'base-2023.report.yaml'), 'utf8');
const PEER = readFileSync(path.join(FIXTURES, 'peer-2024.report.yaml'), 'utf8');

function apply(text: string, example: Example, which: 'this' | 'previous' | 'peer'): string {
  let out = text;
  for (const e of example.edits) {
    if ((e.in ?? 'this') !== which) continue;
    assert.ok(out.includes(e.replace), `the example report has no ${JSON.stringify(e.replace)}`);
    out = out.replace(e.replace, () => e.with);
  }
  return out;
}

/** The example report changed by an example, checked with last year's and checked in a batch with another organ's. */
function codesOf(example: Example): RuleCode[] {
  const previous = { report: parseReport(apply(PREVIOUS, example, 'previous')) };
  const self = parseReport(apply(BASE, example, 'this'));
  const peers = [peerOf(self), peerOf(parseReport(apply(PEER, example, 'peer')))];
  const config = example.config === undefined ? undefined : parseConfig(example.config);
  assert.deepEqual(config?.problems ?? [], [], 'the example config file has problems');
  return checkReport(self, withConfig({ previous, peers }, config?.config)).findings.map((f) => f.code);
}

describe('the rules', () => {
  it('each code is reported by exactly one rule, and every rule code is known', () => {
    const owned = RULES.flatMap((r) => r.codes);
    assert.deepEqual([...owned].sort(), [...RULE_CODES].sort());
    assert.equal(new Set(owned).size, owned.length);
  });

  it('the example report is correct: nothing is found in it', () => {
    assert.deepEqual(codesOf({ edits: [] }), []);
  });

  for (const code of RULE_CODES) {
    const doc = ruleOf(code)!.docs[code];
    it(`${code}: the wrong example is found, the right one is not`, () => {
      assert.ok(codesOf(doc.wrong).includes(code), `${code} not found in its wrong example`);
      assert.ok(!codesOf(doc.right).includes(code), `${code} found in its right example`);
    });
  }
});

describe('the rule documentation', () => {
  for (const [locale, file] of Object.entries(RULE_DOCS) as [keyof typeof RULE_DOCS, string][]) {
    it(`${path.basename(file)} is printed from the rules (npm run docs)`, () => {
      assert.equal(readFileSync(file, 'utf8'), ruleDocs(locale));
    });
  }
});
