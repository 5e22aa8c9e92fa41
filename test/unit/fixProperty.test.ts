/** Property: on randomly broken reports, fix-all keeps the YAML valid, edits only its ranges, and is a fixpoint. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { check } from '../../server/src/core/check';
import { applyEdits, fixAll, fixAllEdits } from '../../server/src/core/edits';
import { EXAMPLE } from './helpers';

const LINES = EXAMPLE.split('\n');

/** Breakages of the kinds people make: a line lost, a number changed, a key misspelt, a date rewritten. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), line: fc.nat(LINES.length - 1) }),
  fc.record({
    kind: fc.constant('number' as const),
    line: fc.nat(LINES.length - 1),
    value: fc.oneof(fc.nat(100), fc.constantFrom('/', '', '"3"', '-1', '2.5')),
  }),
  fc.record({ kind: fc.constant('typo' as const), line: fc.nat(LINES.length - 1), at: fc.nat(6) }),
  fc.record({
    kind: fc.constant('date' as const),
    form: fc.constantFrom('2025/1/8', '2025.01.08', '2025-2-30', '2025年1月8日'),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(lines: string[], m: Mutation): string[] {
  const out = [...lines];
  // Earlier mutations may have shortened the text.
  if ('line' in m) m = { ...m, line: m.line % out.length };
  switch (m.kind) {
    case 'drop':
      out.splice(m.line, 1);
      break;
    case 'number':
      out[m.line] = out[m.line].replace(/\b\d+\b/, String(m.value));
      break;
    case 'typo': {
      const key = /^(\s*)([^\s#:][^:]*):/.exec(out[m.line]);
      if (key && key[2].length > 1) {
        const i = key[1].length + (m.at % key[2].length);
        out[m.line] = out[m.line].slice(0, i) + '已' + out[m.line].slice(i + 1);
      }
      break;
    }
    case 'date':
      return out.map((l) => l.replace(/^落款日期: .*$/, `落款日期: ${m.form}`));
  }
  return out;
}

describe('fix-all on randomly broken reports', () => {
  it('keeps the document parsing, edits only its ranges and reaches a fixpoint', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
        const text = ms.reduce(mutate, LINES).join('\n');
        const syntaxBefore = check(text).findings.filter((f) => f.code === 'yaml-syntax').length;
        let current = text;
        for (let pass = 0; pass < 5; pass++) {
          const edits = fixAllEdits(check(current).findings);
          if (!edits.length) break;
          const next = applyEdits(current, edits);
          // Outside the edits, every byte is the same.
          let rebuilt = '';
          let pos = 0;
          for (const e of [...edits].sort((a, b) => a.start - b.start)) {
            assert.ok(e.start >= pos, 'edits do not overlap');
            rebuilt += current.slice(pos, e.start) + e.text;
            pos = e.end;
          }
          assert.equal(next, rebuilt + current.slice(pos));
          current = next;
        }
        const after = check(current);
        if (syntaxBefore === 0) assert.equal(after.findings.filter((f) => f.code === 'yaml-syntax').length, 0, current);
        assert.equal(fixAll(text).text, current);
        assert.equal(fixAll(current).text, current, 'a second run changes nothing');
      }),
      { seed: 20261127, numRuns: 150 },
    );
  });
});
