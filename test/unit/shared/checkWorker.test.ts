/**
 * A worker of a batch check (the built server/out/checkWorker.js, which the CLI and the
 * server's check of the workspace start): a file whose check throws is answered as failed,
 * with its name, and the thread goes on with the next file instead of ending the batch.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { EXAMPLE, ROOT } from '../helpers';

const BUNDLE = path.join(ROOT, 'server', 'out', 'checkWorker.js');

interface Answer {
  type: string;
  results: { index: number; failed?: string; findings?: { code: string }[]; organ?: string }[];
}

describe('a batch check worker', () => {
  it('answers a file whose check throws as failed, and checks the others of the message', async () => {
    assert.ok(existsSync(BUNDLE), `${BUNDLE} is missing: run npm run build first`);
    const worker = new Worker(BUNDLE, { workerData: { details: false, locale: 'en' }, stdout: true });
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    const answer = new Promise<Answer>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    const job = (index: number, file: string, text: unknown) => ({
      index,
      file,
      text,
      encoding: 'UTF-8',
      options: {},
      uses: 0,
    });
    // A text that is not one: no parse takes it, as a bug in a rule would throw on a file.
    worker.postMessage({
      type: 'check',
      jobs: [job(0, 'broken.report.yaml', 42), job(1, 'example.report.yaml', EXAMPLE)],
    });
    const { type, results } = await answer;
    assert.equal(type, 'checked');
    assert.deepEqual(
      results.map((r) => r.index),
      [0, 1],
    );
    assert.match(results[0].failed ?? '', /^broken\.report\.yaml: TypeError/);
    assert.equal(results[1].failed, undefined);
    assert.ok(Array.isArray(results[1].findings) && results[1].organ, 'the second file is checked');
    worker.postMessage({ type: 'done' });
    assert.equal(await exited, 0);
  });
});
