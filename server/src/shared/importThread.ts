/**
 * A worker thread that converts published reports (importWorker.ts, its own bundle): pdf.js
 * takes a quarter of a second or more per PDF, which the language server's thread owes the
 * editor and which the CLI spreads over the cores. Jobs are answered by id, in any order.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { FileImport } from './importFile';
import { startWorker } from './workers';

/** A file to read (the CLI), or bytes already read (the editor's, through the language server). */
export type ImportJob = { file: string } | { bytes: Uint8Array; name: string | undefined };

export type FromImportWorker = { id: number; done: FileImport } | { id: number; failed: string };

/** The workers' bundle, beside the bundle that starts them; from sources (tests) there is none. */
const SCRIPT = path.join(__dirname, 'importWorker.js');

export function importThreadsAvailable(): boolean {
  return existsSync(SCRIPT);
}

export class ImportThread {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, { resolve: (r: FileImport) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private idle: NodeJS.Timeout | undefined;

  /**
   * The thread starts with its first job; with `idleMs`, it stops when it has had none for that
   * long (its pdf.js holds a hundred megabytes or so) and starts again with the next. `script` is
   * the worker's bundle (tests, run from the sources, give the built one).
   */
  constructor(
    private readonly idleMs?: number,
    private readonly script = SCRIPT,
  ) {}

  /** Rejects when the conversion throws (a bug, named with the file) or the thread fails. */
  run(job: ImportJob): Promise<FileImport> {
    clearTimeout(this.idle);
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise<FileImport>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, job });
    });
  }

  /** Stops the thread; jobs still running are rejected. */
  close(): void {
    clearTimeout(this.idle);
    const worker = this.worker;
    if (!worker) return;
    this.fail(worker, new Error('import stopped'));
    void worker.terminate();
  }

  private start(): Worker {
    const worker = startWorker(this.script);
    worker.on('message', (m: FromImportWorker) => {
      const job = this.pending.get(m.id);
      if (!job) return;
      this.pending.delete(m.id);
      if ('failed' in m) job.reject(new Error(`importing ${m.failed}`));
      else job.resolve(m.done);
      if (!this.pending.size && this.idleMs !== undefined)
        this.idle = setTimeout(() => this.close(), this.idleMs).unref();
    });
    worker.on('error', (e) => this.fail(worker, e));
    worker.on('exit', (code) => this.fail(worker, new Error(`import worker exited with ${code}`)));
    return worker;
  }

  /** The thread is gone: what it was doing fails, and the next job starts another. */
  private fail(worker: Worker, e: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const job of this.pending.values()) job.reject(e);
    this.pending.clear();
  }
}
