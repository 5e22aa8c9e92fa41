/** The preview's wiring in the extension, driven through a stand-in for the VS Code API. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../../server/src/core/check';
import { renderBody } from '../../../server/src/core/render/html';
import type { RenderParams, RenderResult } from '../../../server/src/shared/protocol';
import { EXAMPLE, variant } from '../helpers';
import { FakeDocument, FakePanel, Position, Range, Uri, fakeVscode, installVscode } from './fakeVscode';

const fake = fakeVscode();
installVscode(fake);
// Loaded after the stand-in is installed: the module imports `vscode`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { registerPreview } = require('../../../client/src/preview') as typeof import('../../../client/src/preview');

const context = { extensionUri: Uri.file('/ext'), subscriptions: [] as { dispose(): void }[] };
/** The language server's side of the render request: the document as it is now, checked and printed. */
const requests: RenderParams[] = [];
async function renderer(params: RenderParams): Promise<RenderResult> {
  requests.push(params);
  await Promise.resolve();
  const doc = fake.documents.find((d) => d.uri.toString() === params.uri)!;
  const result = check(doc.getText());
  const content = renderBody(result, { marks: params.marks, theme: 'preview', locale: 'zh-CN' });
  return { version: doc.version, content, errors: 0, warnings: 0, personalData: 0 };
}
registerPreview(context as never, renderer);

/** Waits until `ready` holds, one turn of the event loop at a time. */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise<void>((resolve) => setImmediate(resolve));
}

const docA = new FakeDocument(Uri.file('/reports/a.report.yaml'), EXAMPLE);
const docB = new FakeDocument(
  Uri.file('/reports/b.report.yaml'),
  variant('机关: 吕梁市人民政府办公室', '机关: 某某县人民政府办公室'),
);
fake.documents.push(docA, docB);
const CARET = new Position(44, 4);
fake.activeEditor = { document: docA, selection: { active: CARET } };

const renders = (p: FakePanel) => p.webview.posted.filter((m) => m.type === 'render');

describe('preview wiring', () => {
  let panel: FakePanel;

  it('registers the commands and the serializer', () => {
    for (const id of ['govreport.openPreview', 'govreport.openPreviewToSide', 'govreport.export'])
      assert.ok(fake.commands.has(id), id);
    assert.ok(fake.serializers.has('govreport.preview'));
  });

  it('opens the preview beside the report with a locked-down webview', async () => {
    await fake.commands.get('govreport.openPreviewToSide')!();
    assert.equal(fake.panels.length, 1);
    panel = fake.panels[0];
    assert.equal(panel.viewType, 'govreport.preview');
    assert.deepEqual(panel.showOptions, { viewColumn: -2, preserveFocus: true });
    const options = panel.webview.options as {
      enableScripts: boolean;
      enableCommandUris: boolean;
      enableForms: boolean;
      localResourceRoots: Uri[];
    };
    assert.equal(options.enableScripts, true);
    assert.equal(options.enableCommandUris, false);
    assert.equal(options.enableForms, false);
    assert.deepEqual(options.localResourceRoots.map(String), ['file:///ext/media']);
    await until(() => !!panel.webview.html);
    assert.equal(panel.title, '预览 a.report.yaml');
    assert.deepEqual(requests[0], { uri: 'file:///reports/a.report.yaml', format: 'preview', marks: true });
    const html = panel.webview.html;
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src https:\/\/fake\.vscode-resource &#39;nonce-([A-Za-z0-9+/=]+)&#39;; script-src &#39;nonce-\1&#39;;/,
    );
    assert.match(
      html,
      /<script nonce="[^"]+" src="https:\/\/fake\.vscode-resource\/ext\/media\/preview\.js"><\/script>/,
    );
    assert.match(
      html,
      /data-seq="1" data-uri="file:\/\/\/reports\/a\.report\.yaml"><main class="report theme-preview marks"/,
    );
    assert.match(html, />吕梁市人民政府办公室</);
  });

  it('sends each change once the page is ready, the latest text, throttled', async () => {
    panel.webview.received.fire({ type: 'ready', seq: 1 });
    assert.equal(renders(panel).length, 0, 'the page already shows render 1');
    // It opens where the editor's caret is.
    assert.equal((await panel.webview.next((m) => m.type === 'cursor')).offset, docA.offsetAt(CARET));
    panel.webview.posted.splice(0);
    fake.config['preview.throttleMs'] = 100;
    for (let i = 1; i <= 5; i++) {
      docA.setText(variant('结转下年度继续办理:            [8,', `结转下年度继续办理:            [${80 + i},`));
      fake.events.change.fire({ document: docA });
    }
    const last = await panel.webview.next((m) => m.type === 'render' && !!m.body?.includes('>85<'));
    assert.ok(renders(panel).length <= 2, `${renders(panel).length} renders for 5 changes`);
    assert.equal(last.uri, 'file:///reports/a.report.yaml');
    assert.ok(
      renders(panel).every((m, i, a) => i === 0 || m.seq! > a[i - 1].seq!),
      'numbered in order',
    );
    fake.config['preview.throttleMs'] = 0;
  });

  it('sends the cursor offset and reveals the clicked offset in the editor', async () => {
    fake.events.selection.fire({ textEditor: { document: docA }, selections: [{ active: new Position(69, 4) }] });
    const cursor = await panel.webview.next((m) => m.type === 'cursor');
    assert.equal(cursor.offset, docA.offsetAt(new Position(69, 4)));
    const offset = docA.getText().indexOf('[67, 2');
    panel.webview.received.fire({ type: 'reveal', uri: 'file:///reports/b.report.yaml', offset });
    panel.webview.received.fire({ type: 'reveal', uri: 'file:///reports/a.report.yaml', offset });
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.equal(fake.shown.length, 1, 'a click from another report is ignored');
    assert.equal(fake.shown[0].doc, docA);
    assert.deepEqual(fake.shown[0].options.selection?.start, docA.positionAt(offset));
    // A table's number is selected, so that typing replaces it.
    panel.webview.received.fire({
      type: 'reveal',
      uri: 'file:///reports/a.report.yaml',
      offset: offset + 1,
      end: offset + 3,
    });
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.deepEqual(
      [fake.shown[1].options.selection?.start, fake.shown[1].options.selection?.end],
      [docA.positionAt(offset + 1), docA.positionAt(offset + 3)],
    );
  });

  it('scrolls with the editor both ways, and does not send back the scroll it caused', async () => {
    const scrolled = (line: number) =>
      fake.events.visibleRanges.fire({
        textEditor: { document: docA },
        visibleRanges: [new Range(new Position(line, 0), new Position(line + 30, 0))],
      });
    scrolled(40);
    assert.equal((await panel.webview.next((m) => m.type === 'scroll')).line, 40);
    panel.webview.posted.splice(0);
    panel.webview.received.fire({ type: 'scrolled', uri: 'file:///reports/a.report.yaml', line: 57.6 });
    assert.deepEqual(
      fake.revealed.map((r) => [r.range.start.line, r.how]),
      [[57, 3]],
      'the editor shows line 58 at its top',
    );
    // The editor's own report of that scroll is not sent back to the page.
    scrolled(57);
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.equal(panel.webview.posted.filter((m) => m.type === 'scroll').length, 0);
    // Nor is a scroll of another report.
    panel.webview.received.fire({ type: 'scrolled', uri: 'file:///reports/b.report.yaml', line: 3 });
    assert.equal(fake.revealed.length, 1);
  });

  it('follows the active report editor', async () => {
    const before = renders(panel).length;
    fake.events.activeEditor.fire({ document: docB, selection: { active: new Position(0, 0) } });
    const m = await panel.webview.next((x) => x.type === 'render' && x.uri === 'file:///reports/b.report.yaml');
    assert.match(m.body!, /某某县人民政府办公室/);
    assert.equal(renders(panel).length, before + 1);
    assert.equal(panel.title, '预览 b.report.yaml');
  });

  it('renders a change made while hidden when the panel shows again, and re-sends to a reloaded page', async () => {
    panel.visible = false;
    docB.setText(docB.getText().replace('某某县人民政府办公室', '另一县人民政府办公室'));
    fake.events.change.fire({ document: docB });
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.equal(
      renders(panel).some((m) => m.body?.includes('另一县')),
      false,
      'nothing rendered while hidden',
    );
    panel.visible = true;
    panel.viewState.fire({});
    const shown = await panel.webview.next((m) => m.type === 'render' && !!m.body?.includes('另一县'));
    // The page reloads from its first HTML (render 1) when it is shown again: it gets the newest.
    const count = renders(panel).length;
    panel.webview.received.fire({ type: 'ready', seq: 1 });
    await panel.webview.next(() => renders(panel).length > count);
    assert.equal(renders(panel)[count].seq, shown.seq);
  });

  it('restores a panel after a reload from the saved state, and drops one whose report is gone', async () => {
    const restored = new FakePanel('govreport.preview', {});
    await fake.serializers
      .get('govreport.preview')!
      .deserializeWebviewPanel(restored, { uri: 'file:///reports/a.report.yaml', scrollY: 300 });
    await until(() => !!restored.webview.html);
    assert.match(restored.webview.html, /data-uri="file:\/\/\/reports\/a\.report\.yaml"/);
    assert.equal((restored.webview.options as { enableScripts: boolean }).enableScripts, true);
    assert.equal(panel.disposed, true, 'one preview at a time');
    const orphan = new FakePanel('govreport.preview', {});
    await fake.serializers
      .get('govreport.preview')!
      .deserializeWebviewPanel(orphan, { uri: 'file:///reports/deleted.report.yaml' });
    assert.equal(orphan.disposed, true);
    const junk = new FakePanel('govreport.preview', {});
    await fake.serializers.get('govreport.preview')!.deserializeWebviewPanel(junk, { uri: 42 });
    assert.equal(junk.disposed, true);
  });
});
