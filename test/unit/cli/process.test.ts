/**
 * The built CLI as a process, where what goes wrong is the process's: a Ctrl+C during a
 * write, a reader that goes away, a device that never ends, a file name with a line break,
 * a file of nested brackets that would exhaust the heap.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { fixAll } from '../../../server/src/core/edits';
import { EXAMPLE, ROOT } from '../helpers';

const CLI = path.join(ROOT, 'server', 'out', 'cli.js');
const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'govreport-process-'));
  dirs.push(dir);
  return dir;
}

function cli(args: string[], timeout = 60_000) {
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' },
    timeout,
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe('the built CLI as a process', () => {
  it('leaves no temporary file and no half-written report when interrupted while fixing', async () => {
    const dir = folder();
    // Large enough that a write takes a while (12 MB, mostly comments: quick to check); each needs a fix.
    const text = EXAMPLE.replace('年度: 2024', '年度: "2024年"') + `# ${'注'.repeat(1000)}\n`.repeat(4_000);
    const fixed = fixAll(text).text;
    const names = ['a.report.yaml', 'b.report.yaml'];
    for (let round = 0; round < 3; round++) {
      for (const n of names) writeFileSync(path.join(dir, n), text);
      const child = spawn(process.execPath, [CLI, 'fix', ...names.map((n) => path.join(dir, n))], { stdio: 'ignore' });
      // The moment a temporary file appears, the write is under way: interrupt it then.
      const watcher = watch(dir, (_event, name) => {
        if (name && !names.includes(String(name))) child.kill('SIGINT');
      });
      const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
        child.on('exit', (c, s) => resolve([c, s])),
      );
      watcher.close();
      assert.deepEqual(
        readdirSync(dir).filter((f) => !names.includes(f)),
        [],
        'no temporary file left beside the reports',
      );
      for (const n of names) {
        const now = readFileSync(path.join(dir, n), 'utf8');
        assert.ok(now === text || now === fixed, `${n} is old or new, never a part`);
      }
      assert.ok(code === 130 || code === 1, `exit ${code ?? signal}`);
    }
  });

  it('ends quietly when its reader goes away (| head)', async () => {
    const dir = folder();
    // More output than a pipe holds, so that the CLI is still writing when the pipe closes.
    const files = Array.from({ length: 300 }, (_, i) => {
      const f = path.join(dir, `r${i}.report.yaml`);
      writeFileSync(f, EXAMPLE);
      return f;
    });
    const child = spawn(process.execPath, [CLI, 'check', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // Read the first chunk, then close the pipe as `head -1` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    assert.equal(err, '', 'no stack trace, no message');
    assert.equal(code, 141);
  });

  for (const [command, device, limit] of [
    ['check', '/dev/zero', 16],
    ['check', '/dev/urandom', 16],
    ['import', '/dev/zero', 64],
  ] as const) {
    it(`${command} refuses ${device} as input instead of reading it without end`, () => {
      const r = cli([command, device], 30_000);
      assert.equal(r.error, undefined, 'finished in time');
      assert.equal(r.status, 2);
      assert.match(r.stderr, new RegExp(`cannot read: larger than ${limit} MB, more than any report`));
    });
  }

  it('escapes a line break in a file name, so no line of output is forged', () => {
    const dir = folder();
    const file = path.join(dir, 'a.report.yaml\nforged.report.yaml:1:1: error forged: nothing');
    writeFileSync(file, EXAMPLE);
    const r = cli(['check', file]);
    const lines = r.stdout.trim().split('\n');
    assert.ok(lines.length > 1);
    for (const line of lines.slice(0, -1)) assert.ok(line.startsWith(path.join(dir, 'a.report.yaml\\nforged')), line);
    assert.ok(!lines.some((l) => l.startsWith('forged')));
  });

  it('refuses 8 MB of nested brackets with their position, without exhausting the heap', () => {
    const dir = folder();
    const flat = path.join(dir, 'flat.report.yaml');
    writeFileSync(flat, `${EXAMPLE}附加: ${'['.repeat(8_000_000)}\n`);
    // The same nesting over many short lines.
    const tall = path.join(dir, 'tall.report.yaml');
    writeFileSync(tall, `${EXAMPLE}附加:\n${'  [\n'.repeat(2_000_000)}`);
    const ok = path.join(dir, 'ok.report.yaml');
    writeFileSync(ok, EXAMPLE);
    const r = cli(['check', flat, tall, ok], 120_000);
    assert.equal(r.signal, null, r.stderr);
    assert.equal(r.status, 2, r.stderr);
    // 附加 is on the line after the example's last; the 65th bracket is 65 lines below it.
    const line = EXAMPLE.split('\n').length;
    assert.match(r.stderr, new RegExp(`flat\\.report\\.yaml:${line}:65537: this line is over 65536 characters`));
    assert.match(r.stderr, new RegExp(`tall\\.report\\.yaml:${line + 65}:3: nested more than 64 levels deep`));
    assert.match(r.stdout, /ok\.report\.yaml:11:7: error signed-before-year-end/, 'the other file is still checked');
  });
});
