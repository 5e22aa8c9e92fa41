import * as assert from 'node:assert/strict';
import { renameSync } from 'node:fs';
import * as vscode from 'vscode';
import { closeAllEditors, extension, firstDiagnostics, freshCopy, openReport } from './helpers';

describe('activation', () => {
  afterEach(closeAllEditors);

  it('activates on a *.report.yaml and the server reports on it', async () => {
    const uri = freshCopy();
    const editor = await openReport(uri);
    assert.equal(editor.document.languageId, 'govreport');
    // Diagnostics come from the language server, so they prove activation and a running server.
    await firstDiagnostics(uri);
    assert.equal(extension().isActive, true);
  });

  it('runs in the display language the workbench was started in', () => {
    const wanted = process.env.GOVREPORT_E2E_LANGUAGE;
    if (wanted) assert.equal(vscode.env.language, wanted);
  });

  it('treats *.report.yml as a report too', async () => {
    const yaml = freshCopy();
    const yml = vscode.Uri.file(yaml.fsPath.replace(/\.yaml$/, '.yml'));
    renameSync(yaml.fsPath, yml.fsPath);
    const editor = await openReport(yml);
    assert.equal(editor.document.languageId, 'govreport');
    await firstDiagnostics(yml);
  });
});
