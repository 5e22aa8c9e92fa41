/** "GovReport: Export…": the report as a standalone HTML document or a Word file, where the user chooses. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { check } from '../../../server/src/core/check';
import { renderDocx } from '../../../server/src/core/render/docx';
import { renderHtml } from '../../../server/src/core/render/html';
import { checkOptionsFor, isReport, locale, t } from './settings';

interface Choice extends vscode.QuickPickItem {
  format: 'html' | 'docx';
  marks: boolean;
}

export async function exportReport(doc: vscode.TextDocument | undefined): Promise<void> {
  if (!doc || !isReport(doc)) {
    void vscode.window.showWarningMessage(t('请先打开一份报告（*.report.yaml）再导出。', 'Open a report (*.report.yaml) to export it.'));
    return;
  }
  const choices: Choice[] = [
    { label: 'HTML', description: t('网页，用于发布', 'a web page, for publishing'), format: 'html', marks: false },
    { label: t('HTML（标出问题）', 'HTML (findings marked)'), description: t('用于核对', 'for review'), format: 'html', marks: true },
    { label: 'Word (.docx)', description: t('可编辑的 Word 文档', 'an editable Word document'), format: 'docx', marks: false },
  ];
  const choice = await vscode.window.showQuickPick(choices, { placeHolder: t('导出格式', 'Export as') });
  if (!choice) return;
  const ext = choice.format === 'html' ? '.html' : '.docx';
  const base = path.basename(doc.fileName).replace(/(\.report)?\.ya?ml$/i, '') || 'report';
  const folder = doc.uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(doc.uri, '..');
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, base + ext) : undefined,
    filters: choice.format === 'html' ? { HTML: ['html', 'htm'] } : { Word: ['docx'] },
    saveLabel: t('导出', 'Export'),
  });
  if (!target) return;
  const result = check(doc.getText(), checkOptionsFor(doc.uri));
  const data =
    choice.format === 'html'
      ? new TextEncoder().encode(renderHtml(result, { marks: choice.marks, theme: 'export', locale: locale() }))
      : await renderDocx(result, { marks: false });
  await vscode.workspace.fs.writeFile(target, data);
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const note = errors ? t(`（报告中有 ${errors} 个错误，已按原样导出）`, ` (the report has ${errors} error(s); exported as written)`) : '';
  const show = t('在文件夹中显示', 'Show in Folder');
  const picked = await vscode.window.showInformationMessage(t(`已导出 ${path.basename(target.fsPath)}${note}`, `Exported ${path.basename(target.fsPath)}${note}`), show);
  if (picked === show) await vscode.commands.executeCommand('revealFileInOS', target);
}
