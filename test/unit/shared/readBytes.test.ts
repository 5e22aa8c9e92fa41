/** Reading a file bounded: its bytes exactly, whatever its size, from a file or from a pipe. */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { readBytes } from '../../../server/src/shared/readFile';

describe('readBytes', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'govreport-read-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const bytesOf = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7 + (i >> 8)) & 0xff));

  it('reads a file of any size whole, and refuses one over the limit', () => {
    for (const n of [0, 1, 4095, 65536, 65537, 300_000]) {
      const file = path.join(dir, `f${n}`);
      writeFileSync(file, bytesOf(n));
      const r = readBytes(file, 1024 * 1024);
      assert.ok(r.ok, `${n}`);
      assert.ok(Buffer.from(r.bytes).equals(bytesOf(n)), `${n} bytes read back`);
    }
    const r = readBytes(path.join(dir, 'f300000'), 299_999);
    assert.ok(!r.ok && /larger than/.test(r.error));
  });

  it('reads a named pipe to its end, in pieces', async (t) => {
    if (process.platform === 'win32') return t.skip('no mkfifo');
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn(process.execPath, [
      '-e',
      `require('fs').writeFileSync(${JSON.stringify(fifo)}, Buffer.alloc(200000, 7))`,
    ]);
    const r = readBytes(fifo, 1024 * 1024);
    await new Promise((resolve) => writer.on('exit', resolve));
    assert.ok(r.ok && r.bytes.length === 200_000 && r.bytes.every((b) => b === 7));
  });
});
