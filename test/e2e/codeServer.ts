/**
 * code-server in its own process group, with a fresh, quiet profile, and Chromium to show
 * its workbench. Whatever happens, `stop()` (and process exit) kills the whole group: a
 * closed browser otherwise leaves extension hosts and language servers running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { quietEnv, type Editor } from './provision';

const START_TIMEOUT_MS = 60_000;

/** A quiet, deterministic profile; auto-save off so only the tests write the fixtures. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'files.autoSave': 'off',
  'git.enabled': false,
  'window.restoreWindows': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export interface CodeServer {
  url: string;
  /** Scratch space of this run: workspaces, the browser profile. Removed by stop(). */
  tmp: string;
  /** `vscode-remote://` URI of a local path, as the workbench's payload wants it. */
  remote(p: string): string;
  stop(): Promise<void>;
}

/** Running code-servers and their scratch folders, for the exit handler. */
const live = new Map<ChildProcess, string>();
/** Orderly shutdowns (browsers first, then servers) for an interrupted run. */
const browsers = new Set<BrowserContext>();
const servers = new Set<() => Promise<void>>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

// Last resort for crashes: 'exit' handlers must be synchronous, and SIGKILL is.
process.on('exit', () => {
  for (const [c, tmp] of live) {
    killGroup(c, 'SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  }
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(sig, () => {
    const exit = (): never => process.exit(128 + os.constants.signals[sig]);
    setTimeout(exit, 10_000).unref();
    void Promise.allSettled([...browsers].map((b) => b.close()))
      .then(() => Promise.allSettled([...servers].map((stop) => stop())))
      .then(exit);
  });
}

/**
 * A language pack for zh-cn with no translations: enough for VS Code to report the display
 * language zh-cn, so that the extension speaks Chinese (the workbench's own words stay English).
 */
function installZhCnStub(userData: string, extensions: string): void {
  const dir = path.join(extensions, 'govreport-test.zh-cn-stub-0.0.1');
  const translations = path.join(dir, 'translations', 'main.i18n.json');
  mkdirSync(path.dirname(translations), { recursive: true });
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name: 'zh-cn-stub',
      publisher: 'govreport-test',
      version: '0.0.1',
      engines: { vscode: '*' },
      categories: ['Language Packs'],
      contributes: {
        localizations: [
          {
            languageId: 'zh-cn',
            languageName: 'Chinese Simplified',
            localizedLanguageName: '中文(简体)',
            translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
          },
        ],
      },
    }),
  );
  writeFileSync(
    path.join(userData, 'languagepacks.json'),
    JSON.stringify({
      'zh-cn': {
        hash: '0123456789abcdef0123456789abcdef',
        extensions: [{ extensionIdentifier: { id: 'govreport-test.zh-cn-stub' }, version: '0.0.1' }],
        translations: { vscode: translations },
        label: '中文(简体)',
      },
    }),
  );
}

/**
 * `env(tmp)` adds to code-server's environment, which its extension hosts inherit; `locale`
 * 'zh-cn' makes it the display language.
 */
export async function startCodeServer(
  editor: Editor,
  env: (tmp: string) => NodeJS.ProcessEnv = () => ({}),
  log: (line: string) => void = () => undefined,
  locale?: 'zh-cn',
): Promise<CodeServer> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'govreport-code-server-'));
  const userData = path.join(tmp, 'user-data');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  if (locale) installZhCnStub(userData, path.join(tmp, 'extensions'));
  const args = [
    editor.entry,
    '--auth',
    'none',
    '--bind-addr',
    '127.0.0.1:0',
    '--config',
    '/dev/null',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    userData,
    '--extensions-dir',
    path.join(tmp, 'extensions'),
    ...(locale ? ['--locale', locale] : []),
    ...editor.spec.args,
  ];
  // An empty gallery: the machine cannot reach one, and failed queries only add noise.
  const childEnv = { ...quietEnv(path.join(tmp, 'home')), EXTENSIONS_GALLERY: '{}', ...env(tmp) };
  const child = spawn(editor.node, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: childEnv });
  live.set(child, tmp);
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
    await exit;
    clearTimeout(timer);
    // The leader is gone; extension hosts that ignored SIGTERM are not.
    killGroup(child, 'SIGKILL');
    live.delete(child);
    servers.delete(stop);
    rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  };
  servers.add(stop);
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(
        () => reject(new Error(`code-server did not start within ${START_TIMEOUT_MS / 1000} s:\n${seen}`)),
        START_TIMEOUT_MS,
      );
      const onData = (chunk: Buffer): void => {
        const text = chunk.toString();
        seen += text;
        for (const line of text.split('\n')) if (line.trim()) log(line);
        const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(seen);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`code-server exited (${code ?? signal}) before listening:\n${seen}`));
      });
    });
    const health = await fetch(`${url}/healthz`);
    if (!health.ok) throw new Error(`code-server /healthz answered ${health.status}`);
    const authority = new URL(url).host;
    return { url, tmp, remote: (p) => `vscode-remote://${authority}${encodeURI(p)}`, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** The workbench URL for a folder, with payload entries such as extensionDevelopmentPath. */
export function workbenchUrl(server: CodeServer, folder: string, payload: [string, string][]): string {
  const q = new URLSearchParams({ folder, payload: JSON.stringify(payload) });
  return `${server.url}/?${q.toString()}`;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function openBrowser(
  editor: Editor,
  profileDir: string,
  size = { width: 1400, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: editor.browser,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: size,
    timeout: 60_000,
  });
  browsers.add(context);
  context.on('close', () => browsers.delete(context));
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/**
 * A page console message as the text it would print. The workbench logs as
 * `('%c INFO', css, format, ...args)`; what follows the style is printf-like (mocha's reporter).
 */
export async function consoleText(msg: ConsoleMessage): Promise<string> {
  let args: unknown[];
  try {
    args = await Promise.all(msg.args().map((a) => a.jsonValue()));
  } catch {
    return msg.text();
  }
  let level = '';
  if (typeof args[0] === 'string' && /^%c\s*[A-Z]+$/.test(args[0])) {
    level = args[0].replace(/^%c\s*/, '');
    args = args.slice(2);
  }
  const text = args.length ? format(...args) : msg.text();
  return level && level !== 'INFO' ? `[${level}] ${text}` : text;
}

/** Forwards the page's console to `out` in the order it was logged. */
export function forwardConsole(page: Page, out: (line: string) => void): () => Promise<void> {
  let chain = Promise.resolve();
  page.on('console', (msg) => {
    chain = chain.then(() => consoleText(msg)).then(out, () => undefined);
  });
  page.on('pageerror', (err) => out(`[page error] ${err.message}`));
  return () => chain;
}
