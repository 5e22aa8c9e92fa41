/** Worker threads as the faces start them (the batch check's, the import's). */
import * as v8 from 'node:v8';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Young generation of a worker: parse trees die young; on the 1,000-report batch this was a few per cent faster than the default. */
const YOUNG_GENERATION_MB = 16;

export function startWorker(script: string, options: Pick<WorkerOptions, 'workerData'> = {}): Worker {
  // A young generation given to the process (the language server's 1 MB semi-spaces, which keep
  // its own heap small: serverStart.ts) binds every worker too, over its resourceLimits, and a
  // worker's reports outlive scavenges that small. V8 reads the option when it makes a heap:
  // cleared, it leaves the running thread's heap as it is and lets the workers' limits apply.
  v8.setFlagsFromString('--max-semi-space-size=0');
  return new Worker(script, {
    ...options,
    // Its own stream, not the process's: the language server speaks LSP on stdout.
    stdout: true,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
}
