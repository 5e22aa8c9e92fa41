import { CodeActionKind } from 'vscode-languageserver';
import { codeActions, FIX_ALL_KIND } from './codeActions';
import { cancelled, type Feature } from './context';

export const codeActionFeature: Feature = {
  capabilities: {
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
  },
  register(ctx) {
    ctx.connection.onCodeAction((params, token) => {
      const stop = cancelled(token);
      if (stop) return stop;
      const doc = ctx.documents.get(params.textDocument.uri);
      return doc ? codeActions(doc, ctx.store.get(doc), params, ctx.locale()) : [];
    });
  },
};
