/**
 * Across years over LSP: two reports of consecutive years in one workspace folder. The
 * 2024 report is checked against the 2023 report on disk, then against the open (edited)
 * 2023 document, then against the file again when that document closes or the file changes.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient, ROOT, fileUri, type Diagnostic, type PublishDiagnostics } from './lspClient';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'crossyear');
const NAME_2023 = 'ziranziyuan-2023.report.yaml';
const NAME_2024 = 'ziranziyuan-2024.report.yaml';
const CARRIED_2023 = '  结转下年度继续办理:            [9, 2, 0, 0, 0, 0, 11]';

const cross = (ds: Diagnostic[]) => ds.filter((d) => d.code.startsWith('cross-year-')).map((d) => d.code);
const ALL = [
  'cross-year-growth',
  'cross-year-growth',
  'cross-year-stock',
  'cross-year-carryover',
  'cross-year-carryover',
];

describe('across years over LSP, both reports in the workspace', () => {
  let client: LspClient;
  let dir: string;
  let uri2023: string;
  let uri2024: string;
  let text2023: string;

  /** The next diagnostics of a document that pass `test` (registered before the action that causes them). */
  const next = (uri: string, what: string, test: (ds: Diagnostic[]) => boolean) =>
    client
      .waitFor(
        (m) =>
          m.method === 'textDocument/publishDiagnostics' &&
          (m.params as PublishDiagnostics).uri === uri &&
          test((m.params as PublishDiagnostics).diagnostics),
        10000,
        what,
      )
      .then((m) => (m.params as PublishDiagnostics).diagnostics);

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'govreport-ws-'));
    for (const name of [NAME_2023, NAME_2024]) copyFileSync(path.join(FIXTURES, name), path.join(dir, name));
    uri2023 = fileUri(path.join(dir, NAME_2023));
    uri2024 = fileUri(path.join(dir, NAME_2024));
    text2023 = readFileSync(path.join(dir, NAME_2023), 'utf8');
    client = new LspClient();
    await client.initialize({
      rootUri: fileUri(dir),
      settings: { validate: { debounceMs: 0 } },
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
    });
  });
  after(() => client.dispose());

  it('asks the client to watch report files', async () => {
    const isWatch = (m: { method?: string; params?: unknown }) =>
      m.method === 'client/registerCapability' && JSON.stringify(m.params).includes('workspace/didChangeWatchedFiles');
    const reg = client.requests.find(isWatch) ?? (await client.waitFor(isWatch, 10000, 'a file watcher registration'));
    assert.ok(reg, 'registered');
    assert.match(JSON.stringify(reg.params), /report\.yaml/);
  });

  it("checks this year against last year's file found in the workspace folder", async () => {
    const first = next(uri2024, "the 2024 report's diagnostics", () => true);
    client.open(uri2024, readFileSync(path.join(dir, NAME_2024), 'utf8'), 1);
    const ds = await first;
    assert.deepEqual(cross(ds), ALL);
    const carry = ds.find((d) => d.code === 'cross-year-carryover' && d.message.includes('总计'))!;
    assert.deepEqual(carry.range, { start: { line: 39, character: 38 }, end: { line: 39, character: 40 } });
    const [rel] = carry.relatedInformation!;
    assert.equal(rel.location.uri, uri2023);
    assert.deepEqual(rel.location.range, { start: { line: 61, character: 43 }, end: { line: 61, character: 45 } });
    assert.match(rel.message, /2023 年度：结转下年度继续办理（总计）= 11/);
    // Last year's figure as a quick fix, never part of fix-all.
    const actions = await client.request<
      {
        title: string;
        isPreferred?: boolean;
        edit: { changes: Record<string, { range: Diagnostic['range']; newText: string }[]> };
      }[]
    >('textDocument/codeAction', {
      textDocument: { uri: uri2024 },
      range: carry.range,
      context: { diagnostics: [carry] },
    });
    const fix = actions.find((a) => a.title === '改为 11');
    assert.ok(fix?.isPreferred, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.deepEqual(fix.edit.changes[uri2024], [{ range: carry.range, newText: '11' }]);
    const all = await client.request<{ edit?: { changes: Record<string, { newText: string }[]> } }[]>(
      'textDocument/codeAction',
      {
        textDocument: { uri: uri2024 },
        range: carry.range,
        context: { diagnostics: [], only: ['source.fixAll.govreport'] },
      },
    );
    assert.ok(!all.some((a) => a.edit?.changes[uri2024]?.some((e) => e.newText === '11')));
  });

  it('renders the preview and the export from the same result: every finding across years is marked', async () => {
    const published = client.notifications.filter(
      (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as PublishDiagnostics).uri === uri2024,
    );
    const { diagnostics } = published[published.length - 1].params as PublishDiagnostics;
    assert.deepEqual(cross(diagnostics), ALL);
    const preview = await client.request<{ version: number; content: string; warnings: number }>('govreport/render', {
      uri: uri2024,
      format: 'preview',
      marks: true,
    });
    assert.equal(preview.version, 1);
    for (const code of new Set(cross(diagnostics))) assert.match(preview.content, new RegExp(`（${code}）`), code);
    assert.equal(preview.warnings, diagnostics.filter((d) => d.severity === 2).length);
    // The form is the preview with the addresses of its cells and texts, marks and all.
    const form = await client.request<{ version: number; content: string }>('govreport/render', {
      uri: uri2024,
      format: 'form',
      marks: true,
    });
    const titles = (html: string) => [...html.matchAll(/title="([^"]*)"/g)].map((m) => m[1]).sort();
    assert.deepEqual(titles(form.content), titles(preview.content));
    assert.match(form.content, /<td[^>]* data-row="上年结转政府信息公开申请数量" data-col="0">/);
    assert.match(form.content, /<div class="text[^"]*" data-section="总体情况" data-sub="[^"]+"/);
    const page = await client.request<{ content: string }>('govreport/render', {
      uri: uri2024,
      format: 'html',
      marks: true,
    });
    assert.match(page.content, /^<!DOCTYPE html>/);
    assert.match(page.content, /cross-year-carryover/);
    const word = await client.request<{ content: string }>('govreport/render', {
      uri: uri2024,
      format: 'docx',
      marks: false,
    });
    assert.equal(Buffer.from(word.content, 'base64').subarray(0, 2).toString(), 'PK');
  });

  it("re-checks this year when last year's report is edited in the editor", async () => {
    const opened = next(uri2023, "the 2023 report's diagnostics", () => true);
    client.open(uri2023, text2023, 1);
    assert.deepEqual(cross(await opened), []);
    const line = text2023.split('\n').indexOf(CARRIED_2023);
    assert.ok(line > 0);
    const fixed = next(
      uri2024,
      '2024 without the carry-over findings',
      (ds) => !cross(ds).includes('cross-year-carryover'),
    );
    client.change(uri2023, 2, [
      {
        range: { start: { line, character: 0 }, end: { line, character: CARRIED_2023.length } },
        text: '  结转下年度继续办理:            [9, 1, 0, 0, 0, 0, 10]',
      },
    ]);
    assert.deepEqual(cross(await fixed), ['cross-year-growth', 'cross-year-growth', 'cross-year-stock']);
  });

  it("falls back to the file when last year's document closes unsaved", async () => {
    const back = next(uri2024, '2024 with the carry-over findings again', (ds) =>
      cross(ds).includes('cross-year-carryover'),
    );
    client.close(uri2023);
    assert.deepEqual(cross(await back), ALL);
  });

  it("re-checks when the file of last year's report changes on disk", async () => {
    const revised =
      text2023.replace('  行政规范性文件: [4, 1, 30]', '  行政规范性文件: [4, 1, 31]') + '# 现行有效件数已更正\n';
    assert.notEqual(revised, text2023);
    writeFileSync(path.join(dir, NAME_2023), revised);
    const after = next(uri2024, '2024 without the stock finding', (ds) => !cross(ds).includes('cross-year-stock'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri2023, type: 2 }] });
    assert.deepEqual(cross(await after), [
      'cross-year-growth',
      'cross-year-growth',
      'cross-year-carryover',
      'cross-year-carryover',
    ]);
  });
});
