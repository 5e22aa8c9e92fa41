/**
 * govreport/checkWorkspace over LSP: the reports of a folder checked without being opened,
 * as one batch, each with its config: the diagnostics published for the closed files are
 * what `govreport check FOLDER` prints; progress is reported; an open report keeps the
 * batch's findings, a closed one gets its file's back (also one open while the check ran), and
 * a file deleted takes its own and the others' findings about it along.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CHECK_WORKSPACE_REQUEST, type CheckWorkspaceResult } from '../../server/src/shared/protocol';
import { batchWorkspace, cliDiagnostics, comparable } from './editorHelpers';
import { type LspClient, fileUri, type Diagnostic, type PublishDiagnostics } from './lspClient';

const NAMES = ['jiaotong-2024.report.yaml', 'lvliang-2024.report.yaml', 'wenlv-2024.report.yaml'];

function lastPublished(client: LspClient, uri: string): Diagnostic[] | undefined {
  const all = client.notifications.filter(
    (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as PublishDiagnostics).uri === uri,
  );
  return (all[all.length - 1]?.params as PublishDiagnostics | undefined)?.diagnostics;
}

/** Closes an open report and waits for its file's findings (published without a version), one of them `code`. */
async function closedToFile(client: LspClient, uri: string, code: string): Promise<void> {
  const back = client.waitFor(
    (m) =>
      m.method === 'textDocument/publishDiagnostics' &&
      (m.params as PublishDiagnostics).uri === uri &&
      (m.params as PublishDiagnostics).version === undefined &&
      (m.params as PublishDiagnostics).diagnostics.some((d) => d.code === code),
    10000,
    'the file’s findings after closing it',
  );
  client.close(uri);
  await back;
}

describe('Check All Reports in Workspace, over LSP', () => {
  let dir: string;
  let client: LspClient;
  let close: () => Promise<void>;
  let result: CheckWorkspaceResult;

  before(async () => {
    ({ dir, client, close } = await batchWorkspace({ window: { workDoneProgress: true } }));
    result = await client.request<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, { workDoneToken: 'check-1' }, 30000);
  });
  after(() => close());

  it('publishes the findings of every closed report, as govreport check FOLDER finds them', async () => {
    const cli = await cliDiagnostics(dir);
    let total = 0;
    for (const name of NAMES) {
      const uri = fileUri(path.join(dir, name));
      const shown = lastPublished(client, uri);
      assert.ok(shown, `nothing published for ${name}`);
      const want = cli.find((r) => r.file === path.join(dir, name))!.diagnostics;
      assert.deepEqual(comparable(shown), comparable(want), name);
      total += shown.length;
    }
    assert.ok(
      lastPublished(client, fileUri(path.join(dir, 'wenlv-2024.report.yaml')))!.some(
        (d) => d.code === 'copied-across-organs',
      ),
    );
    assert.deepEqual(
      { files: result.files, all: result.errors + result.warnings + result.information, skipped: result.skipped },
      { files: 3, all: total, skipped: 0 },
    );
    assert.equal(result.cancelled, false);
  });

  it('reports its progress on the token given', () => {
    const kinds = client.notifications
      .filter((m) => m.method === '$/progress' && (m.params as { token: unknown }).token === 'check-1')
      .map((m) => (m.params as { value: { kind: string } }).value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
  });

  it('an opened report keeps the batch’s findings; closed, its file’s come back', async () => {
    const file = path.join(dir, 'jiaotong-2024.report.yaml');
    const uri = fileUri(file);
    client.open(uri, readFileSync(file, 'utf8'));
    const open = await client.diagnostics(uri, 1);
    assert.ok(open.diagnostics.some((d) => d.code === 'copied-across-organs'));
    await closedToFile(client, uri, 'copied-across-organs');
  });

  it('a report open while the check runs gets its file’s findings back when closed', async () => {
    const file = path.join(dir, 'lvliang-2024.report.yaml');
    const uri = fileUri(file);
    client.open(uri, readFileSync(file, 'utf8'));
    await client.diagnostics(uri, 1);
    await client.request<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, {}, 30000);
    await closedToFile(client, uri, 'signed-before-year-end');
  });

  it('a report deleted takes its findings along, and the others’ about it', async () => {
    const gone = path.join(dir, 'wenlv-2024.report.yaml');
    const other = fileUri(path.join(dir, 'jiaotong-2024.report.yaml'));
    const cleared = client.waitFor(
      (m) =>
        m.method === 'textDocument/publishDiagnostics' &&
        (m.params as PublishDiagnostics).uri === fileUri(gone) &&
        (m.params as PublishDiagnostics).diagnostics.length === 0,
      10000,
      'the deleted file’s diagnostics cleared',
    );
    const updated = client.waitFor(
      (m) =>
        m.method === 'textDocument/publishDiagnostics' &&
        (m.params as PublishDiagnostics).uri === other &&
        (m.params as PublishDiagnostics).diagnostics.length > 0 &&
        !(m.params as PublishDiagnostics).diagnostics.some((d) => d.code === 'copied-across-organs'),
      10000,
      'the other report without copied-across-organs',
    );
    rmSync(gone);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(gone), type: 3 }] });
    await Promise.all([cleared, updated]);
  });
});
