/**
 * The narrative fixture collection (test/fixtures/narrative/*.yaml): sentences in the styles
 * of real reports, each put into base.report.yaml and checked. Wrong sentences must yield
 * their findings on the exact characters (recall); correct ones must yield no narrative
 * finding at all (silence).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { check } from '../../../server/src/core/check';
import { applyEdits } from '../../../server/src/core/edits';
import type { Finding } from '../../../server/src/core/findings';
import { RULE_CODES } from '../../../server/src/core/codes';
import { groupOf } from '../../../server/src/core/rules';

const DIR = path.resolve(__dirname, '..', '..', 'fixtures', 'narrative');
const BASE = readFileSync(path.join(DIR, 'base.report.yaml'), 'utf8');
const DEFAULTS = parse(readFileSync(path.join(DIR, 'defaults.yaml'), 'utf8')) as Record<string, string>;
const NARRATIVE = new Set<string>(RULE_CODES.filter((c) => groupOf(c) === 'narrative'));

interface Expected {
  code: string;
  /** The characters the finding covers. */
  at: string;
  /** What the preferred fix writes there. */
  fix?: string;
  severity?: string;
}

interface Case {
  text: string;
  slot?: string;
  expect?: Expected[];
  /** Fold the sentence over lines of this many characters (the block scalar joins them with spaces). */
  wrap?: number;
  /** Write the slot as a literal block (|-) instead of a folded one (>-). */
  literal?: boolean;
  /** Replacements in the base report (other tables). */
  edit?: [string, string][];
}

interface CaseFile {
  slot?: string;
  edit?: [string, string][];
  cases: Case[];
}

/** Lines of at most `width` characters, never breaking inside a number. */
function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    let cut = width;
    while (cut > 1 && /[0-9０-９.,]/.test(rest[cut - 1]) && /[0-9０-９.,]/.test(rest[cut])) cut--;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  lines.push(rest);
  return lines;
}

function buildReport(c: Case, file: CaseFile): string {
  const slot = c.slot ?? file.slot ?? '依申请公开';
  let text = BASE;
  for (const [from, to] of [...(file.edit ?? []), ...(c.edit ?? [])]) {
    assert.ok(text.includes(from), `edit: "${from}" is not in the base report`);
    text = text.replace(from, to);
  }
  for (const [name, fallback] of Object.entries(DEFAULTS)) {
    const own = name === slot;
    const sentence = own ? c.text : fallback;
    const re = new RegExp(`(: )(>-|\\|-)(\\n)( *)\\{\\{${name}\\}\\}`);
    const m = re.exec(text);
    assert.ok(m, `slot {{${name}}} is not in the base report`);
    const indent = m[4];
    const lines = own && c.wrap ? wrapText(sentence, c.wrap) : sentence.split('\n');
    const style = own && c.literal ? '|-' : m[2];
    text = text.replace(re, `$1${style}$3${lines.map((l) => (l ? indent + l : '')).join('\n')}`);
  }
  return text;
}

function preferredFix(f: Finding) {
  return f.fixes?.find((x) => x.preferred) ?? f.fixes?.[0];
}

interface Tally {
  wrong: number;
  found: number;
  correct: number;
  silent: number;
}
const tally: Tally = { wrong: 0, found: 0, correct: 0, silent: 0 };
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml') && !f.endsWith('.report.yaml') && f !== 'defaults.yaml')
  .sort();

describe('narrative fixtures', () => {
  it('the base report alone has no finding at all', () => {
    const text = buildReport({ text: DEFAULTS['依申请公开'] }, { cases: [] });
    assert.deepEqual(
      check(text).findings.map((f) => `${f.code}: ${f.message.en}`),
      [],
    );
  });

  for (const name of files) {
    const file = parse(readFileSync(path.join(DIR, name), 'utf8')) as CaseFile;
    describe(name, () => {
      file.cases.forEach((c, i) => {
        const label = `${c.expect?.length ? 'wrong' : 'right'} #${i + 1}: ${c.text.slice(0, 40)}`;
        it(label, () => {
          const text = buildReport(c, file);
          const findings = check(text).findings.filter((f) => NARRATIVE.has(f.code));
          const shown = findings.map(
            (f) => `${f.code} [${text.slice(f.span.start, f.span.end)}] ${f.message['zh-CN']}`,
          );
          const expected = c.expect ?? [];
          if (!expected.length) {
            tally.correct++;
            if (!findings.length) tally.silent++;
            assert.deepEqual(shown, [], 'a correct sentence yields no narrative finding');
            return;
          }
          tally.wrong += expected.length;
          const unmatched = [...findings];
          const missing: string[] = [];
          for (const e of expected) {
            const k = unmatched.findIndex((f) => f.code === e.code && text.slice(f.span.start, f.span.end) === e.at);
            if (k < 0) {
              missing.push(`${e.code} at "${e.at}"`);
              continue;
            }
            const [f] = unmatched.splice(k, 1);
            tally.found++;
            if (e.severity) assert.equal(f.severity, e.severity, `${e.code} severity`);
            if (e.fix !== undefined) {
              const fix = preferredFix(f);
              assert.ok(fix, `${e.code} at "${e.at}" has a fix`);
              assert.equal(fix.safe, false, 'narrative fixes need judgement');
              const fixed = applyEdits(text, fix.edits);
              const edit = fix.edits[0];
              assert.equal(fixed.slice(edit.start, edit.start + edit.text.length), e.fix);
            }
          }
          assert.deepEqual(missing, [], `expected findings; got ${JSON.stringify(shown)}`);
          assert.deepEqual(
            unmatched.map((f) => `${f.code} [${text.slice(f.span.start, f.span.end)}]`),
            [],
            'no other narrative finding',
          );
        });
      });
    });
  }

  it('recall on the wrong sentences and silence on the correct ones are complete', () => {
    assert.ok(
      tally.wrong >= 60 && tally.correct >= 80,
      `the collection holds ${tally.wrong} expected findings and ${tally.correct} correct sentences`,
    );
    assert.equal(tally.found, tally.wrong, 'recall');
    assert.equal(tally.silent, tally.correct, 'silence');
  });

  after(() => {
    const recall = tally.wrong ? tally.found / tally.wrong : 1;
    const silence = tally.correct ? tally.silent / tally.correct : 1;
    console.log(
      `narrative fixtures: recall ${tally.found}/${tally.wrong} (${(recall * 100).toFixed(1)}%), silence ${tally.silent}/${tally.correct} (${(silence * 100).toFixed(1)}%)`,
    );
  });
});
