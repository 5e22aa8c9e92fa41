/** The page of a webview that shows a report (the preview, the form): the shell with the extension's own media. */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { locale } from './settings';
import { previewShell, type ShellOptions } from './shell';

export function webviewPage(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  media: { script: string; style: string },
  latest: { body: string; seq: number; uri: string },
  extra: Pick<ShellOptions, 'rootId' | 'strings'> = {},
): string {
  const uri = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', name)).toString();
  return previewShell({
    cspSource: webview.cspSource,
    nonce: randomBytes(18).toString('base64'),
    scriptUri: uri(media.script),
    styleUri: uri(media.style),
    body: latest.body,
    seq: latest.seq,
    uri: latest.uri,
    lang: locale(),
    ...extra,
  });
}
