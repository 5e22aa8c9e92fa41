/**
 * Parts of the core a face needs only now and then, each built as its own bundle beside the
 * face's (server/out): the Word writer (the `docx` package, about half of what a face would
 * otherwise load at start) when exporting, the importer (parse5, htmlparser2, fflate) when a
 * published report is imported. Each is required the first time it is needed.
 */
import * as path from 'node:path';
import type { importPublished, RenderDocx } from '../core';

/**
 * `dir` is the folder of the bundles (server/out); the caller's own folder by default. Run from
 * the sources (tests under tsx) the core's module is loaded instead. Both paths are computed,
 * so that the bundler leaves them to run time.
 */
function load<T>(bundle: string, coreModule: string, dir: string): T {
  const fromSources = __filename.endsWith('.ts');
  const file = fromSources ? path.join(__dirname, '..', 'core', coreModule) : path.join(dir, `${bundle}.js`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as T;
}

/** The Word writer (server/out/docx.js, from core/render/docx.ts). */
export function loadRenderDocx(dir: string = __dirname): RenderDocx {
  return load<{ renderDocx: RenderDocx }>('docx', path.join('render', 'docx'), dir).renderDocx;
}

/** The importer of published reports (server/out/import.js, from core/import/index.ts). */
export function loadImporter(dir: string = __dirname): typeof importPublished {
  return load<{ importPublished: typeof importPublished }>('import', path.join('import', 'index'), dir).importPublished;
}
