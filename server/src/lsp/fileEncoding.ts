/**
 * The encoding a document's file appears to be in, read from disk with the detection every
 * reader shares (core/encoding.ts): asked only for a text that shows bytes the editor could
 * not decode, so that the finding can say which encoding to reopen the file in.
 */
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeText, LIMITS } from '../core';
import { readBytes } from '../shared/readFile';

const cache = new Map<string, { stamp: string; encoding?: string }>();

export function fileEncoding(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    const file = fileURLToPath(uri);
    const st = fs.statSync(file);
    const stamp = `${st.mtimeMs}:${st.size}`;
    const cached = cache.get(uri);
    if (cached?.stamp === stamp) return cached.encoding;
    const read = readBytes(file, LIMITS.reportBytes);
    // Only an encoding that reads the whole file is worth naming.
    const decoded = read.ok ? decodeText(read.bytes) : undefined;
    const encoding = decoded && !decoded.invalid ? decoded.encoding : undefined;
    if (cache.size > 64) cache.clear();
    cache.set(uri, { stamp, encoding });
    return encoding;
  } catch {
    return undefined;
  }
}
