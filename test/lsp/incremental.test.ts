/**
 * The incremental path over the wire: a document edited keystroke by keystroke through
 * didChange with incremental sync gets the diagnostics a fresh open of the same text gets.
 * The server reuses what did not change (parsed entries, readings of paragraphs, nodes),
 * so every edit here is checked against a document that reuses nothing.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { longReport } from '../unit/helpers';
import { EDITOR_CAPABILITIES, openDoc, positionAt } from './editorHelpers';
import { LspClient, ROOT, fileUri, type Diagnostic } from './lspClient';

/** Diagnostics without the document's own URI, which differs between the two documents. */
function comparable(diagnostics: Diagnostic[], uri: string): unknown[] {
  return diagnostics.map((d) => ({
    ...d,
    relatedInformation: d.relatedInformation?.map((r) => ({
      ...r,
      location: { ...r.location, uri: r.location.uri === uri ? 'self' : r.location.uri },
    })),
  }));
}

describe('incremental sync', () => {
  let client: LspClient;
  let syncKind: unknown;
  before(async () => {
    client = new LspClient();
    const { capabilities } = await client.initialize({
      settings: { validate: { debounceMs: 0 } },
      capabilities: EDITOR_CAPABILITIES,
    });
    syncKind = (capabilities.textDocumentSync as { change?: number }).change;
  });
  after(() => client.dispose());

  it('is what the server announces', () => {
    assert.equal(syncKind, 2);
  });

  it('gives an edited document the diagnostics of a fresh open of its text', async () => {
    let text = longReport(40_000);
    const uri = fileUri(path.join(ROOT, 'incremental-edited.report.yaml'));
    let version = 1;
    client.open(uri, text, version);
    await client.diagnostics(uri, version);

    /** Replaces [start, end) as the editor does: one range change per edit. */
    const edit = async (start: number, end: number, insert: string) => {
      const range = { start: positionAt(text, start), end: positionAt(text, end) };
      text = text.slice(0, start) + insert + text.slice(end);
      client.change(uri, ++version, [{ range, text: insert }]);
      return (await client.diagnostics(uri, version)).diagnostics;
    };
    const same = async (edited: Diagnostic[], when: string) => {
      const fresh = await openDoc(client, text);
      assert.deepEqual(comparable(edited, uri), comparable(fresh.diagnostics, fresh.uri), when);
      client.close(fresh.uri);
    };

    // Typing a sentence with a wrong rate into a paragraph in the middle, key by key.
    const middle = text.indexOf('其余转入下一年度办理。', text.length >> 1) + '其余转入下一年度办理。'.length;
    let at = middle;
    let last: Diagnostic[] = [];
    for (const ch of '收到 40 件，办结 30 件，办结率 80%。') {
      last = await edit(at, at, ch);
      at += ch.length;
    }
    assert.ok(
      last.some((d) => d.code === 'narrative-rate' && positionAt(text, middle).line === d.range.start.line),
      'the typed rate is found',
    );
    await same(last, 'after typing a sentence');

    // Deleting it again, then a table cell changed and changed back.
    last = await edit(middle, at, '');
    await same(last, 'after deleting it');
    const cell = text.indexOf('[11, 2, 81]') + 1;
    last = await edit(cell, cell + 2, '12');
    assert.ok(last.length > 0);
    await same(last, 'after a table edit');
    await edit(cell, cell + 2, '11');

    // A new sub-section in the middle of 总体情况, and a line joined with the one before it.
    const key = text.indexOf('\n  平台建设', text.length >> 1) + 1;
    last = await edit(key, key, '  监督保障: >-\n    全年开展检查 3 次。\n');
    await same(last, 'after a new sub-section');
    const join = text.indexOf('\n', text.indexOf('监督保障: >-'));
    last = await edit(join, join + 1, ' ');
    await same(last, 'after joining two lines');
    client.close(uri);
  });
});
