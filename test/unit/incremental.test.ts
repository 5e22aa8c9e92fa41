/** The incremental path: after edits anywhere, findings equal those of a full re-check. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { check } from '../../server/src/core/check';
import type { Finding } from '../../server/src/core/findings';
import { ChunkCache, parseYaml } from '../../server/src/core/yamlChunks';
import { EXAMPLE, longReport } from './helpers';

const strip = (fs: Finding[]) => fs.map((f) => ({ code: f.code, span: f.span, message: f.message, severity: f.severity, fixes: f.fixes?.map((x) => x.edits) }));

const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(3), insert: fc.constantFrom('', '1', '0', ' ', '\n', ':', '  总计: [1, 2]\n', '#', '"', '予以', '[', '- ', '\n  x:', '2025-01-08') });

function run(base: string, edits: { at: number; remove: number; insert: string }[]): void {
  const cache = new ChunkCache();
  let text = base;
  check(text, {}, cache);
  for (const e of edits) {
    const at = Math.floor(e.at * text.length);
    text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
    assert.deepEqual(strip(check(text, {}, cache).findings), strip(check(text).findings), `after an edit at ${at}`);
  }
}

describe('incremental re-checking', () => {
  it('equals a full re-check after random edits of the example', () => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => run(EXAMPLE, edits)), { seed: 42, numRuns: 120 });
  });

  it('equals a full re-check after random edits of a long report', () => {
    const long = longReport(60_000);
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => run(long, edits)), { seed: 43, numRuns: 25 });
  });

  it('re-parses only the entry that changed', () => {
    const long = longReport(60_000);
    const cache = new ChunkCache();
    parseYaml(long, cache);
    const pieces = cache.size;
    assert.ok(pieces > 10, `split into ${pieces} pieces`);
    const at = long.indexOf('办结率 85.7%');
    parseYaml(long.slice(0, at) + '办结率 83.3%' + long.slice(at + 9), cache);
    // One new piece for the edited entry; the old one is kept one more generation.
    assert.equal(cache.size, pieces + 1);
  });

  it('falls back to one full parse for document markers', () => {
    const text = '---\n' + EXAMPLE;
    assert.deepEqual(strip(check(text, {}, new ChunkCache()).findings), strip(check(text).findings));
  });
});
