import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { check } from '../../../server/src/core/check';
import { parseReport } from '../../../server/src/core/parse';
import { closeAllEditors, codeOf, summary, waitFor, waitForDiagnostics } from './helpers';

const ORGAN = '测试市数据局';

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
});
