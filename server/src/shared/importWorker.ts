/** An import worker thread (importThread.ts): its own bundle, beside the CLI's and the server's. */
import { parentPort } from 'node:worker_threads';
import { importBytes, importFile } from './importFile';
import type { FromImportWorker, ImportJob } from './importThread';

const port = parentPort!;
port.on('message', ({ id, job }: { id: number; job: ImportJob }) => {
  const what = 'file' in job ? job.file : job.name;
  ('file' in job ? importFile(job.file) : importBytes(job.bytes, job.name)).then(
    (done) => port.postMessage({ id, done } satisfies FromImportWorker),
    // A conversion that throws is a bug: the face ends on it or answers it as an error, naming the file.
    (e: unknown) =>
      port.postMessage({
        id,
        failed: `${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      } satisfies FromImportWorker),
  );
});
