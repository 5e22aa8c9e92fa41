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
    keepFormsWhenSaved(),
    { dispose: () => forms.forEach((f) => f.dispose()) },
  );
}

const isUntitledForm = (tab: vscode.Tab): boolean =>
  tab.input instanceof vscode.TabInputCustom &&
  tab.input.viewType === FORM_VIEW_TYPE &&
  tab.input.uri.scheme === 'untitled';

/**
 * Saving a new (untitled) report replaces each of its editors by the saved file's default
 * editor, the text editor (the form is an editor one picks): where the form was, the file is
 * shown as the form again. An untitled report in a workspace carries its file's path.
 */
function keepFormsWhenSaved(): vscode.Disposable {
  /** Forms of untitled reports just closed, by path and group, until their file's text editor comes (the two may come apart). */
  let pending: { path: string; group: vscode.TabGroup; active: boolean; at: number }[] = [];
  const textTab = (path: string, group: vscode.TabGroup): vscode.Tab | undefined =>
    group.tabs.find(
      (t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'file' && t.input.uri.path === path,
    );
  const asForm = async (uri: vscode.Uri, group: vscode.TabGroup, active: boolean): Promise<void> => {
    await vscode.commands.executeCommand('vscode.openWith', uri, FORM_VIEW_TYPE, {
      viewColumn: group.viewColumn,
      preserveFocus: !active,
      preview: false,
    });
    // The form holds the document: its text editor goes without asking to save.
    const text = textTab(uri.path, group);
    if (text) await vscode.window.tabGroups.close(text, true);
  };
  return vscode.window.tabGroups.onDidChangeTabs((e) => {
    const now = Date.now();
    pending = pending.filter((p) => now - p.at < 5000);
    for (const tab of e.closed) {
      if (!isUntitledForm(tab)) continue;
      // Saved if its file's text editor comes in the same group (before this or soon after); closed without saving, none comes.
      pending.push({
        path: (tab.input as vscode.TabInputCustom).uri.path,
        group: tab.group,
        active: tab.isActive,
        at: now,
      });
    }
    for (const p of [...pending]) {
      const tab = textTab(p.path, p.group);
      if (!tab) continue;
      pending = pending.filter((x) => x !== p);
      void asForm((tab.input as vscode.TabInputText).uri, p.group, p.active || tab.isActive).catch(() => undefined);
    }
  });
}
