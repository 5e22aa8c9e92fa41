/**
 * File access for the CLI: clear errors, bounded reads, the encoding a file came in, and
 * writes that never leave a half-written file, a temporary file, or another's changes lost.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { constants as os } from 'node:os';
import * as path from 'node:path';
import { decodeText, type EncodingName } from '../core/encoding';
import type { Locale } from '../core/findings';
import { LIMITS, screenReport } from '../core/limits';
import { LineIndex } from '../core/lineIndex';

export class UsageError extends Error {}

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
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, max + 1 - total));
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

/** A report read: its text, and the bytes and encoding it came in (for writing it back). */
export type ReadResult =
  | { ok: true; text: string; bytes: Uint8Array; encoding: EncodingName; bom: boolean; invalid?: { offset: number } }
  | { ok: false; error: string };

/**
 * A report file: read (at most LIMITS.reportBytes), decoded in the encoding it appears to be
 * in, and screened, so that a file that cannot be a report is refused before it is parsed.
 * Undecodable bytes become U+FFFD, which the check reports; `fix` refuses such a file.
 */
export function readText(file: string, locale: Locale = 'en'): ReadResult {
  const read = readBytes(file, LIMITS.reportBytes);
  if (!read.ok) return read;
  const decoded = decodeText(read.bytes);
  const refused = screenReport(decoded.text);
  if (refused) {
    const p = new LineIndex(decoded.text).positionAt(refused.offset);
    return { ok: false, error: `${shown(file)}:${p.line + 1}:${p.character + 1}: ${refused.message[locale]}` };
  }
  return {
    ok: true,
    text: decoded.text,
    bytes: read.bytes,
    encoding: decoded.encoding,
    bom: decoded.bom,
    invalid: decoded.invalid,
  };
}

/** Whether two names are one file: the same real path, or (through hard links, /proc/self/cwd…) the same device and inode. */
export function sameFile(a: string, b: string): boolean {
  const real = (f: string) => {
    try {
      return fs.realpathSync(f);
    } catch {
      // Not there (yet): its folder's real path and its name.
      try {
        return path.join(fs.realpathSync(path.dirname(path.resolve(f))), path.basename(f));
      } catch {
        return path.resolve(f);
      }
    }
  };
  if (real(a) === real(b)) return true;
  const stat = (f: string) => {
    try {
      return fs.statSync(f);
    } catch {
      return undefined;
    }
  };
  const sa = stat(a);
  const sb = stat(b);
  return !!sa && !!sb && sa.dev === sb.dev && sa.ino === sb.ino;
}

export interface WriteOptions {
  /** Replace an existing file (else refuse, even one that appears meanwhile). */
  overwrite: boolean;
  /** The bytes the file held when it was read: if it holds others now, it changed meanwhile and is not replaced. */
  unchanged?: Uint8Array;
}

/**
 * Writes through a temporary file in the same folder and a rename, so readers see the old
 * file or the new one, never a part. The new file has the old one's mode and owner. Through
 * a symbolic link, the file it points to is replaced and the link stays.
 */
export function writeAtomic(file: string, data: string | Uint8Array, options: WriteOptions): void {
  holdSignals();
  const exists = () => new UsageError(`${shown(file)}: already exists (use --force to replace it)`);
  if (!options.overwrite && fs.existsSync(file)) throw exists();
  const target =
    options.overwrite && fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() ? fs.realpathSync(file) : file;
  const dir = path.dirname(path.resolve(target));
  // Short, whatever the target's name: a long name plus a suffix could exceed the file system's limit.
  const tmp = path.join(dir, `.govreport-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const old = fs.statSync(target, { throwIfNoEntry: false });
    // Private until it has the old file's owner and mode; a new file gets the umask's.
    const fd = fs.openSync(tmp, 'wx', old ? 0o600 : 0o666);
    try {
      if (old) {
        try {
          fs.fchownSync(fd, old.uid, old.gid);
        } catch {
          // Not allowed (only root may give a file away): it is the writer's own, as any file it creates.
        }
        fs.fchmodSync(fd, old.mode & 0o7777);
      }
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let at = 0; at < bytes.length;) at += fs.writeSync(fd, bytes, at, bytes.length - at);
      // On disk before it takes the name: after a crash the file is the old one or the new one.
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (options.unchanged && !holds(target, options.unchanged))
      throw new Error('the file changed while it was being fixed; it was left as it is');
    if (options.overwrite) fs.renameSync(tmp, target);
    else claim(tmp, target, exists);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

function holds(file: string, bytes: Uint8Array): boolean {
  try {
    return Buffer.from(bytes).equals(fs.readFileSync(file));
  } catch {
    return false;
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

let signalsHeld = false;

/**
 * From the first write on, an interrupt (Ctrl+C), SIGTERM or SIGHUP ends the process only
 * between writes. A write is synchronous, and a handled signal waits for the code running to
 * finish: the temporary file is renamed or removed first. Without this, the signal would end
 * the process at once and could leave the temporary file beside the target.
 */
function holdSignals(): void {
  if (signalsHeld) return;
  signalsHeld = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => process.exit(128 + os.signals[signal]));
}
