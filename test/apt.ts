/**
 * Debian packages for the tests that need a browser (test/browser, test/e2e), installed one
 * installation at a time. Two test files run at once and both may want Chromium; other test
 * runs on the machine may install too. The installs are serialised by one lock file, held
 * with flock(1) around `apt-get update` and `apt-get install` (the kernel releases it when
 * its holder dies), and apt's own locks are waited for: `DPkg::Lock::Timeout` covers the dpkg
 * lock of `install`, and a busy lists lock, which it does not cover, makes `update` try again.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** The lock every GovReport test run on this machine takes to install packages (another in the test of this). */
export const APT_LOCK = process.env.GOVREPORT_APT_LOCK || path.join(tmpdir(), 'govreport-apt.lock');
/** How long to wait for the lock, and for apt's own, before giving up. */
const WAIT_S = 20 * 60;

/** Whether a test that cannot get its browser must fail rather than skip: under CI, as for the editor tests. */
export function browserRequired(): boolean {
  return process.env.CI === 'true' || process.env.GOVREPORT_E2E === 'require';
}

export function isDebian(): boolean {
  try {
    return existsSync('/etc/debian_version') || /^ID(?:_LIKE)?=.*debian/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

/** A shell command line of words (package names and apt options: no quoting needed, checked). */
function words(ws: string[]): string {
  for (const w of ws) if (!/^[\w.:=+-]+$/.test(w)) throw new Error(`not a plain word: ${w}`);
  return ws.join(' ');
}

/**
 * Installs Debian packages; undefined when it did, else why it could not. `log` sees what is
 * run. The update is tried again while another process holds apt's lists lock.
 */
export function aptInstall(packages: string[], log: (line: string) => void = () => undefined): string | undefined {
  if (process.platform !== 'linux' || !isDebian()) return 'not a Debian system';
  if (!isRoot()) return `not running as root (install them with: apt-get install -y ${packages.join(' ')})`;
  const lock = ['-o', `DPkg::Lock::Timeout=${WAIT_S}`];
  // Inside the lock: update until the lists lock is free (or the time is up), then install.
  const script = [
    `deadline=$(($(date +%s) + ${WAIT_S}))`,
    `until out=$(apt-get ${words(lock)} update 2>&1); do`,
    '  case "$out" in *"Could not get lock"*) ;; *) echo "$out" >&2; exit 1 ;; esac',
    '  [ "$(date +%s)" -lt "$deadline" ] || { echo "$out" >&2; exit 1; }',
    '  sleep 2',
    'done',
    `apt-get ${words(lock)} install -y --no-install-recommends ${words(packages)}`,
  ].join('\n');
  log(`apt-get install ${packages.join(' ')} (holding ${APT_LOCK})`);
  const r = spawnSync('flock', ['-w', String(WAIT_S), APT_LOCK, 'sh', '-c', script], {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: 2 * WAIT_S * 1000,
  });
  if (r.status === 0) return undefined;
  const why = r.error?.message ?? `exit ${r.status ?? r.signal}`;
  return `apt-get install ${packages.join(' ')} failed (${why}): ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ')}`;
}
