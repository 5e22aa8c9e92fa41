/**
 * A report document as the core reads it, parsed once per version (re-reading only what
 * changed), and the core's edits applied to it as one edit of the editor: one step to undo,
 * and dirty state, saving and diagnostics are VS Code's own.
 */
import * as vscode from 'vscode';
import { ChunkCache, parseReport, type Edit, type Report } from '../../server/src/core';

const parsed = new Map<string, { version: number; report: Report; cache: ChunkCache }>();

export function reportOf(doc: vscode.TextDocument): Report {
  const key = doc.uri.toString();
  const text = doc.getText();
  const entry = parsed.get(key);
  if (entry && entry.version === doc.version && entry.report.text === text) return entry.report;
  const cache = entry?.cache ?? new ChunkCache();
  const report = parseReport(text, { cache });
  parsed.set(key, { version: doc.version, report, cache });
  return report;
}

export function registerReportText(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.workspace.onDidCloseTextDocument((doc) => parsed.delete(doc.uri.toString())));
}

export function textEdits(doc: vscode.TextDocument, edits: Edit[]): vscode.TextEdit[] {
  return edits.map((e) =>
    vscode.TextEdit.replace(new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.text),
  );
}

/** Applies edits computed on the document's current text; false when it changed meanwhile or the editor refused. */
export async function applyToDocument(doc: vscode.TextDocument, version: number, edits: Edit[]): Promise<boolean> {
  if (doc.version !== version) return false;
  const edit = new vscode.WorkspaceEdit();
  edit.set(doc.uri, textEdits(doc, edits));
  return vscode.workspace.applyEdit(edit);
}
