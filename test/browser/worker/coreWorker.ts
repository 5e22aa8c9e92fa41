/**
 * A web worker that checks a report with the core, bundled for the browser by
 * test/browser/coreWorker.test.ts: the groundwork for VS Code for the Web.
 */
import { check, renderBody } from '../../../server/src/core';

declare const self: {
  onmessage: ((e: { data: { text: string } }) => void) | null;
  postMessage(message: unknown): void;
};

self.onmessage = (e) => {
  const result = check(e.data.text);
  self.postMessage({
    findings: result.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      start: f.span.start,
      end: f.span.end,
    })),
    html: renderBody(result, { marks: true, theme: 'preview', locale: 'zh-CN' }),
  });
};
