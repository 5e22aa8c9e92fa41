/**
 * Import of published reports for the editor (`govreport/import`): the client sends a file's
 * bytes, the server imports them with the core's importer and, for a PDF, the PDF reader: each
 * its own bundle, loaded the first time it is needed.
 */
import { loadImporter } from '../shared/bundles';
import { pdfReaderIn } from '../shared/pdf/load';
import { IMPORT_REQUEST, type ImportAnswer, type ImportParams } from '../shared/protocol';
import type { Feature } from './context';

export const importFeature: Feature = {
  register(ctx) {
    // The bundled server lies beside pdf.js and the character maps (server/out).
    const readPdf = pdfReaderIn(__dirname);
    ctx.connection.onRequest(IMPORT_REQUEST, async (params: ImportParams): Promise<ImportAnswer> => {
      const bytes = Buffer.from(params.bytes, 'base64');
      const result = await loadImporter()(bytes, { name: params.name, readPdf });
      return result.ok
        ? { ok: true, yaml: result.yaml, notices: result.notices, source: result.source }
        : { ok: false, message: result.message };
    });
  },
};
