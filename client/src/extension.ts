/** The VS Code client: registers the report language, starts the server, shows its results. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerCarets } from './carets';
import { ClosedReports } from './closedReports';
import { registerFixCommands } from './fixCommands';
import { registerCellKeys } from './cellKeys';
import { registerForm } from './form';
import { registerImportCommand } from './importCommand';
import { registerNewReport } from './newReport';
import { registerStatus } from './status';
import { registerWorkspaceCheck } from './workspaceCheck';
import { registerPreview } from './preview';
import type { Renderer } from './preview/previewPanel';
import { registerReportText } from './reportText';
import { RestartPolicy } from './restarts';
import { registerRuleHelp, ruleHelpUri } from './ruleHelp';
import { registerSample } from './sample';
import { IMPORT_REQUEST, RENDER_REQUEST, type ImportAnswer, type RenderResult } from '../../server/src/shared/protocol';
import { SERVER_NODE_OPTIONS, serverArgs } from '../../server/src/shared/serverStart';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  registerNewReport(context);
  registerFixCommands(context);
  registerRuleHelp(context);
  registerSample(context);
  const closed = new ClosedReports(() => client?.diagnostics);
  context.subscriptions.push(closed);
  registerReportText(context);
  registerCellKeys(context);
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  // Started as the benchmark starts it (serverStart.ts); its code cache kept with the extension's other data.
  const codeCache = path.join(context.globalStorageUri.fsPath, 'code-cache');
  const serverOptions: ServerOptions = {
    run: {
      module,
      transport: TransportKind.ipc,
      args: serverArgs(codeCache),
      options: { execArgv: [...SERVER_NODE_OPTIONS] },
    },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6009'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'govreport' }],
    synchronize: { configurationSection: 'govreport' },
    initializationOptions: { locale: vscode.env.language },
    errorHandler: crashHandler(new RestartPolicy()),
    middleware: {
      handleDiagnostics(uri, diagnostics, next) {
        // A rule code links to the rule help beside the report rather than to the Markdown file.
        for (const d of diagnostics) {
          const code = typeof d.code === 'object' ? d.code.value : d.code;
          if (d.source === 'govreport' && typeof code === 'string')
            d.code = { value: code, target: ruleHelpUri(context.extension, code) };
        }
        next(uri, closed.filter(uri, diagnostics));
      },
    },
  };
  client = new LanguageClient('govreport', 'GovReport', serverOptions, clientOptions);
  context.subscriptions.push(client);
  const started = client.start();
  const running = client;
  // The preview, the form and the export are rendered by the server, from the result its diagnostics come from.
  const renderer: Renderer = async (params) => {
    await started;
    return running.sendRequest<RenderResult>(RENDER_REQUEST, params);
  };
  registerPreview(context, renderer);
  registerForm(context, renderer);
  registerImportCommand(context, async (name, bytes) => {
    await started;
    return running.sendRequest<ImportAnswer>(IMPORT_REQUEST, { name, bytes: Buffer.from(bytes).toString('base64') });
  });
  registerStatus(context, client);
  registerCarets(context, client);
  registerWorkspaceCheck(context, client, started, closed);
  await started;
}

/** Restarts a crashed server up to the policy's limit; one message, not one per restart. */
function crashHandler(policy: RestartPolicy): NonNullable<LanguageClientOptions['errorHandler']> {
  return {
    error: (_error, _message, count) => ({
      action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
    }),
    closed: () => {
      const { restart, notice } = policy.closed();
      if (notice === 'restarted')
        void vscode.window.showWarningMessage(
          vscode.l10n.t('The GovReport server stopped unexpectedly and has been restarted.'),
        );
      if (notice === 'stopped')
        void vscode.window.showErrorMessage(
          vscode.l10n.t(
            'The GovReport server stopped unexpectedly {0} times in a few minutes and will not be restarted. Reload the window to start it again.',
            policy.limit + 1,
          ),
        );
      // Handled: the library then only logs to the output channel instead of showing its own message.
      return { action: restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
