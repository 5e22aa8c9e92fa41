import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  codeOf,
  firstDiagnostics,
  freshCopy,
  openReport,
  summary,
  waitForDiagnostics,
  waitForText,
} from './helpers';

/** The quick fixes at a diagnostic's range (the command's results do not say which diagnostic each fixes). */
async function quickFixes(uri: vscode.Uri, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    )) ?? [];
  return actions.filter(
    (a): a is vscode.CodeAction => 'kind' in a && !!a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind),
  );
}

describe('quick fixes', () => {
  afterEach(closeAllEditors);

  it('moves a 落款日期 before the year end into the next year, and the error goes', async () => {
    const uri = freshCopy();
    const { document } = await openReport(uri);
    const ds = await firstDiagnostics(uri);
    const signed = ds.find((d) => codeOf(d) === 'signed-before-year-end');
    assert.ok(signed, `signed-before-year-end among ${summary(ds)}`);
    const fixes = await quickFixes(uri, signed);
    const fix = fixes.find((a) => a.isPreferred);
    assert.ok(fix?.edit, `a preferred quick fix with an edit among ${JSON.stringify(fixes.map((a) => a.title))}`);
    assert.match(fix.title, /2025-01-08/);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(document.lineAt(10).text, '落款日期: 2025-01-08');
    const after = await waitForDiagnostics(
      uri,
      'signed-before-year-end to go',
      (xs) => !xs.some((d) => codeOf(d) === 'signed-before-year-end'),
    );
    assert.equal(after.filter((d) => codeOf(d) === 'missing-subsection').length, 2, 'the other findings stay');
  });

  it('adds a missing 总体情况 sub-section to be written, and its warning goes once it is', async () => {
    const uri = freshCopy();
    const { document } = await openReport(uri);
    const ds = await firstDiagnostics(uri);
    const missing = ds.find((d) => codeOf(d) === 'missing-subsection' && d.message.includes('监督保障'));
    assert.ok(missing, `missing-subsection for 监督保障 among ${summary(ds)}`);
    const fixes = await quickFixes(uri, missing);
    const fix = fixes.find((a) => a.isPreferred && a.title.includes('监督保障'));
    assert.ok(fix?.edit, `a preferred quick fix adding 监督保障 among ${JSON.stringify(fixes.map((a) => a.title))}`);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    await waitForText(document, 'the 监督保障 key', (t) => /^ {2}监督保障: ""$/m.test(t));
    // Empty, it is still missing; written, it is not.
    const edit = new vscode.WorkspaceEdit();
    const at = document.getText().indexOf('监督保障: ""') + '监督保障: '.length;
    edit.replace(
      uri,
      new vscode.Range(document.positionAt(at), document.positionAt(at + 2)),
      '将政务公开纳入年度绩效考核。',
    );
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const after = await waitForDiagnostics(
      uri,
      'only the 政府信息管理 note to remain',
      (xs) => xs.filter((d) => codeOf(d) === 'missing-subsection').length === 1,
    );
    const left = after.find((d) => codeOf(d) === 'missing-subsection')!;
    assert.match(left.message, /政府信息管理/);
    assert.equal(left.severity, vscode.DiagnosticSeverity.Information);
  });

  it('offers to silence a finding with a comment', async () => {
    const uri = freshCopy();
    await openReport(uri);
    const ds = await firstDiagnostics(uri);
    const signed = ds.find((d) => codeOf(d) === 'signed-before-year-end')!;
    const fixes = await quickFixes(uri, signed);
    const silence = fixes.find(
      (a) =>
        a.edit && a.edit.get(uri).some((e) => e.newText.includes('govreport-disable-next-line signed-before-year-end')),
    );
    assert.ok(silence, `a suppression fix among ${JSON.stringify(fixes.map((a) => a.title))}`);
    assert.equal(await vscode.workspace.applyEdit(silence.edit!), true);
    await waitForDiagnostics(
      uri,
      'the silenced finding to go',
      (xs) => !xs.some((d) => codeOf(d) === 'signed-before-year-end'),
    );
  });
});
