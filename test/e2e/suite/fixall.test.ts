import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  codeOf,
  firstDiagnostics,
  freshCopy,
  openReport,
  upToDate,
  waitForDiagnostics,
  waitForText,
  withSetting,
} from './helpers';

const FIX_ALL = 'source.fixAll.govreport';
/** Fix-all adds the missing sub-section, to be written (政府信息管理 is written under another heading). */
const ADDED = (t: string): boolean => /^ {2}监督保障: ""$/m.test(t) && !/^ {2}政府信息管理:/m.test(t);

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
});
