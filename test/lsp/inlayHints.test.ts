import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXAMPLE, openDoc, positionOf, startEditor, type Position } from './editorHelpers';

interface InlayHint {
  position: Position;
  label: string;
  kind?: number;
  tooltip?: string;
}

const whole = (text: string) => ({
  start: { line: 0, character: 0 },
  end: { line: text.split('\n').length, character: 0 },
});
const WRONG = EXAMPLE.replace('[61, 2, 0, 0, 0, 0, 63]', '[61, 2, 0, 0, 0, 0, 64]');

describe('inlay hints over stdio', () => {
  it('the computed total beside a total that differs, and column names inside long rows', async () => {
    const { client } = await startEditor('zh-CN');
    try {
      const { uri } = await openDoc(client, WRONG);
      const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
        textDocument: { uri },
        range: whole(WRONG),
      });
      const totals = hints.filter((h) => h.kind === undefined);
      assert.deepEqual(
        totals.map((h) => [h.position, h.label]),
        [[positionOf(WRONG, '0, 64]', 5), '应为 63']],
      );
      assert.match(totals[0].tooltip!, /填写的是 64/);
      const columns = hints.filter((h) => h.kind === 2);
      // Tables 三 (7 columns) and 四 (5 columns); table 二's rows are short.
      const first = columns.filter((h) => h.position.line === positionOf(WRONG, '  本年新收').line);
      assert.deepEqual(
        first.map((h) => h.label),
        ['自然人:', '商业企业:', '科研机构:', '社会公益组织:', '法律服务机构:', '其他:', '总计:'],
      );
      assert.deepEqual(first[0].position, positionOf(WRONG, '[67', 1));
      assert.equal(columns.filter((h) => h.position.line === positionOf(WRONG, '  行政复议').line).length, 5);
      assert.equal(columns.filter((h) => h.position.line === positionOf(WRONG, '  行政规范性文件').line).length, 0);
      assert.equal(columns.length, 25 * 7 + 3 * 5);
    } finally {
      await client.dispose();
    }
  });

  it('only the hints within the requested range; none for a consistent report', async () => {
    const { client } = await startEditor('en');
    try {
      const { uri } = await openDoc(client, WRONG);
      const line = positionOf(WRONG, '    总计:').line;
      const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
        textDocument: { uri },
        range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } },
      });
      assert.ok(hints.every((h) => h.position.line === line));
      assert.deepEqual(
        hints.filter((h) => h.kind === undefined).map((h) => h.label),
        ['expected 63'],
      );
      const { uri: clean } = await openDoc(client, EXAMPLE);
      const none = await client.request<InlayHint[]>('textDocument/inlayHint', {
        textDocument: { uri: clean },
        range: whole(EXAMPLE),
      });
      assert.equal(none.filter((h) => h.kind === undefined).length, 0);
    } finally {
      await client.dispose();
    }
  });

  it('switched off and on by govreport.inlayHints.enabled, without a restart', async () => {
    const { client } = await startEditor('zh-CN', { validate: { debounceMs: 0 }, inlayHints: { enabled: false } });
    try {
      const { uri } = await openDoc(client, WRONG);
      const ask = () =>
        client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: whole(WRONG) });
      assert.deepEqual(await ask(), []);
      const since = client.requests.length;
      // The refresh that follows the server reading the new settings (not one from its start).
      const refreshed = client.waitFor(
        (m) =>
          m.method === 'workspace/inlayHint/refresh' &&
          client.requests.slice(since).some((r) => r.method === 'workspace/configuration'),
        10000,
        'inlay hint refresh',
      );
      client.settings = { validate: { debounceMs: 0 }, inlayHints: { enabled: true } };
      client.notify('workspace/didChangeConfiguration', { settings: null });
      await refreshed;
      assert.ok((await ask()).length > 0);
    } finally {
      await client.dispose();
    }
  });
});
