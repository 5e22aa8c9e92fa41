/**
 * `govreport import` over many files, each file read and converted in an import thread
 * (shared/importThread.ts): a PDF takes about a quarter of a second, so an evaluator's folder
 * of several hundred took minutes on one core. The files come back in their order, for the
 * command to write and say as on one thread.
 */
import { availableParallelism } from 'node:os';
import { importFile, type FileImport } from '../shared/importFile';
import { ImportThread, importThreadsAvailable } from '../shared/importThread';

/** The inputs that take long to read: a thread loads the importer and pdf.js, half a second, before its first. */
const SLOW = /\.(?:pdf|docx)$/i;
const SLOW_FILES_PER_THREAD = 4;
const MAX_THREADS = 4;

/** How many threads `files` are worth: none below two (one would only add its start to the same work). */
export function importThreadsFor(files: readonly string[]): number {
  if (!importThreadsAvailable()) return 0;
  const slow = files.filter((f) => SLOW.test(f)).length;
  const n = Math.min(availableParallelism(), MAX_THREADS, Math.floor(slow / SLOW_FILES_PER_THREAD));
  return n >= 2 ? n : 0;
}

/** What became of each file, in their order: in `threads` threads, or on this one when 0. */
export async function* importAll(files: readonly string[], threads: number): AsyncGenerator<FileImport> {
  if (!threads) {
    for (const file of files) yield await importFile(file);
    return;
  }
  const pool = Array.from({ length: threads }, () => new ImportThread());
  // Each thread takes the next file when it is done with one: a file is long work beside a
  // message, and a slow PDF holds up no other. A file's slot is filled when a thread takes it.
  const slots: Promise<FileImport>[] = [];
  const filled: ((p: Promise<FileImport>) => void)[] = [];
  let next = 0;
  const take = (thread: ImportThread): void => {
    if (next >= files.length) return;
    const i = next++;
    const p = (slots[i] = thread.run({ file: files[i] }));
    filled[i]?.(p);
    // Handled here, said when its turn comes; the thread goes on either way, so every slot fills.
    p.then(
      () => take(thread),
      () => take(thread),
    );
  };
  pool.forEach(take);
  try {
    for (let i = 0; i < files.length; i++)
      yield await (slots[i] ?? new Promise<FileImport>((resolve) => (filled[i] = resolve)));
  } finally {
    // Also when the command stops early (a bug in a conversion, a closed pipe).
    for (const thread of pool) thread.close();
  }
}
