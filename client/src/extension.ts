/** The VS Code client: registers the report language, starts the server, shows its results. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerImportCommand } from './importCommand';
import { registerNewReport } from './newReport';
import { registerStatus } from './status';
import { registerPreview } from './preview';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  registerNewReport(context);
  registerImportCommand(context);
  registerPreview(context);
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'govreport' }],
    synchronize: { configurationSection: 'govreport' },
    initializationOptions: { locale: vscode.env.language },
  };
  client = new LanguageClient('govreport', 'GovReport', serverOptions, clientOptions);
  context.subscriptions.push(client);
  registerStatus(context, client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
