/**
 * Debian's Chromium for the browser tests, installed with apt when it is missing and the
 * tests run as root on Debian (one install at a time: ../apt.ts); otherwise the tests skip
 * and say why, except under CI, where a missing browser fails them as it fails the editor
 * tests. CJK fonts are added the same way so that the screenshots show the characters.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { after, before, type TestContext } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { aptInstall, browserRequired } from '../apt';

export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type Provision = { ok: true } | { ok: false; reason: string };

function hasCjkFont(): boolean {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

/** Chromium, installed if need be; why not, when the tests may skip; under CI, an error. */
export function provideChromium(executable = CHROMIUM, install = aptInstall): Provision {
  if (!existsSync(executable)) {
    const why = install(['chromium'], (line) => process.stderr.write(`browser tests: ${line}\n`));
    if (why || !existsSync(executable)) {
      const reason = `Chromium is not installed at ${executable} and could not be installed: ${why ?? 'apt-get did not provide it'}`;
      if (browserRequired()) throw new Error(`${reason} (required under CI=true or GOVREPORT_E2E=require)`);
      return { ok: false, reason };
    }
  }
  if (!hasCjkFont()) {
    const why = aptInstall(['fonts-noto-cjk']);
    if (why)
      process.stderr.write(`browser tests: no CJK font, screenshots will show boxes for Chinese text (${why})\n`);
  }
  return { ok: true };
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 60_000 });
}

/**
 * Chromium for the tests of one file: provided and launched before them (and `artifacts`, the
 * folder of their screenshots, made), closed after. `ready(t)` skips a test, saying why, when
 * it could not be launched.
 */
export function browserForTests(artifacts?: string): { browser(): Browser; ready(t: TestContext): boolean } {
  let browser: Browser | undefined;
  let unavailable: string | undefined;
  before(
    async () => {
      const p = provideChromium();
      if (!p.ok) {
        unavailable = p.reason;
        process.stderr.write(`\n*** browser tests SKIPPED: ${p.reason}\n\n`);
        return;
      }
      browser = await launch();
      if (artifacts) mkdirSync(artifacts, { recursive: true });
    },
    { timeout: 20 * 60_000 },
  );
  after(async () => {
    await browser?.close();
  });
  return {
    browser: () => browser!,
    ready(t) {
      if (browser) return true;
      t.skip(`Chromium unavailable: ${unavailable ?? 'not launched'}`);
      return false;
    },
  };
}

/** What a page did: every request, console line, uncaught error and dialog. */
export interface Watch {
  requests: string[];
  console: string[];
  errors: string[];
  dialogs: string[];
}

/**
 * Opens a file in a fresh context where every request is recorded and any but the file and
 * `allowed` is refused, with console, errors and dialogs watched; `init` runs before the page.
 */
export async function openWatched(
  browser: Browser,
  file: string,
  allowed: string[] = [],
  init?: string,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; context: BrowserContext; watch: Watch }> {
  const context = await browser.newContext(options);
  const url = pathToFileURL(file).href;
  const watch: Watch = { requests: [], console: [], errors: [], dialogs: [] };
  await context.route('**/*', (route) => {
    const u = route.request().url();
    watch.requests.push(u);
    return u === url || allowed.includes(u) ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => watch.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => watch.errors.push(e.message));
  page.on('dialog', (d) => {
    watch.dialogs.push(d.message());
    void d.dismiss();
  });
  if (init) await page.addInitScript({ content: init });
  await page.goto(url, { waitUntil: 'load' });
  return { page, context, watch };
}
