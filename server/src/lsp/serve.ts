/**
 * The language server's work: the documents, their checks and every feature, wired to a
 * connection that has already answered `initialize` (lsp/connection.ts). Built as its own
 * bundle (server/out/checker.js), loaded when the client has the answer and says so (`initialized`).
 */
import {
  DidChangeConfigurationNotification,
  TextDocuments,
  type Connection,
  type InitializeParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { type CheckOptions, type Locale, pickLocale } from '../core';
import { codeActionFeature } from './codeActionFeature';
import { completionFeature } from './completionFeature';
import type { Feature, ServerContext } from './context';
import { registerDebug } from './debug';
import { Validator } from './diagnostics';
import { foldingFeature } from './foldingFeature';
import { hoverFeature } from './hoverFeature';
import { inlayHintFeature } from './inlayHintFeature';
import { PreviousYearFinder } from './previousYear';
import { ProjectConfigs } from './projectConfig';
import { ReportStore } from './reports';
import { importFeature } from './importFeature';
import { renderFeature } from './renderFeature';
import { selectionRangeFeature } from './selectionRangeFeature';
import { DEFAULT_SETTINGS, checkOptions, readSettings, type Settings } from '../shared/settings';
import { symbolFeature } from './symbolFeature';
import { WorkspaceCheck } from './workspaceCheck';

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

/** Installs everything on `connection`, which has answered `initialize` with `params` and just received `initialized`. */
export function serve(connection: Connection, params: InitializeParams): void {
  const documents = new TextDocuments(TextDocument);
  const store = new ReportStore();
  const previousYear = new PreviousYearFinder(documents);
  store.setPreviousFinder(previousYear);
  let locale: Locale = 'zh-CN';
  let settings: Settings = DEFAULT_SETTINGS;
  let settingsOptions: CheckOptions = checkOptions(DEFAULT_SETTINGS);
  let pullConfiguration = false;
  let refreshInlayHints = false;
  /** Whether the client resolves code actions' edits lazily (VS Code does). */
  let resolvesEdits = false;

  const ctx: ServerContext = {
    connection,
    documents,
    store,
    locale: () => locale,
    settings: () => settings,
    resolvesEdits: () => resolvesEdits,
    revalidateAll: () => {
      for (const doc of documents.all()) validator.validate(doc.uri);
      workspaceCheck.changed();
    },
  };
  const validator = new Validator(ctx);
  const configs = new ProjectConfigs(ctx);
  const workspaceCheck = new WorkspaceCheck(ctx, {
    optionsFor: (uri) => configs.optionsFor(uri, settingsOptions),
    previousYear,
    validate: (uri) => validator.validate(uri),
  });
  // A document's options: the settings, its config file, and the peers of a workspace check (one object while they stay).
  const withPeers = new WeakMap<CheckOptions, { generation: number; options: CheckOptions }>();
  store.setOptions((uri) => {
    const base = configs.optionsFor(uri, settingsOptions);
    const peers = workspaceCheck.peers();
    if (!peers) return base;
    const known = withPeers.get(base);
    if (known?.generation === workspaceCheck.generation) return known.options;
    const options = { ...base, peers };
    withPeers.set(base, { generation: workspaceCheck.generation, options });
    return options;
  });

  const init = (params.initializationOptions ?? {}) as { locale?: string; settings?: unknown };
  locale = pickLocale(init.locale ?? params.locale);
  if (init.settings) applySettings(init.settings);
  pullConfiguration = !!params.capabilities.workspace?.configuration;
  refreshInlayHints = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
  resolvesEdits = !!params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
  previousYear.initialize(params);
  const folders = (params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []))
    .filter((u) => u.startsWith('file:'))
    .map((u) => fileURLToPath(u));
  configs.initialize(folders);
  workspaceCheck.initialize(folders);

  function applySettings(raw: unknown, files?: unknown): void {
    settings = readSettings(raw, files);
    settingsOptions = checkOptions(settings);
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
    workspaceCheck.closed(e.document.uri);
  });

  // Report files and config files created, changed or deleted (the watcher registered by previousYear).
  connection.onDidChangeWatchedFiles((e) => {
    previousYear.invalidate();
    if (e.changes.some((c) => c.uri.endsWith('/.govreport.yaml'))) configs.changed();
    ctx.revalidateAll();
  });

  for (const f of FEATURES) f.register(ctx);
  workspaceCheck.register();
  previousYear.register(ctx, (uri) => validator.validate(uri));
  registerDebug(ctx, () => ({
    documents: documents.all().length,
    ...store.held,
    ...validator.held,
    ...previousYear.held,
  }));

  documents.listen(connection);

  // What follows `initialized`, which has just come.
  previousYear.watchFiles(connection);
  configs.publishRoots();
  if (pullConfiguration) {
    void connection.client
      .register(DidChangeConfigurationNotification.type, { section: ['govreport', 'files'] })
      .catch(() => undefined);
    void fetchSettings();
  }
}
