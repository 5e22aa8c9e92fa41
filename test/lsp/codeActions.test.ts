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
  command?: { command: string; arguments: unknown[] };
}

function applyWorkspaceEdit(uri: string, content: string, action: CodeAction): string {
  const doc = TextDocument.create(uri, 'govreport', 1, content);
  return TextDocument.applyEdits(doc, action.edit.changes[uri]);
}

const RESOLVING = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } },
  },
};

/** Two rows missing (one kind), a date in another form, and 监督保障 missing: four fixes that need no judgement. */
const BROKEN = text
  .replace('  行政许可:       [0]\n', '')
  .replace('  行政处罚:       [0]\n', '')
  .replace('落款日期: 2024-01-08', '落款日期: 2025/1/8');

describe('code actions over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    // As VS Code does: the edits of an action may come when it is chosen (codeAction/resolve).
    const init = await client.initialize({ settings: { validate: { debounceMs: 0 } }, capabilities: RESOLVING });
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

  it('finds the finding of a diagnostic by the place in its data, and without it', async () => {
    const uri = fileUri(path.join(ROOT, 'data-place.report.yaml'));
    client.open(uri, BROKEN, 1);
    const { diagnostics } = await client.diagnostics(uri, 1);
    const dated = diagnostics.findIndex((d) => d.code === 'date-form');
    assert.equal((diagnostics[dated].data as { i: number }).i, dated);
    const titles = async (d: Diagnostic) =>
      (
        await client.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: d.range,
          context: { diagnostics: [d] },
        })
      ).map((a) => a.title);
    const expected = await titles(diagnostics[dated]);
    assert.ok(expected.some((t) => /2025-01-08/.test(t)));
    // Another finding's place (a check since, a client's mistake), and none: matched by code, range and message.
    const other = dated === 0 ? 1 : 0;
    assert.deepEqual(await titles({ ...diagnostics[dated], data: { i: other } }), expected);
    assert.deepEqual(await titles({ ...diagnostics[dated], data: undefined }), expected);
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

  it('offers one "ignore here" for two findings that one comment silences', async () => {
    const uri = fileUri(path.join(ROOT, 'one-ignore.report.yaml'));
    client.open(uri, text.replace(/二是做好信息发布的审核[^。]*。/, ''), 1);
    const { diagnostics } = await client.diagnostics(uri, 1);
    const subs = diagnostics.filter((d) => d.code === 'missing-subsection');
    assert.equal(subs.length, 2);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: subs[0].range,
      context: { diagnostics: subs },
    });
    const ignores = actions.filter((a) => a.title.startsWith('在此忽略'));
    assert.deepEqual(
      ignores.map((a) => [a.title, a.diagnostics?.length]),
      [['在此忽略 missing-subsection', 2]],
    );
    // Each sub-section still has its own fix.
    assert.equal(actions.filter((a) => a.isPreferred).length, 2);
  });

  it('offers fix-all and fix-all of the kind under the cursor among the quick fixes (Ctrl+.)', async () => {
    const uri = fileUri(path.join(ROOT, 'quick-fix-all.report.yaml'));
    const broken = BROKEN;
    client.open(uri, broken, 1);
    const { diagnostics } = await client.diagnostics(uri, 1);
    const ask = (d: Diagnostic) =>
      client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d], only: ['quickfix'] },
      });
    const row = diagnostics.find((d) => d.code === 'missing-row')!;
    const atRow = await ask(row);
    const offered = atRow.filter((a) => a.kind === 'quickfix.govreport.fixAll');
    assert.deepEqual(
      offered.map((a) => a.title),
      ['修复全部 2 处“缺少表格行”（missing-row）', '修复全部 4 处无需判断的问题'],
    );
    // Offered without their edits, which span the document: made when one is chosen.
    assert.deepEqual(
      offered.map((a) => a.edit),
      [undefined, undefined],
    );
    const all = await Promise.all(offered.map((a) => client.request<CodeAction>('codeAction/resolve', a)));
    const rows = applyWorkspaceEdit(uri, broken, all[0]);
    assert.ok(rows.includes('  行政许可:       [0]\n') && rows.includes('  行政处罚:       [0]\n'));
    assert.ok(rows.includes('落款日期: 2025/1/8'), 'a kind mends only its own');
    const fixed = applyWorkspaceEdit(uri, broken, all[1]);
    assert.ok(fixed.includes('落款日期: 2025-01-08') && /^ {2}监督保障: ""$/m.test(fixed));
    // The date is the only one of its kind: fix-all, and no fix-all of its kind.
    const atDate = await ask(diagnostics.find((d) => d.code === 'date-form')!);
    assert.deepEqual(
      atDate.filter((a) => a.kind === 'quickfix.govreport.fixAll').map((a) => a.title),
      ['修复全部 4 处无需判断的问题'],
    );
    // Where the cursor's own fix is all there is, neither.
    const lone = fileUri(path.join(ROOT, 'lone-fix.report.yaml'));
    client.open(lone, text, 1);
    const only = (await client.diagnostics(lone, 1)).diagnostics.find(
      (d) => d.code === 'missing-subsection' && d.message.includes('监督保障'),
    )!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: lone },
      range: only.range,
      context: { diagnostics: [only] },
    });
    assert.deepEqual(
      actions.filter((a) => a.kind === 'quickfix.govreport.fixAll'),
      [],
    );
  });

  it('puts the caret in the sub-section it adds, for the author to write it', async () => {
    const uri = fileUri(path.join(ROOT, 'caret.report.yaml'));
    client.open(uri, text, 1);
    const { diagnostics } = await client.diagnostics(uri, 1);
    const missing = diagnostics.find((d) => d.code === 'missing-subsection' && d.message.includes('监督保障'))!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: missing.range,
      context: { diagnostics: [missing] },
    });
    const add = actions.find((a) => a.isPreferred)!;
    assert.equal(add.command?.command, 'govreport.placeCaret');
    const [target, position] = add.command!.arguments as [string, { line: number; character: number }];
    assert.equal(target, uri);
    const lines = applyWorkspaceEdit(uri, text, add).split('\n');
    assert.equal(lines[position.line].slice(0, position.character), '  监督保障: "');
    assert.equal(lines[position.line].slice(position.character), '"');
  });

  it('gives a client that does not resolve code actions the edits of fix-all at once', async () => {
    const eager = new LspClient();
    try {
      await eager.initialize({ settings: { validate: { debounceMs: 0 } } });
      const uri = fileUri(path.join(ROOT, 'eager.report.yaml'));
      eager.open(uri, BROKEN, 1);
      const row = (await eager.diagnostics(uri, 1)).diagnostics.find((d) => d.code === 'missing-row')!;
      const actions = await eager.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: row.range,
        context: { diagnostics: [row], only: ['quickfix'] },
      });
      const all = actions.find((a) => a.title === '修复全部 4 处无需判断的问题')!;
      const fixed = applyWorkspaceEdit(uri, BROKEN, all);
      assert.ok(fixed.includes('落款日期: 2025-01-08') && fixed.includes('  行政许可:       [0]\n'));
    } finally {
      await eager.dispose();
    }
  });
});
