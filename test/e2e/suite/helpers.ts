/** Shared by the editor tests: fresh copies of the example, and waiting on editor events. */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { check } from '../../../server/src/core/check';

export const EXTENSION_ID = 'govreport.govreport';
export const EXAMPLE = 'lvliang-2024.report.yaml';
/** How long any one editor reaction may take before the test fails saying what it waited for. */
export const WAIT_MS = 20_000;

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext;
}

const copies: string[] = [];
// A root-level hook: runs once the test files that use these helpers are done.
after(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the example in a new temporary folder, so no test sees another's edits or saves. */
export function freshCopy(name = EXAMPLE): vscode.Uri {
  // Under test/e2e/run.ts, inside the run's scratch folder, which goes even if the run is cut short.
  const parent = process.env.GOVREPORT_E2E_TMP || os.tmpdir();
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(path.join(parent, 'govreport-e2e-'));
  copies.push(dir);
  const target = path.join(dir, name);
  copyFileSync(path.join(extension().extensionPath, 'examples', EXAMPLE), target);
  return vscode.Uri.file(target);
}

export async function openReport(uri: vscode.Uri, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { viewColumn: column, preview: false });
}

/**
 * Resolves with `probe()`'s first defined value, probing now and whenever one of `events`
 * fires; rejects after `ms` naming `what`, with the last state `describe()` reports.
 */
export function waitFor<T>(
  what: string,
  probe: () => T | undefined,
  events: vscode.Event<unknown>[],
  describe?: () => string,
  ms = WAIT_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subs: vscode.Disposable[] = [];
    const done = (): void => {
      clearTimeout(timer);
      for (const s of subs) s.dispose();
    };
    const check = (): boolean => {
      let v: T | undefined;
      try {
        v = probe();
      } catch (e) {
        done();
        reject(e);
        return true;
      }
      if (v === undefined) return false;
      done();
      resolve(v);
      return true;
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}${describe ? `; last seen: ${describe()}` : ''}`));
    }, ms);
    for (const e of events) subs.push(e(() => void check()));
    check();
  });
}

export function govDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'govreport');
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

export function summary(ds: vscode.Diagnostic[]): string {
  return JSON.stringify(ds.map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`));
}

/** Whether the diagnostics shown are those of the document's current text (codes and ranges). */
export function upToDate(document: vscode.TextDocument, ds: vscode.Diagnostic[]): boolean {
  const result = check(document.getText());
  const at = (s: number) => result.report.lines.positionAt(s);
  const key = (code: string, line: number, ch: number) => `${code}@${line}:${ch}`;
  const expected = result.findings.map((f) => key(f.code, at(f.span.start).line, at(f.span.start).character)).sort();
  const shown = ds.map((d) => key(codeOf(d), d.range.start.line, d.range.start.character)).sort();
  return JSON.stringify(shown) === JSON.stringify(expected);
}

/** Waits until the report's govreport diagnostics satisfy `ok`, and returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  ok: (ds: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    what,
    () => {
      const ds = govDiagnostics(uri);
      return ok(ds) ? ds : undefined;
    },
    [vscode.languages.onDidChangeDiagnostics],
    () => summary(govDiagnostics(uri)),
  );
}

/** The first diagnostics the server publishes for a freshly opened report. */
export function firstDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, `the server's diagnostics for ${path.basename(uri.fsPath)}`, (ds) => ds.length > 0);
}

/** Waits until the document's text satisfies `ok` (edits applied by the editor arrive as change events). */
export function waitForText(doc: vscode.TextDocument, what: string, ok: (text: string) => boolean): Promise<string> {
  return waitFor(
    what,
    () => (ok(doc.getText()) ? doc.getText() : undefined),
    [vscode.workspace.onDidChangeTextDocument],
    () => doc.getText().slice(0, 2000),
  );
}

export function findPosition(doc: vscode.TextDocument, needle: string, offsetInNeedle = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is not in ${path.basename(doc.uri.fsPath)}`);
  return doc.positionAt(at + offsetInNeedle);
}

/**
 * Closes every editor, first reverting the tests' unsaved reports: closing a dirty editor
 * asks the user. (Other documents, such as the settings VS Code itself edits, are left alone.)
 */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.languageId === 'govreport')) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Sets a user setting for the test and returns how to put the old value back. */
export async function withSetting(
  section: string,
  key: string,
  value: unknown,
  languageId?: string,
): Promise<() => Thenable<void>> {
  const config = vscode.workspace.getConfiguration(section, languageId ? { languageId } : undefined);
  const before = languageId ? config.inspect(key)?.globalLanguageValue : config.inspect(key)?.globalValue;
  await config.update(key, value, vscode.ConfigurationTarget.Global, languageId ? true : undefined);
  return () => config.update(key, before, vscode.ConfigurationTarget.Global, languageId ? true : undefined);
}

/** Whether the workbench shows the extension's Chinese texts (display language zh-cn). */
export const inChinese = (): boolean => vscode.env.language.toLowerCase().startsWith('zh');
