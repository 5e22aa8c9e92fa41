/** The GovReport language server: LSP wiring around the core. Runs over stdio or IPC. */
import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Locale, pickLocale } from './core';
import { codeActionFeature } from './lsp/codeActionFeature';
import { completionFeature } from './lsp/completionFeature';
import type { Feature, ServerContext } from './lsp/context';
import { registerDebug } from './lsp/debug';
import { Validator } from './lsp/diagnostics';
import { foldingFeature } from './lsp/foldingFeature';
import { hoverFeature } from './lsp/hoverFeature';
import { inlayHintFeature } from './lsp/inlayHintFeature';
import { PreviousYearFinder } from './lsp/previousYear';
import { ReportStore } from './lsp/reports';
import { importFeature } from './lsp/importFeature';
import { renderFeature } from './lsp/renderFeature';
import { selectionRangeFeature } from './lsp/selectionRangeFeature';
import { DEFAULT_SETTINGS, checkOptions, readSettings, type Settings } from './shared/settings';
import { symbolFeature } from './lsp/symbolFeature';

const FEATURES: Feature[] = [
  codeActionFeature,
  completionFeature,
  hoverFeature,
  inlayHintFeature,
  symbolFeature,
  foldingFeature,
  selectionRangeFeature,
  renderFeature,
  importFeature,
];

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const store = new ReportStore();
const previousYear = new PreviousYearFinder(documents);
store.setPreviousFinder(previousYear);
let locale: Locale = 'zh-CN';
let settings: Settings = DEFAULT_SETTINGS;
let pullConfiguration = false;
let refreshInlayHints = false;

const ctx: ServerContext = {
  connection,
  documents,
  store,
  locale: () => locale,
  settings: () => settings,
  revalidateAll: () => {
    for (const doc of documents.all()) validator.validate(doc.uri);
  },
};
const validator = new Validator(ctx);

connection.onInitialize((params): InitializeResult => {
  const init = (params.initializationOptions ?? {}) as { locale?: string; settings?: unknown };
  locale = pickLocale(init.locale ?? params.locale);
  if (init.settings) applySettings(init.settings);
  pullConfiguration = !!params.capabilities.workspace?.configuration;
  refreshInlayHints = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
  previousYear.initialize(params);
  const capabilities: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  };
  for (const f of FEATURES) Object.assign(capabilities, f.capabilities);
  return { capabilities, serverInfo: { name: 'govreport', version: VERSION } };
});

connection.onInitialized(() => {
  previousYear.watchFiles(connection);
  if (pullConfiguration) {
    void connection.client
      .register(DidChangeConfigurationNotification.type, { section: ['govreport', 'files'] })
      .catch(() => undefined);
    void fetchSettings();
  }
});

function applySettings(raw: unknown, files?: unknown): void {
  settings = readSettings(raw, files);
  store.setOptions(checkOptions(settings));
}

/** After a settings change: re-check, and have the client ask again for hints (on/off, deadlines). */
function settingsChanged(): void {
  ctx.revalidateAll();
  if (refreshInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
}

async function fetchSettings(): Promise<void> {
  try {
    // The editor's `files` section too: the encoding it read the reports in.
    const [raw, files] = (await connection.workspace.getConfiguration([
      { section: 'govreport' },
      { section: 'files' },
    ])) as unknown[];
    applySettings(raw, files);
    settingsChanged();
  } catch {
    // A client without configuration support keeps the defaults.
  }
}

connection.onDidChangeConfiguration((change) => {
  if (pullConfiguration) void fetchSettings();
  else {
    const sent = change.settings as { govreport?: unknown; files?: unknown } | undefined;
    applySettings(sent?.govreport, sent?.files);
    settingsChanged();
  }
});

documents.onDidOpen((e) => validator.schedule(e.document, true));
documents.onDidChangeContent((e) => validator.schedule(e.document, false));
documents.onDidClose((e) => {
  store.forget(e.document.uri);
  validator.clear(e.document.uri);
});

for (const f of FEATURES) f.register(ctx);
previousYear.register(ctx, (uri) => validator.validate(uri));
registerDebug(ctx, () => ({ documents: documents.all().length, ...store.held, ...validator.held }));

// Over IPC (how VS Code runs the server) a cut channel means the client is gone; over stdio
// the library ends the process when its input closes.
let shutdownRequested = false;
connection.onShutdown(() => {
  shutdownRequested = true;
});
process.on('disconnect', () => process.exit(shutdownRequested ? 0 : 1));

documents.listen(connection);
connection.listen();

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';
