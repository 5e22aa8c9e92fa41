import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  codeOf,
  firstDiagnostics,
  freshCopy,
  openReport,
  waitForDiagnostics,
  withSetting,
} from './helpers';

describe('settings', () => {
  afterEach(closeAllEditors);

  it('govreport.severity turns a rule off and back on without a restart', async () => {
    const uri = freshCopy();
    await openReport(uri);
    const before = await firstDiagnostics(uri);
    assert.equal(before.filter((d) => codeOf(d) === 'missing-subsection').length, 2);
    const restore = await withSetting('govreport', 'severity', { 'missing-subsection': 'off' });
    try {
      const off = await waitForDiagnostics(
        uri,
        'missing-subsection to be turned off',
        (ds) => !ds.some((d) => codeOf(d) === 'missing-subsection'),
      );
      assert.ok(
        off.some((d) => codeOf(d) === 'signed-before-year-end'),
        'other rules stay on',
      );
    } finally {
      await restore();
    }
    await waitForDiagnostics(
      uri,
      'missing-subsection to come back',
      (ds) => ds.filter((d) => codeOf(d) === 'missing-subsection').length === 2,
    );
  });

  it("govreport.severity changes a rule's severity", async () => {
    const uri = freshCopy();
    await openReport(uri);
    await firstDiagnostics(uri);
    const restore = await withSetting('govreport', 'severity', { 'signed-before-year-end': 'warning' });
    try {
      await waitForDiagnostics(uri, 'signed-before-year-end as a warning', (ds) =>
        ds.some((d) => codeOf(d) === 'signed-before-year-end' && d.severity === vscode.DiagnosticSeverity.Warning),
      );
    } finally {
      await restore();
    }
  });
});
