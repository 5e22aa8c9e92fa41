/**
 * "GovReport: Open Sample Report": a complete, correct report to learn from and try things on,
 * opened as an unsaved copy (the extension's own file is never edited). From the walkthrough,
 * where no text editor is active, it opens beside the walkthrough.
 */
import * as vscode from 'vscode';
import { createDocument } from './newReport';

export const SAMPLE = ['media', 'walkthrough', 'sample-2024.report.yaml'];

export function registerSample(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('govreport.openSample', async () => {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, ...SAMPLE));
      const doc = await createDocument(
        new TextDecoder().decode(bytes),
        `${vscode.l10n.t('sample-report')}-2024.report.yaml`,
      );
      const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Active : vscode.ViewColumn.Beside;
      return vscode.window.showTextDocument(doc, { viewColumn: column, preview: false });
    }),
  );
}
