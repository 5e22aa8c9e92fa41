/**
 * The core runs in a browser: bundled for the browser (no Node, no vscode), it checks the
 * example in a web worker in Chromium with the findings and the printed form Node gives.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { check, renderBody } from '../../server/src/core';
import { EXAMPLE, ROOT } from '../unit/helpers';
import { browserForTests } from './chromium';

const chromium = browserForTests();

describe('the core in a browser worker', () => {
  it('bundles for the browser with nothing of Node', async () => {
    // platform 'browser' makes any Node module a build error.
    const out = await esbuild.build({
      entryPoints: [path.join(ROOT, 'test', 'browser', 'worker', 'coreWorker.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    assert.equal(out.errors.length, 0);
    assert.doesNotMatch(out.outputFiles[0].text, /require\(["']node:/);
  });

  it('checks the example in a worker in Chromium as in Node', async (t) => {
    if (!chromium.ready(t)) return;
    const bundle = await esbuild.build({
      entryPoints: [path.join(ROOT, 'test', 'browser', 'worker', 'coreWorker.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const context = await chromium.browser().newContext();
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.setContent('<!DOCTYPE html><title>core</title>');
      const result = await page.evaluate(
        ([code, text]) =>
          new Promise<{ findings: unknown[]; html: string }>((resolve, reject) => {
            const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
            const worker = new Worker(url);
            worker.onmessage = (e: { data: { findings: unknown[]; html: string } }) => resolve(e.data);
            worker.onerror = (e: { message: string }) => reject(new Error(e.message));
            worker.postMessage({ text });
          }),
        [bundle.outputFiles[0].text, EXAMPLE] as const,
      );
      assert.deepEqual(errors, []);
      const inNode = check(EXAMPLE);
      assert.deepEqual(
        result.findings,
        inNode.findings.map((f) => ({ code: f.code, severity: f.severity, start: f.span.start, end: f.span.end })),
      );
      assert.equal(result.html, renderBody(inNode, { marks: true, theme: 'preview', locale: 'zh-CN' }));
    } finally {
      await context.close();
    }
  });
});

declare const URL: { createObjectURL(b: unknown): string };
declare class Blob {
  constructor(parts: unknown[], options: { type: string });
}
declare class Worker {
  constructor(url: string);
  onmessage: ((e: { data: { findings: unknown[]; html: string } }) => void) | null;
  onerror: ((e: { message: string }) => void) | null;
  postMessage(m: unknown): void;
}
