/** "GovReport: Export…": the report as a standalone HTML document or a Word file, where the user chooses. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Renderer } from './previewPanel';
import { isReport } from './settings';

interface Choice extends vscode.QuickPickItem {
  format: 'html' | 'docx';
  marks: boolean;
}

export async function exportReport(doc: vscode.TextDocument | undefined, renderer: Renderer): Promise<void> {
  if (!doc || !isReport(doc)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a report (*.report.yaml) to export it.'));
    return;
  }
  const choices: Choice[] = [
    { label: 'HTML', description: vscode.l10n.t('a web page, for publishing'), format: 'html', marks: false },
    {
      label: vscode.l10n.t('HTML (findings marked)'),
      description: vscode.l10n.t('for review'),
      format: 'html',
      marks: true,
    },
    { label: 'Word (.docx)', description: vscode.l10n.t('an editable Word document'), format: 'docx', marks: false },
  ];
  const choice = await vscode.window.showQuickPick(choices, { placeHolder: vscode.l10n.t('Export as') });
  if (!choice) return;
  const ext = choice.format === 'html' ? '.html' : '.docx';
  const base = path.basename(doc.fileName).replace(/(\.report)?\.ya?ml$/i, '') || 'report';
  const folder =
    doc.uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(doc.uri, '..');
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, base + ext) : undefined,
    filters: choice.format === 'html' ? { HTML: ['html', 'htm'] } : { Word: ['docx'] },
    saveLabel: vscode.l10n.t('Export'),
  });
  if (!target) return;
  const result = await renderer({ uri: doc.uri.toString(), format: choice.format, marks: choice.marks });
  const data =
    choice.format === 'html' ? new TextEncoder().encode(result.content) : Buffer.from(result.content, 'base64');
  await vscode.workspace.fs.writeFile(target, data);
  const errors = result.errors;
  const note = errors ? vscode.l10n.t(' (the report has {0} error(s); exported as written)', errors) : '';
  const show = vscode.l10n.t('Show in Folder');
  const picked = await vscode.window.showInformationMessage(
    vscode.l10n.t('Exported {0}{1}', path.basename(target.fsPath), note),
    show,
  );
  if (picked === show) await vscode.commands.executeCommand('revealFileInOS', target);
}
