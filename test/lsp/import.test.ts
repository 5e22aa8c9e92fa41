/**
 * Import through the language server (`govreport/import`), as the editor's command uses it: a
 * published PDF and a web page become report files, the PDF reader and the importer loaded from
 * their own bundles, in a worker thread; what is no report is refused with a message in both
 * languages.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { IMPORT_REQUEST, type ImportAnswer, type ImportParams } from '../../server/src/shared/protocol';
import { LspClient, ROOT } from './lspClient';

const FIXTURES = path.join(ROOT, 'test', 'fixtures');

describe('import over LSP', () => {
  let client: LspClient;
  // Each worker thread of the server notes itself as it starts (a preload every thread runs).
  const dir = mkdtempSync(path.join(tmpdir(), 'govreport-import-'));
  const threads = path.join(dir, 'threads.txt');
  before(async () => {
    const marker = path.join(dir, 'mark.cjs');
    writeFileSync(
      marker,
      `const t = require('node:worker_threads');\nif (!t.isMainThread) require('node:fs').appendFileSync(${JSON.stringify(threads)}, t.threadId + '\\n');\n`,
    );
    client = new LspClient(['--stdio'], undefined, ['--require', marker]);
    await client.initialize({});
  });
  after(() => {
    client.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const send = (name: string, bytes: Uint8Array) =>
    client.request<ImportAnswer>(IMPORT_REQUEST, {
      name,
      bytes: Buffer.from(bytes).toString('base64'),
    } satisfies ImportParams);

  it('imports a published PDF with its tables', async () => {
    const answer = await send('lvliang-2024.pdf', readFileSync(path.join(FIXTURES, 'pdf', 'lvliang-2024.pdf')));
    assert.ok(answer.ok, answer.ok ? '' : answer.message.en);
    assert.match(answer.yaml, /^机关: 吕梁市人民政府办公室$/m);
    assert.match(answer.yaml, /本年新收政府信息公开申请数量: +\[67, 2, 0, 0, 0, 0, 69\]/);
    assert.match(answer.source, /政府信息公开工作年度报告/);
    // Off the thread that answers the editor: pdf.js holds its thread for a quarter of a second or more.
    assert.match(readFileSync(threads, 'utf8'), /^\d+$/m, 'the import ran in a worker thread');
  });

  it('imports the same report published as text', async () => {
    const answer = await send('lvliang.txt', readFileSync(path.join(FIXTURES, 'lvliang-2024.published.txt')));
    assert.ok(answer.ok, answer.ok ? '' : answer.message.en);
    assert.match(answer.yaml, /^年度: 2024$/m);
  });

  it('refuses what is no report, saying why in both languages', async () => {
    const answer = await send('notes.txt', new TextEncoder().encode('会议纪要\n今天讨论了三件事。\n'));
    assert.equal(answer.ok, false);
    assert.ok(!answer.ok && /年度报告/.test(answer.message['zh-CN']) && /annual report/.test(answer.message.en));
  });
});
