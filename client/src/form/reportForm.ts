/**
 * One form over a report file: the report drawn as the official form by the language server
 * (the preview's rendering, with the address of each cell and text, and the findings marked),
 * every cell and text editable in the page. Each change the page sends is written by the core
 * as the smallest edit of the YAML and applied as an edit of the document, so undo, redo, the
 * dirty state, saving and the diagnostics are VS Code's own; the form follows the document,
 * whoever changes it.
 */
import * as vscode from 'vscode';
import {
  pasteCells,
  shownText,
  textAddress,
  writeCell,
  writeText,
  type CellAddress,
  type Edit,
  type Report,
  type TextAddress,
  type Written,
} from '../../../server/src/core';
import type { Renderer } from '../preview/previewPanel';
import { locale, throttleMs } from '../preview/settings';
import { webviewPage } from '../preview/webviewPage';
import { Throttle } from '../preview/throttle';
import { applyToDocument, reportOf, textEdits } from '../reportText';

/** A change the page has not sent yet, given back when the document is about to be saved. */
type Pending =
  | { kind: 'cell'; address: CellAddress; value: string }
  | { kind: 'text'; address: TextAddress; base: string; value: string };

type FromPage =
  | { type: 'ready'; seq: number }
  | { type: 'editCell'; address: CellAddress; value: string }
  | { type: 'editText'; address: TextAddress; base: string; value: string }
  | { type: 'paste'; address: CellAddress; text: string }
  | { type: 'select'; start: number; end: number; cell: boolean; quiet?: boolean }
  | { type: 'applyFix'; id: number }
  | { type: 'flushed'; id: number; pending: Pending[] };

const isCellAddress = (a: unknown): a is CellAddress =>
  !!a &&
  typeof (a as CellAddress).table === 'string' &&
  typeof (a as CellAddress).row === 'string' &&
  Number.isInteger((a as CellAddress).column);

const isTextAddress = (a: unknown): a is TextAddress =>
  !!a &&
  ['string', 'undefined'].includes(typeof (a as TextAddress).section) &&
  ['string', 'undefined'].includes(typeof (a as TextAddress).sub);

export class ReportForm implements vscode.Disposable {
  private seq = 0;
  private requested = 0;
  private ready = false;
  private latest:
    { seq: number; uri: string; body: string; texts: { address: TextAddress; value: string }[] } | undefined;
  private readonly throttle = new Throttle(() => void this.render(), throttleMs);
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;
  private dirty = false;
  private failures = 0;
  /** Changes from the page, applied one after the other. */
  private queue: Promise<void> = Promise.resolve();
  /** The quick fixes offered for the element last selected in the page, and the version they were for. */
  private fixes: { version: number; range: vscode.Range; actions: vscode.CodeAction[] } | undefined;
  private flushes = new Map<number, (pending: Pending[]) => void>();
  private flushId = 0;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly document: vscode.TextDocument,
    private readonly extensionUri: vscode.Uri,
    private readonly renderer: Renderer,
  ) {
    panel.webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
    };
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.dirty) this.update();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    void this.render();
  }

  /** The document changed (here or in another editor): render it again, throttled. */
  update(): void {
    if (this.disposed) return;
    if (!this.panel.visible) {
      this.dirty = true;
      return;
    }
    this.throttle.schedule();
  }

  /** Marks the element at a text editor's caret. */
  cursor(offset: number): void {
    if (this.ready) void this.panel.webview.postMessage({ type: 'cursor', offset });
  }

  /** The edits of what the page has typed but not sent yet, for the document's save. */
  async flush(): Promise<vscode.TextEdit[]> {
    if (!this.ready || this.disposed) return [];
    const id = ++this.flushId;
    const pending = await new Promise<Pending[]>((resolve) => {
      const timer = setTimeout(() => resolve([]), 1000);
      this.flushes.set(id, (p) => {
        clearTimeout(timer);
        resolve(p);
      });
      void this.panel.webview.postMessage({ type: 'flush', id });
    });
    this.flushes.delete(id);
    await this.queue;
    const report = reportOf(this.document);
    const edits: Edit[] = [];
    for (const p of pending) {
      const written =
        p.kind === 'cell' ? writeCell(report, p.address, p.value) : writeText(report, p.address, p.value, p.base);
      if (!written.ok) continue;
      if (written.value.some((e) => edits.some((x) => e.start < x.end && x.start < e.end))) continue;
      edits.push(...written.value);
    }
    return textEdits(this.document, edits);
  }

  private async render(): Promise<void> {
    if (this.disposed) return;
    this.dirty = false;
    const doc = this.document;
    const uri = doc.uri.toString();
    const seq = ++this.requested;
    let result;
    try {
      result = await this.renderer({ uri, format: 'form', marks: true });
    } catch (e) {
      console.warn(`govreport form: ${e instanceof Error ? e.message : String(e)}`);
      // The server may not have the document yet: ask again, a few times.
      if (++this.failures <= 5) this.throttle.schedule();
      return;
    }
    this.failures = 0;
    if (this.disposed || seq !== this.requested) return;
    if (result.version !== doc.version) {
      this.throttle.schedule();
      return;
    }
    const report = reportOf(doc);
    const texts = [...(report.preface ? [report.preface] : []), ...report.texts].map((t) => ({
      address: textAddress(t),
      value: shownText(t.text),
    }));
    this.latest = { seq: ++this.seq, uri, body: result.content, texts };
    if (this.ready) void this.panel.webview.postMessage({ type: 'render', ...this.latest });
    else this.panel.webview.html = this.page();
  }

  private page(): string {
    return webviewPage(this.panel.webview, this.extensionUri, { script: 'form.js', style: 'form.css' }, this.latest!, {
      rootId: 'govreport-form',
      strings: {
        emptyText: vscode.l10n.t('Type the text here: a paragraph per line'),
        missingCell: vscode.l10n.t('This cell is not in the file: add its row first (see the problem on the row)'),
      },
    });
  }

  private onMessage(raw: unknown): void {
    const m = raw as FromPage;
    if (!m || typeof m !== 'object') return;
    switch (m.type) {
      case 'ready':
        if (typeof m.seq !== 'number') return;
        this.ready = true;
        // A page loaded with an older render gets the newest; the texts' exact values come
        // only by message (the page's HTML shows them as printed).
        if (this.latest)
          void this.panel.webview.postMessage(
            this.latest.seq > m.seq
              ? { type: 'render', ...this.latest }
              : { type: 'texts', seq: this.latest.seq, texts: this.latest.texts },
          );
        return;
      case 'editCell':
        if (isCellAddress(m.address) && typeof m.value === 'string')
          this.change((r) => writeCell(r, m.address, m.value), { cell: m.address });
        return;
      case 'editText':
        if (isTextAddress(m.address) && typeof m.value === 'string' && typeof m.base === 'string')
          this.change((r) => writeText(r, m.address, m.value, m.base), { text: m.address });
        return;
      case 'paste':
        if (isCellAddress(m.address) && typeof m.text === 'string')
          this.change(
            (r) => {
              const pasted = pasteCells(r, m.address, m.text);
              return pasted.ok ? { ok: true, value: pasted.value.edits } : pasted;
            },
            { cell: m.address },
          );
        return;
      case 'select':
        if (typeof m.start === 'number' && typeof m.end === 'number')
          void this.selected(m.start, m.end, !!m.cell, !!m.quiet);
        return;
      case 'applyFix':
        if (typeof m.id === 'number') void this.applyFix(m.id);
        return;
      case 'flushed':
        if (typeof m.id === 'number' && Array.isArray(m.pending)) this.flushes.get(m.id)?.(m.pending.filter(isPending));
        return;
    }
  }

  /** Writes a change on the document as it is when its turn comes; a refusal is said in the page and by a message. */
  private change(write: (report: Report) => Written<Edit[]>, where: { cell?: CellAddress; text?: TextAddress }): void {
    this.queue = this.queue.then(async () => {
      if (this.disposed) return;
      const doc = this.document;
      const written = write(reportOf(doc));
      if (!written.ok) {
        const message = written.reason[locale()];
        void this.panel.webview.postMessage({ type: 'refused', message, ...where });
        void vscode.window.showWarningMessage(message);
        // The page shows what it was sent; the document's values put it right.
        this.update();
        return;
      }
      if (!written.value.length) return;
      if (!(await applyToDocument(doc, doc.version, written.value))) this.update();
    });
  }

  /**
   * The page selected an element: the text editors of the report select it too (unless
   * `quiet`: the page only asks again after a render), and its quick fixes are offered.
   */
  private async selected(start: number, end: number, cell: boolean, quiet: boolean): Promise<void> {
    const doc = this.document;
    const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
    if (!quiet)
      for (const editor of vscode.window.visibleTextEditors.filter((e) => e.document === doc)) {
        editor.selection = cell
          ? new vscode.Selection(range.start, range.end)
          : new vscode.Selection(range.start, range.start);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
    const version = doc.version;
    const actions = await quickFixes(doc, range);
    if (this.disposed || doc.version !== version) return;
    this.fixes = { version, range, actions };
    void this.panel.webview.postMessage({
      type: 'fixes',
      start,
      end,
      fixes: actions.map((f, id) => ({ id, title: f.title })),
    });
  }

  /** Applies a quick fix the page shows; one offered for an older text is looked for again by its title. */
  private async applyFix(id: number): Promise<void> {
    await this.queue;
    const offered = this.fixes;
    let fix = offered?.actions[id];
    if (!offered || !fix) return;
    const doc = this.document;
    if (offered.version !== doc.version) {
      const title = fix.title;
      fix = (await quickFixes(doc, offered.range)).find((a) => a.title === title);
      if (!fix) return this.update();
    }
    await vscode.workspace.applyEdit(fix.edit!);
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.throttle.cancel();
    for (const resolve of this.flushes.values()) resolve([]);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/**
 * The quick fixes at a range: those of the findings there (the API does not say whose
 * diagnostics an action fixes; those another extension offers there are fixes of what is shown
 * there too), each an edit of this document.
 */
async function quickFixes(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      range,
      vscode.CodeActionKind.QuickFix.value,
    )) ?? [];
  return actions.filter(
    (a): a is vscode.CodeAction =>
      'edit' in a && !!a.edit && a.edit.entries().every(([uri]) => uri.toString() === doc.uri.toString()),
  );
}

function isPending(p: unknown): p is Pending {
  const x = p as Pending;
  if (!x || typeof x !== 'object' || typeof x.value !== 'string') return false;
  return x.kind === 'cell'
    ? isCellAddress(x.address)
    : x.kind === 'text' && isTextAddress(x.address) && typeof x.base === 'string';
}
