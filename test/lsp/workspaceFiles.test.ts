/**
 * Workspace files read while looking for last year's report, built to hurt or just unlucky:
 * 8 MB of nested brackets under the 机关 and 年度 of the open report's last year (parsing it
 * would exhaust the heap), a 机关 line with a long run of spaces (a regular expression on it
 * stalled the server), and last year's real report saved in GBK. The server stays up, passes
 * over the first two with a line in its log, and checks the open report against the third.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient, ROOT, fileUri, type PublishDiagnostics } from './lspClient';

const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const NAME_2024 = 'ziranziyuan-2024.report.yaml';

describe('hostile and odd workspace files beside an open report', () => {
  let client: LspClient;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'govreport-ws-hostile-'));
    copyFileSync(path.join(FIXTURES, 'crossyear', NAME_2024), path.join(dir, NAME_2024));
    // Sorted before the real one, so that it is looked at first.
    writeFileSync(
      path.join(dir, 'a-brackets.report.yaml'),
      `机关: 某县自然资源局\n年度: 2023\n附加: ${'['.repeat(8_000_000)}\n`,
    );
    writeFileSync(path.join(dir, 'b-spaces.report.yaml'), `机关: 某${' '.repeat(200_000)}局\n年度: 2023\n`);
    copyFileSync(
      path.join(FIXTURES, 'encodings', 'ziranziyuan-2023.gbk.report.yaml'),
      path.join(dir, 'ziranziyuan-2023.report.yaml'),
    );
    client = new LspClient();
    await client.initialize({
      rootUri: fileUri(dir),
      settings: { validate: { debounceMs: 0 } },
      capabilities: { workspace: { configuration: true } },
    });
  });
  after(() => {
    client.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("checks the open report against last year's GBK file, passing over the others, and stays up", async () => {
    const uri = fileUri(path.join(dir, NAME_2024));
    const published = client.waitFor(
      (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as PublishDiagnostics).uri === uri,
      60_000,
      'the diagnostics of the open report',
    );
    client.open(uri, readFileSync(path.join(dir, NAME_2024), 'utf8'), 1);
    const ds = (await published).params as PublishDiagnostics;
    const cross = ds.diagnostics.filter((d) => d.code.startsWith('cross-year-'));
    assert.ok(cross.length >= 3, `checked against last year's report: ${JSON.stringify(cross.map((d) => d.code))}`);
    assert.ok(
      cross.every((d) => d.relatedInformation?.every((r) => r.location.uri.endsWith('ziranziyuan-2023.report.yaml'))),
      'last year is the GBK report',
    );
    const log = client.notifications
      .filter((m) => m.method === 'window/logMessage')
      .map((m) => (m.params as { message: string }).message)
      .join('\n');
    assert.match(log, /not used as last year's report: .*a-brackets\.report\.yaml:3:65537: this line is over 65536/);
    assert.match(log, /read .*ziranziyuan-2023\.report\.yaml as GB18030/);
    // Still answering.
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols) && symbols.length > 0);
  });

  it('says which encoding a document was read in and which its file is in, and fixes nothing in it', async () => {
    // Last year's GBK file opened as UTF-8, as an editor set to UTF-8 shows it.
    const uri = fileUri(path.join(dir, 'ziranziyuan-2023.report.yaml'));
    const text = new TextDecoder().decode(readFileSync(path.join(dir, 'ziranziyuan-2023.report.yaml')));
    assert.ok(text.includes('\ufffd'));
    const published = client.waitFor(
      (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as PublishDiagnostics).uri === uri,
      20_000,
      'the diagnostics of the mis-decoded document',
    );
    client.open(uri, text, 1);
    const ds = ((await published).params as PublishDiagnostics).diagnostics;
    const d = ds.find((x) => x.code === 'undecodable-text');
    assert.ok(d, JSON.stringify(ds.map((x) => x.code)));
    assert.match(d.message, /按 UTF-8 编码解读.*文件看来是 GB18030 编码/);
    assert.deepEqual(d.range.start, { line: 0, character: text.indexOf('\ufffd') });
    const actions = (await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as { edit?: { changes?: Record<string, unknown[]> } }[] | null;
    const edits = (actions ?? []).flatMap((a) => Object.values(a.edit?.changes ?? {}).flat());
    assert.deepEqual(edits, [], 'fix-all leaves a text it could not read');
    // The preview is the server's: it says the same.
    const preview = await client.request<{ content: string }>('govreport/render', {
      uri,
      format: 'preview',
      marks: true,
    });
    assert.match(preview.content, /无法按 UTF-8 编码解读.*文件看来是 GB18030 编码，请以 GB18030 重新打开/);
  });
});
