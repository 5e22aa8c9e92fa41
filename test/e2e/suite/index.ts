/**
 * The extension test suite's entry, as `extensionTestsPath` expects: `run()` resolves when
 * every test passed. Used by @vscode/test-electron on desktop and by test/e2e/run.ts in
 * code-server; `npx vscode-test` loads the same *.test.js files with its own runner.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface SuiteResults {
  passed: string[];
  failed: { title: string; error: string }[];
  pending: string[];
  /** False in the file written when the suite starts: it says the suite ran, and did not end, if it stays. */
  finished: boolean;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  const grep = process.env.GOVREPORT_E2E_GREP;
  if (grep) mocha.grep(grep);
  return new Promise((resolve, reject) => {
    const results: SuiteResults = { passed: [], failed: [], pending: [], finished: false };
    // The code-server runner reads this: an exit code alone cannot tell "all passed" from "none
    // ran", nor a suite that never started from one that stopped midway.
    const out = process.env.GOVREPORT_E2E_RESULTS;
    if (out) writeFileSync(out, JSON.stringify(results, null, 2));
    const runner = mocha.run((failures) => {
      results.finished = true;
      if (out) writeFileSync(out, JSON.stringify(results, null, 2));
      if (failures > 0) reject(new Error(`${failures} editor test(s) failed`));
      else if (!results.passed.length) reject(new Error('no editor test ran'));
      else resolve();
    });
    runner.on('pass', (t) => results.passed.push(t.fullTitle()));
    runner.on('fail', (t, err: Error) =>
      results.failed.push({ title: t.fullTitle(), error: String(err?.stack ?? err) }),
    );
    runner.on('pending', (t) => results.pending.push(t.fullTitle()));
  });
}
