/**
 * The exported HTML and the preview page in headless Chromium: the tables lay out like the
 * form, no script from a report runs, nothing is loaded from anywhere, and the preview's
 * script maps clicks and the cursor. Screenshots go to test-artifacts/render/.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { previewShell } from '../../client/src/preview/shell';
import { check } from '../../server/src/core/check';
import { renderBody, renderHtml } from '../../server/src/core/render';
import { EXAMPLE, ROOT, variant } from '../unit/helpers';
import { hostileReport } from '../unit/render/hostile';
import { browserForTests, openWatched } from './chromium';

/**
 * What the functions run in the page use of its globals: the project compiles without the
 * DOM library, and these names exist only inside `page.evaluate` callbacks.
 */
type Elements = ArrayLike<PageElement> & Iterable<PageElement>;
interface PageElement {
  textContent: string | null;
  dataset: Record<string, string | undefined>;
  attributes: ArrayLike<{ name: string }> & Iterable<{ name: string }>;
  parentElement: PageElement | null;
  scrollWidth: number;
  clientWidth: number;
  style: { setProperty(name: string, value: string): void };
  getBoundingClientRect(): { left: number; right: number; top: number; bottom: number };
  querySelectorAll(selector: string): Elements;
}
declare const document: {
  body: PageElement;
  documentElement: PageElement;
  styleSheets: { length: number };
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Elements;
  getElementById(id: string): PageElement | null;
};
declare const window: {
  scrollY: number;
  scrollTo(x: number, y: number): void;
  postMessage(message: unknown, origin: string): void;
};
declare function getComputedStyle(el: PageElement): { borderCollapse: string; backgroundColor: string; color: string };

const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'render');
const WAIT = { timeout: 10_000 };

const chromium = browserForTests(ARTIFACTS);

function write(name: string, html: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'govreport-browser-'));
  const file = path.join(dir, name);
  writeFileSync(file, html);
  return file;
}

type Box = { left: number; right: number; top: number; bottom: number };

/** Pages at a fixed size, so screenshots and measured positions are stable. */
const open = (file: string, allowed: string[] = [], init?: string) =>
  openWatched(chromium.browser(), file, allowed, init, {
    viewport: { width: 1000, height: 1200 },
    deviceScaleFactor: 1,
  });

/** The box of the table cell with exactly this text, in the table with this key. */
async function cellBox(page: Page, table: string, text: string): Promise<Box> {
  const box = await page.evaluate(
    ([key, label]) => {
      const cells = [...document.querySelectorAll(`[data-table="${key}"] th, [data-table="${key}"] td`)];
      const cell = cells.find((c) => c.textContent === label);
      if (!cell) return undefined;
      const r = cell.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    },
    [table, text],
  );
  assert.ok(box, `cell ${text} in ${table}`);
  return box;
}

const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1.5, `${what}: ${a} vs ${b}`);

describe('exported HTML in Chromium', () => {
  it('lays out the three tables like the form, styled, and saves a screenshot', async (t) => {
    if (!chromium.ready(t)) return;
    const file = write('lvliang-2024.html', renderHtml(check(EXAMPLE), { marks: false, theme: 'export' }));
    const { page, context, watch } = await open(file);
    try {
      // The style passed the page's own Content-Security-Policy (its hash matched).
      assert.equal(
        await page.evaluate(() => getComputedStyle(document.querySelector('table.form')!).borderCollapse),
        'collapse',
      );
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgba(0, 0, 0, 0)');
      assert.equal(
        await page.evaluate(() => getComputedStyle(document.querySelector('main')!).backgroundColor),
        'rgb(255, 255, 255)',
      );

      const rows = await page.evaluate(() =>
        [...document.querySelectorAll('table.form')].map((t) =>
          [...t.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent)),
        ),
      );
      assert.equal(rows.length, 3);
      assert.deepEqual(rows[0][2], ['规章', '0', '0', '0']);
      assert.deepEqual(rows[0][3], ['行政规范性文件', '11', '2', '81']);
      assert.equal(rows[1].length, 3 + 25);
      assert.deepEqual(rows[1][3], ['一、本年新收政府信息公开申请数量', '67', '2', '0', '0', '0', '0', '69']);
      assert.deepEqual(rows[1][rows[1].length - 1], ['四、结转下年度继续办理', '8', '0', '0', '0', '0', '0', '8']);
      assert.equal(rows[2][3].length, 15);

      const T3 = '收到和处理政府信息公开申请情况';
      const legal = await cellBox(page, T3, '法人或其他组织');
      near(legal.left, (await cellBox(page, T3, '商业企业')).left, '法人或其他组织 starts over 商业企业');
      near(legal.right, (await cellBox(page, T3, '其他')).right, '法人或其他组织 ends over 其他');
      const applicants = await cellBox(page, T3, '申请人情况');
      near(applicants.left, (await cellBox(page, T3, '自然人')).left, '申请人情况 starts over 自然人');
      near(applicants.right, (await cellBox(page, T3, '总计')).right, '申请人情况 ends over 总计');
      const results = await cellBox(page, T3, '三、本年度办理结果');
      near(results.top, (await cellBox(page, T3, '（一）予以公开')).top, '三 starts at （一）');
      near(results.bottom, (await cellBox(page, T3, '（七）总计')).bottom, '三 ends at （七）');
      const T4 = '政府信息公开行政复议、行政诉讼情况';
      const suits = await cellBox(page, T4, '行政诉讼');
      near(suits.left, (await cellBox(page, T4, '未经复议直接起诉')).left, '行政诉讼 starts over 未经复议直接起诉');
      near(suits.right, (await cellBox(page, T4, '复议后起诉')).right, '行政诉讼 ends over 复议后起诉');

      // No table is wider than the page's text column.
      const overflow = await page.evaluate(() =>
        [...document.querySelectorAll('table.form')].some((t) => t.scrollWidth > t.parentElement!.clientWidth + 1),
      );
      assert.equal(overflow, false);

      await page.screenshot({ path: path.join(ARTIFACTS, 'lvliang-2024.png'), fullPage: true });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      writeFileSync(path.join(ARTIFACTS, 'lvliang-2024.pdf'), pdf);
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
      assert.ok(pages >= 3 && pages <= 12, `${pages} A4 pages`);
      const size = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
      assert.ok(
        size && Math.abs(+size[1] - 595.92) < 2 && Math.abs(+size[2] - 842.88) < 2,
        `A4 page size, got ${size?.slice(1)}`,
      );

      assert.deepEqual(watch.requests, [pathToFileURL(file).href]);
      assert.deepEqual(watch.console, []);
      assert.deepEqual(watch.errors, []);
    } finally {
      await context.close();
    }
  });

  it('runs no script and loads nothing from a report full of hostile text', async (t) => {
    if (!chromium.ready(t)) return;
    for (const marks of [true, false]) {
      const file = write('hostile.html', renderHtml(check(hostileReport()), { marks, theme: 'export' }));
      const { page, context, watch } = await open(file);
      try {
        const found = await page.evaluate(() => ({
          active: document.querySelectorAll(
            'script, img, iframe, link, object, embed, svg, a, base, form, style:not(head style)',
          ).length,
          handlers: [...document.querySelectorAll('*')].filter((el) =>
            [...el.attributes].some(
              (a) => /^on/i.test(a.name) || a.name === 'href' || a.name === 'src' || a.name === 'style',
            ),
          ).length,
          styles: document.styleSheets.length,
          text: document.querySelector('.organ')!.textContent,
        }));
        assert.deepEqual(found, {
          active: 0,
          handlers: 0,
          styles: 1,
          text: '<script>alert(1)</script>"><img src=x onerror=alert(2)>',
        });
        // Hovering and clicking the hostile text fires nothing.
        await page.hover('.organ');
        await page.click('.preface p');
        assert.deepEqual(watch.dialogs, [], 'no alert ran');
        assert.deepEqual(watch.errors, []);
        assert.deepEqual(watch.console, [], 'no script ran and nothing was refused');
        assert.deepEqual(watch.requests, [pathToFileURL(file).href], 'nothing was requested');
        if (marks) await page.screenshot({ path: path.join(ARTIFACTS, 'hostile.png'), fullPage: true });
      } finally {
        await context.close();
      }
    }
  });
});

describe('preview page in Chromium', () => {
  /**
   * Stands in for VS Code: records what the page posts and keeps its state. A string, because
   * the test's compiled functions reference helpers that do not exist in the page.
   */
  const fakeVsCode = `
    window.posted = [];
    window.state = undefined;
    window.acquireVsCodeApi = () => ({
      postMessage: (m) => window.posted.push(m),
      getState: () => window.state,
      setState: (s) => { window.state = s; },
    });`;

  it('reveals the clicked element, highlights the cursor, applies renders in order and keeps the scroll', async (t) => {
    if (!chromium.ready(t)) return;
    const media = (name: string) => pathToFileURL(path.join(ROOT, 'media', name)).href;
    const uri = 'file:///reports/lvliang-2024.report.yaml';
    const body = (text: string) => renderBody(check(text), { marks: true, theme: 'preview' });
    const file = write(
      'preview.html',
      previewShell({
        cspSource: 'file:',
        nonce: 'dGVzdC1ub25jZQ==',
        scriptUri: media('preview.js'),
        styleUri: media('preview.css'),
        body: body(EXAMPLE),
        seq: 1,
        uri,
        lang: 'zh-CN',
      }),
    );
    const { page, context, watch } = await open(file, [media('preview.js'), media('preview.css')], fakeVsCode);
    type Posted = { type: string; seq?: number; uri?: string; offset?: number; end?: number; line?: number };
    const posted = () => page.evaluate(() => (window as unknown as { posted: Posted[] }).posted);
    const send = (m: unknown) => page.evaluate((msg) => window.postMessage(msg, '*'), m);
    /** Resolves once the page has handled every message sent before (messages arrive in order). */
    const settle = () =>
      page.evaluate(`new Promise((resolve) => {
        const probe = (e) => { if (e.data && e.data.probe) { window.removeEventListener('message', probe); resolve(); } };
        window.addEventListener('message', probe);
        window.postMessage({ probe: true }, '*');
      })`);
    try {
      await page.waitForFunction(
        () => (window as unknown as { posted: { type: string }[] }).posted.some((m) => m.type === 'ready'),
        undefined,
        WAIT,
      );
      assert.deepEqual((await posted())[0], { type: 'ready', seq: 1 });

      // A click on a number asks to reveal exactly that number in the file.
      await page.click('[data-table="收到和处理政府信息公开申请情况"] td:text-is("67")');
      const reveal = (await posted()).find((m) => m.type === 'reveal');
      assert.equal(reveal?.uri, uri);
      const offset = reveal?.offset ?? -1;
      assert.equal(EXAMPLE.slice(offset, reveal?.end), '67', 'the number, to be selected in the editor');
      // A click in a sentence asks for the cursor at its start, selecting nothing.
      await page.click('.preface p span.s');
      const sentence = (await posted()).filter((m) => m.type === 'reveal').pop();
      assert.equal(sentence?.end, undefined);

      // The editor's cursor inside a sentence highlights that sentence, and only it.
      const inSentence = EXAMPLE.indexOf('办结率 85.7%，其余') + 4;
      await send({ type: 'cursor', offset: inSentence });
      await page.waitForFunction(() => document.querySelectorAll('.govreport-cursor').length === 1, undefined, WAIT);
      assert.match((await page.textContent('.govreport-cursor'))!, /^全年度收到网民来信 2819 件.*办结率 85\.7%/);
      // On a row's key, the row label.
      await send({ type: 'cursor', offset: EXAMPLE.indexOf('结转下年度继续办理:') + 2 });
      await page.waitForFunction(
        () => document.querySelector('.govreport-cursor')?.textContent === '四、结转下年度继续办理',
        undefined,
        WAIT,
      );

      // A newer render replaces the content and keeps the scroll position and the highlight.
      await page.evaluate(() => window.scrollTo(0, 900));
      const y = await page.evaluate(() => window.scrollY);
      assert.ok(y > 800);
      const changed = variant(
        '结转下年度继续办理:            [8, 0, 0, 0, 0, 0, 8]',
        '结转下年度继续办理:            [9, 0, 0, 0, 0, 0, 8]',
      );
      await send({ type: 'render', seq: 3, uri, body: body(changed) });
      await page.waitForFunction(
        () => document.getElementById('govreport-preview')!.dataset.seq === '3',
        undefined,
        WAIT,
      );
      assert.equal(await page.evaluate(() => window.scrollY), y);
      assert.equal(await page.textContent('.govreport-cursor'), '四、结转下年度继续办理');
      assert.equal(await page.locator('td.mark-error:text-is("9")').count(), 1, 'the new error is marked');
      // A stale render (older number) is dropped.
      await send({ type: 'render', seq: 2, uri, body: body(EXAMPLE) });
      await send({ type: 'cursor', offset: inSentence });
      await page.waitForFunction(
        () => document.querySelector('.govreport-cursor')?.textContent?.startsWith('全年度'),
        undefined,
        WAIT,
      );
      assert.equal(await page.locator('td.mark-error:text-is("9")').count(), 1, 'the stale render was not applied');
      // The cursor moving to an element out of view scrolls to it; moving within it (typing) does not.
      await page.evaluate(() => window.scrollTo(0, 0));
      const rowKey = EXAMPLE.indexOf('结转下年度继续办理:');
      await send({ type: 'cursor', offset: rowKey + 1 });
      await page.waitForFunction(
        () => document.querySelector('.govreport-cursor')?.textContent === '四、结转下年度继续办理',
        undefined,
        WAIT,
      );
      const inView = await page.evaluate(() => {
        const box = document.querySelector('.govreport-cursor')!.getBoundingClientRect();
        return { y: window.scrollY, top: box.top, bottom: box.bottom };
      });
      assert.ok(
        inView.y > 1000 && inView.top >= 0 && inView.bottom <= 1200,
        `scrolled to the row: ${JSON.stringify(inView)}`,
      );
      await page.evaluate(() => window.scrollTo(0, 0));
      await send({ type: 'cursor', offset: rowKey + 3 });
      await settle();
      assert.equal(
        await page.evaluate(() => window.scrollY),
        0,
        'typing within the highlighted row does not scroll the preview back',
      );
      // The state VS Code keeps for a reload has the report and the scroll position (saved on
      // the animation frame after a scroll).
      await page.waitForFunction(
        () => {
          const saved = (window as unknown as { state?: { scrollY: number } }).state;
          return !!saved && Math.abs(saved.scrollY - window.scrollY) <= 1;
        },
        undefined,
        WAIT,
      );
      const state = (await page.evaluate(() => (window as unknown as { state: unknown }).state)) as { uri: string };
      assert.equal(state.uri, uri);

      // In a dark theme the report follows VS Code's colours.
      await page.evaluate(() => {
        const s = document.documentElement.style;
        s.setProperty('--vscode-editor-background', '#1e1e1e');
        s.setProperty('--vscode-editor-foreground', '#d4d4d4');
        s.setProperty('--vscode-editorWidget-background', '#252526');
        window.scrollTo(0, 0);
      });
      assert.equal(
        await page.evaluate(() => getComputedStyle(document.querySelector('main')!).color),
        'rgb(212, 212, 212)',
      );
      await page.screenshot({ path: path.join(ARTIFACTS, 'preview-dark.png') });

      // Hostile text in a render runs nothing either.
      await send({ type: 'render', seq: 4, uri, body: body(hostileReport()) });
      await page.waitForFunction(
        () => document.getElementById('govreport-preview')!.dataset.seq === '4',
        undefined,
        WAIT,
      );
      await page.hover('.organ');
      assert.equal(
        await page.evaluate(
          () =>
            document.querySelectorAll('#govreport-preview script, #govreport-preview img, #govreport-preview iframe')
              .length,
        ),
        0,
      );
      assert.deepEqual(watch.dialogs, []);
      assert.deepEqual(watch.errors, []);
      assert.deepEqual(watch.console, []);
      assert.deepEqual(
        new Set(watch.requests),
        new Set([pathToFileURL(file).href, media('preview.js'), media('preview.css')]),
      );
    } finally {
      await context.close();
    }
  });

  it('scrolls with the editor both ways: to a line the editor shows at its top, and back by the line at its own top', async (t) => {
    if (!chromium.ready(t)) return;
    const media = (name: string) => pathToFileURL(path.join(ROOT, 'media', name)).href;
    const uri = 'file:///reports/lvliang-2024.report.yaml';
    const file = write(
      'preview-scroll.html',
      previewShell({
        cspSource: 'file:',
        nonce: 'dGVzdC1ub25jZQ==',
        scriptUri: media('preview.js'),
        styleUri: media('preview.css'),
        body: renderBody(check(EXAMPLE), { marks: true, theme: 'preview' }),
        seq: 1,
        uri,
        lang: 'zh-CN',
      }),
    );
    const { page, context } = await open(file, [media('preview.js'), media('preview.css')], fakeVsCode);
    type Posted = { type: string; uri?: string; line?: number };
    const scrolled = () =>
      page.evaluate(() =>
        (window as unknown as { posted: Posted[] }).posted.filter((m) => m.type === 'scrolled').map((m) => m.line),
      );
    /** Two animation frames: the page has handled its scroll events. */
    const frames = () =>
      page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(undefined))))');
    try {
      await page.waitForFunction(
        () => (window as unknown as { posted: { type: string }[] }).posted.some((m) => m.type === 'ready'),
        undefined,
        WAIT,
      );
      // The editor shows the row of 上年结转 at its top: so does the page.
      const line = EXAMPLE.slice(0, EXAMPLE.indexOf('  上年结转政府信息公开申请数量:')).split('\n').length - 1;
      await page.evaluate((m) => window.postMessage(m, '*'), { type: 'scroll', line });
      await page.waitForFunction(() => window.scrollY > 0, undefined, WAIT);
      const top = await page.evaluate(
        (l) => document.querySelector(`tr[data-line="${l}"]`)!.getBoundingClientRect().top,
        line,
      );
      near(top, 0, 'the row at the top of the page');
      await frames();
      assert.deepEqual(await scrolled(), [], 'the scroll the editor caused is not sent back');
      // The author scrolls the page: the editor is told the line now at the top.
      await page.mouse.move(500, 600);
      await page.mouse.wheel(0, -700);
      await page.waitForFunction(
        () => (window as unknown as { posted: Posted[] }).posted.some((m) => m.type === 'scrolled'),
        undefined,
        WAIT,
      );
      const [sent] = await scrolled();
      const atTop = await page.evaluate(() => {
        const els = [...document.querySelectorAll('p[data-line], h2[data-line], h3[data-line], tr[data-line]')];
        const el = els.find((e) => e.getBoundingClientRect().bottom > 0)!;
        return Number(el.dataset.line);
      });
      assert.ok(sent !== undefined && sent < line && Math.abs(sent - atTop) <= 3, `line ${sent}, at the top ${atTop}`);
    } finally {
      await context.close();
    }
  });

  it('refuses a script without the nonce', async (t) => {
    if (!chromium.ready(t)) return;
    const media = (name: string) => pathToFileURL(path.join(ROOT, 'media', name)).href;
    const page = previewShell({
      cspSource: 'file:',
      nonce: 'cmlnaHQ=',
      scriptUri: media('preview.js'),
      styleUri: media('preview.css'),
      body: '<p>x</p>',
      seq: 1,
      uri: 'file:///a',
      lang: 'zh-CN',
    });
    // A page whose script tag lost its nonce (as an injected one would have none).
    const file = write('no-nonce.html', page.replace(/<script nonce="[^"]*"/, '<script'));
    const { context, watch } = await open(file, [media('preview.js'), media('preview.css')], fakeVsCode);
    try {
      assert.ok(
        watch.console.some((m) => /Content Security Policy/.test(m)),
        watch.console.join('\n'),
      );
      assert.equal(watch.requests.includes(media('preview.js')), false, 'the script was not even fetched');
    } finally {
      await context.close();
    }
  });
});
