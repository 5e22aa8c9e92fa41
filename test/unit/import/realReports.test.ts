/**
 * Real published reports (test/fixtures/real: texts as published and one PDF, with the
 * defects found by hand in README.md there) imported and checked (with last year's report of
 * the same organ when it is among them, as `govreport check` pairs them), against one golden file per
 * input (`<input>.golden.yaml`): the outcome of import (or why it refused), the 机关, 年度 and
 * 机关类型 it read, and every finding of the check on the imported file, each with a note
 * saying which real defect it is or why it is a false positive; then `missed`, the README's
 * defects of that input that no finding reports, each with a note.
 *
 * Any difference fails with a readable diff. `GOVREPORT_UPDATE_GOLDEN=1` rewrites the
 * findings, keeping the notes of findings that did not change; a new finding gets
 * `note: TODO`, which fails until a person has checked it and written the note.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import { check } from '../../../server/src/core/check';
import { importPublished, type ImportResult } from '../../../server/src/core/import';
import type { Report } from '../../../server/src/core/model';
import type { PreviousReport } from '../../../server/src/core/model';
import { isLastYearOf } from '../../../server/src/core/pairing';
import { parseReport } from '../../../server/src/core/parse';
import { readPdfText } from '../../../server/src/shared/pdf/pdfText';
import { ROOT } from '../helpers';

const DIR = path.join(ROOT, 'test', 'fixtures', 'real');
const CMAPS = path.join(ROOT, 'node_modules', 'pdfjs-dist', 'cmaps');
const UPDATE = !!process.env.GOVREPORT_UPDATE_GOLDEN;
const TODO = 'TODO';

interface GoldenFinding {
  code: string;
  at: string;
  message: string;
  note?: string;
}

interface Golden {
  input: string;
  outcome: 'imported' | 'refused';
  reason?: string;
  message?: string;
  机关?: string;
  年度?: number;
  机关类型?: string;
  findings?: GoldenFinding[];
  missed?: { defect: string; note: string }[];
}

const inputs = readdirSync(DIR)
  .filter((f) => /\.(?:txt|pdf|html?|md|docx)$/.test(f) && f !== 'README.md')
  .sort();

const imports = new Map<string, Promise<ImportResult>>();
const importOf = (input: string) => {
  if (!imports.has(input))
    imports.set(
      input,
      importPublished(readFileSync(path.join(DIR, input)), {
        name: input,
        readPdf: (b) => readPdfText(b, { cMapDir: CMAPS }),
      }),
    );
  return imports.get(input)!;
};

/** Last year's report of the same organ among the inputs, as `govreport check` pairs them. */
async function previousOf(report: Report): Promise<PreviousReport | undefined> {
  for (const other of inputs) {
    const r = await importOf(other);
    if (!r.ok) continue;
    const candidate = parseReport(r.yaml);
    if (isLastYearOf(candidate, report)) return { report: candidate, uri: other };
  }
  return undefined;
}

async function actual(input: string): Promise<Golden> {
  const r = await importOf(input);
  if (!r.ok) return { input, outcome: 'refused', reason: r.reason, message: r.message['zh-CN'] };
  const { report, findings } = check(r.yaml, { previous: await previousOf(parseReport(r.yaml)) });
  return {
    input,
    outcome: 'imported',
    机关: report.organ,
    年度: report.year,
    机关类型: report.organType,
    findings: findings.map((f) => {
      const p = report.lines.positionAt(f.span.start);
      return { code: f.code, at: `${p.line + 1}:${p.character + 1}`, message: f.message['zh-CN'] };
    }),
  };
}

const findingLine = (f: GoldenFinding) => `${f.code} ${f.at} ${f.message}`;
const summary = (g: Golden) =>
  [
    `outcome: ${g.outcome}${g.reason ? ` (${g.reason}: ${g.message})` : ''}`,
    `机关: ${g.机关 ?? '—'}`,
    `年度: ${g.年度 ?? '—'}`,
    `机关类型: ${g.机关类型 ?? '—'}`,
    ...(g.findings ?? []).map(findingLine),
  ].join('\n');

/** Lines only in `want` (-) and only in `got` (+). */
function diff(want: string, got: string): string {
  const a = want.split('\n');
  const b = got.split('\n');
  return [
    ...a.filter((l) => !b.includes(l)).map((l) => `- ${l}`),
    ...b.filter((l) => !a.includes(l)).map((l) => `+ ${l}`),
  ].join('\n');
}

/** The golden rewritten from what the run found: notes kept for the findings that did not change. */
function updated(old: Golden | undefined, now: Golden): Golden {
  const notes = new Map<string, string[]>();
  for (const f of old?.findings ?? []) {
    const key = `${f.code}\u0000${f.message}`;
    notes.set(key, [...(notes.get(key) ?? []), f.note ?? TODO]);
  }
  return {
    ...now,
    findings: now.findings?.map((f) => ({ ...f, note: notes.get(`${f.code}\u0000${f.message}`)?.shift() ?? TODO })),
    missed: old?.missed ?? [],
  };
}

const HEADER = (input: string) =>
  [
    `# ${input}: imported and checked (see test/unit/import/realReports.test.ts and README.md here).`,
    '# Each finding has a note: the real defect of README.md it is (checked by arithmetic), or why it is',
    '# a false positive. `missed` lists the README defects no finding reports. GOVREPORT_UPDATE_GOLDEN=1',
    '# rewrites the findings and keeps the notes of those that did not change.',
    '',
  ].join('\n');

describe('real published reports: import and check against the golden files', () => {
  for (const input of inputs) {
    it(input, async () => {
      const file = path.join(DIR, `${input}.golden.yaml`);
      let golden: Golden | undefined;
      try {
        golden = parse(readFileSync(file, 'utf8')) as Golden;
      } catch {
        golden = undefined;
      }
      const now = await actual(input);
      if (UPDATE) {
        golden = updated(golden, now);
        writeFileSync(file, HEADER(input) + stringify(golden, { lineWidth: 0 }));
      }
      assert.ok(golden, `${file} is missing: run with GOVREPORT_UPDATE_GOLDEN=1 and write the notes`);
      const want = summary(golden);
      const got = summary(now);
      assert.ok(want === got, `${input}: the import or the check changed\n${diff(want, got)}`);
      const unnoted = [
        ...(golden.findings ?? []).filter((f) => !f.note || f.note === TODO).map(findingLine),
        ...(golden.missed ?? []).filter((m) => !m.note || m.note === TODO).map((m) => `missed: ${m.defect}`),
      ];
      assert.deepEqual(unnoted, [], `${input}: findings without a note (say which real defect, or why it is false)`);
    });
  }

  it('covers every input of the development set', () => {
    assert.equal(inputs.length, 16);
  });
});
