/**
 * One preview panel: renders its report with the core (throttled while typing), sends each
 * render to the page, reveals source lines on click and highlights the cursor's element.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { check } from '../../../server/src/core/check';
import { decodeText } from '../../../server/src/core/encoding';
import { renderBody } from '../../../server/src/core/render/html';
import { checkOptionsFor, locale, throttleMs } from './settings';
import { previewShell } from './shell';
import { Throttle } from './throttle';

export const PREVIEW_VIEW_TYPE = 'govreport.preview';

/** Webview options: scripts for the page's own script only, resources from the media folder only. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableForms: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
    enableFindWidget: true,
  };
}

type FromPage = { type: 'ready'; seq: number } | { type: 'reveal'; uri: string; offset: number };

export class ReportPreview implements vscode.Disposable {
  private seq = 0;
  /** The page has loaded and said so; before that, renders replace its whole HTML. */
  private ready = false;
  /** The newest render, for a page that (re)loads with an older one. */
  private latest: { seq: number; uri: string; body: string } | undefined;
  private readonly throttle = new Throttle(() => this.render(), throttleMs);
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;
  /** Changed while hidden: rendered when the panel shows again. */
  private dirty = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private doc: vscode.TextDocument,
    private readonly extensionUri: vscode.Uri,
    onDispose: () => void,
  ) {
    panel.webview.options = webviewOptions(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon-file.svg');
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.dirty) this.update();
      }),
      panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
    );
    this.render();
  }

  get document(): vscode.TextDocument {
    return this.doc;
  }

  /** Shows another report (the active editor changed). */
  show(doc: vscode.TextDocument): void {
    if (doc === this.doc) return;
    this.doc = doc;
    this.throttle.cancel();
    this.render();
  }

  /** The report changed: render it again, throttled. */
  update(): void {
    if (this.disposed) return;
    if (!this.panel.visible) {
      this.dirty = true;
      return;
    }
    this.throttle.schedule();
  }

  /** Highlights the element at the editor's cursor. */
  cursor(offset: number): void {
    if (this.ready) void this.panel.webview.postMessage({ type: 'cursor', offset });
  }

  private render(): void {
    if (this.disposed) return;
    this.dirty = false;
    const doc = this.doc;
    const text = doc.getText();
    const options = checkOptionsFor(doc.uri);
    // Bytes the editor could not decode: the finding names the encoding the file appears to be in.
    if (text.includes('\ufffd')) options.decoding = { ...options.decoding, detected: this.fileEncoding(doc) };
    const result = check(text, options);
    const body = renderBody(result, { marks: true, theme: 'preview', locale: locale() });
    const uri = doc.uri.toString();
    this.latest = { seq: ++this.seq, uri, body };
    this.panel.title = vscode.l10n.t('Preview {0}', path.basename(doc.fileName));
    if (this.ready) void this.panel.webview.postMessage({ type: 'render', ...this.latest });
    else this.panel.webview.html = this.page();
  }

  /** The encoding the document's file appears to be in: read once (then the report is rendered again). */
  private readonly fileEncodings = new Map<string, string | undefined>();

  private fileEncoding(doc: vscode.TextDocument): string | undefined {
    const key = doc.uri.toString();
    if (this.fileEncodings.has(key)) return this.fileEncodings.get(key);
    this.fileEncodings.set(key, undefined);
    vscode.workspace.fs.readFile(doc.uri).then(
      (bytes) => {
        const decoded = decodeText(bytes);
        // Only an encoding that reads the whole file is worth naming.
        this.fileEncodings.set(key, decoded.invalid ? undefined : decoded.encoding);
        if (decoded.invalid === undefined) this.update();
      },
      () => undefined,
    );
    return undefined;
  }

  private page(): string {
    const webview = this.panel.webview;
    const media = (name: string) =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', name)).toString();
    const latest = this.latest!;
    return previewShell({
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: media('preview.js'),
      styleUri: media('preview.css'),
      body: latest.body,
      seq: latest.seq,
      uri: latest.uri,
      lang: locale(),
    });
  }

  private onMessage(raw: unknown): void {
    const m = raw as FromPage;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'ready' && typeof m.seq === 'number') {
      this.ready = true;
      // The page loaded with an older render (it was hidden, or reloaded): send the newest.
      if (this.latest && this.latest.seq > m.seq)
        void this.panel.webview.postMessage({ type: 'render', ...this.latest });
    } else if (m.type === 'reveal' && typeof m.offset === 'number' && m.uri === this.doc.uri.toString()) {
      void this.reveal(m.offset);
    }
  }

  /** Shows the report's editor with the cursor at the offset, beside the preview. */
  private async reveal(offset: number): Promise<void> {
    const doc = this.doc;
    const position = doc.positionAt(offset);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const column =
      visible?.viewColumn ??
      (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: column,
      preserveFocus: false,
      selection: new vscode.Range(position, position),
    });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.throttle.cancel();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
