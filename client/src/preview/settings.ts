/** What the preview reads from the settings and the environment: the throttle and the locale. */
import * as vscode from 'vscode';
import { type Locale, pickLocale } from '../../../server/src/core';

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
