/** The CLI, in process (`runCli`) and as the built bin. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { unifiedDiff } from '../../../server/src/cli/diff';
import { EXAMPLE, EXAMPLE_PATH, ROOT, variant } from '../helpers';
import { cliRunner } from './capture';

const run = cliRunner();

function tempFile(name: string, content: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'govreport-'));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe('govreport check', () => {
  it('prints one line per finding and a summary, exit 1 on errors', async () => {
    const r = await run('check', EXAMPLE_PATH);
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n');
    assert.match(lines[0], /:11:7: error signed-before-year-end: 落款日期 2024年1月8日 早于 2024 年度结束/);
    assert.match(lines[lines.length - 1], /1 个文件：1 个错误，\d+ 个警告/);
  });

  it('exits 0 when there is no error', async () => {
    const file = tempFile('ok.report.yaml', variant('落款日期: 2024-01-08', '落款日期: 2025-01-08'));
    assert.equal((await run('check', file)).code, 0);
  });

  it('prints exactly the LSP diagnostics as JSON', async () => {
    const r = await run('check', '--format', 'json', '--locale', 'en', EXAMPLE_PATH);
    const json = JSON.parse(r.out) as { file: string; diagnostics: Record<string, unknown>[] }[];
    assert.equal(json.length, 1);
    assert.deepEqual(Object.keys(json[0]).sort(), ['diagnostics', 'file']);
    assert.equal(json[0].file, EXAMPLE_PATH);
    const d = json[0].diagnostics[0];
    assert.deepEqual(d.range, { start: { line: 10, character: 6 }, end: { line: 10, character: 16 } });
    assert.equal(d.severity, 1);
    assert.equal(d.code, 'signed-before-year-end');
    assert.equal(d.source, 'govreport');
    assert.match(String(d.message), /before the end of 2024/);
    for (const x of json[0].diagnostics)
      for (const k of Object.keys(x))
        assert.ok(
          ['range', 'severity', 'code', 'source', 'message', 'relatedInformation', 'codeDescription'].includes(k),
          k,
        );
  });

  it('exits 2 for an unreadable file, with a message, and still checks the others', async () => {
    const r = await run('check', '/no/such/file.report.yaml', EXAMPLE_PATH);
    assert.equal(r.code, 2);
    assert.match(r.err, /\/no\/such\/file\.report\.yaml: cannot read: no such file/);
    assert.match(r.out, /signed-before-year-end/);
  });

  it('exits 2 for usage errors', async () => {
    assert.equal((await run('check')).code, 2);
    assert.equal((await run('check', '--format', 'xml', EXAMPLE_PATH)).code, 2);
    assert.equal((await run('frobnicate')).code, 2);
    assert.equal((await run()).code, 2);
  });

  it('runs as the built bin', () => {
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'server', 'out', 'cli.js'), 'check', '--locale', 'en', EXAMPLE_PATH],
      { encoding: 'utf8' },
    );
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /1 error, \d+ warnings?, \d+ information in 1 file/);
  });
});

describe('govreport fix', () => {
  const broken = variant('落款日期: 2024-01-08', '落款日期: 2025/1/8', variant('  行政许可:       [0]\n', ''));

  it('--dry-run prints a unified diff and leaves the file alone', async () => {
    const file = tempFile('dry.report.yaml', broken);
    const r = await run('fix', '--dry-run', file);
    assert.equal(readFileSync(file, 'utf8'), broken);
    assert.match(r.out, /^--- a\/.*dry\.report\.yaml\n\+\+\+ b\/.*dry\.report\.yaml\n@@ /m);
    assert.match(r.out, /^-落款日期: 2025\/1\/8$/m);
    assert.match(r.out, /^\+落款日期: 2025-01-08$/m);
    assert.match(r.out, /^\+ {2}行政许可: {7}\[0\]$/m);
  });

  it('applies the safe fixes in place, prints what is left, and a second run changes nothing', async () => {
    const file = tempFile('fix.report.yaml', broken);
    const r = await run('fix', file);
    const fixed = readFileSync(file, 'utf8');
    assert.ok(fixed.includes('落款日期: 2025-01-08') && fixed.includes('  行政许可:       [0]\n'));
    assert.ok(!/missing-row|date-form/.test(r.out));
    const again = await run('fix', '--dry-run', file);
    assert.ok(!again.out.includes('@@'));
    assert.equal(readFileSync(file, 'utf8'), fixed);
  });
});

describe('unified diff', () => {
  it('matches what patch-style tools expect', () => {
    const a = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join('\n') + '\n';
    const b = ['a', 'b', 'X', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'].join('\n') + '\n';
    assert.equal(
      unifiedDiff(a, b, 'a/f', 'b/f'),
      [
        '--- a/f',
        '+++ b/f',
        '@@ -1,6 +1,6 @@',
        ' a',
        ' b',
        '-c',
        '+X',
        ' d',
        ' e',
        ' f',
        '@@ -8,3 +8,4 @@',
        ' h',
        ' i',
        ' j',
        '+k',
        '',
      ].join('\n'),
    );
    assert.equal(unifiedDiff(EXAMPLE, EXAMPLE, 'a', 'b'), '');
  });
});

describe('locale from the environment', () => {
  it('follows LANG and LC_ALL in their usual forms', async () => {
    const { envLocale } = await import('../../../server/src/cli/main');
    assert.equal(envLocale({ LANG: 'en_US.UTF-8' }), 'en');
    assert.equal(envLocale({ LANG: 'en' }), 'en');
    assert.equal(envLocale({ LC_ALL: 'en-GB', LANG: 'zh_CN.UTF-8' }), 'en');
    assert.equal(envLocale({ LANG: 'zh_CN.UTF-8' }), 'zh-CN');
    assert.equal(envLocale({ LANG: 'C.UTF-8' }), 'zh-CN');
    assert.equal(envLocale({}), 'zh-CN');
  });
});
