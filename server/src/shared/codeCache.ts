/**
 * Runs a CommonJS bundle with V8's code cache, so that a process started again does not parse
 * and compile the same bundle again (Node 20 has no `module.enableCompileCache`). The cache is
 * kept in the folder named on the server's command line (the extension's global storage, see
 * serverStart.ts), one file per bundle, named by a hash of the bundle's text, Node's version
 * and options: a rebuilt bundle or another runtime never reads a cache made for something else
 * (V8's own check compares only the text's length). It is written once, when the process
 * exits, with every function compiled by then; anything that goes wrong with it means only
 * that the bundle is compiled as usual.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { Script } from 'node:vm';

/** What became of the cache: none asked for, none found yet, used, or refused by V8. */
export type CacheState = 'off' | 'missing' | 'used' | 'rejected';

export interface LoadedBundle {
  exports: unknown;
  cache: CacheState;
  /** Writes the cache now (it is otherwise written when the process exits); false if it could not. */
  save(): boolean;
}

export interface LoadOptions {
  /** The cache's folder; none: no cache. */
  cacheDir?: string;
  /** Modules the bundle gets from its loader instead of `require`: libraries two bundles must share. */
  provided?: Record<string, unknown>;
}

/** Runs the bundle `file` as Node runs a CommonJS module, and returns its exports. */
export function loadBundle(file: string, options: LoadOptions = {}): LoadedBundle {
  const source = readFileSync(file, 'utf8');
  const name = path.basename(file, '.js');
  const cacheFile = options.cacheDir ? path.join(options.cacheDir, `${name}-${cacheKey(source)}.cache`) : undefined;
  const cachedData = cacheFile ? readOrUndefined(cacheFile) : undefined;
  // The wrapper on a line of its own, and the line offset, keep the bundle's line numbers for stack traces.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${source}\n})`, {
    filename: file,
    lineOffset: -1,
    cachedData,
  });
  const cache: CacheState = !cacheFile
    ? 'off'
    : !cachedData
      ? 'missing'
      : script.cachedDataRejected
        ? 'rejected'
        : 'used';
  let saved = false;
  const save = (): boolean => {
    if (!cacheFile || !options.cacheDir || saved) return false;
    saved = true;
    return writeCache(options.cacheDir, name, cacheFile, script);
  };
  if (cache === 'missing' || cache === 'rejected') process.once('exit', save);
  const real = createRequire(file);
  const provided = options.provided ?? {};
  const require = Object.assign((id: string): unknown => (id in provided ? provided[id] : real(id)), {
    resolve: real.resolve,
    cache: real.cache,
    main: real.main,
    extensions: real.extensions,
  });
  const module = { exports: {} as unknown, filename: file, id: file };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, require, module, file, path.dirname(file));
  return { exports: module.exports, cache, save };
}

function cacheKey(source: string): string {
  const hash = createHash('sha256');
  hash.update(`${process.version} ${process.arch} ${process.execArgv.join(' ')}\n`);
  hash.update(source);
  return hash.digest('hex').slice(0, 32);
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written beside and renamed, so that a server starting meanwhile reads the whole file or none; older caches of the bundle go. */
function writeCache(dir: string, name: string, file: string, script: Script): boolean {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, file);
    for (const f of readdirSync(dir))
      if (f.startsWith(`${name}-`) && f.endsWith('.cache') && path.join(dir, f) !== file) unlinkSync(path.join(dir, f));
    return true;
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // Never written.
    }
    return false;
  }
}
