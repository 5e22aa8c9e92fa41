/** File access for the CLI: clear errors, and writes that never leave a half-written file. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export class UsageError extends Error {}

/** `bom`: the file starts with a UTF-8 byte-order mark (dropped from the text; `fix` writes it back). */
export type ReadResult = { ok: true; text: string; bom: boolean } | { ok: false; error: string };

export function readText(file: string): ReadResult {
  try {
    const buf = fs.readFileSync(file);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
    const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, bom };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ENOENT'
        ? 'no such file'
        : err.code === 'EISDIR'
          ? 'is a directory'
          : err.code === 'EACCES'
            ? 'permission denied'
            : err.message;
    return { ok: false, error: `${file}: cannot read: ${why}` };
  }
}

/**
 * Writes through a temporary file in the same folder and a rename, so readers see the old
 * file or the new one, never a part. Refuses to replace an existing file unless `overwrite`.
 * Through a symbolic link, the file it points to is replaced and the link stays.
 */
export function writeAtomic(file: string, data: string | Uint8Array, overwrite: boolean): void {
  const exists = () => new UsageError(`${file}: already exists (use --force to replace it)`);
  if (!overwrite && fs.existsSync(file)) throw exists();
  const target =
    overwrite && fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() ? fs.realpathSync(file) : file;
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'wx');
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let at = 0; at < bytes.length;) at += fs.writeSync(fd, bytes, at, bytes.length - at);
      // On disk before it takes the name: after a crash the file is the old one or the new one.
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    try {
      const mode = fs.statSync(target).mode;
      fs.chmodSync(tmp, mode);
    } catch {
      // A new file keeps the default mode.
    }
    if (overwrite) fs.renameSync(tmp, target);
    else claim(tmp, target, exists);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Gives the new file its name only if the name is still free (a rename would replace a file created meanwhile). */
function claim(tmp: string, target: string, exists: () => Error): void {
  try {
    fs.linkSync(tmp, target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw exists();
    // A file system without hard links: the name was free a moment ago.
    if (fs.existsSync(target)) throw exists();
    fs.renameSync(tmp, target);
    return;
  }
  fs.rmSync(tmp, { force: true });
}
