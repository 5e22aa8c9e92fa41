/**
 * The form view: a custom text editor over the report file (VS Code's CustomTextEditor), so
 * that the form and the YAML editor are two editors of one document. "Open as Form" and
 * "Open as Text" switch between them; the form follows every change of the document and the
 * caret of any text editor of it, and what is typed in the page but not yet sent is written
 * before the document is saved.
 */
import * as vscode from 'vscode';
import type { Renderer } from '../preview/previewPanel';
import { ReportForm } from './reportForm';

export const FORM_VIEW_TYPE = 'govreport.form';

export function registerForm(context: vscode.ExtensionContext, renderer: Renderer): void {
  const forms = new Set<ReportForm>();
  const of = (doc: vscode.TextDocument) => [...forms].filter((f) => f.document === doc);
  const provider: vscode.CustomTextEditorProvider = {
    resolveCustomTextEditor(document, panel) {
      const form = new ReportForm(panel, document, context.extensionUri, renderer);
      forms.add(form);
      panel.onDidDispose(() => forms.delete(form));
    },
  };

  /** The report of the command's argument, else of the active editor or form. */
  const target = (uri?: vscode.Uri): vscode.Uri | undefined => {
    if (uri instanceof vscode.Uri) return uri;
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === 'govreport') return editor.document.uri;
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    return input instanceof vscode.TabInputCustom && input.viewType === FORM_VIEW_TYPE ? input.uri : undefined;
  };
  const open = async (uri: vscode.Uri | undefined, viewType: string, column?: vscode.ViewColumn) => {
    const report = target(uri);
    if (!report) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a report (*.report.yaml) first.'));
      return;
    }
    await vscode.commands.executeCommand('vscode.openWith', report, viewType, column);
  };

  context.subscriptions.push(
    vscode.window.registerCustomEditorProvider(FORM_VIEW_TYPE, provider, {
      supportsMultipleEditorsPerDocument: true,
      webviewOptions: { enableFindWidget: true },
    }),
    vscode.commands.registerCommand('govreport.openForm', (uri?: vscode.Uri) => open(uri, FORM_VIEW_TYPE)),
    vscode.commands.registerCommand('govreport.openFormToSide', (uri?: vscode.Uri) =>
      open(uri, FORM_VIEW_TYPE, vscode.ViewColumn.Beside),
    ),
    vscode.commands.registerCommand('govreport.openText', (uri?: vscode.Uri) => open(uri, 'default')),
    vscode.workspace.onDidChangeTextDocument((e) => {
      for (const f of of(e.document)) f.update();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('govreport')) for (const f of forms) f.update();
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      const doc = e.textEditor.document;
      for (const f of of(doc)) f.cursor(doc.offsetAt(e.selections[0].active));
    }),
    vscode.workspace.onWillSaveTextDocument((e) => {
      const mine = of(e.document);
      if (mine.length) e.waitUntil(Promise.all(mine.map((f) => f.flush())).then((edits) => edits.flat()));
    }),
    { dispose: () => forms.forEach((f) => f.dispose()) },
  );
}
