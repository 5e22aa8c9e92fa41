/**
 * "Check All Reports in Workspace" and, from the Explorer's context menu, "Check Reports in
 * Folder": the server checks every report file without opening it and publishes the
 * findings, which the Problems panel lists and the Explorer shows on the files. Progress
 * comes from the server on a work-done token; the notification's Cancel cancels the request.
 */
import * as vscode from 'vscode';
import { WorkDoneProgress, type BaseLanguageClient } from 'vscode-languageclient';
import type { ClosedReports } from './closedReports';
import {
  CHECK_WORKSPACE_REQUEST,
  type CheckWorkspaceParams,
  type CheckWorkspaceResult,
} from '../../server/src/shared/protocol';

let tokens = 0;

export function registerWorkspaceCheck(
  context: vscode.ExtensionContext,
  client: BaseLanguageClient,
  started: Promise<void>,
  closed: ClosedReports,
): void {
  const run = async (folders: vscode.Uri[] | undefined): Promise<CheckWorkspaceResult | undefined> => {
    await started;
    const result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('GovReport: checking the reports'),
        cancellable: true,
      },
      async (progress, cancel) => {
        const workDoneToken = `govreport-check-${++tokens}`;
        let done = 0;
        const listening = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
          if (value.kind === 'end') return;
          const percentage = value.percentage ?? done;
          progress.report({ message: value.message, increment: Math.max(0, percentage - done) });
          done = Math.max(done, percentage);
        });
        try {
          const params: CheckWorkspaceParams = { workDoneToken };
          if (folders) params.folders = folders.map((u) => u.toString());
          return await client.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, params, cancel);
        } catch (e) {
          if (cancel.isCancellationRequested) return undefined;
          throw e;
        } finally {
          listening.dispose();
        }
      },
    );
    if (result && !result.cancelled)
      closed.checked(folders ?? vscode.workspace.workspaceFolders?.map((f) => f.uri) ?? []);
    if (!result || result.cancelled) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The check of the reports was cancelled.'));
      return result;
    }
    if (!result.files) {
      void vscode.window.showInformationMessage(
        folders
          ? vscode.l10n.t('There are no report files (*.report.yaml) in this folder.')
          : vscode.l10n.t('There are no report files (*.report.yaml) in the workspace.'),
      );
      return result;
    }
    const show = vscode.l10n.t('Show Problems');
    const skipped = result.skipped
      ? ' ' + vscode.l10n.t('{0} file(s) could not be read (see the GovReport output).', result.skipped)
      : '';
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t(
          'Checked {0} report(s): {1} error(s), {2} warning(s), {3} note(s).',
          result.files,
          result.errors,
          result.warnings,
          result.information,
        ) + skipped,
        show,
      )
      .then((choice) => {
        if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    return result;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('govreport.checkWorkspace', () => run(undefined)),
    // From the Explorer: the folder clicked, or every folder of a selection.
    vscode.commands.registerCommand('govreport.checkFolder', (uri?: vscode.Uri, selected?: vscode.Uri[]) => {
      const folders = selected?.length ? selected : uri ? [uri] : undefined;
      return run(folders);
    }),
  );
}
