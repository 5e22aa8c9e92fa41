/**
 * `--debug-memory` (tests of long sessions only): a request that collects garbage and
 * answers with the heap in use and what the server holds, so growth can be measured.
 */
import * as v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ServerContext } from './context';

export const MEMORY_REQUEST = 'govreport/debug/memory';

export function registerDebug(ctx: ServerContext, held: () => Record<string, number>): void {
  if (!process.argv.includes('--debug-memory')) return;
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  ctx.connection.onRequest(MEMORY_REQUEST, () => {
    gc();
    const { heapUsed, rss } = process.memoryUsage();
    return { heapUsed, rss, ...held() };
  });
}
