import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LspClient, type PublishDiagnostics } from './lspClient';
import { EDITOR_CAPABILITIES, EXAMPLE, openDoc, startEditor } from './editorHelpers';

const ON_TIME = EXAMPLE.replace('落款日期: 2024-01-08', '落款日期: 2025-01-25');

const published = (client: LspClient, uri: string, test: (p: PublishDiagnostics) => boolean) =>
  client.waitFor(
    (m) =>
      m.method === 'textDocument/publishDiagnostics' &&
      (m.params as PublishDiagnostics).uri === uri &&
      test(m.params as PublishDiagnostics),
    10000,
    'diagnostics after the settings change',
  );

describe('settings changes re-check open documents without a restart', () => {
  it('pulled through workspace/configuration: severities and deadlines', async () => {
    const { client } = await startEditor('zh-CN');
    try {
      const { uri, diagnostics } = await openDoc(client, ON_TIME);
      assert.ok(!diagnostics.some((d) => d.code === 'past-deadline'));
      assert.equal(diagnostics.find((d) => d.code === 'missing-subsection' && /监督保障/.test(d.message))?.severity, 2);
      const next = published(client, uri, (p) => p.diagnostics.some((d) => d.code === 'past-deadline'));
      client.settings = {
        validate: { debounceMs: 0 },
        deadlines: { 部门: '01-20' },
        severity: { 'missing-subsection': 'error', 'fee-not-stated': 'off' },
      };
      client.notify('workspace/didChangeConfiguration', { settings: null });
      const after = (await next).params as PublishDiagnostics;
      assert.match(
        after.diagnostics.find((d) => d.code === 'past-deadline')!.message,
        /晚于设定的公布期限 2025年1月20日/,
      );
      assert.ok(after.diagnostics.filter((d) => d.code === 'missing-subsection').every((d) => d.severity === 1));
    } finally {
      await client.dispose();
    }
  });

  it('pushed with the notification when the client cannot be asked', async () => {
    const client = new LspClient();
    try {
      const capabilities = { ...EDITOR_CAPABILITIES, workspace: { configuration: false } };
      await client.initialize({
        locale: 'en',
        capabilities,
        initializationOptions: { locale: 'en', settings: { validate: { debounceMs: 0 } } },
      });
      const { uri, diagnostics } = await openDoc(client, EXAMPLE);
      assert.ok(diagnostics.some((d) => d.code === 'signed-before-year-end'));
      const next = published(client, uri, (p) => !p.diagnostics.some((d) => d.code === 'signed-before-year-end'));
      client.notify('workspace/didChangeConfiguration', {
        settings: { govreport: { validate: { debounceMs: 0 }, severity: { 'signed-before-year-end': 'off' } } },
      });
      const after = (await next).params as PublishDiagnostics;
      assert.ok(
        after.diagnostics.some((d) => d.code === 'missing-subsection'),
        'the other findings stay',
      );
      assert.equal(client.requests.filter((r) => r.method === 'workspace/configuration').length, 0);
    } finally {
      await client.dispose();
    }
  });
});
