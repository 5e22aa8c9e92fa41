/**
 * The incremental path: after edits anywhere, findings equal those of a full re-check that
 * re-parses everything and reads every text afresh (no remembered readings of paragraphs).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { check } from '../../server/src/core/check';
import type { Finding } from '../../server/src/core/findings';
import { forgetTexts } from '../../server/src/core/memo';
import { parseReport } from '../../server/src/core/parse';
import { ChunkCache, parseYaml } from '../../server/src/core/yamlChunks';
import { EXAMPLE, findingsOf, longReport, variant } from './helpers';

/** A check that reuses nothing from before. */
function fresh(text: string): Finding[] {
  forgetTexts();
  return check(text).findings;
}

const strip = (fs: Finding[]) =>
  fs.map((f) => ({
    code: f.code,
    span: f.span,
    message: f.message,
    severity: f.severity,
    fixes: f.fixes?.map((x) => x.edits),
    related: f.related?.map((r) => [r.span, r.message]),
  }));

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat(3),
  insert: fc.constantFrom(
    '',
    '1',
    '0',
    ' ',
    '\n',
    ':',
    '  总计: [1, 2]\n',
    '#',
    '"',
    '予以',
    '[',
    '- ',
    '\n  x:',
    '2025-01-08',
  ),
});

/** `whole`: every field of every finding compared, not only what the editor shows. */
function run(base: string, edits: { at: number; remove: number; insert: string }[], whole = false): void {
  const cache = new ChunkCache();
  let text = base;
  check(text, {}, cache);
  const shown = whole ? (fs: Finding[]) => fs : strip;
  for (const e of edits) {
    const at = Math.floor(e.at * text.length);
    text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
    assert.deepEqual(shown(check(text, {}, cache).findings), shown(fresh(text)), `after an edit at ${at}`);
  }
}

/** Up to six edits of `text`, each between offsets `from` and `to`, removing up to `remove` characters and inserting one of `inserts`. */
function editsWithin(text: string, from: number, to: number, inserts: string[], remove = 2) {
  const one = fc.record({
    at: fc.double({ min: from / text.length, max: to / text.length, noNaN: true }),
    remove: fc.nat(remove),
    insert: fc.constantFrom(...inserts),
  });
  return fc.array(one, { minLength: 1, maxLength: 6 });
}

describe('incremental re-checking', () => {
  it('equals a full re-check after random edits of the example', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => run(EXAMPLE, edits)),
      { seed: 42, numRuns: 120 },
    );
  });

  it('equals a full re-check after random edits of a long report', () => {
    const long = longReport(60_000);
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => run(long, edits)),
      { seed: 43, numRuns: 25 },
    );
  });

  it('equals a full re-check on documents with repeated children (a draft copy of 总体情况 kept at the end)', () => {
    const long = longReport(30_000);
    const start = long.indexOf('总体情况:');
    const end = long.indexOf('\n主动公开政府信息情况:');
    const children = long.slice(long.indexOf('\n', start) + 1, end + 1);
    assert.ok(children.length > 8192 * 2, 'both copies are split into their children');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(edit, { maxLength: 3 }),
        fc.boolean(),
        (copies, edits, first) => {
          const drafts = Array.from({ length: copies }, (_, i) => `草稿${i}:\n${children}`).join('');
          // Whole parses each time (a fresh cache), and a cache kept across the edits.
          const text = first ? `${drafts}${long}` : `${long}\n${drafts}`;
          assert.deepEqual(strip(check(text, {}, new ChunkCache()).findings), strip(fresh(text)));
          run(text, edits);
        },
      ),
      { seed: 44, numRuns: 15 },
    );
  });

  it('equals a whole parse after each edit at the start of a line of a split section (its key line, indentation, new keys)', () => {
    const long = longReport(12_000);
    const from = long.indexOf('总体情况:');
    const starts = [from];
    for (let i = long.indexOf('\n', from); starts.length < 14; i = long.indexOf('\n', i + 1)) starts.push(i + 1);
    const cache = new ChunkCache();
    parseYaml(long, cache);
    let checked = 0;
    for (const start of starts)
      for (let offset = 0; offset <= 4; offset++)
        for (const [remove, insert] of [
          [0, ' '],
          [0, '  '],
          [0, 'x'],
          [0, '#'],
          [0, '\n'],
          [0, 'x: 1\n'],
          [0, '  y: 2\n'],
          [0, ': '],
          [1, ''],
          [2, ''],
          [3, '\n  '],
        ] as const) {
          const at = start + offset;
          const text = long.slice(0, at) + insert + long.slice(at + remove);
          // From the original each time, then back: two incremental parses per edit.
          for (const t of [text, long]) {
            const pieces = parseYaml(t, cache);
            const whole = parseYaml(t);
            assert.deepEqual(
              pieces.contents?.toJSON(),
              whole.contents?.toJSON(),
              `at ${at}: ${JSON.stringify(insert)}`,
            );
            assert.deepEqual(pieces.errors.length, whole.errors.length);
            checked++;
          }
        }
    assert.equal(checked, 14 * 5 * 11 * 2);
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

  it('re-parses only the rows around a table cell that changed, in a report of a few kilobytes', () => {
    const cache = new ChunkCache();
    parseYaml(EXAMPLE, cache);
    const before = new Set(cache.heldTexts());
    const at = EXAMPLE.indexOf('[45, 2,') + 1;
    const text = EXAMPLE.slice(0, at) + '6' + EXAMPLE.slice(at + 1);
    parseYaml(text, cache);
    const parsed = cache.heldTexts().filter((t) => !before.has(t));
    assert.equal(parsed.length, 1);
    assert.ok(parsed[0].includes('[65, 2,') && parsed[0].length < 300, parsed[0]);
  });

  it('equals a full re-check after random edits inside the tables', () => {
    const from = EXAMPLE.indexOf('收到和处理政府信息公开申请情况:');
    const to = EXAMPLE.indexOf('存在的主要问题及改进情况:');
    const inserts = ['', '1', '9', ' ', '\n', ':', '    其他:  [0, 0]\n', '#', '[', '\n      x:'];
    fc.assert(
      fc.property(editsWithin(EXAMPLE, from, to, inserts, 3), (edits) => run(EXAMPLE, edits)),
      { seed: 45, numRuns: 120 },
    );
  });

  it('keeps a table no piece of which changed, placed where a whole parse puts it, with what its reading saw', () => {
    // A table with a note under it, unknown keys and an empty cell; the text edited before it. (A
    // repeated key is parsed whole: the pieces could not tell which of the two a whole parse keeps.)
    const text = EXAMPLE.replace(
      '  结转下年度继续办理:            [8, 0, 0, 0, 0, 0, 8]\n',
      '  结转下年度继续办理:            [8, 0, /, 0, 0, 0, 8]\n' +
        '  结转下年度办理: [1]\n  行政复议: \n  说明: 申请数量含信访转办 3 件。\n',
    );
    const cache = new ChunkCache();
    const before = parseReport(text, { cache });
    const at = text.indexOf('其余转入下一年度办理');
    const edited = text.slice(0, at) + '全部' + text.slice(at);
    const after = parseReport(edited, { cache });
    const whole = parseReport(edited);
    const key = '收到和处理政府信息公开申请情况';
    assert.equal(after.tables.get(key), before.tables.get(key), 'the table read before');
    const spans = (r: typeof whole) =>
      [...r.tables.get(key)!.rows.values()].map((row) => [row.keySpan, row.span, row.cells.map((c) => c?.span)]);
    assert.deepEqual(spans(after), spans(whole));
    const shown = (r: typeof whole) => ({
      facts: r.facts,
      texts: r.texts.map((t) => [t.title, t.text, t.span, t.offsetAt(3)]),
    });
    assert.equal(whole.facts.filter((f) => f.kind === 'unknown-key').length, 2);
    assert.deepEqual(shown(after), shown(whole));
    assert.deepEqual(strip(check(edited, {}, cache).findings), strip(fresh(edited)));
  });

  it('equals a full re-check after edits around tables kept from the last parse (with notes, unknown keys, placeholders)', () => {
    const text = EXAMPLE.replace(
      '  行政事业性收费: [0]\n',
      '  行政事业性收费: [0]\n  行政裁决: [0]\n  说明: 本表不含乡镇。\n',
    ).replace(
      '    其他:                      [0, 0, 0, 0, 0, 0, 0]\n',
      '    其他:                      [0, /, 0, 0, 0, 0, 0]\n',
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => run(text, edits)),
      { seed: 46, numRuns: 120 },
    );
  });

  it('moves the findings of a text with its block, and their cells with the tables, after edits between them', () => {
    // 自然人 65 件 against a table of 67: a finding in 依申请公开 whose related cells are in table 三.
    const text = variant('其中自然人 67 件', '其中自然人 65 件');
    assert.ok(findingsOf(text, 'narrative-requests').some((f) => f.related?.length));
    const from = text.indexOf('  解读回应:');
    const to = text.indexOf('收到和处理政府信息公开申请情况:');
    const inserts = ['', '1', '本年度', '\n', ' ', '办结率 50%。', '\n  说明: 无。\n'];
    fc.assert(
      fc.property(editsWithin(text, from, to, inserts), (edits) => run(text, edits, true)),
      { seed: 47, numRuns: 80 },
    );
  });

  it('keeps the findings of a block that did not change', () => {
    const text = variant('其中自然人 67 件', '其中自然人 65 件');
    const cache = new ChunkCache();
    const requests = (t: string) => check(t, {}, cache).findings.filter((f) => f.code === 'narrative-requests');
    const before = requests(text);
    // A word typed in a text after the block and the tables: nothing the finding points at moves.
    const at = text.indexOf('。', text.indexOf('存在的主要问题及改进情况:'));
    const after = requests(text.slice(0, at) + '全' + text.slice(at));
    assert.equal(after.length, 1);
    assert.equal(after[0], before[0]);
  });

  it('keeps what a text says wrong of itself when a table changes, and checks again what it says against the tables', () => {
    const text = variant('其中自然人 67 件', '其中自然人 65 件');
    const cache = new ChunkCache();
    const of = (t: string, code: string) => check(t, {}, cache).findings.filter((f) => f.code === code);
    const rate = of(text, 'narrative-rate');
    const at = text.indexOf('[67') + 1;
    // 67 → 65 in the table: the text now agrees with it.
    const edited = text.slice(0, at) + '65' + text.slice(at + 2);
    assert.equal(of(edited, 'narrative-requests').length, 0);
    const after = of(edited, 'narrative-rate');
    assert.equal(after.length, 1);
    assert.equal(after[0], rate[0]);
  });

  it('equals a full re-check after edits in a table before a row it keeps (a row written as a mapping, with an unknown column)', () => {
    const text = variant(
      '  结转下年度继续办理:            [8, 0, 0, 0, 0, 0, 8]\n',
      '  结转下年度继续办理: {自然人: 8, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其它: 0, 总计: 8}\n',
    );
    assert.equal(check(text).findings.filter((f) => f.code === 'unknown-key').length, 1);
    const from = text.indexOf('收到和处理政府信息公开申请情况:');
    const to = text.indexOf('  结转下年度继续办理:');
    const inserts = ['', '1', '9', ' ', '\n', '#', '    其他:  [0, 0]\n'];
    fc.assert(
      fc.property(editsWithin(text, from, to, inserts), (edits) => run(text, edits, true)),
      { seed: 48, numRuns: 80 },
    );
  });

  it('reads a table again from the rows that did not change, as they were', () => {
    const cache = new ChunkCache();
    const key = '收到和处理政府信息公开申请情况';
    const rows = (text: string) => parseReport(text, { cache }).tables.get(key)!.rows;
    const before = rows(EXAMPLE);
    const at = EXAMPLE.indexOf('[67') + 1;
    const edited = EXAMPLE.slice(0, at) + '1' + EXAMPLE.slice(at);
    const kept = before.get('结转下年度继续办理');
    const after = rows(edited);
    assert.notEqual(after.get('本年新收政府信息公开申请数量'), before.get('本年新收政府信息公开申请数量'));
    assert.equal(after.get('结转下年度继续办理'), kept);
    // Moved by the digit typed before it.
    assert.equal(kept!.cells[0]!.span.start, edited.indexOf('[8, 0') + 1);
  });

  it('reads what a whole parse reads at the start of a piece: an empty key after a blank CR line, a byte-order mark', () => {
    for (const text of [`${EXAMPLE.slice(0, EXAMPLE.indexOf('\n前言:') + 1)}\r\n: x\n`, `${EXAMPLE}\ufeff`]) {
      const cache = new ChunkCache();
      check(EXAMPLE, {}, cache);
      assert.deepEqual(strip(check(text, {}, cache).findings), strip(fresh(text)), JSON.stringify(text.slice(-12)));
    }
  });

  it('falls back to one full parse for document markers', () => {
    const text = '---\n' + EXAMPLE;
    assert.deepEqual(strip(check(text, {}, new ChunkCache()).findings), strip(fresh(text)));
  });

  it('gives each of two paragraphs of the same text its own findings', () => {
    // Both paragraphs share one reading of the text (its numbers are the same objects).
    const stale = '2023 年，市政府办公室共收到政府信息公开申请 69 件，其中自然人 67 件。';
    const text = variant(/ {2}依申请公开: >-\n.*\n/, `  依申请公开: >-\n    ${stale}\n  其他说明: >-\n    ${stale}\n`);
    const years = findingsOf(text, 'narrative-year');
    assert.equal(years.length, 2);
    assert.notEqual(years[0].span.start, years[1].span.start);
    assert.deepEqual(strip(check(text).findings), strip(fresh(text)));
  });

  it('equals a fresh check after editing one of many paragraphs of the same text', () => {
    const long = longReport(60_000);
    const cache = new ChunkCache();
    check(long, {}, cache);
    const at = long.indexOf('办结率 85.7%', long.length >> 1);
    const text = long.slice(0, at) + '办结率 83.3%' + long.slice(at + 9);
    assert.deepEqual(strip(check(text, {}, cache).findings), strip(fresh(text)));
  });
});
