/**
 * "GovReport: Export…": the report as a standalone HTML document or a Word file, where the user
 * chooses. The report is rendered first, so that one with errors or personal data is named
 * before anything is written (one click goes on). The page with findings marked gets a name of
 * its own, and showing the file uses the desktop's file manager only where there is one.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RenderResult } from '../../../server/src/shared/protocol';
import type { Renderer } from './previewPanel';
import { isReport } from './settings';

interface Choice extends vscode.QuickPickItem {
  format: 'html' | 'docx';
  marks: boolean;
}

/** The file name offered: the report's, with a mark of its own for the page that shows the findings. */
export function exportName(reportFile: string, choice: { format: 'html' | 'docx'; marks: boolean }): string {
  const base = path.basename(reportFile).replace(/(\.report)?\.ya?ml$/i, '') || 'report';
  const name = choice.marks ? vscode.l10n.t('{0}-findings', base) : base;
  return `${name}.${choice.format}`;
}

/** What should stop the user before exporting: errors, and personal data about to be published. */
export function exportWarning(result: Pick<RenderResult, 'errors' | 'personalData'>): string | undefined {
  const parts: string[] = [];
  if (result.errors)
    parts.push(
      result.errors === 1
        ? vscode.l10n.t('The report has 1 error.')
        : vscode.l10n.t('The report has {0} errors.', result.errors),
    );
  if (result.personalData)
    parts.push(
      vscode.l10n.t(
        'Its text holds personal data in {0} place(s) (an identity card, bank card or mobile number), which is not to be published.',
        result.personalData,
      ),
    );
  return parts.length ? parts.join(' ') : undefined;
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
  const result = await renderer({ uri: doc.uri.toString(), format: choice.format, marks: choice.marks });
  const warning = exportWarning(result);
  if (warning) {
    const go = vscode.l10n.t('Export Anyway');
    const problems = vscode.l10n.t('Show Problems');
    const picked = await vscode.window.showWarningMessage(
      warning,
      { modal: true, detail: vscode.l10n.t('The exported file shows the report as it is written.') },
      go,
      problems,
    );
    if (picked === problems) await vscode.commands.executeCommand('workbench.actions.view.problems');
    if (picked !== go) return;
  }
  const folder =
    doc.uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(doc.uri, '..');
  const name = exportName(doc.fileName, choice);
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: choice.format === 'html' ? { HTML: ['html', 'htm'] } : { Word: ['docx'] },
    saveLabel: vscode.l10n.t('Export'),
  });
  if (!target) return;
  const data =
    choice.format === 'html' ? new TextEncoder().encode(result.content) : Buffer.from(result.content, 'base64');
  await vscode.workspace.fs.writeFile(target, data);
  const reveal = await revealAction(target);
  const exported = vscode.l10n.t('Exported {0}', path.posix.basename(target.path));
  const picked = await vscode.window.showInformationMessage(exported, ...(reveal ? [reveal.title] : []));
  if (reveal && picked === reveal.title) await vscode.commands.executeCommand(reveal.command, target);
}

/**
 * How to show the file: the system's file manager on a desktop with the file on this machine,
 * otherwise the Explorer when the file is in the workspace (a browser has no file manager, and
 * there `revealFileInOS` does not exist); nothing when neither can.
 */
async function revealAction(target: vscode.Uri): Promise<vscode.Command | undefined> {
  const local = vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName && target.scheme === 'file';
  if (local && (await vscode.commands.getCommands(true)).includes('revealFileInOS'))
    return { title: vscode.l10n.t('Show in Folder'), command: 'revealFileInOS' };
  if (vscode.workspace.getWorkspaceFolder(target))
    return { title: vscode.l10n.t('Show in Explorer'), command: 'revealInExplorer' };
  return undefined;
}
