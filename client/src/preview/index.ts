/**
 * The preview beside the editor and the export command. The preview follows the active
 * report editor, re-renders as the report changes and highlights what is under the cursor.
 */
import * as vscode from 'vscode';
import { exportReport } from './exportCommand';
import { PREVIEW_VIEW_TYPE, ReportPreview, webviewOptions, type Renderer } from './previewPanel';
import { isReport } from './settings';

export function registerPreview(context: vscode.ExtensionContext, renderer: Renderer): void {
  let preview: ReportPreview | undefined;
  const adopt = (panel: vscode.WebviewPanel, doc: vscode.TextDocument, caret?: number) => {
    preview?.dispose();
    const created = new ReportPreview(
      panel,
      doc,
      context.extensionUri,
      renderer,
      () => {
        if (preview === created) preview = undefined;
      },
      caret,
    );
    preview = created;
  };
  /** The caret of the report's editor, if one shows it. */
  const caretOf = (doc: vscode.TextDocument): number | undefined => {
    const editor =
      vscode.window.activeTextEditor?.document === doc
        ? vscode.window.activeTextEditor
        : vscode.window.visibleTextEditors.find((e) => e.document === doc);
    return editor && doc.offsetAt(editor.selection.active);
  };

  const activeReport = (): vscode.TextDocument | undefined => {
    const doc = vscode.window.activeTextEditor?.document;
    return doc && isReport(doc) ? doc : undefined;
  };

  const open = async (uri: vscode.Uri | undefined, toSide: boolean) => {
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : activeReport();
    if (!doc) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a report (*.report.yaml) first.'));
      return;
    }
    const column = toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const caret = caretOf(doc);
    if (preview) {
      preview.panel.reveal(column, toSide);
      preview.show(doc);
      if (caret !== undefined) preview.cursor(caret);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      '',
      { viewColumn: column, preserveFocus: toSide },
      webviewOptions(context.extensionUri),
    );
    adopt(panel, doc, caret);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('govreport.openPreview', (uri?: vscode.Uri) => open(uri, false)),
    vscode.commands.registerCommand('govreport.openPreviewToSide', (uri?: vscode.Uri) => open(uri, true)),
    vscode.commands.registerCommand('govreport.export', async (uri?: vscode.Uri) =>
      exportReport(
        uri ? await vscode.workspace.openTextDocument(uri) : (activeReport() ?? preview?.document),
        renderer,
      ),
    ),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const uri = (state as { uri?: unknown } | undefined)?.uri;
        try {
          if (typeof uri !== 'string') throw new Error('no report in the saved state');
          adopt(panel, await vscode.workspace.openTextDocument(vscode.Uri.parse(uri, true)));
        } catch {
          // The report is gone (deleted, or the state is from elsewhere): nothing to show.
          panel.dispose();
        }
      },
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (preview && editor && isReport(editor.document) && editor.document !== preview.document) {
        preview.show(editor.document);
        preview.cursor(editor.document.offsetAt(editor.selection.active));
      }
    }),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
      if (preview && e.textEditor.document === preview.document && e.visibleRanges.length)
        preview.editorScrolled(e.visibleRanges[0].start.line);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (preview && e.document === preview.document) preview.update();
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (preview && e.textEditor.document === preview.document)
        preview.cursor(e.textEditor.document.offsetAt(e.selections[0].active));
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (preview && e.affectsConfiguration('govreport')) preview.update();
    }),
    { dispose: () => preview?.dispose() },
  );
}
