import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, extension, govDiagnostics, summary, waitFor } from './helpers';

const NAMES = ['jiaotong-2024.report.yaml', 'lvliang-2024.report.yaml', 'wenlv-2024.report.yaml'];

/** The batch of test/fixtures/batch (three reports and their .govreport.yaml) in a new folder of the workspace. */
function batchInWorkspace(): string {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(root, 'the suite runs with a workspace folder');
  const dir = mkdtempSync(path.join(root, 'batch-'));
  cpSync(path.join(extension().extensionPath, 'test', 'fixtures', 'batch'), dir, { recursive: true });
  return dir;
}

describe('Check All Reports in Workspace', () => {
  let dir: string | undefined;
  afterEach(async () => {
    await closeAllEditors();
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('puts the findings of reports that are not open in Problems, with the config and the batch', async () => {
    dir = batchInWorkspace();
    const uris = NAMES.map((n) => vscode.Uri.file(path.join(dir!, n)));
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => uris.some((u) => u.toString() === d.uri.toString())),
      'none of them is open',
    );
    await vscode.commands.executeCommand('govreport.checkWorkspace');
    const all = await waitFor(
      'the findings of the three closed reports',
      () => {
        const ds = uris.map((u) => govDiagnostics(u));
        return ds.every((d) => d.length > 0) ? ds : undefined;
      },
      [vscode.languages.onDidChangeDiagnostics],
      () => uris.map((u) => `${path.basename(u.fsPath)}: ${summary(govDiagnostics(u))}`).join('; '),
    );
    const [jiaotong, lvliang, wenlv] = all.map((ds) => ds.map(codeOf));
    // The batch: the two organs sharing section 五 each have the finding.
    assert.ok(jiaotong.includes('copied-across-organs'), JSON.stringify(jiaotong));
    assert.ok(wenlv.includes('copied-across-organs'), JSON.stringify(wenlv));
    // The config: a deadline of its own, a length limit, a rule off.
    assert.ok(jiaotong.includes('past-deadline'));
    assert.ok(lvliang.includes('local-requirement'));
    assert.ok(!lvliang.includes('missing-subsection'));
    assert.ok(lvliang.includes('signed-before-year-end'));
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => uris.some((u) => u.toString() === d.uri.toString())),
      'the check opened none of them',
    );
  });

  it('lists a report that is open with no tab showing it, as its summary counts it', async () => {
    dir = batchInWorkspace();
    const uri = vscode.Uri.file(path.join(dir, 'lvliang-2024.report.yaml'));
    // Held open as VS Code holds a report whose tab was closed a moment ago, or one an extension opened.
    const held = await vscode.workspace.openTextDocument(uri);
    await vscode.commands.executeCommand('govreport.checkWorkspace');
    await waitFor(
      'the findings of the report no tab shows',
      () => (govDiagnostics(uri).some((d) => codeOf(d) === 'signed-before-year-end') ? true : undefined),
      [vscode.languages.onDidChangeDiagnostics],
      () => summary(govDiagnostics(uri)),
    );
    assert.ok(vscode.workspace.textDocuments.includes(held), 'the report is still an open document');
    assert.ok(
      !vscode.window.tabGroups.all.some((g) =>
        g.tabs.some((t) => (t.input as { uri?: vscode.Uri })?.uri?.toString() === uri.toString()),
      ),
      'no tab shows it',
    );
  });

  it('checks a folder from the Explorer’s context menu, and a report opened then keeps its findings', async () => {
    dir = batchInWorkspace();
    const folder = vscode.Uri.file(dir);
    const uri = vscode.Uri.file(path.join(dir, 'wenlv-2024.report.yaml'));
    await vscode.commands.executeCommand('govreport.checkFolder', folder, [folder]);
    await waitFor(
      'copied-across-organs on the closed report',
      () => (govDiagnostics(uri).some((d) => codeOf(d) === 'copied-across-organs') ? true : undefined),
      [vscode.languages.onDidChangeDiagnostics],
      () => summary(govDiagnostics(uri)),
    );
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // Opened, it is checked as it stands in the editor, still against the batch.
    const open = await waitFor(
      'the open report’s own diagnostics',
      () => {
        const ds = govDiagnostics(uri);
        return ds.some((d) => codeOf(d) === 'copied-across-organs') && ds.some((d) => codeOf(d) === 'past-deadline')
          ? ds
          : undefined;
      },
      [vscode.languages.onDidChangeDiagnostics],
      () => summary(govDiagnostics(uri)),
    );
    assert.ok(open.length >= 2);
  });
});
