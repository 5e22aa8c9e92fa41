/**
 * The workbench as a user sees it, driven by Playwright in Chromium against code-server with
 * the repository loaded as the extension under development: the squiggle on the 落款日期 and
 * its hover, the Problems panel, a quick fix through Ctrl+., the preview beside the editor,
 * a new report from the command palette, the preview of a report checked against last year's,
 * and a published PDF imported from the Explorer's context menu. Screenshots go to
 * test-artifacts/editor/.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { reportSkeleton } from '../../server/src/core';
import { forwardConsole, openBrowser, startCodeServer, workbenchUrl, type CodeServer } from './codeServer';
import { ROOT, type Editor } from './provision';

export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'editor');
const EXAMPLE = 'lvliang-2024.report.yaml';
/** Two years of one organ's reports: the preview of the second marks the findings across years. */
const CROSS_YEAR = 'ziranziyuan-2024.report.yaml';
const CROSS_YEAR_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'crossyear');
const NEW_ORGAN = '测试市数据局';
const PDF = '淮安市洪泽区人民政府_2024.pdf';
/** Any one reaction of the workbench; the first one also covers loading it and activation. */
const STEP_MS = 30_000;
const FIRST_MS = 90_000;

interface Step {
  name: string;
  run: () => Promise<void>;
}

/** Monaco renders spaces as no-break spaces. */
const plain = (s: string | null): string => (s ?? '').replace(/\u00a0/g, ' ');

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/** The rendered editor line that matches `text` (Monaco renders only visible lines). */
function viewLine(page: Page, text: RegExp): Locator {
  return page.locator('.editor-instance .monaco-editor .view-line').filter({ hasText: text }).first();
}

/** Error squiggles whose vertical middle lies within `line`'s box. */
async function squigglesOn(page: Page, line: Locator): Promise<{ x: number; y: number }[]> {
  const box = await line.boundingBox();
  if (!box) return [];
  const out: { x: number; y: number }[] = [];
  for (const s of await page.locator('.editor-instance .monaco-editor .squiggly-error').all()) {
    const b = await s.boundingBox();
    if (b && b.y + b.height / 2 >= box.y && b.y + b.height / 2 <= box.y + box.height)
      out.push({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
  }
  return out;
}

/** Waits until `probe` is truthy, re-checking on every animation frame of the page's own clock. */
async function until<T>(
  page: Page,
  what: string,
  probe: () => Promise<T | undefined | false>,
  ms = STEP_MS,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    // Lets the workbench render once before the next look; not a sleep of a fixed length.
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(undefined)))');
  }
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: STEP_MS });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: STEP_MS });
  await row.click();
}

/** The frame of the form's page (a webview is an iframe holding the content's iframe). */
async function formFrame(page: Page): Promise<Frame> {
  return until(page, 'the form', async () => {
    for (const f of page.frames()) if (await f.locator('#govreport-form td[data-row]').count()) return f;
    return undefined;
  });
}

/** A value cell of the form, by table, row (its key, under whatever groups) and column. */
function formCell(frame: Frame, table: string, row: string, column: number): Locator {
  const cell = (match: string) => `[data-table="${table}"] td[data-row${match}][data-col="${column}"]`;
  return frame.locator(`${cell(`="${row}"`)}, ${cell(`$="/${row}"`)}`);
}

/** The keys of a table's rows in the skeleton, in the order of the file (the printed order). */
function rowKeys(skeleton: string, table: string): string[] {
  const lines = skeleton.split('\n');
  const from = lines.indexOf(`${table}:`);
  const keys: string[] = [];
  for (const line of lines.slice(from + 1)) {
    if (/^\S/.test(line)) break;
    const m = /^\s+([^#\s][^:]*):\s+\[/.exec(line);
    if (m) keys.push(m[1]);
  }
  return keys;
}

/** The skeleton with the rows given written in: only what is inside the brackets changes. */
function filledIn(skeleton: string, rows: Map<string, number[]>): string {
  return skeleton
    .split('\n')
    .map((line) => {
      const m = /^(\s+([^#\s][^:]*):\s+)\[[^\]]*\]$/.exec(line);
      const values = m && rows.get(m[2]);
      return values ? `${m[1]}[${values.join(', ')}]` : line;
    })
    .join('\n');
}

const TABLE_2 = '主动公开政府信息情况';
const TABLE_3 = '收到和处理政府信息公开申请情况';
const TABLE_4 = '政府信息公开行政复议、行政诉讼情况';

/**
 * The new report filled in through the form with the keyboard (tables 三 and 四), rows of
 * table 二 pasted as a spreadsheet puts them on the clipboard, and one edit undone; saved, the
 * file is the skeleton with exactly those numbers in it.
 */
async function fillInTheForm(page: Page, workspace: string, log: (l: string) => void): Promise<void> {
  const skeleton = reportSkeleton({ organ: NEW_ORGAN, organType: '本级政府', year: 2024 });
  await runCommand(page, 'GovReport: Open as Form');
  const frame = await formFrame(page);
  await shoot(page, '11-form');
  const expected = new Map<string, number[]>();
  const type = async (values: number[]) => {
    for (const v of values) {
      await page.keyboard.type(String(v));
      await page.keyboard.press('Tab');
    }
  };
  // Table 三, row after row, 1 to 175: typing replaces the 0, Tab goes on (to the next row after the last column).
  const rows3 = rowKeys(skeleton, TABLE_3);
  await formCell(frame, TABLE_3, rows3[0], 0).click();
  for (const [r, key] of rows3.entries()) {
    const values = Array.from({ length: 7 }, (_, c) => r * 7 + c + 1);
    expected.set(key, values);
    await type(values);
  }
  // Table 四 is printed as one line of fifteen numbers: Tab goes through its rows' cells in the file's order.
  const rows4 = rowKeys(skeleton, TABLE_4);
  await formCell(frame, TABLE_4, rows4[0], 0).click();
  for (const [r, key] of rows4.entries()) {
    const values = Array.from({ length: 5 }, (_, c) => 200 + r * 5 + c + 1);
    expected.set(key, values);
    await type(values);
  }
  // Two rows of table 二 from a spreadsheet: the label column, a thousands separator, blanks for zero, \r\n.
  const rows2 = rowKeys(skeleton, TABLE_2);
  await formCell(frame, TABLE_2, rows2[0], 0).click();
  const copied = `${rows2[0]}\t1,234\t\t5\r\n${rows2[1]}\t12\t3\t\r\n`;
  // As the browser delivers Ctrl+V: a paste event with the clipboard's text, at the focused element.
  await frame.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/plain', ${JSON.stringify(copied)});
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  })()`);
  expected.set(rows2[0], [1234, 0, 5]);
  expected.set(rows2[1], [12, 3, 0]);
  await until(page, 'the pasted rows in the form', async () =>
    (await formCell(frame, TABLE_2, rows2[1], 1).textContent())?.trim() === '3' ? true : undefined,
  );
  // An edit undone with Ctrl+Z in the form: the document's undo.
  const undone = formCell(frame, TABLE_2, rows2[2], 0);
  await undone.click();
  await page.keyboard.type('999');
  await page.keyboard.press('Enter');
  const shows = (want: string) => async () => ((await undone.textContent())?.trim() === want ? true : undefined);
  // Written: the form's render of the file has three characters in that cell.
  await until(page, 'the file to hold 999', async () =>
    (await undone.evaluate((td) => Number(td.dataset.end) - Number(td.dataset.start))) === 3 ? true : undefined,
  );
  await page.keyboard.press('Control+Z');
  await until(page, 'the undo to bring back 0', shows('0'));
  await until(page, 'the last cell of table 四 in the form', async () =>
    (await formCell(frame, TABLE_4, rows4[2], 4).textContent())?.trim() === '215' ? true : undefined,
  );
  await shoot(page, '12-form-pasted');
  // Table 三 as typed: its totals do not add up, and the form marks them as the editor does.
  await formCell(frame, TABLE_3, rows3[0], 0).scrollIntoViewIfNeeded();
  await formCell(frame, TABLE_3, rows3[rows3.length - 2], 6).click();
  await until(page, 'the findings on the 总计 marked in the form', async () =>
    (await frame.locator(`[data-table="${TABLE_3}"] .mark`).count()) > 0 ? true : undefined,
  );
  await shoot(page, '13-form-table-3');
  await page.keyboard.press('Control+S');
  const file = path.join(workspace, `${NEW_ORGAN}-2024.report.yaml`);
  const want = filledIn(skeleton, expected);
  const got = await until(page, 'the saved file', async () => {
    try {
      const text = readFileSync(file, 'utf8');
      return text.includes('[1234, 0, 5]') ? text : undefined;
    } catch {
      return undefined;
    }
  });
  if (got !== want) {
    const a = got.split('\n');
    const b = want.split('\n');
    const i = a.findIndex((l, k) => l !== b[k]);
    throw new Error(
      `the saved file differs at line ${i + 1}: ${JSON.stringify(a[i])}, expected ${JSON.stringify(b[i])}`,
    );
  }
  log(`    ${rows3.length * 7 + rows4.length * 5} cells typed, 6 pasted, one edit undone: the file is as expected`);
}

function steps(page: Page, server: CodeServer, workspace: string, log: (l: string) => void): Step[] {
  const dateLine = (): Locator => viewLine(page, /^落款日期:\s/);
  return [
    {
      name: 'the 落款日期 has a red squiggle',
      run: async () => {
        const url = workbenchUrl(server, workspace, [
          ['extensionDevelopmentPath', server.remote(ROOT)],
          ['openFile', server.remote(path.join(workspace, EXAMPLE))],
        ]);
        await page.goto(url);
        await dateLine().waitFor({ state: 'visible', timeout: FIRST_MS });
        const squiggles = await until(
          page,
          'an error squiggle on the 落款日期 line',
          async () => {
            const s = await squigglesOn(page, dateLine());
            return s.length ? s : undefined;
          },
          FIRST_MS,
        );
        log(`    ${squiggles.length} error squiggle(s) on: ${plain(await dateLine().textContent())}`);
        await shoot(page, '01-squiggle');
      },
    },
    {
      name: 'hovering it shows the finding',
      run: async () => {
        const [at] = await squigglesOn(page, dateLine());
        if (!at) throw new Error('no squiggle on the 落款日期 line');
        await page.mouse.move(at.x, at.y);
        const hover = page.locator('.monaco-hover').filter({ hasText: 'signed-before-year-end' }).first();
        await hover.waitFor({ state: 'visible', timeout: STEP_MS });
        const text = plain(await hover.textContent());
        log(`    hover: ${text.slice(0, 200)}`);
        if (!/落款日期/.test(text) || !/2024/.test(text))
          throw new Error(`the hover does not explain the date: ${text}`);
        await shoot(page, '02-hover');
        await page.mouse.move(0, 0);
        await page.keyboard.press('Escape');
      },
    },
    {
      name: 'the Problems panel lists the findings (Ctrl+Shift+M)',
      run: async () => {
        await page.keyboard.press('Control+Shift+M');
        const rows = page.locator('.markers-panel .monaco-list-row');
        await rows
          .filter({ hasText: 'signed-before-year-end' })
          .first()
          .waitFor({ state: 'visible', timeout: STEP_MS });
        await until(
          page,
          'two missing-subsection rows',
          async () => (await rows.filter({ hasText: 'missing-subsection' }).count()) === 2,
        );
        const texts = (await rows.allTextContents()).map(plain);
        log(`    ${texts.length} rows: ${texts.join(' | ').slice(0, 400)}`);
        const signed = texts.find((t) => t.includes('signed-before-year-end'))!;
        if (!/\[Ln 11, Col 7\]/.test(signed))
          throw new Error(`signed-before-year-end is not at Ln 11, Col 7: ${signed}`);
        await shoot(page, '03-problems');
        await page.keyboard.press('Control+Shift+M');
      },
    },
    {
      name: 'Ctrl+. offers the date fix and applying it removes the squiggle',
      run: async () => {
        const [at] = await squigglesOn(page, dateLine());
        if (!at) throw new Error('no squiggle on the 落款日期 line');
        await page.mouse.click(at.x, at.y);
        // The light bulb shows once the editor has the code actions for the cursor.
        await page
          .locator('.editor-instance .lightBulbWidget')
          .filter({ visible: true })
          .first()
          .waitFor({ timeout: STEP_MS });
        const menu = page.locator('.action-widget').filter({ visible: true });
        const fix = menu.locator('.monaco-list-row').filter({ hasText: '2025-01-08' }).first();
        // The editor re-asks for code actions on its own when the cursor moves or diagnostics
        // are published again, and a Ctrl+. pressed just then is superseded: press it again.
        for (let attempt = 1; ; attempt++) {
          await page.keyboard.press('Control+Period');
          const shown = await fix.waitFor({ state: 'visible', timeout: attempt < 3 ? 5_000 : STEP_MS }).then(
            () => true,
            (e: Error) => (attempt < 3 ? false : Promise.reject(e)),
          );
          if (shown) break;
          log(`    Ctrl+. opened no menu (attempt ${attempt}); pressing it again`);
        }
        log(`    menu: ${(await menu.locator('.monaco-list-row').allTextContents()).map(plain).join(' | ')}`);
        await shoot(page, '04-quick-fix-menu');
        await fix.click();
        await viewLine(page, /^落款日期:\s+2025-01-08/).waitFor({ state: 'visible', timeout: STEP_MS });
        await until(
          page,
          'the squiggle on the 落款日期 to go',
          async () => (await squigglesOn(page, dateLine())).length === 0,
        );
        await shoot(page, '05-fixed');
      },
    },
    {
      name: 'the preview opens to the side and shows the tables',
      run: async () => {
        await dateLine().click();
        await runCommand(page, 'GovReport: Open Preview to the Side');
        // A webview is an iframe holding the content's iframe.
        const view = page.frameLocator('iframe.webview').first().frameLocator('iframe').first();
        const row = view.locator('tr').filter({ hasText: '本年新收政府信息公开申请数量' }).first();
        await row.waitFor({ state: 'visible', timeout: STEP_MS });
        const cells = (await row.locator('td, th').allTextContents()).map((t) => t.trim());
        log(`    row 本年新收政府信息公开申请数量: ${JSON.stringify(cells)}`);
        for (const want of ['67', '69'])
          if (!cells.includes(want)) throw new Error(`no cell ${want} in ${JSON.stringify(cells)}`);
        log(
          `    frames: ${page.frames().length}; the report stays beside it: ${await page.locator('.editor-instance .monaco-editor').count()} editor(s)`,
        );
        await shoot(page, '06-preview');
      },
    },
    {
      name: 'New Annual Report asks for 机关, 机关类型 and 年度 and opens the report',
      run: async () => {
        await dateLine().click();
        await runCommand(page, 'GovReport: New Annual Report');
        const input = page.locator('.quick-input-widget input.input');
        await input.waitFor({ state: 'visible', timeout: STEP_MS });
        await input.fill(NEW_ORGAN);
        await input.press('Enter');
        const type = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: '本级政府' }).first();
        await type.waitFor({ state: 'visible', timeout: STEP_MS });
        await type.click();
        // The year is offered filled in (last year); the author types the one they report on.
        await until(page, 'the 年度 prompt with a year filled in', async () =>
          /^\d{4}$/.test(await input.inputValue()),
        );
        await input.fill('2024');
        await input.press('Enter');
        await page
          .locator('.tabs-container .tab')
          .filter({ hasText: `${NEW_ORGAN}-2024.report.yaml` })
          .first()
          .waitFor({ state: 'visible', timeout: STEP_MS });
        for (const line of [
          new RegExp(`^机关:\\s+${NEW_ORGAN}$`),
          /^机关类型:\s+本级政府$/,
          /^年度:\s+2024$/,
          /^统计期限:.*2024-01-01.*2024-12-31/,
        ]) {
          await viewLine(page, line).waitFor({ state: 'visible', timeout: STEP_MS });
        }
        await shoot(page, '07-new-report');
      },
    },
    {
      name: "the preview marks the same findings across years as the editor, last year's report in the folder",
      run: async () => {
        await page.keyboard.press('Control+P');
        const input = page.locator('.quick-input-widget input.input');
        await input.waitFor({ state: 'visible', timeout: STEP_MS });
        await input.fill(CROSS_YEAR);
        const item = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: CROSS_YEAR }).first();
        await item.waitFor({ state: 'visible', timeout: STEP_MS });
        await item.click();
        await viewLine(page, /^年度:\s+2024/).waitFor({ state: 'visible', timeout: STEP_MS });
        await runCommand(page, 'GovReport: Open Preview to the Side');
        const view = page.frameLocator('iframe.webview').first().frameLocator('iframe').first();
        // Each marked element's title lists its findings, one per line.
        const marked = async (): Promise<string[]> =>
          (await view.locator('.mark').evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? '')))
            .flatMap((t) => t.split('\n'))
            .filter((l) => l.trim());
        const inPreview = await until(page, 'findings across years marked in the preview', async () => {
          const m = await marked();
          return m.some((l) => l.includes('cross-year-')) ? m : undefined;
        });
        const codes = new Set(inPreview.flatMap((l) => /[（(](cross-year-[a-z]+)[）)]/.exec(l)?.[1] ?? []));
        // The Problems panel's count for the file (its rows are virtual: only those in view exist).
        await page.keyboard.press('Control+Shift+M');
        const fileRow = page.locator('.markers-panel .monaco-list-row').filter({ hasText: CROSS_YEAR }).first();
        const inProblems = await until(page, `the Problems panel's count for ${CROSS_YEAR}`, async () => {
          const badge = await fileRow
            .locator('.monaco-count-badge')
            .textContent()
            .catch(() => null);
          return badge && /^\d+$/.test(badge.trim()) ? Number(badge.trim()) : undefined;
        });
        log(`    preview: ${inPreview.length} finding(s) marked (${[...codes].join(', ')}); Problems: ${inProblems}`);
        if (inPreview.length !== inProblems)
          throw new Error(`the preview marks ${inPreview.length} findings, the editor lists ${inProblems}`);
        for (const code of ['cross-year-carryover', 'cross-year-stock', 'cross-year-growth'])
          if (!codes.has(code)) throw new Error(`${code} is not marked in the preview`);
        await shoot(page, '08-preview-across-years');
        await page.keyboard.press('Control+Shift+M');
      },
    },
    {
      name: 'the Explorer imports a published PDF from its context menu, with the PDF’s text beside the result',
      run: async () => {
        await page.keyboard.press('Control+Shift+E');
        const file = page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: PDF }).first();
        await file.waitFor({ state: 'visible', timeout: STEP_MS });
        await file.click({ button: 'right' });
        const item = page.locator('.context-view .action-item').filter({ hasText: 'Import Published Report' }).first();
        await item.waitFor({ state: 'visible', timeout: STEP_MS });
        await shoot(page, '09-explorer-menu');
        await item.click();
        const report = PDF.replace(/\.pdf$/, '.report.yaml');
        await page
          .locator('.tabs-container .tab')
          .filter({ hasText: report })
          .first()
          .waitFor({ state: 'visible', timeout: STEP_MS });
        await viewLine(page, /^机关:\s+淮安市洪泽区人民政府$/).waitFor({ state: 'visible', timeout: STEP_MS });
        await viewLine(page, /^机关类型:\s+本级政府\s+#/).waitFor({ state: 'visible', timeout: STEP_MS });
        // The source beside it is the text read from the PDF.
        await viewLine(page, /^\|\s行政许可\s\|\s9487\s\|$/).waitFor({ state: 'visible', timeout: STEP_MS });
        const tabs = (await page.locator('.tabs-container .tab').allTextContents()).map(plain);
        log(`    tabs: ${tabs.join(' | ')}`);
        await shoot(page, '10-imported-pdf');
      },
    },
    {
      // Last: its saved file's findings would crowd the Problems panel the steps before read.
      name: 'the new report filled in as a form: tables 三 and 四 typed, rows pasted, an edit undone, saved as expected',
      run: async () => {
        await page
          .locator('.tabs-container .tab')
          .filter({ hasText: `${NEW_ORGAN}-2024.report.yaml` })
          .first()
          .click();
        await viewLine(page, /^年度:\s+2024$/).waitFor({ state: 'visible', timeout: STEP_MS });
        await fillInTheForm(page, workspace, log);
      },
    },
  ];
}

/**
 * The form in the display language zh-cn: its words in Chinese (the workbench's own stay
 * English, see startCodeServer), a finding's message and fix on the cell it marks.
 */
async function formInChinese(editor: Editor, out: (line: string) => void): Promise<boolean> {
  const server = await startCodeServer(
    editor,
    () => ({}),
    (l) => out(`[code-server zh-cn] ${l}`),
    'zh-cn',
  );
  try {
    const workspace = path.join(server.tmp, 'workspace');
    mkdirSync(workspace);
    copyFileSync(path.join(ROOT, 'examples', EXAMPLE), path.join(workspace, EXAMPLE));
    const { context, page } = await openBrowser(editor, path.join(server.tmp, 'browser'));
    const name = 'the form in zh-cn: a finding and its fix in Chinese on the cell typed wrong';
    try {
      await page.goto(
        workbenchUrl(server, workspace, [
          ['extensionDevelopmentPath', server.remote(ROOT)],
          ['openFile', server.remote(path.join(workspace, EXAMPLE))],
        ]),
      );
      await viewLine(page, /^落款日期:\s/).waitFor({ state: 'visible', timeout: FIRST_MS });
      // The form's button in the editor's title bar.
      await page.locator('.editor-actions .codicon-table').first().click();
      const frame = await formFrame(page);
      // A cell of table 三 made wrong: the form marks it, says why in Chinese and offers the fix.
      const cell = formCell(frame, TABLE_3, '本年新收政府信息公开申请数量', 0);
      await cell.click();
      await page.keyboard.type('70');
      await page.keyboard.press('Enter');
      await cell.click();
      const bar = frame.locator('.fix-bar');
      await until(page, 'the finding and its fix on the cell', async () =>
        (await bar.isVisible()) && (await bar.locator('.fixes button').count()) ? true : undefined,
      );
      const text = plain(await bar.textContent());
      out(`    ${text.slice(0, 200)}`);
      if (!/总计/.test(text) || !/改为/.test(text))
        throw new Error(`the bar does not explain the total in Chinese: ${text}`);
      await shoot(page, '14-form-zh-cn');
      out(`  ✔ ${name}`);
      return true;
    } catch (e) {
      out(`  ✖ ${name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      await shoot(page, 'failed-zh-cn').catch(() => undefined);
      return false;
    } finally {
      await context.close();
    }
  } finally {
    await server.stop();
  }
}

/** Runs the UI steps; returns whether all passed. A failed step leaves a screenshot. */
export async function runUi(editor: Editor, out: (line: string) => void): Promise<boolean> {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startCodeServer(
    editor,
    () => ({}),
    (l) => out(`[code-server] ${l}`),
  );
  let failures = 0;
  try {
    // A fresh copy: the tests edit it, and the file must not be the repository's.
    const workspace = path.join(server.tmp, 'workspace');
    mkdirSync(workspace);
    copyFileSync(path.join(ROOT, 'examples', EXAMPLE), path.join(workspace, EXAMPLE));
    for (const name of ['ziranziyuan-2023.report.yaml', CROSS_YEAR])
      copyFileSync(path.join(CROSS_YEAR_FIXTURES, name), path.join(workspace, name));
    copyFileSync(path.join(ROOT, 'test', 'fixtures', 'real', PDF), path.join(workspace, PDF));
    const { context, page } = await openBrowser(editor, path.join(server.tmp, 'browser'));
    const pageLog: string[] = [];
    const flushed = forwardConsole(page, (l) => pageLog.push(l));
    try {
      // GOVREPORT_E2E_GREP picks steps by name (the first, which loads the workbench, always runs).
      const grep = process.env.GOVREPORT_E2E_GREP;
      for (const [i, step] of steps(page, server, workspace, out).entries()) {
        if (i > 0 && grep && !new RegExp(grep).test(step.name)) continue;
        const t = Date.now();
        try {
          await step.run();
          out(`  ✔ ${step.name} (${Date.now() - t} ms)`);
        } catch (e) {
          failures++;
          out(`  ✖ ${step.name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
          await shoot(page, `failed-${String(i + 1).padStart(2, '0')}`).catch(() => undefined);
          // Whatever widget the failure left open must not swallow the next step's keys.
          for (let k = 0; k < 3; k++) await page.keyboard.press('Escape').catch(() => undefined);
        }
      }
    } finally {
      await flushed();
      if (failures)
        out(
          `  workbench console (last 40 lines):\n${pageLog
            .slice(-40)
            .map((l) => `    ${l.split('\n')[0]}`)
            .join('\n')}`,
        );
      await context.close();
    }
  } finally {
    await server.stop();
  }
  const grep = process.env.GOVREPORT_E2E_GREP;
  if ((!grep || new RegExp(grep).test('zh-cn')) && !(await formInChinese(editor, out))) failures++;
  out(`  screenshots: ${path.relative(process.cwd(), ARTIFACTS)}/`);
  return failures === 0;
}
