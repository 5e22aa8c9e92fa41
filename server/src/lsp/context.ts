/** What every LSP feature module gets: the connection, the documents and their results. */
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../core/findings';
import type { ReportStore } from './reports';
import type { Settings } from './settings';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  store: ReportStore;
  locale(): Locale;
  settings(): Settings;
  /** Re-checks every open document (after a settings change, or a related file changed). */
  revalidateAll(): void;
}

/** A language feature: the capabilities it announces and the handlers it installs. */
export interface Feature {
  capabilities: ServerCapabilities;
  register(ctx: ServerContext): void;
}
