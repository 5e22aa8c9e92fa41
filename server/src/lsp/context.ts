/** What every LSP feature module gets: the connection, the documents and their results. */
import {
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../core';
import type { ReportStore } from './reports';
import type { Settings } from '../shared/settings';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  store: ReportStore;
  locale(): Locale;
  settings(): Settings;
  /** Whether the client asks for a code action's edit when it is chosen (`codeAction/resolve`). */
  resolvesEdits(): boolean;
  /** Re-checks every open document (after a settings change, or a related file changed). */
  revalidateAll(): void;
}

/** A language feature: the handlers it installs (what it announces is in capabilities.ts). */
export interface Feature {
  register(ctx: ServerContext): void;
}

/**
 * The answer to a request the client has cancelled. Handlers run synchronously, so a
 * cancellation can only arrive while the request waits in the queue (behind a long check,
 * typically): checked first, it spares the work nobody will read.
 */
export function cancelled(token: CancellationToken): ResponseError<void> | undefined {
  return token.isCancellationRequested ? new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled') : undefined;
}
