/**
 * One member of a zip archive (a .docx is one), inflated with fflate as a stream: the
 * archive is fed in small slices, so that a member that inflates beyond the limit (a zip
 * bomb: kilobytes that expand to gigabytes) is stopped after at most one slice's worth of
 * output instead of being inflated whole.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';

/** Deflate expands at most about 1:1032, so one slice yields at most a few MiB. */
const SLICE = 4096;

export type ZipRead = 'ok' | 'missing' | 'too-large' | 'broken';

/**
 * Streams the member `name` to `sink` chunk by chunk, stopping once more than `limit` bytes
 * have come out. The sink may throw to stop early; the error propagates.
 */
export function streamZipMember(
  zip: Uint8Array,
  name: string,
  limit: number,
  sink: (chunk: Uint8Array) => void,
): ZipRead {
  let found: UnzipFile | undefined;
  let state = 'missing' as ZipRead;
  let total = 0;
  const unzip = new Unzip((file) => {
    if (file.name !== name || found) return;
    found = file;
    // A size the archive declares beyond the limit is refused before any work.
    if (file.originalSize !== undefined && file.originalSize > limit) {
      state = 'too-large';
      return;
    }
    state = 'broken';
    file.ondata = (err, chunk, final) => {
      if (err) throw err;
      total += chunk.length;
      if (total > limit) {
        state = 'too-large';
        file.terminate();
        return;
      }
      if (chunk.length) sink(chunk);
      if (final) state = 'ok';
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < zip.length && state !== 'too-large' && state !== 'ok'; at += SLICE)
      unzip.push(zip.subarray(at, at + SLICE), at + SLICE >= zip.length);
  } catch {
    return state === 'too-large' ? state : 'broken';
  }
  return state;
}

/** The whole member, when it is there, readable and within `limit`. */
export function readZipMember(zip: Uint8Array, name: string, limit = 64 * 1024 * 1024): Uint8Array | undefined {
  const chunks: Uint8Array[] = [];
  if (streamZipMember(zip, name, limit, (c) => chunks.push(c.slice())) !== 'ok') return undefined;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
