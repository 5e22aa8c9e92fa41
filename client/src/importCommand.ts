/**
 * "GovReport: Import Published Report…": picks a published report (text, Markdown, HTML or
 * Word), imports it with the core and opens the result beside the source, as an unsaved
 * report named after the source so that saving puts it next to it.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { importReport, pickLocale, type Text } from '../../server/src/core';
import { freeName } from './newReportInput';

const TEXT_FORMS = new Set(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.shtml', '.xhtml']);

let output: vscode.OutputChannel | undefined;

export function registerImportCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('govreport.importReport', (source?: vscode.Uri) => importPublished(source)),
    { dispose: () => output?.dispose() },
  );
}

/** The report file name for a source: 吕梁-2024.html → 吕梁-2024.report.yaml. */
export function reportNameFor(source: string): string {
  const base = path.posix
    .basename(source)
    .replace(/\.[^.]*$/, '')
    .replace(/\.report$/, '');
  return `${base || 'imported'}.report.yaml`;
}

async function importPublished(given?: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  const locale = pickLocale(vscode.env.language);
  // Messages of the core come in both languages.
  const t = (x: Text) => x[locale];
  const source =
    given ??
    (
      await vscode.window.showOpenDialog({
        title: vscode.l10n.t('Import Published Report'),
        openLabel: vscode.l10n.t('Import'),
        canSelectMany: false,
        filters: {
          [vscode.l10n.t('Published reports')]: ['txt', 'md', 'markdown', 'html', 'htm', 'shtml', 'docx'],
          [vscode.l10n.t('All files')]: ['*'],
        },
      })
    )?.[0];
  if (!source) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(source);
  } catch (e) {
    void vscode.window.showErrorMessage(
      `${vscode.l10n.t('Cannot read')} ${source.fsPath || source.path}: ${e instanceof Error ? e.message : String(e)}`,
    );
    return undefined;
  }
  const name = path.posix.basename(source.path);
  const result = importReport(bytes, { name });
  if (!result.ok) {
    void vscode.window.showErrorMessage(`${name}: ${t(result.message)}`);
    return undefined;
  }
  // The source beside the result, when it is text the editor can show.
  let column = vscode.ViewColumn.Active;
  if (TEXT_FORMS.has(path.posix.extname(name).toLowerCase())) {
    const shown = await vscode.window.showTextDocument(source, { preview: true, preserveFocus: true });
    column = shown.viewColumn ?? column;
  }
  const doc = await reportDocument(source, result.yaml);
  const editor = await vscode.window.showTextDocument(doc, {
    viewColumn: column === vscode.ViewColumn.Active ? vscode.ViewColumn.Beside : column + 1,
  });
  if (result.notices.length) showNotices(name, result.notices.map(t));
  return editor;
}

/** An unsaved report next to the source (a file there when saved), or a plain untitled one. */
async function reportDocument(source: vscode.Uri, content: string): Promise<vscode.TextDocument> {
  if (source.scheme !== 'file') return vscode.workspace.openTextDocument({ language: 'govreport', content });
  const dir = vscode.Uri.joinPath(source, '..');
  const exists = async (candidate: string) => {
    const uri = vscode.Uri.joinPath(dir, candidate);
    if (vscode.workspace.textDocuments.some((d) => d.uri.path === uri.path)) return true;
    try {
      await vscode.workspace.fs.stat(uri);
      return true;
    } catch {
      return false;
    }
  };
  const target = vscode.Uri.joinPath(dir, await freeName(reportNameFor(source.path), exists)).with({
    scheme: 'untitled',
  });
  const doc = await vscode.workspace.openTextDocument(target);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(target, new vscode.Position(0, 0), content);
  await vscode.workspace.applyEdit(edit);
  return doc.languageId === 'govreport' ? doc : vscode.languages.setTextDocumentLanguage(doc, 'govreport');
}

function showNotices(name: string, notices: string[]): void {
  output ??= vscode.window.createOutputChannel('GovReport Import');
  output.appendLine(`${name}:`);
  for (const n of notices) output.appendLine(`  - ${n}`);
  const show = vscode.l10n.t('Show');
  void vscode.window
    .showWarningMessage(vscode.l10n.t('Imported {0} with {1} notice(s) to review', name, notices.length), show)
    .then((choice) => {
      if (choice === show) output?.show(true);
    });
}
