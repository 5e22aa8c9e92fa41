import { codeActions, resolveFixAll } from './codeActions';
import { cancelled, type Feature } from './context';

export const codeActionFeature: Feature = {
  register(ctx) {
    ctx.connection.onCodeAction((params, token) => {
      const stop = cancelled(token);
      if (stop) return stop;
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return [];
      const result = ctx.store.get(doc);
      const actions = codeActions(doc, result, params, ctx.locale());
      // A client that does not resolve gets the edits at once.
      return ctx.resolvesEdits() ? actions : actions.map((a) => resolveFixAll(a, () => result));
    });
    ctx.connection.onCodeActionResolve((action) =>
      resolveFixAll(action, (uri) => {
        const doc = ctx.documents.get(uri);
        return doc && ctx.store.get(doc);
      }),
    );
  },
};
