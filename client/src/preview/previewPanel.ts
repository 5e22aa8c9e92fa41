/**
 * One preview panel: renders its report with the core (throttled while typing), sends each
 * render to the page, reveals source lines on click and highlights the cursor's element.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RenderParams, RenderResult } from '../../../server/src/shared/protocol';
import { throttleMs } from './settings';
import { webviewPage } from './webviewPage';
import { Throttle } from './throttle';

export const PREVIEW_VIEW_TYPE = 'govreport.preview';

/** Renders a document for the preview or an export: the language server, from its check result. */
export type Renderer = (params: RenderParams) => Promise<RenderResult>;

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

type FromPage =
  | { type: 'ready'; seq: number }
  | { type: 'reveal'; uri: string; offset: number; end?: number }
  | { type: 'scrolled'; uri: string; line: number };

/** How long after the preview scrolled the editor the editor's scrolling is taken as its echo. */
const ECHO_MS = 300;

export class ReportPreview implements vscode.Disposable {
  private seq = 0;
  /** Renders asked of the server; only the answer to the last one is shown. */
  private requested = 0;
  /** The page has loaded and said so; before that, renders replace its whole HTML. */
  private ready = false;
  /** The newest render, for a page that (re)loads with an older one. */
  private latest: { seq: number; uri: string; body: string } | undefined;
  private readonly throttle = new Throttle(() => this.render(), throttleMs);
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;
  /** Changed while hidden: rendered when the panel shows again. */
  private dirty = false;
  /** When the preview last scrolled the editor (not to be scrolled back in turn). */
  private scrolledEditorAt = -Infinity;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private doc: vscode.TextDocument,
    private readonly extensionUri: vscode.Uri,
    private readonly renderer: Renderer,
    onDispose: () => void,
    /** Where the editor's caret is when the preview opens: the page shows it. */
    private opening?: number,
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

  /** Highlights the element at the editor's cursor (and, when it is out of view, scrolls to it). */
  cursor(offset: number): void {
    if (this.ready) void this.panel.webview.postMessage({ type: 'cursor', offset });
    else this.opening = offset;
  }

  /** The editor scrolled to `line` at its top: the page scrolls to the same place, unless the page scrolled it. */
  editorScrolled(line: number): void {
    if (!this.ready || !this.panel.visible || Date.now() - this.scrolledEditorAt < ECHO_MS) return;
    void this.panel.webview.postMessage({ type: 'scroll', line });
  }

  private render(): void {
    void this.renderNow();
  }

  /** Asks the server for the document as printed; an answer overtaken by a newer request or edit is dropped. */
  private async renderNow(): Promise<void> {
    if (this.disposed) return;
    this.dirty = false;
    const doc = this.doc;
    const uri = doc.uri.toString();
    const seq = ++this.requested;
    let result: RenderResult;
    try {
      result = await this.renderer({ uri, format: 'preview', marks: true });
    } catch (e) {
      // The server is restarting or the document closed: the next change renders again.
      console.warn(`govreport preview: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    if (this.disposed || seq !== this.requested || doc !== this.doc) return;
    // The server answered for an older text than the editor has now: render again.
    if (result.version !== doc.version) {
      this.throttle.schedule();
      return;
    }
    this.latest = { seq: ++this.seq, uri, body: result.content };
    this.panel.title = vscode.l10n.t('Preview {0}', path.basename(doc.fileName));
    if (this.ready) void this.panel.webview.postMessage({ type: 'render', ...this.latest });
    else this.panel.webview.html = this.page();
  }

  private page(): string {
    return webviewPage(
      this.panel.webview,
      this.extensionUri,
      { script: 'preview.js', style: 'preview.css' },
      this.latest!,
    );
  }

  private onMessage(raw: unknown): void {
    const m = raw as FromPage;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'ready' && typeof m.seq === 'number') {
      this.ready = true;
      // The page loaded with an older render (it was hidden, or reloaded): send the newest.
      if (this.latest && this.latest.seq > m.seq)
        void this.panel.webview.postMessage({ type: 'render', ...this.latest });
      // Opened from an editor: the page starts at its caret.
      if (this.opening !== undefined) {
        void this.panel.webview.postMessage({ type: 'cursor', offset: this.opening });
        this.opening = undefined;
      }
    } else if (m.type === 'reveal' && typeof m.offset === 'number' && m.uri === this.doc.uri.toString()) {
      void this.reveal(m.offset, typeof m.end === 'number' ? m.end : m.offset);
    } else if (m.type === 'scrolled' && typeof m.line === 'number' && m.uri === this.doc.uri.toString()) {
      this.scrollEditors(m.line);
    }
  }

  /** The page was scrolled to `line`: the report's visible editors show it at their top. */
  private scrollEditors(line: number): void {
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document === this.doc);
    if (!editors.length) return;
    this.scrolledEditorAt = Date.now();
    const at = new vscode.Position(Math.max(0, Math.min(Math.floor(line), this.doc.lineCount - 1)), 0);
    for (const e of editors) e.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
  }

  /**
   * Shows the report's editor beside the preview with the clicked element selected (a cell's
   * number, so that typing replaces it) or the cursor at its start.
   */
  private async reveal(offset: number, end: number): Promise<void> {
    const doc = this.doc;
    const position = doc.positionAt(offset);
    const last = doc.positionAt(Math.max(offset, end));
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const column =
      visible?.viewColumn ??
      (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: column,
      preserveFocus: false,
      selection: new vscode.Range(position, last),
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
