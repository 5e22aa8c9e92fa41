/** Folding ranges: every entry over several lines, and blocks of comments. */
import { FoldingRangeKind } from 'vscode-languageserver';
import { foldingRanges } from '../core';
import { cancelled, type Feature } from './context';

export const foldingFeature: Feature = {
  register(ctx) {
    ctx.connection.onFoldingRanges((params, token) => {
      const stop = cancelled(token);
      if (stop) return stop;
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return [];
      return foldingRanges(ctx.store.get(doc).report).map((f) => ({
        startLine: f.startLine,
        endLine: f.endLine,
        kind: f.kind === 'comment' ? FoldingRangeKind.Comment : undefined,
      }));
    });
  },
};
