/**
 * Inlay hints: computed values beside totals that differ (govreport.inlayHints.computedValues)
 * and the name of the column the caret is in (govreport.inlayHints.columnNames). The client
 * tells where its carets are; when one moves into another cell the editor is asked to fetch
 * the hints again.
 */
import { type InlayHint } from 'vscode-languageserver';
import { caretCell, inlayHints } from '../core';
import { CARETS_NOTIFICATION, type CaretsNotification } from '../shared/protocol';
import { cancelled, type Feature } from './context';

/** More carets than this are a multi-cursor edit, where a name at every line would be noise. */
const MAX_CARETS = 8;

export const inlayHintFeature: Feature = {
  register(ctx) {
    const carets = new Map<string, CaretsNotification['positions']>();
    /** The cells the carets were in, per document, to ask for hints again only when that changes. */
    const cells = new Map<string, string>();

    ctx.connection.onNotification(CARETS_NOTIFICATION, (n: CaretsNotification) => {
      const doc = ctx.documents.get(n.uri);
      if (!doc || !Array.isArray(n.positions)) return;
      const positions = n.positions.slice(0, MAX_CARETS);
      carets.set(n.uri, positions);
      if (!ctx.settings().inlayHints.columnNames) return;
      const report = ctx.store.report(doc);
      const key = positions
        .map((p) => caretCell(report, report.lines.offsetAt(p)))
        .map((c) => (c ? `${c.row.path}#${c.col}` : ''))
        .join('|');
      if (cells.get(n.uri) === key) return;
      cells.set(n.uri, key);
      // A client without refresh support answers with an error; it fetches hints on its own schedule.
      void ctx.connection.languages.inlayHint.refresh().catch(() => undefined);
    });
    ctx.documents.onDidClose((e) => {
      carets.delete(e.document.uri);
      cells.delete(e.document.uri);
    });

    ctx.connection.languages.inlayHint.on((params, token) => {
      const stop = cancelled(token);
      if (stop) return stop;
      const doc = ctx.documents.get(params.textDocument.uri);
      const { computedValues, columnNames } = ctx.settings().inlayHints;
      if (!doc || (!computedValues && !columnNames)) return [];
      const { report } = ctx.store.get(doc);
      const span = { start: report.lines.offsetAt(params.range.start), end: report.lines.offsetAt(params.range.end) };
      const at = columnNames ? (carets.get(doc.uri) ?? []).map((p) => report.lines.offsetAt(p)) : [];
      return inlayHints(report, span, ctx.locale(), { computedValues, carets: at }).map((h): InlayHint => ({
        position: report.lines.positionAt(h.offset),
        label: h.label,
        tooltip: h.tooltip,
        paddingLeft: true,
      }));
    });
  },
};
