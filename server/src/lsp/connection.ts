/**
 * The connection to the editor and the answer to `initialize`, bundled apart from the checker
 * (server/out/connection.js): the answer needs only the protocol library and the capabilities,
 * and is sent before the core, the rules and the features are loaded and compiled.
 */
import * as path from 'node:path';
import * as lsp from 'vscode-languageserver/node';
import { loadBundle } from '../shared/codeCache';
import { codeCacheDir } from '../shared/serverStart';
import { SERVER_CAPABILITIES } from './capabilities';
import { stdioConnection } from './stdio';
import type { serve } from './serve';

// The client gone: a clean exit only after a shutdown request.
let shutdownRequested = false;
const ended = () => process.exit(shutdownRequested ? 0 : 1);
// Over stdio, each message in one write (stdio.ts); IPC and sockets as the library makes them.
const connection = process.argv.includes('--stdio')
  ? stdioConnection(ended)
  : lsp.createConnection(lsp.ProposedFeatures.all);

let initialize: lsp.InitializeParams | undefined;
connection.onInitialize((params): lsp.InitializeResult => {
  initialize = params;
  return { capabilities: SERVER_CAPABILITIES, serverInfo: { name: 'govreport', version: VERSION } };
});
// The client sends `initialized` once it has the answer, before anything else (LSP): the checker
// is loaded then, so the answer is not held back by it and no later message comes before its handlers.
connection.onInitialized(() => {
  if (!initialize) return;
  try {
    loadChecker().serve(connection, initialize);
  } catch (e) {
    // Without the checker the server can do nothing: it ends, and the client restarts it (and says so).
    process.stderr.write(`govreport: the checker could not be loaded: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  }
});

// Over IPC (how VS Code runs the server) a cut channel means the client is gone, also before
// `initialized`; over stdio, the end of the input (above).
connection.onShutdown(() => {
  shutdownRequested = true;
});
process.on('disconnect', ended);
// Terminated (an editor that closes without shutting its servers down, a session that ends): an
// exit of its own, so that what is kept at exit (the code cache) is written.
process.on('SIGTERM', ended);

connection.listen();

/** The checker's bundle beside this one; it uses this bundle's protocol library, so that both speak of the same classes. */
function loadChecker(): { serve: typeof serve } {
  const { exports } = loadBundle(path.join(__dirname, 'checker.js'), {
    cacheDir: codeCacheDir(),
    provided: { 'vscode-languageserver': lsp, 'vscode-languageserver/node': lsp },
  });
  return exports as { serve: typeof serve };
}

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';
