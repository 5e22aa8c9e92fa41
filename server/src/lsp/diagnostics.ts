/** Validation on open and on change: debounced, always the latest version. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Locale, Related } from '../core';
import { toDiagnostic } from '../shared/convert';
import type { DiagnosticData } from '../shared/protocol';
import type { ServerContext } from './context';

/** What was last sent for a document: its version, the findings and the language of their messages. */
interface Sent {
  version: number;
  findings: readonly Finding[];
  locale: Locale;
}

export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The version and text last published per document, so a text is never checked twice. */
  private readonly published = new Map<string, { version: number; text: string }>();
  /** What was last sent per document: a re-check that changes nothing (new settings that do
   * not matter here) sends nothing, so it cannot close a menu the user just opened. */
  private readonly sent = new Map<string, Sent>();

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
      this.sent.set(uri, { version: doc.version, findings: [], locale: this.ctx.locale() });
      void this.ctx.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
      this.ctx.connection.console.error(
        `govreport: checking ${uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
      return;
    }
    const locale = this.ctx.locale();
    const { findings, report } = entry.result;
    const last = this.sent.get(uri);
    if (last && last.version === doc.version && last.locale === locale && sameFindings(last.findings, findings, locale))
      return;
    this.sent.set(uri, { version: doc.version, findings, locale });
    // One message per check: the client's status counts these (errors, warnings, what fix-all mends).
    const diagnostics = findings.map((f, i) => {
      const d = toDiagnostic(f, report.lines, locale, uri);
      d.data = (f.fixes?.some((x) => x.safe) ? { fixAll: true, i } : { i }) satisfies DiagnosticData;
      return d;
    });
    void this.ctx.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
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

/** Whether two checks of one text give the same diagnostics: compared field by field, never serialised. */
function sameFindings(a: readonly Finding[], b: readonly Finding[], locale: Locale): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  const safe = (f: Finding) => f.fixes?.some((x) => x.safe) ?? false;
  return a.every((x, i) => {
    const y = b[i];
    const rx = x.related ?? [];
    const ry = y.related ?? [];
    return (
      x.code === y.code &&
      x.severity === y.severity &&
      x.span.start === y.span.start &&
      x.span.end === y.span.end &&
      x.message[locale] === y.message[locale] &&
      safe(x) === safe(y) &&
      rx.length === ry.length &&
      rx.every(
        (r, j) =>
          r.uri === ry[j].uri &&
          r.span.start === ry[j].span.start &&
          r.span.end === ry[j].span.end &&
          r.message[locale] === ry[j].message[locale] &&
          sameRange(r.range, ry[j].range),
      )
    );
  });
}

type LineRange = Related['range'];

function sameRange(a: LineRange, b: LineRange): boolean {
  if (!a || !b) return a === b;
  const at = (p: { line: number; character: number }, q: { line: number; character: number }) =>
    p.line === q.line && p.character === q.character;
  return at(a.start, b.start) && at(a.end, b.end);
}
