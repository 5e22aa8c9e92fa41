import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  codeOf,
  firstDiagnostics,
  freshCopy,
  inChinese,
  openReport,
  summary,
  upToDate,
  waitFor,
  waitForDiagnostics,
  waitForText,
  withSetting,
} from './helpers';

const FIX_ALL = 'source.fixAll.govreport';
/** Fix-all adds the missing sub-section, to be written (政府信息管理 is written under another heading). */
const ADDED = (t: string): boolean => /^ {2}监督保障: ""$/m.test(t) && !/^ {2}政府信息管理:/m.test(t);
const QUICK_FIX_ALL = 'quickfix.govreport.fixAll';
/** Two rows missing (one kind), a date in another form, 监督保障 missing: four fixes that need no judgement. */
const BROKEN = (t: string): string =>
  t
    .replace('  行政许可:       [0]\n', '')
    .replace('  行政处罚:       [0]\n', '')
    .replace('落款日期: 2024-01-08', '落款日期: 2024/1/8');
const MENDED = (t: string): boolean =>
  t.includes('  行政许可:       [0]\n') && t.includes('  行政处罚:       [0]\n') && t.includes('落款日期: 2024-01-08');

/** A fresh copy of the example with BROKEN's changes, open, with its diagnostics. */
async function broken(): Promise<{ editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  const uri = freshCopy();
  const editor = await openReport(uri);
  await firstDiagnostics(uri);
  const text = editor.document.getText();
  assert.ok(await editor.edit((b) => b.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), BROKEN(text))));
  const diagnostics = await waitForDiagnostics(uri, 'the diagnostics of the broken copy', (ds) =>
    upToDate(editor.document, ds),
  );
  return { editor, diagnostics };
}

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      range,
      vscode.CodeActionKind.QuickFix.value,
      // Fix-all's edits come when it is chosen (codeAction/resolve): resolved here as a choice would.
      10,
    )) ?? []
  );
}

describe('fix-all', () => {
  afterEach(closeAllEditors);

  it('is offered as source.fixAll.govreport', async () => {
    const uri = freshCopy();
    const { document } = await openReport(uri);
    await firstDiagnostics(uri);
    const all = new vscode.Range(0, 0, document.lineCount, 0);
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        all,
        FIX_ALL,
      )) ?? [];
    const kinds = actions.map((a) => a.kind?.value);
    assert.deepEqual(kinds, [FIX_ALL]);
  });

  it('applies every fix that needs no judgement through editor.action.sourceAction', async () => {
    const uri = freshCopy();
    const { document } = await openReport(uri);
    await firstDiagnostics(uri);
    await vscode.commands.executeCommand('editor.action.sourceAction', { kind: FIX_ALL, apply: 'first' });
    await waitForText(document, 'the 监督保障 sub-section', ADDED);
    const after = await waitForDiagnostics(uri, 'the diagnostics of the fixed text', (xs) => upToDate(document, xs));
    // Added empty, the topic is still to be written.
    assert.ok(after.some((d) => codeOf(d) === 'missing-subsection' && d.message.includes('监督保障')));
    // A date needs judgement, so fix-all leaves it.
    assert.ok(after.some((d) => codeOf(d) === 'signed-before-year-end'));
    assert.equal(document.lineAt(10).text, '落款日期: 2024-01-08');
  });

  it('runs on save with editor.codeActionsOnSave', async () => {
    const restore = await withSetting('editor', 'codeActionsOnSave', { [FIX_ALL]: 'explicit' }, 'govreport');
    try {
      const uri = freshCopy();
      const editor = await openReport(uri);
      await firstDiagnostics(uri);
      // Saving an unchanged document does nothing, so make it dirty first.
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n')));
      assert.equal(await editor.document.save(), true);
      assert.ok(ADDED(readFileSync(uri.fsPath, 'utf8')), 'the saved file has the 监督保障 sub-section');
      await waitForDiagnostics(uri, 'the diagnostics of the saved text', (xs) => upToDate(editor.document, xs));
    } finally {
      await restore();
    }
  });

  it('is in the Ctrl+. menu: fix-all, and fix-all of the kind under the cursor', async () => {
    const { editor, diagnostics } = await broken();
    const { document } = editor;
    const row = diagnostics.find((d) => codeOf(d) === 'missing-row');
    assert.ok(row, `missing-row among ${summary(diagnostics)}`);
    const all = (await quickFixes(document.uri, row.range)).filter((a) => a.kind?.value === QUICK_FIX_ALL);
    const titles = all.map((a) => a.title);
    assert.deepEqual(
      titles,
      inChinese()
        ? ['修复全部 2 处“缺少表格行”（missing-row）', '修复全部 4 处无需判断的问题']
        : ['Fix all 2 "missing table row" problems (missing-row)', 'Fix all 4 problems that need no judgement'],
    );
    assert.equal(await vscode.workspace.applyEdit(all[0].edit!), true);
    await waitForText(document, 'both rows back', (t) => t.includes('  行政许可:') && t.includes('  行政处罚:'));
    assert.ok(document.getText().includes('落款日期: 2024/1/8'), 'a kind mends only its own');
    const left = await waitForDiagnostics(document.uri, 'the rows no longer missing', (ds) => upToDate(document, ds));
    const date = left.find((d) => codeOf(d) === 'date-form')!;
    const rest = (await quickFixes(document.uri, date.range)).find((a) => a.kind?.value === QUICK_FIX_ALL);
    assert.ok(rest?.edit, 'fix-all is still offered for the two left');
    assert.equal(await vscode.workspace.applyEdit(rest.edit), true);
    await waitForText(document, 'everything mended', (t) => MENDED(t) && ADDED(t));
  });

  it("is what VS Code's own Fix All does (the command palette)", async () => {
    const { editor } = await broken();
    await vscode.commands.executeCommand('editor.action.fixAll');
    await waitForText(editor.document, 'every fix that needs no judgement', (t) => MENDED(t) && ADDED(t));
  });

  it('is a command of its own, "Fix All That Needs No Judgement", that says when there is nothing to do', async () => {
    const { editor } = await broken();
    assert.equal(await vscode.commands.executeCommand('govreport.fixAll'), true);
    await waitForText(editor.document, 'every fix that needs no judgement', (t) => MENDED(t) && ADDED(t));
    await waitForDiagnostics(editor.document.uri, 'the mended text checked', (ds) => upToDate(editor.document, ds));
    // What is left needs judgement (the 办结率, the empty 监督保障).
    assert.equal(await vscode.commands.executeCommand('govreport.fixAll'), false);
  });

  it('puts the caret in the sub-section a fix adds, for the author to write it', async () => {
    const uri = freshCopy();
    const editor = await openReport(uri);
    const ds = await firstDiagnostics(uri);
    const missing = ds.find((d) => codeOf(d) === 'missing-subsection' && d.message.includes('监督保障'))!;
    const fix = (await quickFixes(uri, missing.range)).find((a) => a.isPreferred && a.title.includes('监督保障'));
    assert.ok(fix?.edit && fix.command, 'the fix with its edit and the command after it');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    const caret = await waitFor(
      'the caret in the new sub-section',
      () => {
        const at = editor.selection.active;
        const line = editor.document.lineAt(at.line).text;
        return line === '  监督保障: ""' && at.character === line.length - 1 ? at : undefined;
      },
      [vscode.window.onDidChangeTextEditorSelection],
      () => `${editor.selection.active.line}:${editor.selection.active.character}`,
    );
    assert.ok(editor.selection.isEmpty, `${caret.line}`);
  });
});
