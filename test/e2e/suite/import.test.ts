import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseReport } from '../../../server/src/core/parse';
import { closeAllEditors, extension, waitFor } from './helpers';

/** Copies of published reports of the repository's fixtures in a new temporary folder. */
function published(...names: string[]): vscode.Uri[] {
  const parent = process.env.GOVREPORT_E2E_TMP || os.tmpdir();
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(path.join(parent, 'govreport-import-'));
  return names.map((name) => {
    const target = path.join(dir, path.basename(name));
    copyFileSync(path.join(extension().extensionPath, 'test', 'fixtures', name), target);
    return vscode.Uri.file(target);
  });
}

/** The reports imported from the folder of `file` (other tests' documents may still be open). */
const reportsBeside = (file: vscode.Uri) =>
  vscode.workspace.textDocuments.filter(
    (d) => d.languageId === 'govreport' && path.dirname(d.uri.path) === path.dirname(file.path),
  );
const sourceEditor = () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'govreport-source');

describe('Import Published Report', () => {
  beforeEach(closeAllEditors);
  afterEach(closeAllEditors);

  it('imports several files at once, a PDF among them, each as a report named after its source', async () => {
    const files = published('real/淮安市洪泽区人民政府_2024.pdf', 'import/pingchuan-2024.gbk.html');
    // As the Explorer calls it with two files selected: the clicked one and the selection.
    await vscode.commands.executeCommand('govreport.importReport', files[0], files);
    const reports = () => reportsBeside(files[0]);
    const docs = await waitFor(
      'two imported reports',
      () => (reports().length === 2 && reports().every((d) => d.getText()) ? reports() : undefined),
      [vscode.workspace.onDidOpenTextDocument, vscode.workspace.onDidChangeTextDocument],
      () =>
        reports()
          .map((d) => d.uri.toString())
          .join(', '),
    );
    const byName = new Map(docs.map((d) => [path.basename(d.uri.path), parseReport(d.getText())]));
    assert.deepEqual([...byName.keys()].sort(), [
      'pingchuan-2024.gbk.report.yaml',
      '淮安市洪泽区人民政府_2024.report.yaml',
    ]);
    const pdf = byName.get('淮安市洪泽区人民政府_2024.report.yaml')!;
    assert.equal(pdf.organ, '淮安市洪泽区人民政府');
    assert.equal(pdf.organType, '本级政府');
    assert.deepEqual(
      pdf.tables
        .get('收到和处理政府信息公开申请情况')!
        .rows.get('本年新收政府信息公开申请数量')!
        .cells.map((c) => c!.raw),
      ['95', '0', '0', '0', '0', '0', '95'],
    );
    assert.ok(
      docs.every((d) => d.isUntitled && d.isDirty),
      'unsaved until the user saves',
    );
    // The source of the last import beside the results, decoded: this page is GBK.
    const source = await waitFor('the source beside the results', sourceEditor, [
      vscode.window.onDidChangeVisibleTextEditors,
    ]);
    assert.equal(source.viewColumn, vscode.ViewColumn.Two);
    assert.match(source.document.getText(), /平川县人民政府/);
    assert.doesNotMatch(source.document.getText(), /\ufffd/);
  });

  it('shows a PDF’s text as read, and reuses the source’s column for the next import', async () => {
    const [pdf] = published('real/淮安市洪泽区人民政府_2024.pdf');
    await vscode.commands.executeCommand('govreport.importReport', pdf);
    const first = await waitFor(
      'the PDF’s text beside the result',
      () => {
        const e = sourceEditor();
        return e && /淮安市洪泽区人民政府/.test(e.document.getText()) ? e : undefined;
      },
      [vscode.window.onDidChangeVisibleTextEditors, vscode.workspace.onDidChangeTextDocument],
    );
    assert.match(
      first.document.getText(),
      /\| 一、本年新收政府信息公开申请数量 \| 95 \| 0 \| 0 \| 0 \| 0 \| 0 \| 95 \|/,
    );
    const [md] = published('import/qinghe-2024.md');
    await vscode.commands.executeCommand('govreport.importReport', md);
    await waitFor(
      'the next source in the same column',
      () => {
        const e = sourceEditor();
        return e && /青禾区教育局/.test(e.document.getText()) ? e : undefined;
      },
      [vscode.window.onDidChangeVisibleTextEditors, vscode.workspace.onDidChangeTextDocument],
    );
    assert.equal(vscode.window.tabGroups.all.length, 2, 'two columns: the results and one source');
    assert.equal(sourceEditor()!.viewColumn, vscode.ViewColumn.Two);
  });

  it('offers the command in the Explorer on the forms it reads', () => {
    const menus = (
      extension().packageJSON as { contributes: { menus: Record<string, { command: string; when: string }[]> } }
    ).contributes.menus['explorer/context'];
    const entry = menus.find((m) => m.command === 'govreport.importReport');
    assert.ok(entry, 'an Explorer context menu entry');
    const when = /=~ \/(.+)\/i$/.exec(entry.when)!;
    const matches = new RegExp(when[1], 'i');
    for (const ext of ['.pdf', '.html', '.htm', '.txt', '.md', '.docx', '.PDF']) assert.ok(matches.test(ext), ext);
    for (const ext of ['.yaml', '.doc', '.png']) assert.ok(!matches.test(ext), ext);
  });
});
