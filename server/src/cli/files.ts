/**
 * Writes for the CLI: writes that never leave a half-written file, a temporary file, or
 * another's changes lost; and whether two names are one file. Reads are shared/readFile.ts.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { constants as os } from 'node:os';
import * as path from 'node:path';
import { shown } from '../shared/readFile';

export class UsageError extends Error {}

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
