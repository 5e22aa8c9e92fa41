/**
 * The workbench as a user sees it, driven by Playwright in Chromium against code-server with
 * the repository loaded as the extension under development: the squiggle on the 落款日期 and
 * its hover, the Problems panel, a quick fix through Ctrl+., the preview beside the editor,
 * a new report from the command palette, the preview of a report checked against last year's,
 * a published PDF imported from the Explorer's context menu, and Check All Reports in
 * Workspace putting the findings of reports that are not open in Problems and on the
 * Explorer's files (and checking a folder from its context menu), again with the workbench in
 * Chinese. Screenshots go to test-artifacts/editor/.
 */
import { copyFileSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { forwardConsole, openBrowser, startCodeServer, workbenchUrl, type CodeServer } from './codeServer';
import { ROOT, type Editor } from './provision';

export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'editor');
const EXAMPLE = 'lvliang-2024.report.yaml';
/** Two years of one organ's reports: the preview of the second marks the findings across years. */
const CROSS_YEAR = 'ziranziyuan-2024.report.yaml';
const CROSS_YEAR_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'crossyear');
const NEW_ORGAN = '测试市数据局';
const PDF = '淮安市洪泽区人民政府_2024.pdf';
/** Three reports and their .govreport.yaml, none of them opened: for Check All Reports in Workspace. */
const BATCH = 'batch';
const BATCH_FILES = ['jiaotong-2024.report.yaml', 'lvliang-2024.report.yaml', 'wenlv-2024.report.yaml'];
/** The page's own function, used only inside `evaluate` (the project compiles without the DOM library). */
declare function getComputedStyle(el: unknown, pseudo: string): { content: string };
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
  const input = page.locator('.quick-input-widget input.input');
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first();
  // The palette lists the commands registered when it opened: right after the workbench
  // loads, the extension's may come later, so it is opened again until they are there.
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: STEP_MS });
    await input.fill(`>${title}`);
    const found = await row.waitFor({ state: 'visible', timeout: 3_000 }).then(
      () => true,
      () => false,
    );
    if (found) break;
    if (Date.now() > deadline) throw new Error(`the command palette has no “${title}”`);
    await page.keyboard.press('Escape');
  }
  await row.click();
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
    ...workspaceSteps(page, 'en', log),
  ];
}

/** The words of the workbench and of the extension in each display language. */
const WORDS = {
  en: {
    checkAll: 'GovReport: Check All Reports in Workspace',
    checkFolder: 'Check Reports in Folder',
    checked: 'Checked',
  },
  'zh-cn': {
    checkAll: 'GovReport: 检查工作区中的全部报告',
    checkFolder: '检查此文件夹中的报告',
    checked: '已检查',
  },
};

/** Check All Reports in Workspace, and a folder from the Explorer; screenshots suffixed by the language. */
function workspaceSteps(page: Page, locale: 'en' | 'zh-cn', log: (l: string) => void): Step[] {
  const w = WORDS[locale];
  const suffix = locale === 'en' ? '' : '-zh';
  const toast = () => page.locator('.notification-toast').filter({ hasText: w.checked }).first();
  const explorerRow = (name: string) =>
    page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: name }).first();
  return [
    {
      name: `Check All Reports in Workspace lists the findings of reports that are not open (${locale})`,
      run: async () => {
        await page.keyboard.press('Escape');
        await runCommand(page, w.checkAll);
        const shown = await toast()
          .waitFor({ state: 'visible', timeout: STEP_MS })
          .then(
            () => true,
            () => false,
          );
        log(`    notification: ${shown ? plain(await toast().textContent()) : '(not shown as a toast)'}`);
        if (shown) await shoot(page, `11-workspace-checked${suffix}`);
        await page.keyboard.press('Control+Shift+M');
        const rows = page.locator('.markers-panel .monaco-list-row');
        await rows.first().waitFor({ state: 'visible', timeout: STEP_MS });
        // One row per file (the list shows only the rows that fit), then a file's findings.
        await page.locator('.part.panel .codicon-collapse-all').first().click();
        for (const name of BATCH_FILES)
          await rows.filter({ hasText: name }).first().waitFor({ state: 'visible', timeout: STEP_MS });
        await rows.filter({ hasText: BATCH_FILES[0] }).first().click();
        await rows.filter({ hasText: 'copied-across-organs' }).first().waitFor({ state: 'visible', timeout: STEP_MS });
        const texts = (await rows.allTextContents()).map(plain);
        log(`    Problems: ${texts.length} rows shown: ${texts.join(' | ').slice(0, 300)}`);
        await shoot(page, `12-workspace-problems${suffix}`);
        await page.keyboard.press('Control+Shift+M');
      },
    },
    {
      name: `the Explorer marks the reports with findings, and checks a folder from its context menu (${locale})`,
      run: async () => {
        await page.keyboard.press('Control+Shift+E');
        const folder = explorerRow(BATCH);
        await folder.waitFor({ state: 'visible', timeout: STEP_MS });
        if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
        const file = explorerRow(BATCH_FILES[1]);
        await file.waitFor({ state: 'visible', timeout: STEP_MS });
        // A file with errors: its label coloured and a count beside it, from the Problems' markers.
        // The workbench draws the count as generated content (::after), not as text.
        const badge = await until(page, `the Explorer's count of problems on ${BATCH_FILES[1]}`, async () => {
          const t = `${plain(await file.textContent()).replace(BATCH_FILES[1], '')} ${await file.evaluate((row) =>
            [row, ...row.querySelectorAll('*')]
              .map((e) => getComputedStyle(e, '::after').content)
              .filter((c) => /\d/.test(c))
              .join(' '),
          )}`.trim();
          return /\d/.test(t) ? t : undefined;
        });
        log(`    ${BATCH_FILES[1]} in the Explorer: ${badge}`);
        await shoot(page, `13-explorer-badges${suffix}`);
        await folder.click({ button: 'right' });
        const item = page.locator('.context-view .action-item').filter({ hasText: w.checkFolder }).first();
        await item.waitFor({ state: 'visible', timeout: STEP_MS });
        await shoot(page, `14-explorer-check-folder${suffix}`);
        await item.click();
        await page.keyboard.press('Control+Shift+M');
        await page
          .locator('.markers-panel .monaco-list-row')
          .filter({ hasText: BATCH_FILES[0] })
          .first()
          .waitFor({ state: 'visible', timeout: STEP_MS });
        await page.keyboard.press('Control+Shift+M');
      },
    },
  ];
}

/** Runs the UI steps, with the workbench in English and then in Chinese; returns whether all passed. */
export async function runUi(editor: Editor, out: (line: string) => void): Promise<boolean> {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  let failures = await session(editor, 'en', out, (page, server, workspace) => steps(page, server, workspace, out));
  out('  the workbench in Chinese (zh-cn):');
  failures += await session(editor, 'zh-cn', out, (page, server, workspace) => [
    {
      name: 'the workbench opens the workspace (zh-cn)',
      run: async () => {
        await page.goto(workbenchUrl(server, workspace, [['extensionDevelopmentPath', server.remote(ROOT)]]));
        await page.locator('.explorer-folders-view').waitFor({ state: 'visible', timeout: FIRST_MS });
      },
    },
    ...workspaceSteps(page, 'zh-cn', out),
  ]);
  out(`  screenshots: ${path.relative(process.cwd(), ARTIFACTS)}/`);
  return failures === 0;
}

/** One code-server with a fresh copy of the workspace, in a display language; its failed steps counted (each leaves a screenshot). */
async function session(
  editor: Editor,
  locale: 'en' | 'zh-cn',
  out: (line: string) => void,
  stepsOf: (page: Page, server: CodeServer, workspace: string) => Step[],
): Promise<number> {
  const server = await startCodeServer(
    editor,
    () => ({}),
    (l) => out(`[code-server] ${l}`),
    locale,
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
    cpSync(path.join(ROOT, 'test', 'fixtures', BATCH), path.join(workspace, BATCH), { recursive: true });
    const { context, page } = await openBrowser(editor, path.join(server.tmp, 'browser'));
    const pageLog: string[] = [];
    const flushed = forwardConsole(page, (l) => pageLog.push(l));
    try {
      for (const [i, step] of stepsOf(page, server, workspace).entries()) {
        const t = Date.now();
        try {
          await step.run();
          out(`  ✔ ${step.name} (${Date.now() - t} ms)`);
        } catch (e) {
          failures++;
          out(`  ✖ ${step.name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
          await shoot(page, `failed-${locale}-${String(i + 1).padStart(2, '0')}`).catch(() => undefined);
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
  return failures;
}
