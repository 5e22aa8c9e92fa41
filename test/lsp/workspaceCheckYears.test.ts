/**
 * Check All Reports in Workspace over a folder of many organs' reports on two years, as an
 * evaluator's folder is: every closed report gets what `govreport check FOLDER` finds (checked
 * against last year's report of its organ), a file nested too deep is passed over with its
 * position, and the server keeps none of the reports parsed afterwards (the batch is checked in
 * worker threads).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MEMORY_REQUEST } from '../../server/src/lsp/debug';
import { CHECK_WORKSPACE_REQUEST, type CheckWorkspaceResult } from '../../server/src/shared/protocol';
import { cliDiagnostics, comparable } from './editorHelpers';
import { LspClient, ROOT, fileUri, type PublishDiagnostics } from './lspClient';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'crossyear');
/** More organs than the server keeps last year's reports of when it parses them itself (previousYear.ts). */
const ORGANS = 20;

describe('Check All Reports in Workspace: many organs, two years', () => {
  let dir: string;
  let client: LspClient;
  let result: CheckWorkspaceResult;
  const files: string[] = [];

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'govreport-years-'));
    for (const year of [2023, 2024]) {
      const text = readFileSync(path.join(FIXTURES, `ziranziyuan-${year}.report.yaml`), 'utf8');
      for (let k = 0; k < ORGANS; k++) {
        // Named so that the folder's order is not the organs' order.
        const file = path.join(dir, `${String((k * 7) % ORGANS).padStart(2, '0')}-${year}.report.yaml`);
        writeFileSync(file, text.replace('机关: 某县自然资源局', `机关: 某县第${k + 1}自然资源局`));
        files.push(file);
      }
    }
    // Nested too deep over short lines: passed over, said where.
    writeFileSync(
      path.join(dir, 'deep.report.yaml'),
      `机关: 某县第1自然资源局\n年度: 2022\n附加:\n${'  [\n'.repeat(100)}`,
    );
    client = new LspClient(['--stdio', '--debug-memory']);
    await client.initialize({
      rootUri: fileUri(dir),
      settings: { validate: { debounceMs: 0 } },
      capabilities: { workspace: { configuration: true } },
    });
    result = await client.request<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, {}, 60_000);
  });
  after(async () => {
    await client.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes for every report what govreport check FOLDER finds, last year included', async () => {
    const cli = await cliDiagnostics(dir);
    let crossYear = 0;
    for (const file of files) {
      const uri = fileUri(file);
      const published = client.notifications.filter(
        (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as PublishDiagnostics).uri === uri,
      );
      assert.equal(published.length, 1, `published once for ${file}`);
      const shown = (published[0].params as PublishDiagnostics).diagnostics;
      assert.deepEqual(comparable(shown), comparable(cli.find((r) => r.file === file)!.diagnostics), file);
      crossYear += shown.filter((d) => d.code.startsWith('cross-year-')).length;
    }
    assert.ok(crossYear >= 3 * ORGANS, `each 2024 report checked against its 2023 report: ${crossYear}`);
    assert.deepEqual({ files: result.files, skipped: result.skipped }, { files: 2 * ORGANS, skipped: 1 });
  });

  it('says where the file nested too deep is, when checked and when looked at as last year’s report', () => {
    const log = client.notifications
      .filter((m) => m.method === 'window/logMessage')
      .map((m) => (m.params as { message: string }).message)
      .join('\n');
    assert.match(log, /not checked: .*deep\.report\.yaml:\d+:\d+: nested more than 64 levels deep/);
    // Its 机关 and 年度 lines make it last year's report of an organ's 2023 report: parsed, it is refused.
    assert.match(log, /not used as last year's report: .*deep\.report\.yaml:\d+:\d+: nested more than 64 levels deep/);
  });

  it('stops its workers when cancelled while they check, and the next check checks every file', async () => {
    const { id, answer } = client.sent<CheckWorkspaceResult>(
      CHECK_WORKSPACE_REQUEST,
      { workDoneToken: 'cancel-me' },
      60_000,
    );
    // The first report of the workers: they have begun, and have most of the batch before them.
    await client.waitFor(
      (m) =>
        m.method === '$/progress' &&
        (m.params as { token: string; value: { message?: string } }).token === 'cancel-me' &&
        /^(?:Checking|正在检查) \d+\/\d+$/.test((m.params as { value: { message?: string } }).value.message ?? ''),
      60_000,
      'the workers’ first progress',
    );
    client.notify('$/cancelRequest', { id });
    const cancelled = await answer.then(
      (r) => r,
      (e: { code?: number }) => ({ cancelled: e.code === -32800 }),
    );
    assert.equal(cancelled.cancelled, true, JSON.stringify(cancelled));
    // The workers stopped: the last report of their progress is short of the batch.
    const counts = client.notifications
      .filter((m) => m.method === '$/progress' && (m.params as { token: string }).token === 'cancel-me')
      .map((m) =>
        /^(?:Checking|正在检查) (\d+)\/(\d+)$/.exec((m.params as { value: { message?: string } }).value.message ?? ''),
      )
      .filter((m) => m !== null)
      .map((m) => [Number(m[1]), Number(m[2])]);
    const [done, total] = counts[counts.length - 1];
    assert.ok(done < total, `checked ${done} of ${total} before stopping`);
    const again = await client.request<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, {}, 60_000);
    assert.deepEqual(
      { files: again.files, errors: again.errors, cancelled: again.cancelled },
      {
        files: result.files,
        errors: result.errors,
        cancelled: false,
      },
    );
  });

  it("keeps none of the folder's reports parsed: they were checked in worker threads", async () => {
    const held = await client.request<{ lastYearFiles: number }>(MEMORY_REQUEST, null);
    assert.equal(held.lastYearFiles, 0, JSON.stringify(held));
  });
});

describe('Check All Reports in Workspace: a folder apart from last year’s', () => {
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'govreport-apart-'));
    for (const year of [2023, 2024]) {
      mkdirSync(path.join(dir, String(year)));
      const text = readFileSync(path.join(FIXTURES, `ziranziyuan-${year}.report.yaml`), 'utf8');
      for (let k = 0; k < 3; k++)
        writeFileSync(
          path.join(dir, String(year), `${k}.report.yaml`),
          text.replace('机关: 某县自然资源局', `机关: 某县第${k + 1}自然资源局`),
        );
    }
    client = new LspClient();
    await client.initialize({
      rootUri: fileUri(dir),
      settings: { validate: { debounceMs: 0 } },
      capabilities: { workspace: { configuration: true } },
    });
  });
  after(async () => {
    await client.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops when cancelled, and checks the whole folder when asked again', async () => {
    const { id, answer } = client.sent<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, {}, 60_000);
    client.notify('$/cancelRequest', { id });
    // Cancelled, the request ends as JSON-RPC says (an error of code -32800) or with what it did so far.
    const first = await answer.then(
      (r) => r,
      (e: { code?: number }) => ({ cancelled: e.code === -32800 }),
    );
    assert.equal(first.cancelled, true, JSON.stringify(first));
    const again = await client.request<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, {}, 60_000);
    assert.deepEqual({ files: again.files, cancelled: again.cancelled }, { files: 6, cancelled: false });
  });

  it('checks this year’s folder from the Explorer with last year’s reports in the folder beside it', async () => {
    const folder = path.join(dir, '2024');
    const published = (uri: string) =>
      client.notifications.filter(
        (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as PublishDiagnostics).uri === uri,
      );
    const before = published(fileUri(path.join(folder, '0.report.yaml'))).length;
    const result = await client.request<CheckWorkspaceResult>(
      CHECK_WORKSPACE_REQUEST,
      { folders: [fileUri(folder)] },
      60_000,
    );
    assert.equal(result.files, 3);
    const cli = await cliDiagnostics(dir);
    for (let k = 0; k < 3; k++) {
      const file = path.join(folder, `${k}.report.yaml`);
      const all = published(fileUri(file));
      assert.equal(all.length, before + 1, file);
      const shown = (all[all.length - 1].params as PublishDiagnostics).diagnostics;
      assert.ok(
        shown.some((d) => d.code.startsWith('cross-year-')),
        `${file} checked against its 2023 report`,
      );
      assert.deepEqual(comparable(shown), comparable(cli.find((r) => r.file === file)!.diagnostics), file);
    }
  });
});
