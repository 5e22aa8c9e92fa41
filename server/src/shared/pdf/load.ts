/** The PDF reader as the faces use it: its own bundle, loaded the first time a PDF comes. */
import * as path from 'node:path';
import type { PdfReader } from '../../core';

type PdfModule = typeof import('./pdfText');

/** The reader in `outDir` (the build's `server/out`: `pdf.js` and the character maps in `cmaps/`). */
export function pdfReaderIn(outDir: string): PdfReader {
  let loaded: PdfModule | undefined;
  return (bytes) => {
    // A path computed at run time: the bundler leaves this require alone, so pdf.js stays out
    // of the CLI's and the extension's bundles until a PDF is imported.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded ??= require(path.join(outDir, 'pdf.js')) as PdfModule;
    return loaded.readPdfText(bytes, { cMapDir: path.join(outDir, 'cmaps') });
  };
}
