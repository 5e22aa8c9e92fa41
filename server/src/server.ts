/**
 * The GovReport language server, run over stdio or IPC: `node server.js [--code-cache=<folder>]`.
 * This start only loads the connection's bundle, through V8's code cache when a folder for it
 * is given (shared/codeCache.ts); that bundle answers `initialize` and then loads the checker.
 */
import * as path from 'node:path';
import { loadBundle } from './shared/codeCache';
import { codeCacheDir } from './shared/serverStart';

loadBundle(path.join(__dirname, 'connection.js'), { cacheDir: codeCacheDir() });
