/** Hover: what a cell, a key or a date means, from the format declaration and the report. */
import { MarkupKind } from 'vscode-languageserver';
import { hoverAt } from '../core';
import { cancelled, type Feature } from './context';
import { toRange } from '../shared/convert';
import { checkOptions } from '../shared/settings';

export const hoverFeature: Feature = {
  register(ctx) {
    ctx.connection.onHover((params, token) => {
      const stop = cancelled(token);
      if (stop) return stop;
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return null;
      const { report } = ctx.store.get(doc);
      const info = hoverAt(report, report.lines.offsetAt(params.position), ctx.locale(), checkOptions(ctx.settings()));
      return info
        ? { contents: { kind: MarkupKind.Markdown, value: info.contents }, range: toRange(report.lines, info.span) }
        : null;
    });
  },
};
