import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  codeOf,
  EXTENSION_ID,
  firstDiagnostics,
  freshCopy,
  inChinese,
  openReport,
  waitFor,
} from './helpers';

const describeTabs = (): string =>
  JSON.stringify(vscode.window.tabGroups.all.map((g) => ({ column: g.viewColumn, tabs: g.tabs.map((t) => t.label) })));

/** The rule help's tab, wherever it is. */
const helpTab = (): { tab: vscode.Tab; column: vscode.ViewColumn } | undefined =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs.map((tab) => ({ tab, column: g.viewColumn })))
    .find((t) => t.tab.input instanceof vscode.TabInputWebview && t.tab.input.viewType.endsWith('govreport.ruleHelp'));

const title = (code: string) => (inChinese() ? `规则说明：${code}` : `Rule: ${code}`);

describe('rule help', () => {
  afterEach(closeAllEditors);

  it("opens from a diagnostic's code beside the report, at the rule, in the display language", async () => {
    const uri = freshCopy();
    await openReport(uri, vscode.ViewColumn.One);
    const signed = (await firstDiagnostics(uri)).find((d) => codeOf(d) === 'signed-before-year-end')!;
    // The link the Problems panel and the hover show: the extension's own URI.
    assert.ok(typeof signed.code === 'object', 'the code is a link');
    const target = signed.code.target;
    assert.equal(target.scheme, vscode.env.uriScheme);
    assert.equal(target.authority, EXTENSION_ID);
    assert.equal(target.path, '/rules/signed-before-year-end');
    // Opened as the workbench opens a link.
    await vscode.commands.executeCommand('vscode.open', target);
    const help = await waitFor(
      'the rule help beside the report',
      () => (helpTab()?.tab.label === title('signed-before-year-end') ? helpTab() : undefined),
      [vscode.window.tabGroups.onDidChangeTabs, vscode.window.tabGroups.onDidChangeTabGroups],
      describeTabs,
    );
    assert.equal(help.column, vscode.ViewColumn.Two);
    const report = vscode.window.tabGroups.all
      .find((g) => g.viewColumn === vscode.ViewColumn.One)
      ?.tabs.find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
    assert.ok(report?.isActive, `the report stays open and in front in column one: ${describeTabs()}`);
    // The editor keeps the focus: the help is read beside it.
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
  });

  it('shows another rule in the same place, from the palette command too', async () => {
    const uri = freshCopy();
    await openReport(uri, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('govreport.showRuleHelp', 'missing-subsection');
    await waitFor(
      'the help at missing-subsection',
      () => (helpTab()?.tab.label === title('missing-subsection') ? true : undefined),
      [vscode.window.tabGroups.onDidChangeTabs, vscode.window.tabGroups.onDidChangeTabGroups],
      describeTabs,
    );
    await vscode.commands.executeCommand('govreport.showRuleHelp', 'past-deadline');
    await waitFor(
      'the help at past-deadline',
      () => (helpTab()?.tab.label === title('past-deadline') ? true : undefined),
      [vscode.window.tabGroups.onDidChangeTabs, vscode.window.tabGroups.onDidChangeTabGroups],
      describeTabs,
    );
    const helps = vscode.window.tabGroups.all.flatMap((g) =>
      g.tabs.filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('ruleHelp')),
    );
    assert.equal(helps.length, 1, describeTabs());
  });
});
