/** Completion: keys, whole rows and sections, and values, from the format declaration. */
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
} from 'vscode-languageserver';
import { type CandidateKind, completionsAt } from '../core';
import { cancelled, type Feature } from './context';
import { toRange } from '../shared/convert';
import { checkOptions } from '../shared/settings';

const KIND: Record<CandidateKind, CompletionItemKind> = {
  meta: CompletionItemKind.Property,
  section: CompletionItemKind.Module,
  subsection: CompletionItemKind.Text,
  group: CompletionItemKind.Folder,
  row: CompletionItemKind.Field,
  column: CompletionItemKind.Field,
  value: CompletionItemKind.EnumMember,
  date: CompletionItemKind.Value,
};

export const completionFeature: Feature = {
  register(ctx) {
    ctx.connection.onCompletion((params, token) => {
      const stop = cancelled(token);
      if (stop) return stop;
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return [];
      const { report } = ctx.store.get(doc);
      const offset = report.lines.offsetAt(params.position);
      const candidates = completionsAt(report, offset, ctx.locale(), {
        ...checkOptions(ctx.settings()),
        trigger: params.context?.triggerCharacter,
      });
      return candidates.map((c): CompletionItem => ({
        label: c.label,
        kind: KIND[c.kind],
        detail: c.detail,
        documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
        sortText: c.sortText,
        preselect: c.preselect,
        filterText: c.label,
        textEdit: { range: toRange(report.lines, c.range), newText: c.insertText },
        insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        // Later lines carry their full indentation already.
        insertTextMode: c.insertText.includes('\n') ? InsertTextMode.asIs : undefined,
      }));
    });
  },
};
