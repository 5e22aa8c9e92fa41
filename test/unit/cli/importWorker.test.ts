/**
 * A worker of `govreport import` over many files (the built server/out/importWorker.js): each
 * file comes back as what became of it; a conversion that throws comes back as failed, with the
 * file's name, for the command to end on, as it does on one thread.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import type { FromImportWorker } from '../../../server/src/cli/importWorkers';
import { ROOT } from '../helpers';

const BUNDLE = path.join(ROOT, 'server', 'out', 'importWorker.js');

describe('an import worker', () => {
  it('answers each file by its index, a conversion that throws as failed, and goes on', async () => {
    assert.ok(existsSync(BUNDLE), `${BUNDLE} is missing: run npm run build first`);
    const worker = new Worker(BUNDLE);
    const answers: FromImportWorker[] = [];
    const all = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: FromImportWorker) => answers.push(m) === 3 && resolve());
      worker.once('error', reject);
    });
    // Not a file name: reading it throws, as a bug in a converter would.
    worker.postMessage({ index: 7, file: 42 });
    worker.postMessage({ index: 8, file: path.join(ROOT, 'test', 'fixtures', 'real', '04_宿迁市_2023.txt') });
    worker.postMessage({ index: 9, file: path.join(ROOT, 'no such file.pdf') });
    await all;
    await worker.terminate();
    const by = new Map(answers.map((a) => [a.index, a]));
    const failed = by.get(7);
    assert.ok(failed && 'failed' in failed && /^42: TypeError/.test(failed.failed), JSON.stringify(failed));
    const done = by.get(8);
    assert.ok(
      done && 'done' in done && 'yaml' in done.done && done.done.yaml.includes('宿迁市'),
      'the text is imported',
    );
    const missing = by.get(9);
    assert.ok(
      missing && 'done' in missing && 'unreadable' in missing.done && /no such file$/.test(missing.done.unreadable),
    );
  });
});
