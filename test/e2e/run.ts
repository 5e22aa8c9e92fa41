/**
 * `npm run test:e2e`: provisions a real VS Code (code-server) and runs, in it, the extension
 * test suite and the workbench UI test. Where no editor can be provisioned the tests are
 * reported as SKIPPED, loudly; under CI (CI=true) or GOVREPORT_E2E=require that is a failure.
 * `--suite` or `--ui` runs one of the two.
 */
import { provision, ProvisionError, type Editor } from './provision';
import { runSuite } from './runSuite';
import { runUi } from './ui';

const required = process.env.CI === 'true' || process.env.GOVREPORT_E2E === 'require';
const only = process.argv.slice(2);
const wants = (part: string): boolean => only.length === 0 || only.includes(`--${part}`);

function banner(lines: string[]): void {
  const bar = '!'.repeat(78);
  process.stderr.write(`\n${bar}\n${lines.map((l) => `!! ${l}`).join('\n')}\n${bar}\n\n`);
}

const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  let editor: Editor;
  const t0 = Date.now();
  try {
    editor = provision();
  } catch (e) {
    if (!(e instanceof ProvisionError)) throw e;
    banner([
      'EDITOR TESTS SKIPPED: no real VS Code could be provisioned.',
      e.message,
      required
        ? 'This run requires them (CI=true or GOVREPORT_E2E=require): FAILING.'
        : 'Nothing was tested in an editor. Set GOVREPORT_E2E=require to make this an error.',
    ]);
    return required ? 1 : 0;
  }
  console.log(`editor ready (${seconds(t0)}): code-server ${editor.version}, ${editor.browser}`);
  let failed = 0;
  if (wants('suite')) {
    const t = Date.now();
    console.log('\n=== extension test suite in code-server ===');
    const { exitCode, results } = await runSuite(editor, (l) => console.log(l));
    const passed = results?.passed.length ?? 0;
    const failures = results?.failed ?? [];
    console.log(
      `\nextension suite: exit code ${exitCode}, ${passed} passed, ${failures.length} failed, ${results?.pending.length ?? 0} pending (${seconds(t)})`,
    );
    for (const f of failures) console.log(`  FAILED ${f.title}\n    ${f.error.split('\n').slice(0, 3).join('\n    ')}`);
    if (exitCode !== 0 || !results || failures.length || passed === 0) {
      if (!results) console.log('  the suite reported no results: it did not run to its end');
      failed++;
    }
  }
  if (wants('ui')) {
    const t = Date.now();
    console.log('\n=== workbench UI test in code-server + Chromium ===');
    const ok = await runUi(editor, (l) => console.log(l));
    console.log(`UI test: ${ok ? 'passed' : 'FAILED'} (${seconds(t)})`);
    if (!ok) failed++;
  }
  console.log(`\neditor tests: ${failed ? 'FAILED' : 'passed'} (${seconds(t0)} in all)`);
  return failed ? 1 : 0;
}

// Each wait has its own timeout; this bounds the whole run should something still hang.
const WATCHDOG_MS = 25 * 60_000;
setTimeout(() => {
  console.error(`editor tests: FAILED: still running after ${WATCHDOG_MS / 60_000} minutes`);
  process.exit(1);
}, WATCHDOG_MS).unref();

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`editor tests: FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
