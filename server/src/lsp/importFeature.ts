/**
 * Import of published reports for the editor (`govreport/import`): the client sends a file's
 * bytes, the server imports them with the core's importer and, for a PDF, the PDF reader, in an
 * import thread (shared/importThread.ts): pdf.js holds a thread for a quarter of a second or
 * more per PDF (half a second more the first time, loading it), which this one owes the
 * editor's keystrokes and hovers. From the sources (tests) there is no thread's bundle: here.
 */
import { importBytes, type FileImport } from '../shared/importFile';
import { ImportThread, importThreadsAvailable } from '../shared/importThread';
import { IMPORT_REQUEST, type ImportAnswer, type ImportParams } from '../shared/protocol';
import type { Feature } from './context';

/** The thread stops after this long without an import: its pdf.js holds a hundred megabytes or so. */
const IDLE_MS = 60_000;

export const importFeature: Feature = {
  register(ctx) {
    const thread = importThreadsAvailable() ? new ImportThread(IDLE_MS) : undefined;
    ctx.connection.onRequest(IMPORT_REQUEST, async (params: ImportParams): Promise<ImportAnswer> => {
      const bytes = Buffer.from(params.bytes, 'base64');
      const done: FileImport = thread
        ? await thread.run({ bytes, name: params.name })
        : await importBytes(bytes, params.name);
      if ('refused' in done) return { ok: false, message: done.refused };
      if ('unreadable' in done) throw new Error(done.unreadable);
      return { ok: true, yaml: done.yaml, notices: done.notices, source: done.source };
    });
  },
};
