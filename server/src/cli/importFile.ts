/** One published report read and converted, as `govreport import` does it on its thread or in a worker. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LIMITS, type Text } from '../core';
import { loadImporter } from '../shared/bundles';
import { pdfReaderIn } from '../shared/pdf/load';
import { readBytes } from '../shared/readFile';

/** The build's output folder, where the PDF reader's bundle lies (this file is bundled into it). */
const OUT = fs.existsSync(path.join(__dirname, 'pdf.js')) ? __dirname : path.resolve(__dirname, '..', '..', 'out');
const readPdf = pdfReaderIn(OUT);

/** What became of a file: what the command writes and says, and nothing more (a worker sends it back). */
export type FileImport = { unreadable: string } | { refused: Text } | { yaml: string; notices: Text[] };

/** `file` is `-` for standard input. */
export async function importFile(file: string): Promise<FileImport> {
  const read = readBytes(file, LIMITS.importBytes);
  if (!read.ok) return { unreadable: read.error };
  const result = await loadImporter(OUT)(read.bytes, { name: file === '-' ? undefined : file, readPdf });
  return result.ok ? { yaml: result.yaml, notices: result.notices } : { refused: result.message };
}
