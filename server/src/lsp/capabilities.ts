/**
 * What the server announces in its initialize answer, in one place: the answer is given before
 * the features' modules (and the core they use) are loaded, so it cannot be read off them.
 */
import { CodeActionKind, TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver';

/** The kind of the fix-all source action, which VS Code runs on save when asked to. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.govreport`;

export const SERVER_CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
  completionProvider: { triggerCharacters: [':', ' '], resolveProvider: false },
  hoverProvider: true,
  inlayHintProvider: { resolveProvider: false },
  documentSymbolProvider: { label: 'GovReport' },
  foldingRangeProvider: true,
  selectionRangeProvider: true,
};
