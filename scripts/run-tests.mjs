// Runs node's test runner over test/<dir>/*.test.ts for each directory named on the command line.
import { readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const dirs = process.argv.slice(2);
const files = dirs.flatMap((d) => {
  const dir = join('test', d);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.test.ts'))
        .sort()
        .map((f) => join(dir, f))
    : [];
});
if (!files.length) {
  console.error(`no test files in ${dirs.map((d) => `test/${d}`).join(', ')}`);
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
