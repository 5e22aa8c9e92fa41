/**
 * govreport check over a folder and in the formats CI and evaluators read: the batch and its
 * config, SARIF validated against the SARIF 2.1.0 JSON Schema, CSV and JUnit parsed back,
 * GitHub annotations, and fingerprints that stay when unrelated lines move.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { parseDocument, DomUtils } from 'htmlparser2';
import { readZipMember } from '../../../server/src/core/import/zip';
import { ROOT } from '../helpers';
import { cliRunner } from './capture';

const BATCH = path.join(ROOT, 'test', 'fixtures', 'batch');
const SARIF_SCHEMA = JSON.parse(
  readFileSync(path.join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8'),
) as object;

const run = cliRunner();

/** The batch in a new folder (tests change it). */
function batch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'govreport-batch-'));
  cpSync(BATCH, dir, { recursive: true });
  return dir;
}

/** RFC 4180: quoted fields with doubled quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      assert.ok(c !== '\n' && c !== '"', `a bare ${JSON.stringify(c)} at ${i}`);
      field += c;
    }
  }
  assert.equal(field + row.join(''), '', 'the last record ends with CRLF');
  return rows;
}

describe('govreport check over a folder', () => {
  it('checks every report under it, each with the config, and the reports as one batch', async () => {
    const r = await run('check', BATCH);
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n');
    const of = (name: string) => lines.filter((l) => l.includes(`${name}:`)).map((l) => / (\S+): /.exec(l)![1]);
    assert.ok(of('jiaotong-2024.report.yaml').includes('copied-across-organs'));
    assert.ok(of('wenlv-2024.report.yaml').includes('copied-across-organs'));
    assert.ok(of('jiaotong-2024.report.yaml').includes('past-deadline'), 'the config’s deadline');
    assert.ok(of('lvliang-2024.report.yaml').includes('local-requirement'), 'the config’s length limit');
    assert.ok(!of('lvliang-2024.report.yaml').includes('missing-subsection'), 'turned off by the config');
    assert.match(lines[lines.length - 1], /^3 个文件：1 个错误，6 个警告，1 个提示$/);
  });

  it('without the batch a report has no text shared with another organ', async () => {
    const r = await run('check', path.join(BATCH, 'jiaotong-2024.report.yaml'));
    assert.ok(!r.out.includes('copied-across-organs'));
  });

  it('--config names the config for all; a folder without reports is said so (exit 2)', async () => {
    const dir = batch();
    writeFileSync(path.join(dir, 'other.yaml'), 'severity:\n  past-deadline: off\n');
    const r = await run('check', '--config', path.join(dir, 'other.yaml'), dir);
    assert.ok(!r.out.includes('past-deadline') && r.out.includes('missing-subsection'));
    const empty = mkdtempSync(path.join(tmpdir(), 'govreport-empty-'));
    const e = await run('check', empty, path.join(dir, 'wenlv-2024.report.yaml'));
    assert.equal(e.code, 2);
    assert.match(e.err, /no report files \(\*\.report\.yaml\) in this folder/);
    assert.match(e.out, /wenlv-2024\.report\.yaml:/);
  });

  it('an invalid config: its problems with positions, exit 2, the reports still checked with what is valid', async () => {
    const dir = batch();
    writeFileSync(
      path.join(dir, '.govreport.yaml'),
      'deadlines:\n  部门: 01-20\nseverity:\n  past-dedline: off\nfoo: 1\n',
    );
    const r = await run('check', dir);
    assert.equal(r.code, 2);
    const config = path.join(dir, '.govreport.yaml');
    assert.match(
      r.out,
      new RegExp(
        `^${config.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:3: error config-unknown-rule: 没有规则代码“past-dedline”（是否为“past-deadline”？）`,
        'm',
      ),
    );
    assert.match(r.out, /\.govreport\.yaml:5:1: warning config-unknown-key: 未知的配置项“foo”/);
    assert.match(
      r.out,
      /jiaotong-2024\.report\.yaml:8:7: warning past-deadline: 发布日期.*设定的公布期限 2025年1月20日/,
    );
    assert.match(r.out.trim().split('\n').pop()!, /^3 个文件：/);
  });
});

describe('SARIF', () => {
  // The schema's patterns are ECMA-262 without the u flag (one has a bare `]`).
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  const validate = ajv.compile(SARIF_SCHEMA);

  it('validates against the SARIF 2.1.0 JSON Schema, with rules, levels, regions and fingerprints', async () => {
    const r = await run('check', '--format', 'sarif', BATCH);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.out);
    assert.ok(validate(log as unknown), JSON.stringify(validate.errors, null, 2));
    const run0 = log.runs[0];
    const rules = run0.tool.driver.rules as { id: string; helpUri: string; shortDescription: { text: string } }[];
    assert.ok(
      rules.some(
        (x) => x.id === 'copied-across-organs' && /rules(?:\.zh-CN)?\.md#copied-across-organs$/.test(x.helpUri),
      ),
    );
    const results = run0.results as Record<string, any>[];
    assert.equal(results.length, 8);
    for (const res of results) {
      assert.equal(rules[res.ruleIndex].id, res.ruleId);
      assert.match(res.partialFingerprints['govreport/v1'], /^[0-9a-f]{32}:\d+$/);
      assert.equal(res.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    }
    const signed = results.find((x) => x.ruleId === 'signed-before-year-end')!;
    assert.equal(signed.level, 'error');
    assert.deepEqual(signed.locations[0].physicalLocation.region, {
      startLine: 11,
      startColumn: 7,
      endLine: 11,
      endColumn: 17,
    });
    assert.equal(
      signed.locations[0].physicalLocation.artifactLocation.uri,
      'test/fixtures/batch/lvliang-2024.report.yaml',
    );
    // Related places in the other report: the sentence of 文旅局 that 交通局 shares.
    const copied = results.find((x) => x.ruleId === 'copied-across-organs')!;
    assert.match(
      copied.relatedLocations[0].physicalLocation.artifactLocation.uri,
      /^file:\/\/.*wenlv-2024\.report\.yaml$/,
    );
  });

  it('config problems are results too, and an unreadable file a notification', async () => {
    const dir = batch();
    writeFileSync(path.join(dir, '.govreport.yaml'), 'severity:\n  past-dedline: off\n');
    const r = await run('check', '--format', 'sarif', dir, path.join(dir, 'missing.report.yaml'));
    const log = JSON.parse(r.out);
    assert.ok(validate(log as unknown), JSON.stringify(validate.errors, null, 2));
    assert.ok(log.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'config-unknown-rule'));
    assert.equal(log.runs[0].invocations[0].executionSuccessful, false);
    assert.match(
      log.runs[0].invocations[0].toolExecutionNotifications[0].message.text,
      /missing\.report\.yaml: cannot read/,
    );
  });

  it('fingerprints stay when unrelated lines are inserted, and say which findings were fixed', async () => {
    const dir = batch();
    const fingerprints = async () => {
      const log = JSON.parse((await run('check', '--format', 'sarif', dir)).out);
      return (log.runs[0].results as Record<string, any>[]).map(
        (x) => `${x.ruleId} ${x.partialFingerprints['govreport/v1']}`,
      );
    };
    const before = await fingerprints();
    const file = path.join(dir, 'lvliang-2024.report.yaml');
    const text = readFileSync(file, 'utf8');
    // Comments, blank lines and a key moved down: every finding's line changes.
    writeFileSync(
      file,
      text
        .replace('格式: 2021', '# 审核时加的注释\n\n格式: 2021')
        .replace('\n主动公开政府信息情况:', '\n\n# 表二\n主动公开政府信息情况:'),
    );
    assert.deepEqual(await fingerprints(), before);
    // The 落款日期 corrected: its finding goes, the others keep their fingerprints.
    writeFileSync(file, readFileSync(file, 'utf8').replace('落款日期: 2024-01-08', '落款日期: 2025-01-08'));
    const after = await fingerprints();
    assert.deepEqual(
      before.filter((f) => !after.includes(f)).map((f) => f.split(' ')[0]),
      ['signed-before-year-end'],
    );
    assert.ok(after.every((f) => before.includes(f)));
  });
});

describe('CSV, JUnit and GitHub annotations', () => {
  it('CSV: a record per finding with file, line, column, severity, code and message, as spreadsheets read it', async () => {
    const r = await run('check', '--format', 'csv', BATCH);
    assert.ok(r.out.startsWith('\ufeff'), 'a byte-order mark for Excel and WPS');
    const rows = parseCsv(r.out.slice(1));
    assert.deepEqual(rows[0], ['file', 'line', 'column', 'severity', 'code', 'message']);
    assert.equal(rows.length, 1 + 8);
    const signed = rows.find((x) => x[4] === 'signed-before-year-end')!;
    assert.deepEqual(signed.slice(0, 5), [
      path.join(BATCH, 'lvliang-2024.report.yaml'),
      '11',
      '7',
      'error',
      'signed-before-year-end',
    ]);
    assert.match(signed[5], /^落款日期 2024年1月8日 早于 2024 年度结束/);
  });

  it('CSV: text from a report that a spreadsheet would take for a formula is not one', async () => {
    const dir = batch();
    const file = path.join(dir, 'wenlv-2024.report.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('机关: 某市文化和旅游局', '机关: =HYPERLINK("x","y"),"'));
    const summary = path.join(dir, 'summary.csv');
    await run('check', '--summary', summary, dir);
    const rows = parseCsv(readFileSync(summary, 'utf8').slice(1));
    const organs = rows.slice(1).map((r) => r[1]);
    assert.ok(organs.includes(`'=HYPERLINK("x","y"),"`), JSON.stringify(organs));
    assert.ok(rows.every((row) => row.every((cell) => !/^[=+\-@]/.test(cell))));
  });

  it('JUnit: a suite per file, a failure per finding, escaped, parsed back', async () => {
    const dir = batch();
    const file = path.join(dir, 'wenlv-2024.report.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('机关: 某市文化和旅游局', '机关: 某市<文化>&"旅游"局'));
    const r = await run('check', '--format', 'junit', dir);
    assert.match(r.out, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
    const doc = parseDocument(r.out, { xmlMode: true });
    const suites = DomUtils.getElementsByTagName('testsuite', doc);
    assert.equal(suites.length, 3);
    const failures = DomUtils.getElementsByTagName('failure', doc);
    assert.equal(failures.length, 8);
    const top = DomUtils.getElementsByTagName('testsuites', doc)[0];
    assert.deepEqual([top.attribs.tests, top.attribs.failures], ['8', '8']);
    const copied = failures.find((f) => f.attribs.message.includes('某市<文化>&"旅游"局'));
    assert.ok(copied, 'the organ’s name, escaped in the file, comes back as written');
    assert.equal(copied.attribs.type, 'warning');
  });

  it('GitHub: one workflow annotation per finding, on its lines', async () => {
    const r = await run('check', '--format', 'github', BATCH);
    const lines = r.out.trim().split('\n');
    assert.equal(lines.length, 8);
    assert.ok(
      lines.includes(
        '::error file=test/fixtures/batch/lvliang-2024.report.yaml,line=11,col=7,endLine=11,endColumn=17,title=govreport signed-before-year-end::落款日期 2024年1月8日 早于 2024 年度结束（2024年12月31日）：报告不能在年度结束前成文',
      ),
      lines.join('\n'),
    );
    assert.ok(lines.some((l) => l.startsWith('::notice file=test/fixtures/batch/jiaotong-2024.report.yaml,')));
  });
});

describe('the summary and the 审核意见 from the command line', () => {
  it('--summary OUT.csv: a row per report, the counts of the findings printed; --opinions DIR: a Word 审核意见 each', async () => {
    const dir = batch();
    const out = mkdtempSync(path.join(tmpdir(), 'govreport-summary-'));
    const r = await run(
      'check',
      '--summary',
      path.join(out, 'summary.csv'),
      '--opinions',
      path.join(out, 'opinions'),
      dir,
    );
    assert.equal(r.code, 1);
    assert.match(r.err, /已写入 3 份审核意见到 /);
    const rows = parseCsv(readFileSync(path.join(out, 'summary.csv'), 'utf8').slice(1));
    assert.deepEqual(rows[0], [
      '文件',
      '机关',
      '机关类型',
      '年度',
      '落款日期',
      '公布期限',
      '按期',
      '错误',
      '警告',
      '提示',
      '得分',
      '扣分',
    ]);
    const printed = r.out.trim().split('\n').slice(0, -1);
    for (const row of rows.slice(1)) {
      const mine = printed.filter((l) => l.startsWith(`${row[0]}:`));
      const count = (s: string) => String(mine.filter((l) => l.includes(`: ${s} `)).length);
      assert.deepEqual(row.slice(7, 10), [count('error'), count('warning'), count('information')], row[0]);
    }
    const jiaotong = rows.find((x) => x[1] === '某市交通运输局')!;
    assert.deepEqual(jiaotong.slice(4, 7), ['2025-01-25', '2025-01-20', '逾期 5 天']);

    const files = readdirSync(path.join(out, 'opinions')).sort();
    assert.deepEqual(files, ['jiaotong-2024.审核意见.docx', 'lvliang-2024.审核意见.docx', 'wenlv-2024.审核意见.docx']);
    const docx = readFileSync(path.join(out, 'opinions', 'lvliang-2024.审核意见.docx'));
    const xml = Buffer.from(readZipMember(docx, 'word/document.xml')!).toString('utf8');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    assert.ok(text.includes('关于《吕梁市人民政府办公室2024年政府信息公开工作年度报告》的审核意见'), text);
    assert.ok(text.includes('规则：signed-before-year-end'), text);
    assert.ok(text.includes('得分 92 分（满分 100 分）'), text);
    // Written again only with --force.
    const again = await run('check', '--opinions', path.join(out, 'opinions'), dir);
    assert.equal(again.code, 2);
    assert.match(again.err, /cannot write/);
  });
});
