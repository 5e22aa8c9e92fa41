/** A worker thread of `govreport import` over many files (importWorkers.ts): its own bundle, beside the CLI's. */
import { parentPort } from 'node:worker_threads';
import { importFile } from './importFile';
import type { FromImportWorker, ToImportWorker } from './importWorkers';

const port = parentPort!;
port.on('message', ({ index, file }: ToImportWorker) => {
  importFile(file).then(
    (done) => port.postMessage({ index, done } satisfies FromImportWorker),
    // A conversion that throws is a bug: the command ends on it, naming the file, as on one thread.
    (e: unknown) =>
      port.postMessage({ index, failed: `${file}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` }),
  );
});
