/** What the preview and the export read from the settings: the checker's options and the throttle. */
import * as vscode from 'vscode';
import type { CheckOptions } from '../../../server/src/core/check';
import { pickLocale, type Locale } from '../../../server/src/core/findings';
import { checkOptions, readSettings } from '../../../server/src/lsp/settings';

/** The same options the language server checks with, so the preview marks what the editor squiggles. */
export function checkOptionsFor(uri: vscode.Uri): CheckOptions {
  const cfg = vscode.workspace.getConfiguration('govreport', uri);
  const files = vscode.workspace.getConfiguration('files', uri);
  return checkOptions(
    readSettings(
      { severity: cfg.get('severity'), deadlines: cfg.get('deadlines') },
      { encoding: files.get('encoding') },
    ),
  );
}

export function throttleMs(): number {
  const ms = vscode.workspace.getConfiguration('govreport').get<number>('preview.throttleMs', 200);
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 5000) : 200;
}

export function locale(): Locale {
  return pickLocale(vscode.env.language);
}

export function isReport(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'govreport';
}
