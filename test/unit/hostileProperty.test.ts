/**
 * Property tests over random and mutated reports: whatever the bytes, the checker returns
 * sane findings, the incremental parse agrees with a whole one, and fix-all keeps working.
 * A fixed seed and a bounded number of runs here; `npm run fuzz` runs many more with a new seed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { check, type CheckResult } from '../../server/src/core/check';
import { fixAll } from '../../server/src/core/edits';
import { FORMAT_2021 } from '../../server/src/core/format';
import { importReport } from '../../server/src/core/import';
import { ChunkCache } from '../../server/src/core/yamlChunks';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EXAMPLE, ROOT } from './helpers';
import { HOSTILE_TOKENS, assertSane, decodeUtf8, encodeUtf8 } from './hostileInputs';

/** `npm run fuzz` sets GOVREPORT_FUZZ (a factor for the number of runs) and may set the seed. */
const FACTOR = Math.max(1, Number(process.env.GOVREPORT_FUZZ) || 1);
const SEED = process.env.GOVREPORT_FUZZ_SEED
  ? Number(process.env.GOVREPORT_FUZZ_SEED)
  : FACTOR > 1
    ? Date.now() % 2 ** 31
    : 20261127;
const params = (runs: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns: runs * FACTOR, endOnFailure: true });
if (FACTOR > 1) process.stderr.write(`hostile property tests: seed ${SEED}, runs ×${FACTOR}\n`);

const exhausted = (r: CheckResult) => r.report.doc.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION');

// ---- mutations of the example -------------------------------------------------------

const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TOKENS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('收', '\ufffd', '”', '：', '，').chain((c) => fc.nat(300).map((n) => c.repeat(n))),
  },
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncateBytes' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flipBytes' as const),
    flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 6 }),
  }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: token }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(200) }),
  fc.record({ kind: fc.constant('repeatLine' as const), line: fc.nat(), times: fc.integer({ min: 2, max: 40 }) }),
  fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    kind: fc.constant('indent' as const),
    line: fc.nat(),
    by: fc.integer({ min: -4, max: 6 }),
    tab: fc.boolean(),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, m: Mutation): string {
  const at = (n: number, size: number) => (size ? n % (size + 1) : 0);
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, at(m.at, text.length));
    case 'truncateBytes': {
      const bytes = encodeUtf8(text);
      return decodeUtf8(bytes.subarray(0, at(m.at, bytes.length)));
    }
    case 'flipBytes': {
      const bytes = encodeUtf8(text);
      if (!bytes.length) return text;
      for (const [p, x] of m.flips) bytes[p % bytes.length] ^= x;
      return decodeUtf8(bytes);
    }
    case 'insert': {
      const i = at(m.at, text.length);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'delete': {
      const i = at(m.at, text.length);
      return text.slice(0, i) + text.slice(i + m.length);
    }
    default: {
      const lines = text.split('\n');
      const l = (n: number) => n % lines.length;
      if (m.kind === 'repeatLine') lines.splice(l(m.line), 1, ...new Array<string>(m.times).fill(lines[l(m.line)]));
      else if (m.kind === 'swapLines') [lines[l(m.a)], lines[l(m.b)]] = [lines[l(m.b)], lines[l(m.a)]];
      else {
        const i = l(m.line);
        lines[i] =
          m.by >= 0 ? (m.tab ? '\t' : ' ').repeat(m.by) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-m.by}}`), '');
      }
      return lines.join('\n');
    }
  }
}

const BASES = [
  EXAMPLE,
  EXAMPLE.replace(/\n/g, '\r\n'),
  EXAMPLE.slice(0, EXAMPLE.indexOf('收到和处理政府信息公开申请情况:')),
];
const mutated = fc
  .tuple(fc.constantFrom(...BASES), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([base, ms]) => ms.reduce(mutate, base));

// ---- reports from random trees --------------------------------------------------------

/** Keys a report has, and some it should not. */
const KEYS = [
  ...FORMAT_2021.meta.map((m) => m.key),
  ...FORMAT_2021.sections.map((s) => s.key),
  '规章',
  '行政许可',
  '本年新收政府信息公开申请数量',
  '本年度办理结果',
  '予以公开',
  '不予公开',
  '属于国家秘密',
  '行政复议',
  '自然人',
  '总计',
  '起',
  '止',
  '概述',
  '',
  '<<',
  '~',
  'null',
  '1',
  '0x10',
  '.nan',
];
const scalar = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((b) => b.toString()),
  fc.constantFrom(...HOSTILE_TOKENS),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(null, true, false, '', '2024-01-08', '2025年1月20日', '2024年度', '/', '无'),
);
const tree = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 8 }),
  map: fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })), tie('value'), { maxKeys: 8 }),
})).map;
const randomReport = fc
  .tuple(fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(scalar, tree), { maxKeys: 14 }), fc.boolean())
  .map(([o, flow]) => stringify(o, { collectionStyle: flow ? 'flow' : 'any', lineWidth: 0 }));

const soup = fc
  .array(
    fc.oneof(
      fc.constantFrom(...HOSTILE_TOKENS),
      fc.constantFrom(...KEYS),
      fc.constantFrom('\n', '\n  ', '\n    ', ': ', '- '),
    ),
    { maxLength: 60 },
  )
  .map((t) => t.join(''));

describe('random and mutated reports', () => {
  it('mutated reports: sane findings, and fix-all works on them', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        assertSane(text, check(text), 'mutated');
        const fixed = fixAll(text);
        assertSane(fixed.text, check(fixed.text), 'fixed');
      }),
      params(60),
    );
  });

  it('reports built from random trees: sane findings', () => {
    fc.assert(
      fc.property(randomReport, (text) => assertSane(text, check(text), 'tree')),
      params(100),
    );
  });

  it('token soup: sane findings', () => {
    fc.assert(
      fc.property(soup, (text) => assertSane(text, check(text), 'soup')),
      params(300),
    );
  });

  it('a document edited into anything and back is checked as a whole parse checks it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(mutation, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        (steps) => {
          const cache = new ChunkCache();
          let text = EXAMPLE;
          for (const ms of [...steps, []]) {
            // Each step edits the previous text; the last goes back to the example.
            text = ms.length ? ms.reduce(mutate, text) : EXAMPLE;
            const incremental = check(text, {}, cache);
            const whole = check(text);
            if (exhausted(incremental) || exhausted(whole)) continue;
            assert.deepEqual(incremental.findings, whole.findings, JSON.stringify(text.slice(0, 300)));
          }
        },
      ),
      params(20),
    );
  });
});

// ---- published reports to import -------------------------------------------------------

const PUBLISHED = readFileSync(path.join(ROOT, 'test', 'fixtures', 'lvliang-2024.published.txt'), 'utf8');
const MARKUP = [
  '<',
  '>',
  '</',
  '<table>',
  '<tr>',
  '<td>',
  '</td>',
  '<br>',
  '&',
  '&#',
  ';',
  '"',
  '<!--',
  '-->',
  '<script>',
  '<![CDATA[',
  '|',
  '---',
  '```',
  '一、',
  '（一）',
  '1.',
  '2025年1月8日',
  '总计',
  '自然人',
];
const published = fc
  .tuple(
    fc.constantFrom(PUBLISHED, `<html><body><p>${PUBLISHED.replace(/\n/g, '</p><p>')}</p></body></html>`),
    fc.array(
      fc.tuple(fc.nat(), fc.nat(60), fc.array(fc.constantFrom(...MARKUP, ...HOSTILE_TOKENS), { maxLength: 5 })),
      { maxLength: 8 },
    ),
    fc.constantFrom('r.txt', 'r.html', 'r.md', undefined),
  )
  .map(([base, edits, name]) => ({
    bytes: encodeUtf8(
      edits.reduce(
        (t, [at, cut, insert]) => ((at %= t.length + 1), t.slice(0, at) + insert.join('') + t.slice(at + cut)),
        base,
      ),
    ),
    name,
  }));

describe('random and mutated published reports to import', () => {
  it('import answers (a report or a reason), and what it writes is read by the checker', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          published,
          fc.record({ bytes: fc.uint8Array({ maxLength: 2000 }), name: fc.constantFrom('r.docx', 'r.txt', undefined) }),
        ),
        ({ bytes, name }) => {
          const r = importReport(bytes, { name });
          if (r.ok) assertSane(r.yaml, check(r.yaml), 'imported');
          else assert.ok(r.message.en && r.message['zh-CN']);
        },
      ),
      params(60),
    );
  });
});
