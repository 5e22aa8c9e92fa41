/** A worker thread of a batch check (batchCheck.ts): its own bundle, loaded by the CLI and the language server. */
import { workerData } from 'node:worker_threads';
import { serve, type WorkerData } from './batchCheck';

serve(workerData as WorkerData);
