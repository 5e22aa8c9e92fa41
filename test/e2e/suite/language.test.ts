import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, firstDiagnostics, findPosition, freshCopy, openReport, withSetting } from './helpers';

const labelOf = (item: vscode.CompletionItem): string =>
  typeof item.label === 'string' ? item.label : item.label.label;

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

async function completions(uri: vscode.Uri, at: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    uri,
    at,
  );
  return (list?.items ?? []).map(labelOf);
}

async function hover(uri: vscode.Uri, at: vscode.Position): Promise<string> {
  return hoverText(
    (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at)) ?? [],
  );
}

describe('completion and hover', () => {
  let restore: (() => Thenable<void>) | undefined;
  // Words from the document would otherwise fill the list and hide what the server offers.
  before(async () => (restore = await withSetting('editor', 'wordBasedSuggestions', 'off', 'govreport')));
  after(async () => restore?.());
  afterEach(closeAllEditors);

  it('completes the 机关类型 values', async () => {
    const uri = freshCopy();
    const { document } = await openReport(uri);
    await firstDiagnostics(uri);
    const labels = await completions(uri, findPosition(document, '机关类型: ', '机关类型: '.length));
    for (const want of ['部门', '本级政府'])
      assert.ok(
        labels.some((l) => l.includes(want)),
        `${want} among ${JSON.stringify(labels)}`,
      );
  });

  it('completes the missing 总体情况 sub-sections, not those already written', async () => {
    const uri = freshCopy();
    const editor = await openReport(uri);
    await firstDiagnostics(uri);
    // A new, indented line at the end of 总体情况, as an author starts one.
    const blank = findPosition(editor.document, '\n\n主动公开政府信息情况:', 1);
    assert.ok(await editor.edit((b) => b.insert(blank, '  ')));
    const labels = await completions(uri, blank.translate(0, 2));
    for (const want of ['政府信息管理', '监督保障'])
      assert.ok(
        labels.some((l) => l.includes(want)),
        `${want} among ${JSON.stringify(labels)}`,
      );
    assert.ok(!labels.some((l) => l.includes('解读回应')), `解读回应 is already there: ${JSON.stringify(labels)}`);
  });

  it('explains a total with its formula first, the figures that are not 0 in it', async () => {
    const uri = freshCopy();
    const { document } = await openReport(uri);
    await firstDiagnostics(uri);
    const row = '本年新收政府信息公开申请数量:  [67, 2, 0, 0, 0, 0, 69]';
    const text = await hover(uri, findPosition(document, row, row.indexOf('69')));
    assert.ok(text.replace(/\s+/g, '').startsWith('`总计=67+2=69`'), `the formula first in ${JSON.stringify(text)}`);
  });

  it('names a cell by its row and column', async () => {
    const uri = freshCopy();
    const { document } = await openReport(uri);
    await firstDiagnostics(uri);
    const row = '本年新收政府信息公开申请数量:  [67, 2, 0, 0, 0, 0, 69]';
    const text = await hover(uri, findPosition(document, row, row.indexOf('67')));
    assert.match(text, /本年新收政府信息公开申请数量/);
    assert.match(text, /自然人/);
  });
});
