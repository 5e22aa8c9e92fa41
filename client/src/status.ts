/**
 * The status bar item of the active report: its errors and warnings, coloured by the worst
 * (green only when the check found nothing), with a tooltip that leads to the Problems panel
 * and to fix-all.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { CheckCounts, DiagnosticData } from '../../server/src/shared/protocol';
import { STATUS_COMMANDS, statusView, type StatusView } from './statusView';

/** Status bar items take only these two background colours; green is the text's colour. */
const BACKGROUND: Record<StatusView['severity'], string | undefined> = {
  error: 'statusBarItem.errorBackground',
  warning: 'statusBarItem.warningBackground',
  notes: undefined,
  clean: undefined,
};

export function registerStatus(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const item = vscode.window.createStatusBarItem('govreport.status', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('GovReport check');
  item.command = { title: vscode.l10n.t('Show Problems'), command: 'workbench.actions.view.problems' };
  const results = new Map<string, CheckCounts>();

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
      item.color = undefined;
    } else {
      const view = statusView(n, vscode.l10n.t);
      item.text = view.text;
      const tooltip = new vscode.MarkdownString(view.tooltip, true);
      tooltip.isTrusted = { enabledCommands: STATUS_COMMANDS };
      item.tooltip = tooltip;
      const background = BACKGROUND[view.severity];
      item.backgroundColor = background ? new vscode.ThemeColor(background) : undefined;
      item.color = view.severity === 'clean' ? new vscode.ThemeColor('testing.iconPassed') : undefined;
    }
    item.show();
  };

  context.subscriptions.push(
    item,
    // Counted from the diagnostics the server publishes (one message per check); until the
    // first, the report is being checked.
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      let shown = false;
      for (const uri of e.uris) {
        const key = uri.toString();
        const diagnostics = client.diagnostics?.has(uri) ? client.diagnostics.get(uri) : undefined;
        if (diagnostics) results.set(key, countsOf(diagnostics));
        else results.delete(key);
        shown ||= key === active;
      }
      if (shown) update();
    }),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidCloseTextDocument((doc) => results.delete(doc.uri.toString())),
  );
  update();
}

function countsOf(diagnostics: readonly vscode.Diagnostic[]): CheckCounts {
  const counts: CheckCounts = { errors: 0, warnings: 0, information: 0, fixable: 0 };
  for (const d of diagnostics) {
    if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
    else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
    else counts.information++;
    // The language client keeps the server's `data` on the diagnostics it creates.
    if ((d as { data?: DiagnosticData }).data?.fixAll) counts.fixable++;
  }
  return counts;
}
