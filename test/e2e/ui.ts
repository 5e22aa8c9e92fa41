/**
 * The workbench as a user sees it, driven by Playwright in Chromium against code-server with
 * the repository loaded as the extension under development: the squiggle on the 落款日期 and
 * its hover, the Problems panel, a quick fix through Ctrl+., the preview beside the editor,
 * a new report from the command palette, the preview of a report checked against last year's,
 * a published PDF imported from the Explorer's context menu, the first contact's steps, and
 * Check All Reports in Workspace putting the findings of reports that are not open in Problems
 * and on the Explorer's files (and checking a folder from its context menu). Screenshots go to
 * test-artifacts/editor/.
 */
import { copyFileSync, cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import {
  forwardConsole,
  openBrowser,
  startCodeServer,
  workbenchUrl,
  type CodeServer,
  type DisplayLanguage,
} from './codeServer';
import { ROOT, type Editor } from './provision';
import { cellKeysSteps } from './uiCellKeys';
import { firstContactFiles, firstContactSteps } from './uiFirstContact';
import { formSteps } from './uiForm';
import {
  ARTIFACTS,
  FIRST_MS,
  plain,
  runCommand,
  shoot,
  squigglesOn,
  STEP_MS,
  texts,
  until,
  viewLine,
  type Step,
  type Texts,
} from './workbench';

const EXAMPLE = 'lvliang-2024.report.yaml';
/** Two years of one organ's reports: the preview of the second marks the findings across years. */
const CROSS_YEAR = 'ziranziyuan-2024.report.yaml';
const CROSS_YEAR_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'crossyear');
const NEW_ORGAN = '测试市数据局';
const PDF = '淮安市洪泽区人民政府_2024.pdf';
/** Three reports and their .govreport.yaml, none of them opened: for Check All Reports in Workspace. */
const BATCH = 'batch';
const BATCH_FILES = ['jiaotong-2024.report.yaml', 'lvliang-2024.report.yaml', 'wenlv-2024.report.yaml'] as const;
function steps(page: Page, server: CodeServer, workspace: string, t: Texts, log: (l: string) => void): Step[] {
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
        await runCommand(page, t.command('govreport.openPreviewToSide'));
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
        await runCommand(page, t.command('govreport.newReport'));
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
        await runCommand(page, t.command('govreport.openPreviewToSide'));
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
        const item = page
          .locator('.context-view .action-item')
          .filter({ hasText: t.nls('command.importReport') })
          .first();
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
  ];
}

/** The report files a check of `dir` finds: `*.report.yaml` in it and its folders, hidden ones left out. */
function reportsIn(dir: string): number {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .reduce(
      (n, e) =>
        n +
        (e.isDirectory() ? reportsIn(path.join(dir, e.name)) : e.isFile() && e.name.endsWith('.report.yaml') ? 1 : 0),
      0,
    );
}

/** The summary a check of `files` reports shows, whatever its counts of findings. */
function checkedSummary(t: Texts, files: number): RegExp {
  const text = t.l10n('Checked {0} report(s): {1} error(s), {2} warning(s), {3} note(s).', files, '#', '#', '#');
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/#/g, '(\\d+)'));
}

/**
 * Check All Reports in Workspace from the command palette, and Check Reports in Folder from a
 * folder's context menu in the Explorer: the findings of reports that are not open, in the
 * Problems panel and as counts on the Explorer's files.
 */
function workspaceSteps(page: Page, workspace: string, t: Texts, log: (l: string) => void): Step[] {
  const explorerRow = (name: string, level: number) =>
    page.locator(`.explorer-folders-view .monaco-list-row[aria-level="${level}"]`).filter({ hasText: name }).first();
  /** The check's summary, read in the notification centre (toasts may not show in a headless workbench), once the check's progress has gone. */
  const summary = async (files: number): Promise<string> => {
    await runCommand(page, 'Notifications: Show Notifications');
    const note = page
      .locator('.notifications-center .notification-list-item')
      .filter({ hasText: checkedSummary(t, files) })
      .first();
    await note.waitFor({ state: 'visible', timeout: STEP_MS });
    // VS Code shows a progress notification for at least 800 ms, also when the check was quicker.
    await page
      .locator('.notifications-center .notification-list-item')
      .filter({ hasText: t.l10n('GovReport: checking the reports') })
      .first()
      .waitFor({ state: 'detached', timeout: STEP_MS });
    return plain(await note.textContent());
  };
  /** The status bar's counts of problems are those of the check's summary. */
  const problemsCounted = async (said: string, files: number): Promise<void> => {
    const [errors, warnings, notes] = checkedSummary(t, files).exec(said)!.slice(1).map(Number);
    await page
      .locator('#status\\.problems')
      .filter({ hasText: new RegExp(`^\\D*${errors}\\D+${warnings}\\D+${notes}\\D*$`) })
      .waitFor({ state: 'visible', timeout: STEP_MS });
  };
  return [
    {
      name: 'Check All Reports in Workspace lists the findings of reports that are not open',
      run: async () => {
        await page.keyboard.press('Escape');
        const files = reportsIn(workspace);
        await runCommand(page, t.command('govreport.checkWorkspace'));
        const said = await summary(files);
        log(`    notification: ${said}`);
        // The Problems counts in the status bar are the summary's: every report checked is listed,
        // also one whose tab was closed while VS Code still holds its document (the export's).
        await problemsCounted(said, files);
        await shoot(page, '27-workspace-checked');
        await runCommand(page, 'Notifications: Hide Notifications');
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
        await shoot(page, '28-workspace-problems');
        await page.keyboard.press('Control+Shift+M');
      },
    },
    {
      name: 'the Explorer marks the reports with findings, and checks a folder from its context menu',
      run: async () => {
        await page.keyboard.press('Control+Shift+E');
        const folder = explorerRow(BATCH, 1);
        await folder.waitFor({ state: 'visible', timeout: STEP_MS });
        if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
        const name = BATCH_FILES[1];
        const file = explorerRow(name, 2);
        await file.waitFor({ state: 'visible', timeout: STEP_MS });
        // A file with errors: its label coloured and a count beside it, from the Problems' markers.
        // The workbench draws the count as generated content (::after), not as text.
        const badge = await until(page, `the Explorer's count of problems on ${name}`, async () => {
          const drawn = await file.evaluate((row) => {
            // Runs in the page (the test is compiled without the DOM's types).
            const { getComputedStyle } = globalThis as any;
            return [row, ...row.querySelectorAll('*')]
              .map((e) => String(getComputedStyle(e, '::after').content))
              .filter((c) => /\d/.test(c))
              .join(' ');
          });
          const t = `${plain(await file.textContent()).replace(name, '')} ${drawn}`.trim();
          return /\d/.test(t) ? t : undefined;
        });
        log(`    ${name} in the Explorer: ${badge}`);
        await shoot(page, '29-explorer-counts');
        await folder.click({ button: 'right' });
        const item = page
          .locator('.context-view .action-item')
          .filter({ hasText: t.nls('command.checkFolder') })
          .first();
        await item.waitFor({ state: 'visible', timeout: STEP_MS });
        await shoot(page, '30-explorer-check-folder');
        await item.click();
        // The folder's three reports, and only them: Problems lists no other (no report has a tab).
        const said = await summary(BATCH_FILES.length);
        log(`    notification: ${said}`);
        await problemsCounted(said, BATCH_FILES.length);
        await runCommand(page, 'Notifications: Hide Notifications');
      },
    },
  ];
}

/** Runs the UI steps; returns whether all passed. A failed step leaves a screenshot. */
export async function runUi(editor: Editor, language: DisplayLanguage, out: (line: string) => void): Promise<boolean> {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startCodeServer(editor, { log: (l) => out(`[code-server] ${l}`), language });
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
    firstContactFiles(workspace);
    const { context, page } = await openBrowser(editor, path.join(server.tmp, 'browser'));
    const pageLog: string[] = [];
    const flushed = forwardConsole(page, (l) => pageLog.push(l));
    try {
      const t = texts(language);
      const all = [
        ...steps(page, server, workspace, t, out),
        ...firstContactSteps(page, workspace, t, out),
        ...workspaceSteps(page, workspace, t, out),
        ...formSteps(page, workspace, t, out),
        ...cellKeysSteps(page, workspace, out),
      ];
      // GOVREPORT_E2E_GREP runs the steps whose name matches (and the first, which opens the workbench).
      const grep = process.env.GOVREPORT_E2E_GREP ? new RegExp(process.env.GOVREPORT_E2E_GREP) : undefined;
      for (const [i, step] of all.entries()) {
        if (grep && i > 0 && !grep.test(step.name)) continue;
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
  out(`  screenshots: ${path.relative(process.cwd(), ARTIFACTS)}/`);
  return failures === 0;
}
