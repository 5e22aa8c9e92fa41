// Runs node's test runner over test/<dir>/**/*.test.ts for each directory named on the command line.
import { readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
    );

const dirs = process.argv.slice(2);
const files = dirs.flatMap((d) => {
  const dir = join('test', d);
  return existsSync(dir) ? walk(dir) : [];
});
if (!files.length) {
  console.error(`no test files in ${dirs.map((d) => `test/${d}`).join(', ')}`);
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
