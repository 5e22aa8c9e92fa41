/**
 * `govreport import` over many files, each file read and converted in the thread that takes
 * it: a PDF takes about a quarter of a second to read, so an evaluator's folder of several
 * hundred took minutes on one core. The files come back in their order, for the command to
 * write and say as on one thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { importFile, type FileImport } from './importFile';

export interface ToImportWorker {
  index: number;
  file: string;
}

export type FromImportWorker = { index: number; done: FileImport } | { index: number; failed: string };

/** The workers' bundle, beside the CLI's; from sources (tests) there is none. */
const WORKER_SCRIPT = path.join(__dirname, 'importWorker.js');
/** The inputs that take long to read: a worker loads the importer and pdf.js, half a second, before its first. */
const SLOW = /\.(?:pdf|docx)$/i;
const SLOW_FILES_PER_WORKER = 4;
const MAX_WORKERS = 4;

/** How many workers `files` are worth: none below two (one would only add its start to the same work). */
export function importWorkersFor(files: readonly string[]): number {
  if (!existsSync(WORKER_SCRIPT)) return 0;
  const slow = files.filter((f) => SLOW.test(f)).length;
  const n = Math.min(availableParallelism(), MAX_WORKERS, Math.floor(slow / SLOW_FILES_PER_WORKER));
  return n >= 2 ? n : 0;
}

/** What became of each file, in their order: in `workers` threads, or on this one when 0. */
export async function* importAll(files: readonly string[], workers: number): AsyncGenerator<FileImport> {
  if (!workers) {
    for (const file of files) yield await importFile(file);
    return;
  }
  const done = new Map<number, FileImport>();
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  let next = 0;
  // One file at a time per worker: each is long work beside a message, and a slow PDF holds up no other.
  const give = (w: Worker) => {
    if (next < files.length) w.postMessage({ index: next, file: files[next++] } satisfies ToImportWorker);
  };
  const pool = Array.from({ length: workers }, () => new Worker(WORKER_SCRIPT));
  for (const w of pool) {
    w.on('message', (m: FromImportWorker) => {
      if ('failed' in m) failure ??= new Error(`importing ${m.failed}`);
      else {
        done.set(m.index, m.done);
        give(w);
      }
      wake?.();
    });
    w.on('error', (e) => {
      failure ??= e;
      wake?.();
    });
    w.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`import worker exited with ${code}`);
      wake?.();
    });
    give(w);
  }
  try {
    for (let i = 0; i < files.length; i++) {
      while (!done.has(i)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const got = done.get(i)!;
      done.delete(i);
      yield got;
    }
  } finally {
    // Also when the command stops early (a write that fails the whole run).
    for (const w of pool) void w.terminate();
  }
}
