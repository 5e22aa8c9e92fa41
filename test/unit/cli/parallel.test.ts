/**
 * `govreport check` and `govreport import` over many files work in worker threads (the built
 * bin, on more than one core): their output is exactly that of one thread in process.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../../server/src/cli/main';
import { EXAMPLE, ROOT } from '../helpers';

const CLI = path.join(ROOT, 'server', 'out', 'cli.js');

async function inProcess(argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env: { LANG: 'zh_CN.UTF-8' },
  });
  return { status, stdout, stderr };
}

function built(
  argv: string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...argv], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('govreport check over many files', () => {
  let files: string[] = [];
  let dir = '';
  after(() => rmSync(dir, { recursive: true, force: true }));
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'govreport-batch-'));
    // Seventy organs over two years, so that most reports have last year's among the files.
    for (let i = 0; i < 140; i++) {
      const organ = `测试市第${i % 70}局`;
      const year = 2023 + Math.floor(i / 70);
      let text = EXAMPLE.replace(/吕梁市人民政府办公室/g, organ)
        .replace(/2024/g, String(year))
        .replace(/2025/g, String(year + 1));
      if (i % 9 === 0) text = text.replace('[11, 2, 81]', `[11, 2, ${81 + i}]`);
      // Written so that 机关 or 年度 is not on one line: the parallel check guesses them wrong and corrects itself.
      if (i === 3 || i === 75) text = text.replace(`机关: ${organ}`, `机关: >-\n  ${organ}`);
      if (i === 12) text = text.replace(`年度: ${year}`, `"年度": ${year}`);
      const file = path.join(dir, `${String(i).padStart(3, '0')}.report.yaml`);
      writeFileSync(file, text);
      files.push(file);
    }
    // Refused: nested too deep (found by the worker's parse), the first file of an organ's 2023, so
    // taken at first for last year's report of its 2024; and a line too long (found on reading).
    const deep = path.join(dir, 'deep.report.yaml');
    writeFileSync(deep, `${readFileSync(files[5], 'utf8')}\n嵌套: ${'['.repeat(100)}\n`);
    const long = path.join(dir, 'long.report.yaml');
    writeFileSync(long, `说明: ${'长'.repeat(70_000)}\n`);
    files = [files[0], deep, ...files.slice(1, 50), path.join(dir, 'missing.report.yaml'), long, ...files.slice(50)];
  });

  it(
    'runs on more than one core here, or the comparison below proves nothing new',
    { skip: availableParallelism() < 2 && 'one core' },
    () => {
      assert.ok(files.length / 64 >= 2);
    },
  );

  for (const options of [[], ['--format', 'json', '--locale', 'en'], ['--previous', '__FIRST__']]) {
    it(`prints what one thread prints (${options.join(' ') || 'text'})`, async () => {
      const argv = ['check', ...options.map((o) => (o === '__FIRST__' ? files[0] : o)), ...files];
      const want = await inProcess(argv);
      const got = built(argv);
      assert.equal(got.status, want.status, got.stderr);
      assert.equal(got.stderr, want.stderr);
      assert.match(got.stderr, /deep\.report\.yaml:\d+:\d+: (?:嵌套超过|nested more than)/);
      // RULES_DOC is found from the module's folder, which differs between sources and bundle.
      assert.equal(got.stdout, want.stdout.replaceAll('/server/docs/rules.md', '/docs/rules.md'));
    });
  }
});

describe('govreport import over many files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'govreport-imports-'));
  const inputs = path.join(dir, 'published');
  after(() => rmSync(dir, { recursive: true, force: true }));
  before(() => {
    mkdirSync(inputs);
    // Enough PDFs for two workers or more; one without a text layer (refused), a text, and two
    // inputs of one base name (a.pdf, a.txt), whose report files are named in the inputs' order.
    const pdf = path.join(ROOT, 'test', 'fixtures', 'pdf', 'lvliang-2024.pdf');
    for (let i = 0; i < 6; i++) copyFileSync(pdf, path.join(inputs, `${i}.pdf`));
    copyFileSync(pdf, path.join(inputs, 'a.pdf'));
    copyFileSync(path.join(ROOT, 'test', 'fixtures', 'pdf', 'scanned.pdf'), path.join(inputs, 'scanned.pdf'));
    copyFileSync(
      path.join(ROOT, 'test', 'fixtures', 'real', '淮安市洪泽区人民政府_2024.pdf'),
      path.join(inputs, 'b.pdf'),
    );
    copyFileSync(path.join(ROOT, 'test', 'fixtures', 'real', '04_宿迁市_2023.txt'), path.join(inputs, 'a.txt'));
  });

  it('writes and says what one thread does, from worker threads', { timeout: 120_000 }, async () => {
    const argv = (out: string) => ['import', '-o', out, inputs, path.join(dir, 'missing.pdf')];
    const one = path.join(dir, 'one');
    const many = path.join(dir, 'many');
    const want = await inProcess(argv(one));
    // Each worker thread notes itself as it starts: the built bin must have used two or more.
    const threads = path.join(dir, 'threads.txt');
    const marker = path.join(dir, 'mark.cjs');
    writeFileSync(
      marker,
      `const t = require('node:worker_threads');\nif (!t.isMainThread) require('node:fs').appendFileSync(${JSON.stringify(threads)}, t.threadId + '\\n');\n`,
    );
    const got = built(argv(many), { NODE_OPTIONS: `--require ${JSON.stringify(marker)}` });
    assert.equal(got.status, want.status, got.stderr);
    assert.equal(got.status, 2, 'the scanned PDF and the missing file are not imported');
    assert.equal(got.stderr.replaceAll(many, one), want.stderr);
    assert.equal(got.stdout.replaceAll(many, one), want.stdout);
    assert.match(got.stdout, /a\.txt → .*a-2\.report\.yaml/);
    const files = readdirSync(one).sort();
    assert.deepEqual(readdirSync(many).sort(), files);
    assert.equal(files.length, 9);
    for (const f of files)
      assert.equal(readFileSync(path.join(many, f), 'utf8'), readFileSync(path.join(one, f), 'utf8'), f);
    if (availableParallelism() >= 2) {
      const ids = new Set(readFileSync(threads, 'utf8').trim().split('\n'));
      assert.ok(ids.size >= 2, `worker threads: ${[...ids].join(', ')}`);
    }
  });
});
