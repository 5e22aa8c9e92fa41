/**
 * How the language server's process is started: by the VS Code client, and by the benchmark
 * exactly so (bench/run.ts), so that its figures are what users get.
 */

/**
 * Node's options for the server process (docs/performance.md, "Peak RSS"): a young generation
 * of 1 MB semi-spaces instead of up to 16, and no Sparkplug, V8's baseline compiler, whose
 * machine code is several times the size of the bytecode it is made from and buys little in a
 * server whose hot paths TurboFan optimises anyway. Together they lower the peak with a report
 * open by about 10 MB, and after 400 keystrokes by about 20; the keystroke and didOpen figures
 * stay within their noise. Their cost is at the start: with any V8 option Node compiles its own
 * modules (net, crypto, streams…) instead of taking them from its built-in code cache, some
 * 5–10 ms before the answer to initialize.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=1', '--no-sparkplug'];

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
