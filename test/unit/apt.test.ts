/**
 * The test setup's package installs (test/apt.ts): two at once take turns, a busy lists lock
 * is waited for, and under CI a browser that cannot be had fails the browser tests instead
 * of skipping them. apt-get is a stand-in script on the PATH that records what ran when.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { isDebian } from '../apt';
import { provideChromium } from '../browser/chromium';
import { ROOT } from './helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'govreport-apt-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** An apt-get that fails `update` twice as if another process held the lists lock, and notes any overlap. */
const FAKE_APT = `#!/bin/sh
while [ "$1" = "-o" ]; do shift 2; done
state="${dir}"
if [ "$1" = update ]; then
  n=$(cat "$state/busy-updates" 2>/dev/null || echo 0)
  if [ "$n" -lt 2 ]; then
    echo $((n + 1)) > "$state/busy-updates"
    echo "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 1 (apt-get)" >&2
    exit 100
  fi
fi
mkdir "$state/running" 2>/dev/null || echo overlap >> "$state/overlaps"
echo "start $1" >> "$state/log"
sleep 0.3
echo "end $1" >> "$state/log"
rmdir "$state/running" 2>/dev/null
exit 0
`;

function install(): Promise<{ code: number | null; err: string }> {
  const bin = path.join(dir, 'bin');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '-e', `process.exitCode = require('./test/apt').aptInstall(['pkg']) === undefined ? 0 : 1`],
    {
      cwd: ROOT,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, GOVREPORT_APT_LOCK: path.join(dir, 'lock') },
    },
  );
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, err })));
}

describe('installing packages for the browser tests', () => {
  const runnable = process.platform === 'linux' && isDebian() && process.getuid?.() === 0;

  it(
    'installs one at a time and waits out a busy lists lock',
    { skip: !runnable && 'needs root on Debian' },
    async () => {
      const bin = path.join(dir, 'bin');
      mkdirSync(bin);
      writeFileSync(path.join(bin, 'apt-get'), FAKE_APT);
      chmodSync(path.join(bin, 'apt-get'), 0o755);
      const results = await Promise.all([install(), install()]);
      for (const r of results) assert.equal(r.code, 0, r.err);
      assert.throws(() => readFileSync(path.join(dir, 'overlaps')), /ENOENT/, 'no two apt-get ran at once');
      const log = readFileSync(path.join(dir, 'log'), 'utf8').trim().split('\n');
      assert.deepEqual(log, [
        'start update',
        'end update',
        'start install',
        'end install',
        'start update',
        'end update',
        'start install',
        'end install',
      ]);
    },
  );

  it('fails under CI when Chromium cannot be had, and skips with the reason elsewhere', () => {
    const missing = path.join(dir, 'no-chromium');
    const busy = () => 'E: Could not get lock /var/lib/apt/lists/lock';
    const saved = { CI: process.env.CI, GOVREPORT_E2E: process.env.GOVREPORT_E2E };
    try {
      delete process.env.GOVREPORT_E2E;
      process.env.CI = 'true';
      assert.throws(() => provideChromium(missing, busy), /Could not get lock.*required under CI/);
      delete process.env.CI;
      const p = provideChromium(missing, busy);
      assert.ok(!p.ok && /Could not get lock/.test(p.reason));
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  });
});
