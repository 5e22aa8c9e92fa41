import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { check } from '../../../server/src/core/check';
import { parseReport } from '../../../server/src/core/parse';
import { closeAllEditors, codeOf, summary, waitFor, waitForDiagnostics } from './helpers';

const ORGAN = '测试市数据局';

/** Every tab of every group. */
const allTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
const isForm = (t: vscode.Tab, uri: vscode.Uri) =>
  t.input instanceof vscode.TabInputCustom &&
  t.input.viewType === 'govreport.form' &&
  t.input.uri.toString() === uri.toString();
const isText = (t: vscode.Tab, uri: vscode.Uri) =>
  t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString();
const describeTabs = () =>
  JSON.stringify(
    allTabs().map((t) => [
      t.label,
      t.isActive,
      t.input instanceof vscode.TabInputCustom ? `form ${t.input.uri.toString()}` : '',
      t.input instanceof vscode.TabInputText ? `text ${t.input.uri.toString()}` : '',
    ]),
  );

describe('New Annual Report', () => {
  afterEach(closeAllEditors);

  it('opens a complete report for the 机关, 机关类型 and 年度 given', async () => {
    await vscode.commands.executeCommand('govreport.newReport', { organ: ORGAN, organType: '本级政府', year: 2024 });
    const editor = await waitFor(
      'an editor with the new report',
      () => {
        const e = vscode.window.activeTextEditor;
        return e && e.document.getText().includes(ORGAN) ? e : undefined;
      },
      [vscode.window.onDidChangeActiveTextEditor, vscode.workspace.onDidChangeTextDocument],
      () => vscode.window.activeTextEditor?.document.uri.toString() ?? 'no active editor',
    );
    const doc = editor.document;
    assert.equal(doc.languageId, 'govreport');
    const text = doc.getText();
    const report = parseReport(text);
    assert.equal(report.organ, ORGAN);
    assert.equal(report.organType, '本级政府');
    assert.equal(report.year, 2024);
    assert.equal(report.period?.start?.raw, '2024-01-01');
    assert.equal(report.period?.end?.raw, '2024-12-31');
    assert.ok(report.signed, 'a 落款日期');
    // Complete: every section, table and row is there, the tables hold zeros, and the dates
    // fit the year and the 本级政府 deadline, so no structural, arithmetic or date finding.
    const findings = check(text).findings;
    const wrong = findings.filter(
      (f) =>
        f.severity === 'error' ||
        (/^(?:missing-|signed-|past-deadline|period-)/.test(f.code) && f.code !== 'missing-subsection'),
    );
    assert.deepEqual(
      wrong.map((f) => f.code),
      [],
    );
    // The five topics of 总体情况 are there to be written: each is a warning until it is.
    assert.equal(findings.filter((f) => f.code === 'missing-subsection' && f.severity === 'warning').length, 5);
    assert.equal(report.sections.length, report.format.sections.length, 'all six sections');
    for (const [key, table] of report.tables) {
      for (const row of table.rows.values()) {
        assert.ok(
          row.cells.length > 0 && row.cells.every((c) => c?.raw === '0'),
          `${key} › ${row.path} is zeros: ${JSON.stringify(row.cells.map((c) => c?.raw))}`,
        );
      }
    }
    // And the editor checks it like any report.
    const expected = JSON.stringify(findings.map((f) => f.code).sort());
    const shown = await waitForDiagnostics(
      doc.uri,
      `the editor to show ${expected}`,
      (ds) => JSON.stringify(ds.map(codeOf).sort()) === expected,
    );
    assert.ok(!shown.some((d) => d.severity === vscode.DiagnosticSeverity.Error), `no errors: ${summary(shown)}`);
  });

  it('saved from the form, stays a form: the saved file is shown as the form where it was', async () => {
    const organ = '测试市表单局';
    await vscode.commands.executeCommand('govreport.newReport', { organ, organType: '部门', year: 2024 });
    const doc = (
      await waitFor(
        'an editor with the new report',
        () => {
          const e = vscode.window.activeTextEditor;
          return e && e.document.getText().includes(organ) ? e : undefined;
        },
        [vscode.window.onDidChangeActiveTextEditor, vscode.workspace.onDidChangeTextDocument],
      )
    ).document;
    assert.equal(doc.uri.scheme, 'untitled');
    const file = vscode.Uri.file(doc.uri.path);
    const expected = JSON.stringify(
      check(doc.getText())
        .findings.map((f) => f.code)
        .sort(),
    );
    try {
      await vscode.commands.executeCommand('govreport.openForm', doc.uri);
      await waitFor(
        'the new report as a form',
        () => allTabs().find((t) => t.isActive && isForm(t, doc.uri)),
        [vscode.window.tabGroups.onDidChangeTabs],
        describeTabs,
      );
      // Saved as a user saves it from the form (Ctrl+S): the report gets its file name, no dialog.
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor(
        'the saved file as the active form, and no text editor of it',
        () =>
          allTabs().some((t) => t.isActive && isForm(t, file)) && !allTabs().some((t) => isText(t, file))
            ? true
            : undefined,
        [vscode.window.tabGroups.onDidChangeTabs],
        describeTabs,
      );
      assert.ok(!allTabs().some((t) => isForm(t, doc.uri) || isText(t, doc.uri)), describeTabs());
      // Shown by the form alone, the report keeps its problems (the topics still to write, and more).
      await waitForDiagnostics(
        file,
        `the saved report’s problems while the form shows it: ${expected}`,
        (ds) => JSON.stringify(ds.map(codeOf).sort()) === expected,
      );
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(file).then(
        () => undefined,
        () => undefined,
      );
    }
  });
});
