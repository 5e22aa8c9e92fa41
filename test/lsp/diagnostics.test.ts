import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient, ROOT, fileUri } from './lspClient';

const EXAMPLE = path.join(ROOT, 'examples', 'lvliang-2024.report.yaml');
const text = readFileSync(EXAMPLE, 'utf8');

describe('diagnostics over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize({ settings: { validate: { debounceMs: 0 } } });
  });
  after(() => client.dispose());

  it('reports the example’s 落款日期 and missing sub-sections with exact ranges', async () => {
    const uri = fileUri(EXAMPLE);
    client.open(uri, text, 1);
    const { diagnostics, version } = await client.diagnostics(uri, 1);
    assert.equal(version, 1);
    const signed = diagnostics.find((d) => d.code === 'signed-before-year-end');
    assert.ok(signed, 'signed-before-year-end');
    assert.deepEqual(signed.range, { start: { line: 10, character: 6 }, end: { line: 10, character: 16 } });
    assert.equal(signed.severity, 1);
    assert.equal(signed.source, 'govreport');
    // The rule's section in the documentation in the language of the messages.
    assert.match(signed.codeDescription!.href, /^file:.*\/docs\/rules\.zh-CN\.md#signed-before-year-end$/);
    const subs = diagnostics.filter((d) => d.code === 'missing-subsection');
    // 政府信息管理 is written under 平台建设 (information); 监督保障 is nowhere (warning).
    assert.deepEqual(
      subs.map((d) => [
        d.severity,
        /政府信息管理/.test(d.message) ? '政府信息管理' : /监督保障/.test(d.message) ? '监督保障' : d.message,
      ]),
      [
        [3, '政府信息管理'],
        [2, '监督保障'],
      ],
    );
    for (const d of subs)
      assert.deepEqual(d.range, { start: { line: 15, character: 0 }, end: { line: 15, character: 4 } });
    assert.deepEqual(
      diagnostics
        .filter(
          (d) => !['signed-before-year-end', 'missing-subsection'].includes(d.code) && !d.code.startsWith('narrative-'),
        )
        .map((d) => d.code),
      [],
    );
  });

  it('re-checks the latest version after incremental edits, with ranges in UTF-16 units', async () => {
    const uri = fileUri(path.join(ROOT, 'edit.report.yaml'));
    client.open(uri, text, 1);
    await client.diagnostics(uri, 1);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('  本年新收政府信息公开申请数量'));
    const col = lines[line].lastIndexOf('69');
    // Two quick edits: only the last version's diagnostics matter.
    client.change(uri, 2, [
      { range: { start: { line, character: col }, end: { line, character: col + 2 } }, text: '71' },
    ]);
    client.change(uri, 3, [
      { range: { start: { line, character: col }, end: { line, character: col + 2 } }, text: '70' },
    ]);
    const { diagnostics } = await client.diagnostics(uri, 3);
    const total = diagnostics.find((d) => d.code === 'row-total');
    assert.ok(total, 'row-total');
    assert.deepEqual(total.range, { start: { line, character: col }, end: { line, character: col + 2 } });
    assert.match(total.message, /总计 70 ≠ 67 \+ 2 \+ 0 \+ 0 \+ 0 \+ 0 = 69/);
    assert.equal(total.relatedInformation?.length, 6);
    // One wrong cell is one finding: the balance of the 总计 column is not reported again.
    assert.equal(diagnostics.filter((d) => d.code === 'balance').length, 0);
  });

  it('reports YAML syntax errors at their position and still checks the rest', async () => {
    const uri = fileUri(path.join(ROOT, 'broken.report.yaml'));
    const broken = text.replace('规章:           [0, 0, 0]', '规章:           [0, 0, 0');
    client.open(uri, broken, 1);
    const { diagnostics } = await client.diagnostics(uri, 1);
    assert.ok(diagnostics.some((d) => d.code === 'yaml-syntax'));
    assert.ok(diagnostics.some((d) => d.code === 'signed-before-year-end'));
  });
});

describe('re-checks that change nothing', () => {
  it('send no diagnostics again', async () => {
    const client = new LspClient();
    try {
      await client.initialize({ settings: { validate: { debounceMs: 0 } } });
      const uri = fileUri(EXAMPLE);
      const published = () =>
        client.notifications.filter(
          (n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri,
        ).length;
      const opened = client.diagnostics(uri, 1);
      client.open(uri, text, 1);
      await opened;
      const before = published();
      // A setting that does not touch this report's findings: the report is re-checked, nothing is
      // re-sent. Then one that does change them: its diagnostics are the only ones sent after.
      client.settings = { validate: { debounceMs: 0 }, inlayHints: { computedValues: false, columnNames: false } };
      const asked = client.waitFor((m) => m.method === 'workspace/configuration', 5000, 'the settings to be read');
      client.notify('workspace/didChangeConfiguration', { settings: null });
      // Answered before the next setting is sent: the server re-checks with the first one first.
      await asked;
      client.settings = { validate: { debounceMs: 0 }, severity: { 'missing-subsection': 'off' } };
      client.notify('workspace/didChangeConfiguration', { settings: null });
      await client.waitFor(
        (n) => n.method === 'textDocument/publishDiagnostics' && published() > before,
        5000,
        'the diagnostics of the second setting',
      );
      assert.equal(published(), before + 1);
      const diagnostics = (client.notifications.at(-1)!.params as { diagnostics: { code: string }[] }).diagnostics;
      assert.ok(!diagnostics.some((d) => d.code === 'missing-subsection'));
    } finally {
      await client.dispose();
    }
  });
});

describe('locale', () => {
  for (const [locale, pattern] of [
    ['zh-CN', /早于 2024 年度结束/],
    ['en', /lies before the end of 2024/],
  ] as const) {
    it(`speaks ${locale}`, async () => {
      const client = new LspClient();
      try {
        await client.initialize({ locale, settings: { validate: { debounceMs: 0 } } });
        const uri = fileUri(EXAMPLE);
        client.open(uri, text, 1);
        const { diagnostics } = await client.diagnostics(uri, 1);
        assert.match(diagnostics.find((d) => d.code === 'signed-before-year-end')!.message, pattern);
      } finally {
        await client.dispose();
      }
    });
  }
});
