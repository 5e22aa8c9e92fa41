// Bundles the client, the server and the CLI with esbuild (Node 20 target, CommonJS).
import * as esbuild from 'esbuild';
import { cpSync, readdirSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  define: { __VERSION__: JSON.stringify(pkg.version) },
};
// What ships is minified: a smaller script is compiled faster, and every start of the server, of
// the CLI and of each of its workers compiles its bundle (stack traces map back through the source maps).
const shipped = { ...common, minify: true };
const builds = [
  { ...shipped, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  // The language server in three bundles (docs/performance.md, "The server's start"): a start that
  // loads the others through V8's code cache, the connection that answers initialize, then the checker,
  // which gets the protocol library from the connection's bundle instead of a copy of its own.
  { ...shipped, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  { ...shipped, entryPoints: ['server/src/lsp/connection.ts'], outfile: 'server/out/connection.js' },
  {
    ...shipped,
    entryPoints: ['server/src/lsp/serve.ts'],
    outfile: 'server/out/checker.js',
    external: ['vscode-languageserver', 'vscode-languageserver/node'],
  },
  { ...shipped, entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js' },
  // A worker of a batch check, started by the CLI and by the server's check of the workspace.
  { ...shipped, entryPoints: ['server/src/shared/checkWorker.ts'], outfile: 'server/out/checkWorker.js' },
  // An import worker: started by the CLI for many PDFs, and by the server for the editor's imports.
  { ...shipped, entryPoints: ['server/src/shared/importWorker.ts'], outfile: 'server/out/importWorker.js' },
  // Parts of the core the faces load only when needed (server/src/shared/bundles.ts): the Word
  // writer when exporting, the importer when importing.
  { ...shipped, entryPoints: ['server/src/core/render/docx.ts'], outfile: 'server/out/docx.js' },
  { ...shipped, entryPoints: ['server/src/core/import/index.ts'], outfile: 'server/out/import.js' },
  // pdf.js, required by the CLI and the extension only when a PDF is imported.
  { ...shipped, entryPoints: ['server/src/shared/pdf/pdfText.ts'], outfile: 'server/out/pdf.js' },
  // The editor test suite (test/e2e): its index and each *.test.ts, run inside VS Code.
  ...readdirSync('test/e2e/suite')
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => ({
      ...common,
      entryPoints: [`test/e2e/suite/${f}`],
      outfile: `test/e2e/out/suite/${f.replace(/\.ts$/, '.js')}`,
      external: ['vscode', 'mocha'],
    })),
];
// The character maps of Chinese fonts, which pdf.js reads beside its bundle.
cpSync('node_modules/pdfjs-dist/cmaps', 'server/out/cmaps', { recursive: true });
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
