import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { check } from '../../../server/src/core/check';
import {
  closeAllEditors,
  codeOf,
  EXTENSION_ID,
  freshCopy,
  inChinese,
  openReport,
  summary,
  waitFor,
  waitForDiagnostics,
} from './helpers';

describe('getting started', () => {
  afterEach(closeAllEditors);

  it('Open Sample Report opens an unsaved copy of a complete report that checks clean', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('govreport.openSample');
    assert.ok(editor);
    const { document } = editor;
    assert.equal(document.languageId, 'govreport');
    assert.ok(document.isUntitled, 'a copy: the extension’s own file is not edited');
    assert.equal(
      path.posix.basename(document.uri.path),
      inChinese() ? '示例报告-2024.report.yaml' : 'sample-report-2024.report.yaml',
    );
    assert.deepEqual(check(document.getText()).findings, [], 'clean');
    // It is checked like any report: a wrong total shows at once.
    const row = '[120, 30, 2, 1, 3, 4, 160]';
    const at = document.positionAt(document.getText().indexOf(row) + row.length - 4);
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(at, at.translate(0, 3)), '161')));
    const ds = await waitForDiagnostics(document.uri, 'a row-total error', (xs) =>
      xs.some((d) => codeOf(d) === 'row-total'),
    );
    assert.ok(ds.length >= 1, summary(ds));
  });

  it('opens the sample beside what is shown when no report editor is active (the walkthrough)', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('govreport.openSample');
    assert.equal(editor?.viewColumn, vscode.ViewColumn.Two);
    // From a report's editor (the palette), in that editor's group.
    const report = await openReport(freshCopy(), vscode.ViewColumn.One);
    const second = await vscode.commands.executeCommand<vscode.TextEditor>('govreport.openSample');
    assert.equal(second?.viewColumn, report.viewColumn);
  });

  it('the walkthrough opens', async () => {
    const before = vscode.window.tabGroups.all.flatMap((g) => g.tabs).length;
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#start`, false);
    await waitFor(
      'the walkthrough’s tab',
      () => (vscode.window.tabGroups.all.flatMap((g) => g.tabs).length > before ? true : undefined),
      [vscode.window.tabGroups.onDidChangeTabs],
      () => JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label))),
    );
  });
});

describe('context menus', () => {
  afterEach(closeAllEditors);

  it('open the preview of a report from the Explorer, with the URI VS Code passes', async () => {
    const uri = freshCopy();
    await vscode.commands.executeCommand('govreport.openPreview', uri);
    await waitFor(
      'a preview',
      () =>
        vscode.window.tabGroups.all.some((g) =>
          g.tabs.some(
            (t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('govreport.preview'),
          ),
        )
          ? true
          : undefined,
      [vscode.window.tabGroups.onDidChangeTabs, vscode.window.tabGroups.onDidChangeTabGroups],
    );
  });

  it('are offered where they apply', () => {
    const menus = extensionMenus();
    const entry = (menu: string, command: string) => menus[menu]?.find((e) => e.command === command);
    assert.match(entry('explorer/context', 'govreport.openPreview')?.when ?? '', /resourceLangId == govreport/);
    assert.match(entry('explorer/context', 'govreport.importReport')?.when ?? '', /pdf/);
    assert.match(entry('editor/context', 'govreport.openPreviewToSide')?.when ?? '', /editorLangId == govreport/);
    assert.match(entry('editor/context', 'govreport.export')?.when ?? '', /editorLangId == govreport/);
  });
});

function extensionMenus(): Record<string, { command: string; when?: string }[]> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  return (ext.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } })
    .contributes.menus;
}
