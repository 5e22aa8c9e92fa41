/** Validation on open and on change: debounced, always the latest version. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from '../shared/convert';
import type { ServerContext } from './context';
import { CHECKED_NOTIFICATION, type CheckedNotification } from '../shared/protocol';

export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The version and text last published per document, so a text is never checked twice. */
  private readonly published = new Map<string, { version: number; text: string }>();
  /** The diagnostics last sent per document: a re-check that changes nothing (new settings
   * that do not matter here) sends nothing, so it cannot close a menu the user just opened. */
  private readonly sent = new Map<string, { version: number; json: string }>();

  constructor(private readonly ctx: ServerContext) {}

  /** Validates now (on open) or after the debounce (on change). */
  schedule(doc: TextDocument, immediate: boolean): void {
    const last = this.published.get(doc.uri);
    if (last && last.version === doc.version && last.text === doc.getText()) return;
    this.cancel(doc.uri);
    const delay = immediate ? 0 : this.ctx.settings().validate.debounceMs;
    if (delay === 0) {
      this.validate(doc.uri);
      return;
    }
    this.timers.set(
      doc.uri,
      setTimeout(() => {
        this.timers.delete(doc.uri);
        this.validate(doc.uri);
      }, delay),
    );
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  /** Checks the document's latest version and publishes its diagnostics. */
  validate(uri: string): void {
    const doc = this.ctx.documents.get(uri);
    if (!doc) return;
    this.published.set(uri, { version: doc.version, text: doc.getText() });
    let entry: ReturnType<ServerContext['store']['entry']>;
    try {
      entry = this.ctx.store.entry(doc);
    } catch (e) {
      // Runs from a timer, where an exception would end the server; and the squiggles of the
      // previous text must not stay on this one.
      this.sent.set(uri, { version: doc.version, json: '[]' });
      void this.ctx.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
      this.ctx.connection.console.error(
        `govreport: checking ${uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
      return;
    }
    const locale = this.ctx.locale();
    const { lines } = entry.result.report;
    const diagnostics = entry.result.findings.map((f) => toDiagnostic(f, lines, locale, uri));
    const json = JSON.stringify(diagnostics);
    const last = this.sent.get(uri);
    if (!last || last.version !== doc.version || last.json !== json) {
      this.sent.set(uri, { version: doc.version, json });
      void this.ctx.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
    }
    const count = (s: string) => entry.result.findings.filter((f) => f.severity === s).length;
    const note: CheckedNotification = {
      uri,
      version: doc.version,
      errors: count('error'),
      warnings: count('warning'),
      information: count('information') + count('hint'),
      fixable: entry.result.findings.filter((f) => f.fixes?.some((x) => x.safe)).length,
      elapsedMs: entry.elapsed,
    };
    void this.ctx.connection.sendNotification(CHECKED_NOTIFICATION, note);
  }

  /** What the validator holds, for the memory check of long sessions. */
  get held(): { published: number; timers: number } {
    return { published: this.published.size + this.sent.size, timers: this.timers.size };
  }

  clear(uri: string): void {
    this.cancel(uri);
    this.published.delete(uri);
    this.sent.delete(uri);
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
