/**
 * The problems of a report whose editors are all closed leave the Problems panel. VS Code keeps
 * a closed document open for a while when an extension opened it (an imported report, saved
 * and closed, stayed open for minutes), so the server's `didClose`, which clears them, comes
 * late. Until then its diagnostics are kept here and shown again when a tab shows it. Reports
 * that are not open documents at all (checked from the workspace) are left as they are, and so
 * are the reports of the folders a workspace check covered: it lists every report there,
 * whether a tab shows it or not, as its summary counts them.
 */
import * as vscode from 'vscode';
import { FORM_VIEW_TYPE } from './form';

export class ClosedReports implements vscode.Disposable {
  /** The latest diagnostics of each open report, shown or not. */
  private readonly latest = new Map<string, vscode.Diagnostic[]>();
  /** The folders the last workspace check covered, as URI strings ending in `/`. */
  private checkedFolders: string[] = [];
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly collection: () => vscode.DiagnosticCollection | undefined) {
    this.subscriptions = [
      vscode.window.tabGroups.onDidChangeTabs((e) => this.tabsChanged([...e.opened, ...e.changed], e.closed)),
      vscode.window.tabGroups.onDidChangeTabGroups((e) =>
        this.tabsChanged(
          [],
          e.closed.flatMap((g) => g.tabs),
        ),
      ),
      vscode.workspace.onDidCloseTextDocument((doc) => this.latest.delete(doc.uri.toString())),
    ];
  }

  /** What to publish for `uri`: its diagnostics, or none while no tab shows its open document. */
  filter(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
    const key = uri.toString();
    if (!isOpen(key)) return diagnostics;
    this.latest.set(key, diagnostics);
    return this.listed(key) ? diagnostics : [];
  }

  /**
   * A workspace check covered these folders (and no others: the server clears the closed reports
   * outside them): their open reports' problems are shown, tab or not; outside, as before a check.
   */
  checked(folders: readonly vscode.Uri[]): void {
    this.checkedFolders = folders.map((f) => f.toString().replace(/\/?$/, '/'));
    const collection = this.collection();
    if (!collection) return;
    // What the server sent while no tab showed them: it does not send the same diagnostics again.
    for (const [key, shown] of this.latest) {
      if (!isOpen(key)) continue;
      if (this.listed(key)) collection.set(vscode.Uri.parse(key, true), shown);
      else collection.delete(vscode.Uri.parse(key, true));
    }
  }

  private listed(key: string): boolean {
    return inTab(key) || this.checkedFolders.some((f) => key.startsWith(f));
  }

  private tabsChanged(opened: readonly vscode.Tab[], closed: readonly vscode.Tab[]): void {
    const collection = this.collection();
    if (!collection) return;
    for (const key of new Set(closed.flatMap(uriOf)))
      if (isOpen(key) && !this.listed(key) && this.latest.has(key)) collection.delete(vscode.Uri.parse(key, true));
    for (const key of new Set(opened.flatMap(uriOf))) {
      const shown = this.latest.get(key);
      if (shown) collection.set(vscode.Uri.parse(key, true), shown);
    }
  }

  dispose(): void {
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }
}

const isOpen = (key: string) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === key);

/** The documents a tab shows: a text editor's or the form's, or both sides of a diff. */
function uriOf(tab: vscode.Tab): string[] {
  const input = tab.input;
  if (input instanceof vscode.TabInputText) return [input.uri.toString()];
  if (input instanceof vscode.TabInputCustom && input.viewType === FORM_VIEW_TYPE) return [input.uri.toString()];
  if (input instanceof vscode.TabInputTextDiff) return [input.original.toString(), input.modified.toString()];
  return [];
}

const inTab = (key: string) => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => uriOf(t).includes(key)));
