/** `govreport render`: HTML to stdout or a file, Word next to the report, never replacing a file unasked. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { EXAMPLE, EXAMPLE_PATH } from '../helpers';
import { cliRunner } from './capture';

const run = cliRunner();

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'govreport-render-'));
}

describe('govreport render', () => {
  it('prints the HTML document to stdout without -o, with marks, and notes the errors on stderr', async () => {
    const r = await run('render', EXAMPLE_PATH);
    assert.equal(r.code, 0);
    assert.match(r.out, /^<!DOCTYPE html>/);
    assert.match(r.out, /class="date mark mark-error"/);
    assert.match(r.err, /有 1 个错误，已按原样生成/);
  });

  it('leaves the marks out with --no-marks and speaks English with --locale en', async () => {
    const r = await run('render', '--no-marks', '--locale', 'en', EXAMPLE_PATH);
    assert.equal(r.code, 0);
    assert.doesNotMatch(r.out, /class="[^"]*\bmark\b|<aside/);
    assert.match(r.err, /has 1 error\(s\); rendered as written/);
  });

  it('writes -o atomically, refuses to replace it without --force, replaces it with --force', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'report.html');
    assert.equal((await run('render', EXAMPLE_PATH, '-o', out)).code, 0);
    assert.match(readFileSync(out, 'utf8'), /^<!DOCTYPE html>/);
    writeFileSync(out, 'keep me');
    const refused = await run('render', EXAMPLE_PATH, '-o', out);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /already exists \(use --force to replace it\)/);
    assert.equal(readFileSync(out, 'utf8'), 'keep me');
    assert.equal((await run('render', '--force', EXAMPLE_PATH, '-o', out)).code, 0);
    assert.match(readFileSync(out, 'utf8'), /^<!DOCTYPE html>/);
    assert.deepEqual(readdirSync(dir), ['report.html'], 'no temporary file left behind');
  });

  it('writes Word next to the report by default, or to -o', async () => {
    const dir = tempDir();
    const report = path.join(dir, 'lvliang-2024.report.yaml');
    writeFileSync(report, EXAMPLE);
    assert.equal((await run('render', '--format', 'docx', report)).code, 0);
    const docx = path.join(dir, 'lvliang-2024.docx');
    assert.equal(readFileSync(docx).subarray(0, 2).toString(), 'PK');
    assert.equal((await run('render', '--format=docx', report, '-o', path.join(dir, 'x.docx'))).code, 0);
    assert.ok(existsSync(path.join(dir, 'x.docx')));
    assert.equal((await run('render', '--format', 'docx', report)).code, 2, 'the default output exists now');
  });

  it('never writes over the report itself, and leaves it untouched', async () => {
    const dir = tempDir();
    const report = path.join(dir, 'a.report.yaml');
    writeFileSync(report, EXAMPLE);
    const r = await run('render', '--force', report, '-o', report);
    assert.equal(r.code, 2);
    assert.match(r.err, /would replace the report itself/);
    assert.equal(readFileSync(report, 'utf8'), EXAMPLE);
  });

  it('reports usage errors and unreadable files with exit status 2', async () => {
    assert.equal((await run('render')).code, 2);
    assert.equal((await run('render', EXAMPLE_PATH, EXAMPLE_PATH)).code, 2);
    assert.equal((await run('render', '--format', 'pdf', EXAMPLE_PATH)).code, 2);
    const missing = await run('render', path.join(tempDir(), 'none.report.yaml'));
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read: no such file/);
  });
});
