/** The status bar item: "勾稽关系一致" or the number of errors, and how long the last check took. */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CHECKED_NOTIFICATION, type CheckedNotification as Checked } from '../../server/src/shared/protocol';
import { statusView } from './statusView';

export function registerStatus(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const item = vscode.window.createStatusBarItem('govreport.status', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('GovReport check');
  item.command = { title: vscode.l10n.t('Show Problems'), command: 'workbench.actions.view.problems' };
  const results = new Map<string, Checked>();

  const update = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'govreport') {
      item.hide();
      return;
    }
    const n = results.get(doc.uri.toString());
    if (!n) {
      item.text = `$(sync~spin) ${vscode.l10n.t('Checking…')}`;
      item.tooltip = undefined;
      item.backgroundColor = undefined;
    } else {
      const view = statusView(n, vscode.l10n.t);
      item.text = view.text;
      item.tooltip = view.tooltip;
      item.backgroundColor =
        view.severity === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    }
    item.show();
  };

  context.subscriptions.push(
    item,
    client.onNotification(CHECKED_NOTIFICATION, (n: Checked) => {
      results.set(n.uri, n);
      if (vscode.window.activeTextEditor?.document.uri.toString() === n.uri) update();
    }),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidCloseTextDocument((doc) => results.delete(doc.uri.toString())),
  );
  update();
}
