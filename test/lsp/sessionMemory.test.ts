/**
 * A day of editing in a minute: 1,000 documents opened, edited and closed. The server must
 * let go of everything it held for them (its maps are empty, the heap returns near where it
 * started) and leave no squiggles behind. Memory is read after a collection through the
 * server's `--debug-memory` request.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MEMORY_REQUEST } from '../../server/src/lsp/debug';
import { LspClient, ROOT, fileUri, type PublishDiagnostics } from './lspClient';

const EXAMPLE = readFileSync(path.join(ROOT, 'examples', 'lvliang-2024.report.yaml'), 'utf8');
const CYCLES = 1000;
const WARM_UP = 100;
/** Generous: a leak of every report would be hundreds of megabytes. */
const HEAP_GROWTH_MB = 24;

interface Memory {
  heapUsed: number;
  rss: number;
  documents: number;
  reports: number;
  parsed: number;
  caches: number;
  published: number;
  timers: number;
}

const texts = [
  '格式: 2021\n机关: 某县人民政府办公室\n年度: 2024\n',
  '格式: 2021\n机关: 某县人民政府办公室\n年度: 2024\n主动公开政府信息情况:\n  规章: [1, 0, 1]\n',
  '机关: [未闭合\n年度: {\n',
];

describe('1,000 open/edit/close cycles', () => {
  let client: LspClient;
  const uris: string[] = [];
  before(async () => {
    client = new LspClient(['--stdio', '--debug-memory']);
    // No debounce from the first message on: every version is checked.
    const settings = { validate: { debounceMs: 0 } };
    await client.initialize({ settings, initializationOptions: { settings } });
  });
  after(() => client.dispose());

  /** Opens, edits twice (an insertion, then the whole text) and closes a document. */
  function cycle(i: number): string {
    const uri = fileUri(path.join(ROOT, 'session', `doc-${i}.report.yaml`));
    const text = i % 50 === 0 ? EXAMPLE : texts[i % texts.length];
    client.open(uri, text, 1);
    client.change(uri, 2, [
      {
        range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
        text: `# 第 ${i} 次\n未知键${i}: 1\n`,
      },
    ]);
    client.change(uri, 3, [{ text: texts[(i + 1) % texts.length] }]);
    client.close(uri);
    return uri;
  }

  /** Runs cycles in batches, each waiting until the server has cleared its last document. */
  async function run(from: number, to: number): Promise<void> {
    for (let start = from; start < to; start += 50) {
      let last = '';
      for (let i = start; i < Math.min(to, start + 50); i++) uris.push((last = cycle(i)));
      await client.waitFor(
        (m) =>
          m.method === 'textDocument/publishDiagnostics' &&
          (m.params as PublishDiagnostics).uri === last &&
          (m.params as PublishDiagnostics).version === undefined,
        30_000,
        `clearing of ${last}`,
      );
    }
  }

  it('returns to its baseline and leaves nothing behind', async () => {
    await run(0, WARM_UP);
    const baseline = await client.request<Memory>(MEMORY_REQUEST, null);
    await run(WARM_UP, WARM_UP + CYCLES);
    const end = await client.request<Memory>(MEMORY_REQUEST, null);

    assert.deepEqual(
      {
        documents: end.documents,
        reports: end.reports,
        parsed: end.parsed,
        caches: end.caches,
        published: end.published,
        timers: end.timers,
      },
      { documents: 0, reports: 0, parsed: 0, caches: 0, published: 0, timers: 0 },
    );
    const growth = (end.heapUsed - baseline.heapUsed) / 2 ** 20;
    assert.ok(
      growth < HEAP_GROWTH_MB,
      `heap grew by ${growth.toFixed(1)} MB over ${CYCLES} cycles (from ${(baseline.heapUsed / 2 ** 20).toFixed(1)} MB)`,
    );

    // Every document's last diagnostics are the empty ones of its closing.
    const last = new Map<string, PublishDiagnostics>();
    for (const n of client.notifications)
      if (n.method === 'textDocument/publishDiagnostics')
        last.set((n.params as PublishDiagnostics).uri, n.params as PublishDiagnostics);
    assert.equal(last.size, uris.length);
    const left = uris.filter((u) => last.get(u)!.diagnostics.length > 0);
    assert.deepEqual(left, []);
    // Each version was checked as it came (open, insertion, replacement), then cleared on closing.
    const published = client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics').length;
    assert.equal(published, 4 * uris.length);
  });
});
