/** Across years: two reports of consecutive years of one organ, in the core and in the CLI. */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { check } from '../../../server/src/core/check';
import type { Finding } from '../../../server/src/core/findings';
import { parseReport } from '../../../server/src/core/parse';
import { RULE_CODES } from '../../../server/src/core/codes';
import { groupOf } from '../../../server/src/core/rules';
import { cliRunner } from '../cli/capture';

const DIR = path.resolve(__dirname, '..', '..', 'fixtures', 'crossyear');
const FILE_2023 = path.join(DIR, 'ziranziyuan-2023.report.yaml');
const FILE_2024 = path.join(DIR, 'ziranziyuan-2024.report.yaml');
const TEXT_2023 = readFileSync(FILE_2023, 'utf8');
const TEXT_2024 = readFileSync(FILE_2024, 'utf8');
const URI_2023 = pathToFileURL(FILE_2023).toString();
const CROSS = new Set<string>(RULE_CODES.filter((c) => groupOf(c) === 'cross-year'));

/** Each cross-year finding as code, severity and the characters it covers. */
function summary(text: string, findings: Finding[]): string[] {
  return findings
    .filter((f) => CROSS.has(f.code))
    .map((f) => `${f.code} ${f.severity} [${text.slice(f.span.start, f.span.end)}]`);
}

const EXPECTED = [
  'cross-year-growth warning [8]',
  'cross-year-growth warning [20]',
  'cross-year-stock information [35]',
  'cross-year-carryover warning [1]',
  'cross-year-carryover warning [10]',
];

describe('across years, in the core', () => {
  const previous = { report: parseReport(TEXT_2023), uri: URI_2023 };

  it('each report alone is clean', () => {
    assert.deepEqual(
      check(TEXT_2023).findings.map((f) => f.code),
      [],
    );
    assert.deepEqual(
      check(TEXT_2024).findings.map((f) => f.code),
      [],
    );
  });

  it('finds the carry-over, the stock of documents and the stated changes that do not follow from last year', () => {
    assert.deepEqual(summary(TEXT_2024, check(TEXT_2024, { previous }).findings), EXPECTED);
  });

  it("points at last year's cells in last year's file, and fixes with last year's figure", () => {
    const findings = check(TEXT_2024, { previous }).findings;
    const carry = findings.find(
      (f) => f.code === 'cross-year-carryover' && TEXT_2024.slice(f.span.start, f.span.end) === '10',
    )!;
    const [rel] = carry.related!;
    assert.equal(rel.uri, URI_2023);
    const lines2023 = TEXT_2023.split('\n');
    assert.match(lines2023[rel.range!.start.line], /^ {2}结转下年度继续办理: /);
    assert.equal(lines2023[rel.range!.start.line].slice(rel.range!.start.character, rel.range!.end.character), '11');
    assert.deepEqual(
      carry.fixes?.map((x) => [x.edits[0].text, x.safe]),
      [['11', false]],
    );
    const growth = findings.find(
      (f) => f.code === 'cross-year-growth' && TEXT_2024.slice(f.span.start, f.span.end) === '20',
    )!;
    assert.match(growth.message['zh-CN'], /\(80 − 70\) ÷ 70 = 14%/);
    assert.deepEqual(
      growth.fixes?.map((x) => x.edits[0].text),
      ['14'],
    );
  });

  it("compares a change in a figure outside the tables with the figure last year's text gave under the same words", () => {
    const wrong = TEXT_2024.replace('1,380 条，同比增长 9.5%', '1,380 条，同比增长 8.5%');
    assert.notEqual(wrong, TEXT_2024);
    const f = check(wrong, { previous }).findings.find(
      (x) => x.code === 'cross-year-growth' && wrong.slice(x.span.start, x.span.end) === '8.5',
    );
    assert.ok(f, "a change that does not follow from last year's 1,260");
    assert.equal(f.severity, 'information', 'words in two texts are weaker evidence than two tables');
    assert.deepEqual(f.fixes ?? [], []);
    assert.match(f.message['zh-CN'], /\(1,380 − 1260\) ÷ 1260 = 9\.5%/);
    const [rel] = f.related!;
    assert.equal(rel.uri, URI_2023);
    assert.equal(
      TEXT_2023.split('\n')[rel.range!.start.line].slice(rel.range!.start.character, rel.range!.end.character),
      '1,260',
    );
  });

  it('says nothing of a report that is not on the year before', () => {
    const twoYearsBack = { report: parseReport(TEXT_2023.replace('年度: 2023', '年度: 2022')) };
    assert.deepEqual(summary(TEXT_2024, check(TEXT_2024, { previous: twoYearsBack }).findings), []);
  });

  it("accepts a change that follows from last year's figure", () => {
    const right = TEXT_2024.replace('予以公开 30 件，较上年增加 8 件', '予以公开 30 件，较上年增加 5 件').replace(
      '申请 80 件，同比增长 20%',
      '申请 80 件，同比增长 14.3%',
    );
    assert.deepEqual(
      summary(right, check(right, { previous }).findings),
      EXPECTED.filter((e) => !e.startsWith('cross-year-growth')),
    );
    const down = TEXT_2024.replace('予以公开 30 件，较上年增加 8 件', '予以公开 30 件，较上年减少 5 件');
    const f = check(down, { previous }).findings.find(
      (x) => x.code === 'cross-year-growth' && down.slice(x.span.start, x.span.end) === '5',
    );
    assert.ok(f, 'a fall where the figure rose');
    assert.deepEqual(f.fixes ?? [], [], 'no fix when the direction is wrong');
  });
});

const run = cliRunner();

const crossLines = (out: string) => out.split('\n').filter((l) => /cross-year-/.test(l));

describe('across years, in the CLI', () => {
  it('pairs each report with the report of the same organ and the year before among the files', async () => {
    const r = await run('check', FILE_2024, FILE_2023);
    assert.equal(r.code, 0);
    const lines = crossLines(r.out);
    assert.equal(lines.length, EXPECTED.length);
    assert.ok(lines.every((l) => l.startsWith(`${FILE_2024}:`)));
    assert.match(
      lines[3],
      /:40:24: warning cross-year-carryover: 上年结转政府信息公开申请数量（商业企业）为 1，2023 年度报告的“结转下年度继续办理”（商业企业）为 2/,
    );
  });

  it('checks without last year when it is not among the files', async () => {
    assert.deepEqual(crossLines((await run('check', FILE_2024)).out), []);
  });

  it('does not pair reports of different organs', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-crossyear-'));
    const other = path.join(dir, 'other-2023.report.yaml');
    writeFileSync(other, TEXT_2023.replace('机关: 某县自然资源局', '机关: 某县交通运输局'));
    assert.deepEqual(crossLines((await run('check', FILE_2024, other)).out), []);
  });

  it("takes last year's report from --previous, and relates to its cells in JSON", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-crossyear-'));
    const last = path.join(dir, 'last.report.yaml');
    copyFileSync(FILE_2023, last);
    const r = await run('check', '--format', 'json', '--locale', 'en', '--previous', last, FILE_2024);
    const [json] = JSON.parse(r.out) as {
      file: string;
      diagnostics: {
        code: string;
        relatedInformation?: { location: { uri: string; range: { start: { line: number } } } }[];
      }[];
    }[];
    const cross = json.diagnostics.filter((d) => d.code.startsWith('cross-year-'));
    assert.equal(cross.length, EXPECTED.length);
    const carry = cross.find((d) => d.code === 'cross-year-carryover')!;
    assert.equal(carry.relatedInformation![0].location.uri, pathToFileURL(last).toString());
    assert.equal(carry.relatedInformation![0].location.range.start.line, 61);
  });

  it("says so when --previous is not last year's report, and checks without it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-crossyear-'));
    const old = path.join(dir, 'old.report.yaml');
    writeFileSync(old, TEXT_2023.replace('年度: 2023', '年度: 2021'));
    const r = await run('check', '--previous', old, FILE_2024);
    assert.match(r.err, /is a report on 2021, not on 2023/);
    assert.deepEqual(crossLines(r.out), []);
    const missing = await run('check', '--previous', path.join(dir, 'nothing.report.yaml'), FILE_2024);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read: no such file/);
  });
});
