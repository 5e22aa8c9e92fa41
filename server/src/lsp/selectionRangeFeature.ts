/** Selection ranges (expand selection): cell, row, group, section, document; sentence and paragraph in texts. */
import type { SelectionRange } from 'vscode-languageserver';
import { selectionSpans } from '../core';
import { cancelled, type Feature } from './context';
import { toRange } from '../shared/convert';

export const selectionRangeFeature: Feature = {
  register(ctx) {
    ctx.connection.onSelectionRanges((params, token) => {
      const stop = cancelled(token);
      if (stop) return stop;
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return [];
      const { report } = ctx.store.get(doc);
      return params.positions.map((position) => {
        const offset = report.lines.offsetAt(position);
        const spans = selectionSpans(report, offset);
        let range: SelectionRange | undefined;
        for (const s of spans.reverse()) range = { range: toRange(report.lines, s), parent: range };
        return range ?? { range: { start: position, end: position } };
      });
    });
  },
};
