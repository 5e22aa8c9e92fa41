import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, ROOT, fileUri, type Diagnostic } from './lspClient';

const text = readFileSync(path.join(ROOT, 'examples', 'lvliang-2024.report.yaml'), 'utf8');

interface TextEdit {
  range: Diagnostic['range'];
  newText: string;
}
interface CodeAction {
  title: string;
  kind: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit: { changes: Record<string, TextEdit[]> };
}

function applyWorkspaceEdit(uri: string, content: string, action: CodeAction): string {
  const doc = TextDocument.create(uri, 'govreport', 1, content);
  return TextDocument.applyEdits(doc, action.edit.changes[uri]);
}

describe('code actions over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    const init = await client.initialize({ settings: { validate: { debounceMs: 0 } } });
    assert.deepEqual((init.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, [
      'quickfix',
      'source.fixAll.govreport',
    ]);
  });
  after(() => client.dispose());

  it('returns a quick fix for a diagnostic, and applying its edit removes the diagnostic', async () => {
    const uri = fileUri(path.join(ROOT, 'quickfix.report.yaml'));
    client.open(uri, text, 1);
    const { diagnostics } = await client.diagnostics(uri, 1);
    const signed = diagnostics.find((d) => d.code === 'signed-before-year-end')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: signed.range,
      context: { diagnostics: [signed] },
    });
    const preferred = actions.find((a) => a.isPreferred)!;
    assert.equal(preferred.kind, 'quickfix');
    assert.match(preferred.title, /2025-01-08/);
    assert.ok(
      actions.some((a) => /忽略 signed-before-year-end/.test(a.title)),
      'ignore this here',
    );
    const fixed = applyWorkspaceEdit(uri, text, preferred);
    client.change(uri, 2, [{ text: fixed }]);
    const after = await client.diagnostics(uri, 2);
    assert.ok(!after.diagnostics.some((d) => d.code === 'signed-before-year-end'));
  });

  it('tells apart two diagnostics on the same range by their message', async () => {
    const uri = fileUri(path.join(ROOT, 'same-range.report.yaml'));
    // Without the 信息发布审核 sentence under 平台建设, 政府信息管理 is missing too, with its fix.
    client.open(uri, text.replace(/二是做好信息发布的审核[^。]*。/, ''), 1);
    const { diagnostics } = await client.diagnostics(uri, 1);
    const subs = diagnostics.filter((d) => d.code === 'missing-subsection');
    assert.equal(subs.length, 2);
    for (const [d, topic] of [
      [subs[0], '政府信息管理'],
      [subs[1], '监督保障'],
    ] as const) {
      assert.match(d.message, new RegExp(topic));
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d] },
      });
      const add = actions.find((a) => a.isPreferred)!;
      assert.match(add.title, new RegExp(topic));
    }
  });

  it('offers source.fixAll.govreport with every safe fix in one edit', async () => {
    const uri = fileUri(path.join(ROOT, 'fixall.report.yaml'));
    const broken = text.replace('  行政许可:       [0]\n', '').replace('落款日期: 2024-01-08', '落款日期: 2025/1/8');
    client.open(uri, broken, 1);
    await client.diagnostics(uri, 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.govreport');
    const fixed = applyWorkspaceEdit(uri, broken, actions[0]);
    assert.ok(fixed.includes('  行政许可:       [0]\n'));
    assert.ok(fixed.includes('落款日期: 2025-01-08'));
    client.change(uri, 2, [{ text: fixed }]);
    const codes = (await client.diagnostics(uri, 2)).diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('missing-row') && !codes.includes('date-form'), codes.join());
  });
});
