/**
 * The Word renderer, from its own bundle (server/out/docx.js, built from the core's
 * render/docx.ts): the `docx` package is about half of what a face would otherwise load at
 * start, so it is read only when a report is exported.
 */
import * as path from 'node:path';
import type { renderDocx, renderOpinionDocx } from '../core';

/**
 * `dir` is the folder of the bundles (server/out); the caller's own folder by default. Run from
 * the sources (tests under tsx) the core's module is loaded instead. Both paths are computed,
 * so that the bundler leaves them to run time.
 */
export function loadRenderDocx(dir: string = __dirname): typeof renderDocx {
  return loadBundle(dir).renderDocx;
}

/** The Word writer of an 审核意见, from the same bundle. */
export function loadOpinionDocx(dir: string = __dirname): typeof renderOpinionDocx {
  return loadBundle(dir).renderOpinionDocx;
}

function loadBundle(dir: string): { renderDocx: typeof renderDocx; renderOpinionDocx: typeof renderOpinionDocx } {
  const fromSources = __filename.endsWith('.ts');
  const file = fromSources ? path.join(__dirname, '..', 'core', 'render', 'docx') : path.join(dir, 'docx.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as { renderDocx: typeof renderDocx; renderOpinionDocx: typeof renderOpinionDocx };
}
