/**
 * The preview and the export, rendered from the document's check result: the same result the
 * diagnostics come from, last year's report included, so marks and squiggles cannot disagree.
 */
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import { renderBody, renderHtml } from '../core';
import { loadRenderDocx } from '../shared/bundles';
import { RENDER_REQUEST, type RenderParams, type RenderResult } from '../shared/protocol';
import type { Feature } from './context';

export const renderFeature: Feature = {
  register(ctx) {
    ctx.connection.onRequest(RENDER_REQUEST, async (params: RenderParams): Promise<RenderResult | ResponseError> => {
      const doc = ctx.documents.get(params.uri);
      if (!doc) return new ResponseError(ErrorCodes.InvalidParams, `not an open document: ${params.uri}`);
      const version = doc.version;
      const result = ctx.store.get(doc);
      const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
      const locale = ctx.locale();
      let content: string;
      if (params.format === 'preview' || params.format === 'form')
        content = renderBody(result, { marks: params.marks, theme: 'preview', locale, form: params.format === 'form' });
      else if (params.format === 'html') content = renderHtml(result, { marks: params.marks, theme: 'export', locale });
      else {
        const bytes = await loadRenderDocx()(result, { marks: params.marks });
        content = Buffer.from(bytes).toString('base64');
      }
      const personalData = result.findings.filter((f) => f.code === 'personal-data').length;
      return { version, content, errors: count('error'), warnings: count('warning'), personalData };
    });
  },
};
