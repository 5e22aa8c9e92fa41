/**
 * Reading a file GovReport opens by itself (CLI inputs, the workspace's reports): bounded
 * reads with clear errors, decoded in the encoding the bytes appear to be in, and screened
 * (core/limits.ts), so that a file that cannot be a report is refused before it is parsed.
 */
import * as fs from 'node:fs';
import {
  decodeText,
  type EncodingName,
  LIMITS,
  LineIndex,
  type Locale,
  type Refusal,
  screenLines,
  screenReport,
} from '../core';

/** A file name as the CLI prints it: control characters (a line break in a name) escaped, so a name cannot forge a line of output. */
export function shown(file: string): string {
  return file.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const n = c.charCodeAt(0);
    return n === 10 ? '\\n' : n === 13 ? '\\r' : n === 9 ? '\\t' : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code === 'ENOENT'
    ? 'no such file'
    : err.code === 'EISDIR'
      ? 'is a directory'
      : err.code === 'EACCES'
        ? 'permission denied'
        : err.message;
}

export type BytesResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

/** What is read at a time from a pipe or a device, and after a file's known size. */
const CHUNK = 64 * 1024;

/**
 * At most `max` bytes of a file (`-`: standard input): a larger file, or a device that never
 * ends (/dev/zero), is refused once `max` bytes have been read, not read to exhaustion.
 */
export function readBytes(file: string, max: number): BytesResult {
  const tooLarge = (): BytesResult => ({
    ok: false,
    error: `${shown(file)}: cannot read: larger than ${max / 1024 / 1024} MB, more than any report`,
  });
  let fd: number | undefined;
  try {
    fd = file === '-' ? 0 : fs.openSync(file, 'r');
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) return { ok: false, error: `${shown(file)}: cannot read: is a directory` };
    if (st.isFile() && st.size > max) return tooLarge();
    const chunks: Buffer[] = [];
    let total = 0;
    // A file is read in one piece of its size and a byte more (which tells that it did not
    // grow meanwhile); then, or from a pipe or a device, in small pieces until its end. A
    // megabyte a piece cost two megabytes of allocation per report, 2 GB over a folder of 1,000.
    let size = st.isFile() ? st.size + 1 : CHUNK;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(size, max + 1 - total));
      size = CHUNK;
      let n: number;
      try {
        n = fs.readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        // Standard input that is not ready yet: wait a little for it.
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
          continue;
        }
        throw e;
      }
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > max) return tooLarge();
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return { ok: false, error: `${shown(file)}: cannot read: ${reason(e)}` };
  } finally {
    if (fd !== undefined && fd !== 0) fs.closeSync(fd);
  }
}

/** Why a file is refused, at its position. */
export function refusedError(file: string, text: string, refused: Refusal, locale: Locale): string {
  const p = new LineIndex(text).positionAt(refused.offset);
  return `${shown(file)}:${p.line + 1}:${p.character + 1}: ${refused.message[locale]}`;
}

/** A report read: its text, and the bytes and encoding it came in (for writing it back). */
export type ReadResult =
  | { ok: true; text: string; bytes: Uint8Array; encoding: EncodingName; bom: boolean; invalid?: { offset: number } }
  | { ok: false; error: string };

/**
 * A report file: read (at most LIMITS.reportBytes), decoded in the encoding it appears to be
 * in, and screened, so that a file that cannot be a report is refused before it is parsed.
 * Undecodable bytes become U+FFFD, which the check reports; `fix` refuses such a file.
 * `nesting: false` leaves the nesting to be screened by the parse (`parseScreenedReport`).
 */
export function readText(file: string, locale: Locale = 'en', nesting = true): ReadResult {
  const read = readBytes(file, LIMITS.reportBytes);
  if (!read.ok) return read;
  const decoded = decodeText(read.bytes);
  const refused = nesting ? screenReport(decoded.text) : screenLines(decoded.text);
  if (refused) return { ok: false, error: refusedError(file, decoded.text, refused, locale) };
  return {
    ok: true,
    text: decoded.text,
    bytes: read.bytes,
    encoding: decoded.encoding,
    bom: decoded.bom,
    invalid: decoded.invalid,
  };
}
