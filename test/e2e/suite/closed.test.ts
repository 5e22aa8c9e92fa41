import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, extension, firstDiagnostics, freshCopy, govDiagnostics, summary, waitFor } from './helpers';

const withProblems = () =>
  vscode.languages.getDiagnostics().filter(([, ds]) => ds.some((d) => d.source === 'govreport'));
const describeProblems = () =>
  JSON.stringify(withProblems().map(([u, ds]) => [path.basename(u.path), u.scheme, ds.length]));

describe('a report closed', () => {
  afterEach(closeAllEditors);

  it('leaves the Problems panel once imported, saved and closed, and comes back when reopened', async () => {
    const dir = path.dirname(freshCopy().fsPath);
    const source = vscode.Uri.file(path.join(dir, 'published.md'));
    const fixture = vscode.Uri.joinPath(extension().extensionUri, 'test', 'fixtures', 'import', 'qinghe-2024.md');
    await vscode.workspace.fs.writeFile(source, await vscode.workspace.fs.readFile(fixture));
    const [editor] = (await vscode.commands.executeCommand<vscode.TextEditor[]>('govreport.importReport', source))!;
    await firstDiagnostics(editor.document.uri);
    // Saved as a user saves it (Ctrl+S): the untitled report's editor becomes the file's.
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.files.save');
    const file = vscode.Uri.file(path.join(dir, 'published.report.yaml'));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), file.toString());
    const first = await firstDiagnostics(file);
    const problems = first.length;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(
      'no problems of closed reports',
      () => (withProblems().length === 0 ? true : undefined),
      [vscode.languages.onDidChangeDiagnostics],
      describeProblems,
    );
    // Shown again, it has them again, whether VS Code closed its document meanwhile or not.
    await vscode.window.showTextDocument(file);
    await waitFor(
      'the reopened report’s problems',
      () => (govDiagnostics(file).length === problems ? true : undefined),
      [vscode.languages.onDidChangeDiagnostics],
      () => `${describeProblems()}; first shown: ${summary(first)}; now: ${summary(govDiagnostics(file))}`,
    );
  });
});
