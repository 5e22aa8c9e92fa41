/** Tells the server where the carets of a report's editor are, for the column-name hints. */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CARETS_NOTIFICATION, type CaretsNotification } from '../../server/src/shared/protocol';

export function registerCarets(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const send = (editor: vscode.TextEditor | undefined): void => {
    if (!editor || editor.document.languageId !== 'govreport' || !client.isRunning()) return;
    const note: CaretsNotification = {
      uri: client.code2ProtocolConverter.asUri(editor.document.uri),
      positions: [editor.selection, ...editor.selections.filter((s) => s !== editor.selection)].map((s) => ({
        line: s.active.line,
        character: s.active.character,
      })),
    };
    void client.sendNotification(CARETS_NOTIFICATION, note);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeTextEditorSelection((e) => send(e.textEditor)),
    vscode.window.onDidChangeActiveTextEditor(send),
  );
}
