/**
 * The config file over LSP: an open report is checked with the nearest .govreport.yaml, and
 * finds what `govreport check` finds with it; the config's own problems are diagnostics of the
 * config file, with positions; a config changed on disk (the file watcher) re-checks the report.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { batchWorkspace } from './editorHelpers';
import { type LspClient, fileUri, type Diagnostic, type PublishDiagnostics } from './lspClient';

/** What the CLI prints as JSON for one file, in the same locale. */
async function cliDiagnostics(file: string): Promise<Diagnostic[]> {
  let out = '';
  await runCli(['check', '--format', 'json', file], {
    stdout: (s) => (out += s),
    stderr: () => undefined,
    env: { LANG: 'zh_CN.UTF-8' },
  });
  return (JSON.parse(out) as { file: string; diagnostics: Diagnostic[] }[]).find((r) => r.file === file)!.diagnostics;
}

/**
 * Diagnostics as compared between the two faces: the link to the docs differs between sources
 * and bundle, and `data` is what the server keeps for its own code actions.
 */
const comparable = (ds: Diagnostic[]) => ds.map(({ codeDescription: _, data: __, ...d }) => d);

describe('the config file in the editor', () => {
  let dir: string;
  let client: LspClient;
  let close: () => Promise<void>;

  before(async () => {
    ({ dir, client, close } = await batchWorkspace());
  });
  after(() => close());

  it('turns a rule off, moves a deadline, sets a length limit: the same findings as the command line', async () => {
    for (const name of ['lvliang-2024.report.yaml', 'jiaotong-2024.report.yaml']) {
      const file = path.join(dir, name);
      const uri = fileUri(file);
      client.open(uri, readFileSync(file, 'utf8'));
      const { diagnostics } = await client.diagnostics(uri, 1);
      const codes = diagnostics.map((d) => d.code);
      if (name.startsWith('lvliang')) {
        assert.ok(!codes.includes('missing-subsection'), 'turned off by the config');
        assert.ok(codes.includes('local-requirement'));
      } else assert.match(diagnostics.find((d) => d.code === 'past-deadline')!.message, /设定的公布期限 2025年1月20日/);
      // The command line checks the folder's files one by one here: no batch, as an open document has none.
      assert.deepEqual(comparable(diagnostics), comparable(await cliDiagnostics(file)));
    }
  });

  it('a config that changes on disk re-checks the open reports (the file watcher)', async () => {
    const file = path.join(dir, 'lvliang-2024.report.yaml');
    const uri = fileUri(file);
    const config = path.join(dir, '.govreport.yaml');
    const next = client.waitFor(
      (m) =>
        m.method === 'textDocument/publishDiagnostics' &&
        (m.params as PublishDiagnostics).uri === uri &&
        (m.params as PublishDiagnostics).diagnostics.some((d) => d.code === 'missing-subsection'),
      10000,
      'missing-subsection back after the config changed',
    );
    writeFileSync(config, readFileSync(config, 'utf8').replace('  missing-subsection: off\n', ''));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(config), type: 2 }] });
    await next;
  });

  it('an invalid config: its problems are diagnostics of the config file, with positions', async () => {
    const config = path.join(dir, '.govreport.yaml');
    const uri = fileUri(config);
    const published = client.waitFor(
      (m) =>
        m.method === 'textDocument/publishDiagnostics' &&
        (m.params as PublishDiagnostics).uri === uri &&
        (m.params as PublishDiagnostics).diagnostics.length === 2,
      10000,
      'the config file’s diagnostics',
    );
    writeFileSync(config, 'deadlines:\n  部门: 1月20日\nseverity:\n  past-dedline: off\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    const { diagnostics } = (await published).params as PublishDiagnostics;
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.range.start, d.range.end]),
      [
        ['config-invalid-value', 1, { line: 1, character: 6 }, { line: 1, character: 11 }],
        ['config-unknown-rule', 1, { line: 3, character: 2 }, { line: 3, character: 14 }],
      ],
    );
    assert.match(diagnostics[1].message, /是否为“past-deadline”/);
    assert.match(diagnostics[0].codeDescription!.href, /README\.md#config-file$/);
  });
});
