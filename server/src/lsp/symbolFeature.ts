/** The outline: the sections, sub-sections, tables, groups and rows of the report. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { type LineIndex, outline, type OutlineKind, type OutlineNode } from '../core';
import { cancelled, type Feature } from './context';
import { toRange } from '../shared/convert';

const KIND: Record<OutlineKind, SymbolKind> = {
  meta: SymbolKind.Property,
  section: SymbolKind.Module,
  subsection: SymbolKind.String,
  group: SymbolKind.Object,
  row: SymbolKind.Array,
  key: SymbolKind.Key,
};

function toSymbol(node: OutlineNode, lines: LineIndex): DocumentSymbol {
  return {
    name: node.name || ' ',
    detail: node.detail,
    kind: KIND[node.kind],
    range: toRange(lines, node.span),
    selectionRange: toRange(lines, node.selection),
    children: node.children.map((c) => toSymbol(c, lines)),
  };
}

export const symbolFeature: Feature = {
  register(ctx) {
    ctx.connection.onDocumentSymbol((params, token) => {
      const stop = cancelled(token);
      if (stop) return stop;
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return [];
      const { report } = ctx.store.get(doc);
      return outline(report).map((n) => toSymbol(n, report.lines));
    });
  },
};
