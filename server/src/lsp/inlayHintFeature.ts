/** Inlay hints (setting govreport.inlayHints.enabled): computed totals and column names. */
import { InlayHintKind, type InlayHint } from 'vscode-languageserver';
import { inlayHints } from '../core';
import { cancelled, type Feature } from './context';

export const inlayHintFeature: Feature = {
  capabilities: { inlayHintProvider: { resolveProvider: false } },
  register(ctx) {
    ctx.connection.languages.inlayHint.on((params, token) => {
      const stop = cancelled(token);
      if (stop) return stop;
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc || !ctx.settings().inlayHints.enabled) return [];
      const { report } = ctx.store.get(doc);
      const span = { start: report.lines.offsetAt(params.range.start), end: report.lines.offsetAt(params.range.end) };
      return inlayHints(report, span, ctx.locale()).map((h): InlayHint => ({
        position: report.lines.positionAt(h.offset),
        label: h.label,
        kind: h.kind === 'column' ? InlayHintKind.Parameter : undefined,
        tooltip: h.tooltip,
        paddingLeft: h.kind === 'total',
        paddingRight: h.kind === 'column',
      }));
    });
  },
};
