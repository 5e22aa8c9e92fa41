/**
 * Hostile and broken files through the running server: for each, the diagnostics are the
 * checker's (with ranges inside the document), every feature answers, and the next valid
 * text is checked correctly. Then random edits, with ranges anywhere, on one document.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { check } from '../../server/src/core/check';
import { toDiagnostic } from '../../server/src/shared/convert';
import { HOSTILE_TOKENS, hostileCorpus } from '../unit/hostileInputs';
import { LspClient, ROOT, fileUri, type Diagnostic } from './lspClient';

const EXAMPLE = readFileSync(path.join(ROOT, 'examples', 'lvliang-2024.report.yaml'), 'utf8');
const FACTOR = Math.max(1, Number(process.env.GOVREPORT_FUZZ) || 1);
const SEED = process.env.GOVREPORT_FUZZ_SEED
  ? Number(process.env.GOVREPORT_FUZZ_SEED)
  : FACTOR > 1
    ? Date.now() % 2 ** 31
    : 20261127;

type Range = Diagnostic['range'];
const strip = (ds: Diagnostic[]) => ds.map((d) => ({ code: d.code, range: d.range, message: d.message }));

/** The checker's diagnostics for a text; whether YAML gave up on its nesting (then the depth reached may differ). */
function expected(uri: string, text: string): { diagnostics: Diagnostic[]; exhausted: boolean } {
  const r = check(text);
  return {
    diagnostics: r.findings.map((f) => toDiagnostic(f, r.report.lines, 'zh-CN', uri)) as Diagnostic[],
    exhausted: r.report.doc.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION'),
  };
}

function assertInside(doc: TextDocument, range: Range, what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < doc.lineCount, `${what}: line ${p.line} of ${doc.lineCount}`);
    const length =
      doc.offsetAt({ line: p.line, character: Number.MAX_SAFE_INTEGER }) - doc.offsetAt({ line: p.line, character: 0 });
    assert.ok(
      p.character >= 0 && p.character <= length,
      `${what}: character ${p.character} of ${length} on line ${p.line}`,
    );
  }
}

describe('hostile files over LSP', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    const settings = { validate: { debounceMs: 0 } };
    await client.initialize({ settings, initializationOptions: { settings } });
  });
  after(() => client.dispose());

  for (const { name, text } of hostileCorpus()) {
    it(name, async () => {
      const uri = fileUri(path.join(ROOT, 'hostile', `${name.replace(/\W+/g, '-')}.report.yaml`));
      const doc = TextDocument.create(uri, 'govreport', 1, text);
      client.open(uri, text, 1);
      const published = await client.diagnostics(uri, 1, 30_000);
      const want = expected(uri, text);
      for (const d of published.diagnostics) assertInside(doc, d.range, `${name}: ${d.code}`);
      if (!want.exhausted) assert.deepEqual(strip(published.diagnostics), strip(want.diagnostics));

      // Every feature answers (an error answer would reject).
      const td = { textDocument: { uri } };
      const end = doc.positionAt(text.length);
      const middle = doc.positionAt(text.length >> 1);
      const all = { start: { line: 0, character: 0 }, end };
      const answers = await Promise.all([
        client.request('textDocument/documentSymbol', td),
        client.request('textDocument/foldingRange', td),
        client.request('textDocument/selectionRange', { ...td, positions: [{ line: 0, character: 0 }, middle, end] }),
        client.request('textDocument/hover', { ...td, position: middle }),
        client.request('textDocument/completion', { ...td, position: end }),
        client.request('textDocument/inlayHint', { ...td, range: all }),
        client.request('textDocument/codeAction', {
          ...td,
          range: all,
          context: { diagnostics: published.diagnostics.slice(0, 50) },
        }),
        client.request('textDocument/codeAction', {
          ...td,
          range: all,
          context: { diagnostics: [], only: ['source.fixAll.govreport'] },
        }),
      ]);
      assert.ok(Array.isArray(answers[0]) && Array.isArray(answers[1]), 'symbols and folding ranges');

      // The next valid text is checked as the checker checks it.
      client.change(uri, 2, [{ text: EXAMPLE }]);
      assert.deepEqual(
        strip((await client.diagnostics(uri, 2, 30_000)).diagnostics),
        strip(expected(uri, EXAMPLE).diagnostics),
      );
      client.close(uri);
    });
  }

  it('random edits anywhere, then a valid text: the server follows the client and checks it right', async () => {
    const position = fc.record({
      line: fc.oneof(fc.nat(60), fc.integer({ min: 60, max: 1_000_000 })),
      character: fc.oneof(fc.nat(40), fc.constant(1_000_000)),
    });
    const change = fc.record({
      range: fc.record({ start: position, end: position }),
      text: fc.oneof(fc.constantFrom(...HOSTILE_TOKENS), fc.string({ unit: 'binary', maxLength: 12 })),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(change, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        async (steps) => {
          const uri = fileUri(path.join(ROOT, 'hostile', `edits-${run++}.report.yaml`));
          let doc = TextDocument.create(uri, 'govreport', 1, EXAMPLE);
          client.open(uri, EXAMPLE, 1);
          for (const changes of steps as TextDocumentContentChangeEvent[][]) {
            doc = TextDocument.update(doc, changes, doc.version + 1);
            client.change(uri, doc.version, changes);
          }
          // Only the last version's diagnostics matter; they must be those of the client's text.
          const published = await client.diagnostics(uri, doc.version, 30_000);
          const want = expected(uri, doc.getText());
          // Lines as the full text has them (an incremental update may count a CR inserted before an LF as a line of its own).
          const lines = TextDocument.create(uri, 'govreport', doc.version, doc.getText());
          for (const d of published.diagnostics) assertInside(lines, d.range, d.code);
          if (!want.exhausted) assert.deepEqual(strip(published.diagnostics), strip(want.diagnostics));
          client.change(uri, doc.version + 1, [{ text: EXAMPLE }]);
          assert.deepEqual(
            strip((await client.diagnostics(uri, doc.version + 1, 30_000)).diagnostics),
            strip(expected(uri, EXAMPLE).diagnostics),
          );
          client.close(uri);
        },
      ),
      { seed: SEED, numRuns: 25 * FACTOR, endOnFailure: true },
    );
  });
});
