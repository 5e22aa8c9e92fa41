import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXAMPLE, openDoc, positionOf, startEditor, type Position } from './editorHelpers';
import type { LspClient } from './lspClient';

interface InlayHint {
  position: Position;
  label: string;
  kind?: number;
  tooltip?: string;
  paddingLeft?: boolean;
}

const whole = (text: string) => ({
  start: { line: 0, character: 0 },
  end: { line: text.split('\n').length, character: 0 },
});
const WRONG = EXAMPLE.replace('[61, 2, 0, 0, 0, 0, 63]', '[61, 2, 0, 0, 0, 0, 64]');
const ROW = '  本年新收政府信息公开申请数量:  [67, 2, 0, 0, 0, 0, 69]';
const lineEnd = (text: string, needle: string): Position => positionOf(text, needle, needle.length);
const isColumn = (h: InlayHint) => h.label.startsWith('←');

const hintsOf = (client: LspClient, uri: string, text: string) =>
  client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: whole(text) });

async function moveCaret(client: LspClient, uri: string, position: Position): Promise<void> {
  client.notify('govreport/carets', { uri, positions: [position] });
}

/** The refresh that follows the server reading its settings at start, so that later ones are the carets'. */
async function started(client: LspClient): Promise<void> {
  if (!client.requests.some((r) => r.method === 'workspace/inlayHint/refresh'))
    await client.waitFor((m) => m.method === 'workspace/inlayHint/refresh', 5000, 'the refresh after start');
}

describe('inlay hints over stdio', () => {
  it('the computed total beside a total that differs, and no column names without a caret', async () => {
    const { client } = await startEditor('zh-CN');
    try {
      const { uri } = await openDoc(client, WRONG);
      const hints = await hintsOf(client, uri, WRONG);
      assert.deepEqual(
        hints.map((h) => [h.position, h.label]),
        [[positionOf(WRONG, '0, 64]', 5), '应为 63']],
      );
      assert.match(hints[0].tooltip!, /填写的是 64/);
    } finally {
      await client.dispose();
    }
  });

  it('the name of the caret’s column at the end of its row, and a refresh only when the caret changes cell', async () => {
    const { client } = await startEditor('zh-CN');
    try {
      const { uri } = await openDoc(client, EXAMPLE);
      await started(client);
      const refreshes = () => client.requests.filter((r) => r.method === 'workspace/inlayHint/refresh').length;
      const before = refreshes();
      // On the 2 of the row: 商业企业, the second column, one of the 法人或其他组织.
      const refreshed = client.waitFor((m) => m.method === 'workspace/inlayHint/refresh', 5000, 'a refresh');
      await moveCaret(client, uri, positionOf(EXAMPLE, ROW, ROW.indexOf(' 2,') + 1));
      await refreshed;
      let columns = (await hintsOf(client, uri, EXAMPLE)).filter(isColumn);
      assert.deepEqual(
        columns.map((h) => [h.position, h.label]),
        [[lineEnd(EXAMPLE, ROW), '← 第 2 列：法人或其他组织 › 商业企业']],
      );
      assert.equal(columns[0].tooltip, '本年新收政府信息公开申请数量，第 2 列：法人或其他组织 › 商业企业（件）');
      assert.equal(columns[0].paddingLeft, true);
      // Within the same cell: nothing to fetch again. The next request is answered after the
      // notification, so a refresh it caused would have come first.
      await moveCaret(client, uri, positionOf(EXAMPLE, ROW, ROW.indexOf(' 2,') + 2));
      await hintsOf(client, uri, EXAMPLE);
      assert.equal(refreshes(), before + 1);
      // After the comma, the caret is on its way to the next cell: 科研机构.
      const again = client.waitFor(
        (m) => m.method === 'workspace/inlayHint/refresh' && refreshes() > before + 1,
        5000,
        'a second refresh',
      );
      await moveCaret(client, uri, positionOf(EXAMPLE, ROW, ROW.indexOf(' 2,') + 3));
      await again;
      columns = (await hintsOf(client, uri, EXAMPLE)).filter(isColumn);
      assert.deepEqual(
        columns.map((h) => h.label),
        ['← 第 3 列：法人或其他组织 › 科研机构'],
      );
      // On the key: no column; on the total: 总计, in no group narrower than the row.
      await moveCaret(client, uri, positionOf(EXAMPLE, ROW, 4));
      assert.deepEqual((await hintsOf(client, uri, EXAMPLE)).filter(isColumn), []);
      await moveCaret(client, uri, positionOf(EXAMPLE, ROW, ROW.indexOf('69')));
      assert.deepEqual(
        (await hintsOf(client, uri, EXAMPLE)).filter(isColumn).map((h) => h.label),
        ['← 第 7 列：总计'],
      );
      // Table 四 in English: 5 columns of 行政复议.
      const line = '  行政复议:           [0, 0, 0, 0, 0]';
      await moveCaret(client, uri, positionOf(EXAMPLE, line, line.indexOf('[') + 1));
      const review = (await hintsOf(client, uri, EXAMPLE)).filter(isColumn);
      assert.equal(review.length, 1);
      assert.deepEqual(review[0].position, lineEnd(EXAMPLE, line));
      assert.match(review[0].label, /^← 第 1 列：/);
    } finally {
      await client.dispose();
    }
  });

  it('names columns in English, and only within the requested range', async () => {
    const { client } = await startEditor('en');
    try {
      const { uri } = await openDoc(client, WRONG);
      await moveCaret(client, uri, positionOf(WRONG, ROW, ROW.indexOf('67')));
      const line = positionOf(WRONG, ROW).line;
      const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
        textDocument: { uri },
        range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } },
      });
      assert.deepEqual(
        hints.map((h) => h.label),
        ['← column 1: 自然人'],
      );
      const total = positionOf(WRONG, '    总计:').line;
      const elsewhere = await client.request<InlayHint[]>('textDocument/inlayHint', {
        textDocument: { uri },
        range: { start: { line: total, character: 0 }, end: { line: total + 1, character: 0 } },
      });
      assert.deepEqual(
        elsewhere.map((h) => h.label),
        ['expected 63'],
      );
    } finally {
      await client.dispose();
    }
  });

  it('each kind has its own switch, taking effect without a restart', async () => {
    const { client } = await startEditor('zh-CN', {
      validate: { debounceMs: 0 },
      inlayHints: { computedValues: false, columnNames: true },
    });
    try {
      const { uri } = await openDoc(client, WRONG);
      await moveCaret(client, uri, positionOf(WRONG, ROW, ROW.indexOf('67')));
      assert.deepEqual(
        (await hintsOf(client, uri, WRONG)).map((h) => h.label),
        ['← 第 1 列：自然人'],
      );
      const since = client.requests.length;
      // The refresh that follows the server reading the new settings (not one from its start).
      const refreshed = client.waitFor(
        (m) =>
          m.method === 'workspace/inlayHint/refresh' &&
          client.requests.slice(since).some((r) => r.method === 'workspace/configuration'),
        10000,
        'inlay hint refresh',
      );
      client.settings = { validate: { debounceMs: 0 }, inlayHints: { computedValues: true, columnNames: false } };
      client.notify('workspace/didChangeConfiguration', { settings: null });
      await refreshed;
      assert.deepEqual(
        (await hintsOf(client, uri, WRONG)).map((h) => h.label),
        ['应为 63'],
      );
    } finally {
      await client.dispose();
    }
  });
});
