/**
 * How the language server's process is started: by the VS Code client, and by the benchmark
 * exactly so (bench/run.ts), so that its figures are what users get.
 */

/**
 * Node's options for the server process (docs/performance.md, "Peak RSS"): a young generation
 * of 1 MB semi-spaces instead of up to 16, and V8's work on the main thread only (no
 * concurrent compiler or collector threads, whose memory stays with the process). Together
 * they lower the peak by about 5 MB with a report open; the keystroke and didOpen figures
 * stay within their noise.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=1', '--single-threaded'];

/** The server's option that names the folder of its code cache (server/src/shared/codeCache.ts). */
export const CODE_CACHE_OPTION = '--code-cache=';

/** The server's arguments: the code cache's folder, when there is one. */
export function serverArgs(codeCache: string | undefined): string[] {
  return codeCache ? [CODE_CACHE_OPTION + codeCache] : [];
}

/** The code cache's folder named on the server's command line, if any. */
export function codeCacheDir(argv: readonly string[] = process.argv): string | undefined {
  const dir = argv.find((a) => a.startsWith(CODE_CACHE_OPTION))?.slice(CODE_CACHE_OPTION.length);
  return dir ? dir : undefined;
}
