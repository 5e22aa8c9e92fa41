/**
 * Runs the extension test suite (test/e2e/suite, built to test/e2e/out/suite) inside
 * code-server's real extension host: the workbench loads the repository as the extension
 * under development and the suite as its tests, then calls `codeAutomationExit(code)`.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { forwardConsole, openBrowser, startCodeServer, workbenchUrl, type DisplayLanguage } from './codeServer';
import { ROOT, type Editor } from './provision';
import type { SuiteResults } from './suite/index';

const SUITE_TIMEOUT_MS = 10 * 60_000;

export interface SuiteOutcome {
  exitCode: number;
  /** Absent when the suite never reached its end (the extension host died, say). */
  results?: SuiteResults;
}

export async function runSuite(
  editor: Editor,
  language: DisplayLanguage,
  out: (line: string) => void,
): Promise<SuiteOutcome> {
  const index = path.join(ROOT, 'test', 'e2e', 'out', 'suite', 'index.js');
  for (const built of [
    index,
    path.join(ROOT, 'client', 'out', 'extension.js'),
    path.join(ROOT, 'server', 'out', 'server.js'),
  ]) {
    if (!existsSync(built)) throw new Error(`${path.relative(ROOT, built)} is missing: run npm run build first`);
  }
  // The extension host inherits code-server's environment; the suite writes its results there.
  const results = (tmp: string): string => path.join(tmp, 'results.json');
  const server = await startCodeServer(editor, {
    env: (tmp) => ({
      GOVREPORT_E2E_RESULTS: results(tmp),
      GOVREPORT_E2E_TMP: path.join(tmp, 'copies'),
      GOVREPORT_E2E_GREP: process.env.GOVREPORT_E2E_GREP ?? '',
      // The display language the workbench was started in, for the tests that read localised text.
      GOVREPORT_E2E_LANGUAGE: language,
    }),
    log: (l) => out(`[code-server] ${l}`),
    language,
  });
  const resultsFile = results(server.tmp);
  const workspace = path.join(server.tmp, 'workspace');
  try {
    mkdirSync(workspace);
    const { context, page } = await openBrowser(editor, path.join(server.tmp, 'browser'));
    try {
      let finish: (code: number) => void = () => undefined;
      const finished = new Promise<number>((resolve) => (finish = resolve));
      await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
      // Mocha's reporter writes through the extension host's console, which the workbench
      // forwards to the page's.
      const flushed = forwardConsole(page, out);
      page.on('crash', () => finish(-1));
      const url = workbenchUrl(server, workspace, [
        ['extensionDevelopmentPath', server.remote(ROOT)],
        ['extensionTestsPath', server.remote(index)],
      ]);
      await page.goto(url);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the editor test suite did not finish within ${SUITE_TIMEOUT_MS / 60_000} minutes`)),
          SUITE_TIMEOUT_MS,
        );
      });
      const exitCode = await Promise.race([finished, timeout]).finally(() => clearTimeout(timer));
      await flushed();
      const results = existsSync(resultsFile)
        ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteResults)
        : undefined;
      return { exitCode, results };
    } finally {
      await context.close();
    }
  } finally {
    await server.stop();
  }
}
