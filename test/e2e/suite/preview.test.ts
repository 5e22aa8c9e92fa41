import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, freshCopy, openReport, waitFor } from './helpers';

function webviewTabs(): { tab: vscode.Tab; column: vscode.ViewColumn }[] {
  return vscode.window.tabGroups.all.flatMap((g) =>
    g.tabs.filter((t) => t.input instanceof vscode.TabInputWebview).map((tab) => ({ tab, column: g.viewColumn })),
  );
}

const describeTabs = (): string =>
  JSON.stringify(vscode.window.tabGroups.all.map((g) => ({ column: g.viewColumn, tabs: g.tabs.map((t) => t.label) })));

describe('preview', () => {
  afterEach(closeAllEditors);

  it('opens beside the report with govreport.openPreviewToSide', async () => {
    const uri = freshCopy();
    await openReport(uri, vscode.ViewColumn.One);
    assert.equal(webviewTabs().length, 0);
    await vscode.commands.executeCommand('govreport.openPreviewToSide');
    const [preview] = await waitFor(
      'a webview tab beside the report',
      () => (webviewTabs().length ? webviewTabs() : undefined),
      [vscode.window.tabGroups.onDidChangeTabs, vscode.window.tabGroups.onDidChangeTabGroups],
      describeTabs,
    );
    assert.equal(preview.column, vscode.ViewColumn.Two, 'to the side of the report in column one');
    const report = vscode.window.tabGroups.all
      .find((g) => g.viewColumn === vscode.ViewColumn.One)
      ?.tabs.find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
    assert.ok(report, `the report stays open in column one: ${describeTabs()}`);
  });

  it('opens in place with govreport.openPreview', async () => {
    const uri = freshCopy();
    await openReport(uri, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('govreport.openPreview');
    const [preview] = await waitFor(
      'a webview tab',
      () => (webviewTabs().length ? webviewTabs() : undefined),
      [vscode.window.tabGroups.onDidChangeTabs, vscode.window.tabGroups.onDidChangeTabGroups],
      describeTabs,
    );
    assert.equal(preview.column, vscode.ViewColumn.One);
  });
});
