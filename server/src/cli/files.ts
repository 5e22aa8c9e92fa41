/** File access for the CLI: clear errors, and writes that never leave a half-written file. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export class UsageError extends Error {}

export type ReadResult = { ok: true; text: string } | { ok: false; error: string };

export function readText(file: string): ReadResult {
  try {
    const buf = fs.readFileSync(file);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
    return { ok: false, error: `${file}: cannot read: ${why}` };
  }
}

/**
 * Writes through a temporary file in the same folder and a rename, so readers see the old
 * file or the new one, never a part. Refuses to replace an existing file unless `overwrite`.
 */
export function writeAtomic(file: string, data: string | Uint8Array, overwrite: boolean): void {
  if (!overwrite && fs.existsSync(file)) throw new UsageError(`${file}: already exists (use --force to replace it)`);
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx' });
    try {
      const mode = fs.statSync(file).mode;
      fs.chmodSync(tmp, mode);
    } catch {
      // A new file keeps the default mode.
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
