import * as assert from 'node:assert/strict';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, extension, firstDiagnostics, freshCopy, openReport } from './helpers';

describe('activation', () => {
  afterEach(closeAllEditors);

  it('activates on a *.report.yaml and the server reports on it', async () => {
    const uri = freshCopy();
    const activeBefore = extension().isActive;
    const t0 = performance.now();
    const editor = await openReport(uri);
    assert.equal(editor.document.languageId, 'govreport');
    // Diagnostics come from the language server, so they prove activation and a running server.
    await firstDiagnostics(uri);
    const ms = performance.now() - t0;
    assert.equal(extension().isActive, true);
    // The first report opened in a fresh window: activation, the server's start and its first
    // check, as a user waits for them (docs/performance.md). Written down, never asserted on.
    const out = path.join(extension().extensionPath, 'test-artifacts', 'timings');
    mkdirSync(out, { recursive: true });
    const record = { vscode: vscode.version, language: vscode.env.language, activeBefore, firstDiagnosticsMs: ms };
    writeFileSync(path.join(out, `first-diagnostics-${vscode.version}.json`), JSON.stringify(record, null, 1));
    console.log(
      `first diagnostics after opening a report: ${ms.toFixed(0)} ms (activation included: ${!activeBefore})`,
    );
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
