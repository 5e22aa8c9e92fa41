/**
 * The server started as the client starts it (shared/serverStart.ts), with a code cache:
 * the first server writes a cache of each of its two loaded bundles when it exits, the next
 * uses them without writing again, and a damaged cache is only compiled around and replaced.
 * Every server gives the same diagnostics.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SERVER_NODE_OPTIONS, serverArgs } from '../../server/src/shared/serverStart';
import { LspClient, ROOT, SERVER, fileUri } from './lspClient';

const EXAMPLE = readFileSync(path.join(ROOT, 'examples', 'lvliang-2024.report.yaml'), 'utf8');

describe('code cache', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'govreport-server-cache-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** A server's diagnostics of the example, after which it is shut down (or terminated) and has exited. */
  async function session(end: 'shutdown' | 'SIGTERM' = 'shutdown'): Promise<unknown> {
    const client = new LspClient([...serverArgs(dir), '--stdio'], SERVER, SERVER_NODE_OPTIONS);
    try {
      await client.initialize({ settings: { validate: { debounceMs: 0 } } });
      const uri = fileUri('cached.report.yaml');
      const published = client.diagnostics(uri, 1);
      client.open(uri, EXAMPLE, 1);
      return (await published).diagnostics;
    } finally {
      if (end === 'SIGTERM') await client.terminate();
      await client.dispose();
    }
  }

  const files = () =>
    Object.fromEntries(readdirSync(dir).map((f) => [f, statSync(path.join(dir, f)).mtimeMs] as const));

  it('is written by the first server, used by the next, replaced when damaged', async () => {
    const first = await session();
    assert.ok((first as unknown[]).length > 0);
    const written = files();
    assert.deepEqual(
      Object.keys(written)
        .map((f) => f.replace(/-[0-9a-f]{32}\.cache$/, ''))
        .sort(),
      ['checker', 'connection'],
    );

    assert.deepEqual(await session(), first);
    assert.deepEqual(files(), written, 'a cache that was used is not written again');

    const checker = Object.keys(written).find((f) => f.startsWith('checker-'))!;
    const damaged = Buffer.alloc(statSync(path.join(dir, checker)).size, 0x5a);
    writeFileSync(path.join(dir, checker), damaged);
    assert.deepEqual(await session(), first);
    assert.notDeepEqual(readFileSync(path.join(dir, checker)), damaged);
    assert.deepEqual(Object.keys(files()).sort(), Object.keys(written).sort());
  });

  it('is written by a server that is terminated instead of shut down', async () => {
    rmSync(dir, { recursive: true, force: true });
    assert.ok(((await session('SIGTERM')) as unknown[]).length > 0);
    assert.deepEqual(
      Object.keys(files())
        .map((f) => f.replace(/-[0-9a-f]{32}\.cache$/, ''))
        .sort(),
      ['checker', 'connection'],
    );
  });
});
