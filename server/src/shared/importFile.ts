/**
 * One published report converted, as both faces do it on their own thread or in an import
 * worker (importThread.ts): the importer and the PDF reader, each from its own bundle.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LIMITS, type Text } from '../core';
import { loadImporter } from './bundles';
import { pdfReaderIn } from './pdf/load';
import { readBytes } from './readFile';

/** The build's output folder, where the bundles lie (this file is bundled into one of them). */
const OUT = fs.existsSync(path.join(__dirname, 'pdf.js')) ? __dirname : path.resolve(__dirname, '..', '..', 'out');
const readPdf = pdfReaderIn(OUT);

/** What became of a file: small enough to come back from a worker. */
export type FileImport =
  | { unreadable: string }
  | { refused: Text }
  | {
      yaml: string;
      notices: Text[];
      /** The input as readable text (a PDF's or a Word file's text as read). */
      source: string;
    };

/** A published report's bytes; `name` (its file's) helps to tell its form. */
export async function importBytes(bytes: Uint8Array, name: string | undefined): Promise<FileImport> {
  const result = await loadImporter(OUT)(bytes, { name, readPdf });
  return result.ok
    ? { yaml: result.yaml, notices: result.notices, source: result.source }
    : { refused: result.message };
}

/** A file, `-` for standard input. */
export async function importFile(file: string): Promise<FileImport> {
  const read = readBytes(file, LIMITS.importBytes);
  if (!read.ok) return { unreadable: read.error };
  return importBytes(read.bytes, file === '-' ? undefined : file);
}
