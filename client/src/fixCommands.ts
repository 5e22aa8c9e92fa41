/**
 * "GovReport: Fix All That Needs No Judgement" for the palette and the status bar, and the
 * command a quick fix runs to put the caret where the author is to write.
 */
import * as vscode from 'vscode';
import { PLACE_CARET_COMMAND } from '../../server/src/shared/protocol';

const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('govreport');

export function registerFixCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('govreport.fixAll', fixAll),
    vscode.commands.registerCommand(PLACE_CARET_COMMAND, placeCaret),
  );
}

/** Applies the server's fix-all to the active report; says so when there is nothing to do. */
async function fixAll(): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'govreport') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a report (*.report.yaml) first.'));
    return false;
  }
  const { document } = editor;
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      whole,
      FIX_ALL_KIND.value,
    )) ?? [];
  const action = actions.find((a) => a.kind && FIX_ALL_KIND.contains(a.kind) && a.edit);
  if (!action?.edit) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing in this report can be fixed without judgement.'));
    return false;
  }
  return vscode.workspace.applyEdit(action.edit);
}

/** After a quick fix's edit: the caret at `position` in the document's editor, which is shown. */
async function placeCaret(uri: string, position: { line: number; character: number }): Promise<void> {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  if (!editor) return;
  const at = editor.document.validatePosition(new vscode.Position(position.line, position.character));
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
}
