import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { check } from '../../../server/src/core/check';
import { closeAllEditors, codeOf, firstDiagnostics, freshCopy, openReport } from './helpers';

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

const key = (code: string, severity: vscode.DiagnosticSeverity, r: vscode.Range): string =>
  `${code} ${vscode.DiagnosticSeverity[severity]} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

describe('diagnostics', () => {
  afterEach(closeAllEditors);

  it('shows the published errors of the example with their codes, severities and ranges', async () => {
    const uri = freshCopy();
    await openReport(uri);
    const ds = await firstDiagnostics(uri);
    const signed = ds.filter((d) => codeOf(d) === 'signed-before-year-end');
    assert.equal(signed.length, 1, 'one signed-before-year-end');
    assert.equal(signed[0].severity, vscode.DiagnosticSeverity.Error);
    // 落款日期: 2024-01-08 is line 11, columns 7-17 (1-based).
    assert.deepEqual(signed[0].range, new vscode.Range(10, 6, 10, 16));
    const missing = ds.filter((d) => codeOf(d) === 'missing-subsection');
    assert.equal(missing.length, 2, 'two missing-subsection');
    for (const d of missing) assert.deepEqual(d.range, new vscode.Range(15, 0, 15, 4), '总体情况 on line 16');
    // 政府信息管理 is written under 平台建设 (said where, as information); 监督保障 is nowhere.
    const about = (topic: string) => missing.find((d) => d.message.includes(topic))?.severity;
    assert.equal(about('政府信息管理'), vscode.DiagnosticSeverity.Information);
    assert.equal(about('监督保障'), vscode.DiagnosticSeverity.Warning);
    for (const d of ds) {
      assert.ok(d.message.length > 0, `${codeOf(d)} has a message`);
      const target = typeof d.code === 'object' ? d.code.target : undefined;
      // The rule help of this editor (its own scheme's link, which the extension handles).
      assert.ok(
        target && target.scheme === vscode.env.uriScheme && target.path === `/rules/${codeOf(d)}`,
        `${codeOf(d)} links to its rule help, got ${target?.toString()}`,
      );
    }
  });

  it('shows exactly what the checker finds, no more and no less', async () => {
    const uri = freshCopy();
    const editor = await openReport(uri);
    const ds = await firstDiagnostics(uri);
    const result = check(editor.document.getText());
    const toRange = (s: { start: number; end: number }) => {
      const a = result.report.lines.positionAt(s.start);
      const b = result.report.lines.positionAt(s.end);
      return new vscode.Range(a.line, a.character, b.line, b.character);
    };
    const expected = result.findings.map((f) => key(f.code, SEVERITY[f.severity], toRange(f.span))).sort();
    const shown = ds.map((d) => key(codeOf(d), d.severity, d.range)).sort();
    assert.deepEqual(shown, expected);
  });
});
