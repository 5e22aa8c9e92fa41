/**
 * A first contact, as an office worker would have it, in the display language the workbench
 * runs in (zh-cn in `npm test`): the walkthrough opening the sample report, the status bar
 * for a clean report, one with warnings and one with errors, fix-all and fix-all of a kind
 * from Ctrl+., a rule's help from the Problems panel, the context menus, the warning before
 * exporting, the column name at the end of the caret's row, and the settings editor.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { check } from '../../server/src/core/check';
import { ROOT } from './provision';
import { ARTIFACTS } from './workbench';
import {
  closeAll,
  frameWithText,
  plain,
  runCommand,
  shoot,
  squigglesOn,
  STEP_MS,
  until,
  viewLine,
  type Step,
  type Texts,
} from './workbench';

/** A copy of the example with four fixes that need no judgement: two rows, a date's form, 监督保障. */
export const FIX_ALL = 'fixall-2024.report.yaml';
/** A report with an error (a date before the year ends) and an identity card number in its text. */
export const EXPORT = 'export-2024.report.yaml';
/** A report with warnings only. */
export const WARNINGS = 'warnings-2024.report.yaml';

const EXAMPLE = readFileSync(path.join(ROOT, 'examples', 'lvliang-2024.report.yaml'), 'utf8');
const SAMPLE = readFileSync(path.join(ROOT, 'media', 'walkthrough', 'sample-2024.report.yaml'), 'utf8');

/** Writes the reports the steps open into the workspace. */
export function firstContactFiles(workspace: string): void {
  const files: Record<string, string> = {
    [FIX_ALL]: EXAMPLE.replace('  行政许可:       [0]\n', '')
      .replace('  行政处罚:       [0]\n', '')
      .replace('落款日期: 2024-01-08', '落款日期: 2024/1/8'),
    [EXPORT]: SAMPLE.replace('落款日期: 2025-01-20', '落款日期: 2024-12-20').replace(
      '明确分管领导和专职人员。',
      '明确分管领导和专职人员，联络员张某（身份证号 11010519491231002X）负责日常工作。',
    ),
    [WARNINGS]: EXAMPLE.replace('落款日期: 2024-01-08', '落款日期: 2025-01-08'),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(workspace, name), text);
}

/** The counts the status bar should show for a file's text. */
function counts(text: string): { errors: number; warnings: number } {
  const { findings } = check(text);
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

/** The extension's status bar item (its id is the extension's and the item's). */
const statusItem = (page: Page): Locator => page.locator('[id="govreport.govreport.govreport.status"]');

export async function openFile(page: Page, name: string): Promise<void> {
  // A hover left under the pointer (a tab's) would lie over the list and take the click.
  await page.mouse.move(0, 0);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: STEP_MS });
  // The file, not a preview of it that the editor history also lists.
  const preview = /^(预览|Preview) /;
  const item = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ hasText: name })
    .filter({ hasNotText: preview })
    .first();
  // A file written a moment ago may not be in Quick Open's search yet: the query is typed again
  // (a new search) until it lists the file.
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    await input.fill(name);
    const found = await item.waitFor({ state: 'visible', timeout: 3_000 }).then(
      () => true,
      () => false,
    );
    if (found) break;
    if (Date.now() > deadline) throw new Error(`Quick Open does not list ${name}`);
    await input.fill('');
  }
  await item.click();
  await page
    .locator('.tabs-container .tab.active')
    .filter({ hasText: name })
    .filter({ hasNotText: preview })
    .first()
    .waitFor({ state: 'visible', timeout: STEP_MS });
}

/** The box of the `index`-th character of a rendered editor line (Monaco draws a line as spans of text). */
export async function charBox(line: Locator, index: number): Promise<{ x: number; y: number }> {
  const box = await line.evaluate((el, i) => {
    // Runs in the page (the test is compiled without the DOM's types).
    const { document, NodeFilter } = globalThis as any;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let left = i;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (left < length) {
        const range = document.createRange();
        range.setStart(node, left);
        range.setEnd(node, left + 1);
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
      left -= length;
    }
    return undefined;
  }, index);
  if (!box) throw new Error(`no character ${index} on the line`);
  return box;
}

/** Shows line `n` (1-based) of the active editor, with the caret at its start. */
export async function goToLine(page: Page, n: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: STEP_MS });
  await input.fill(`:${n}`);
  await input.press('Enter');
}

/** The 1-based line of the first line of `file` in the workspace that matches `pattern`. */
export function lineOf(workspace: string, file: string, pattern: RegExp): number {
  const i = readFileSync(path.join(workspace, file), 'utf8')
    .split('\n')
    .findIndex((l) => pattern.test(l));
  if (i < 0) throw new Error(`no line ${pattern} in ${file}`);
  return i + 1;
}

/** Presses Ctrl+. until the quick fix menu shows `row` (a press just as the editor re-asks is superseded). */
async function quickFixMenu(page: Page, row: Locator, log: (l: string) => void): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+Period');
    const shown = await row.waitFor({ state: 'visible', timeout: attempt < 3 ? 5_000 : STEP_MS }).then(
      () => true,
      (e: Error) => (attempt < 3 ? false : Promise.reject(e)),
    );
    if (shown) return;
    log(`    Ctrl+. opened no menu (attempt ${attempt}); pressing it again`);
  }
}

export function firstContactSteps(page: Page, workspace: string, t: Texts, log: (l: string) => void): Step[] {
  const zh = t.language === 'zh-cn';
  const menu = page.locator('.action-widget').filter({ visible: true });
  return [
    {
      name: 'the walkthrough opens the sample report, which the status bar calls clean, in green',
      run: async () => {
        // One editor group, wide enough for the step's media beside the steps.
        await closeAll(page);
        await runCommand(page, 'Welcome: Open Walkthrough...');
        const title = t.nls('walkthrough.title');
        const pick = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first();
        await pick.waitFor({ state: 'visible', timeout: STEP_MS });
        await pick.click();
        const walkthrough = page.locator('.gettingStartedContainer');
        await walkthrough.getByText(t.nls('walkthrough.write.title')).first().waitFor({ timeout: STEP_MS });
        // The button of the first step, as its description names it.
        const description = t.nls('walkthrough.write.description');
        const link = description.indexOf('](command:govreport.openSample)');
        const label = description.slice(description.lastIndexOf('[', link) + 1, link);
        const button = walkthrough.getByText(label, { exact: true });
        await button.first().waitFor({ state: 'visible', timeout: STEP_MS });
        // The step's media beside it, in the display language.
        await frameWithText(page, zh ? '报告就是一个文本文件' : 'A report is a text file');
        await shoot(page, '11-walkthrough');
        await button.first().click();
        const name = `${t.l10n('sample-report')}-2024.report.yaml`;
        await page.locator('.tabs-container .tab').filter({ hasText: name }).first().waitFor({ timeout: STEP_MS });
        const status = statusItem(page);
        await status.filter({ hasText: t.l10n('No problems') }).waitFor({ timeout: STEP_MS });
        const color = await status.evaluate(
          (el) => (globalThis as any).getComputedStyle(el.querySelector('a') ?? el).color,
        );
        log(`    status: ${plain(await status.textContent())} in ${color}`);
        await shoot(page, '12-sample-clean');
        await closeAll(page);
      },
    },
    {
      name: 'the status bar counts the warnings of a report without errors, and the errors and warnings of one with both',
      run: async () => {
        for (const [name, shot] of [
          [WARNINGS, '13-status-warnings'],
          [FIX_ALL, '14-status-errors'],
        ] as const) {
          await openFile(page, name);
          const { errors, warnings } = counts(readFileSync(path.join(workspace, name), 'utf8'));
          const want = [
            errors ? t.l10n(errors === 1 ? '1 error' : '{0} errors', errors) : undefined,
            warnings ? t.l10n(warnings === 1 ? '1 warning' : '{0} warnings', warnings) : undefined,
          ].filter((x): x is string => !!x);
          const text = await until(page, `the status ${want.join(', ')}`, async () => {
            const s = plain(await statusItem(page).textContent())
              .replace(/\s+/g, ' ')
              .trim();
            return want.every((w) => s.includes(w)) && (errors > 0 || !s.includes(t.l10n('{0} errors', '')))
              ? s
              : undefined;
          });
          log(`    ${name}: ${text}`);
          if (/ms\b|毫秒/.test(text)) throw new Error(`the status shows milliseconds: ${text}`);
          await page.mouse.move(0, 0);
          await page.locator('.statusbar').screenshot({ path: path.join(ARTIFACTS, `${shot}-bar.png`) });
          await statusItem(page).hover();
          await page
            .locator('.monaco-hover')
            .filter({ hasText: t.l10n('Show Problems') })
            .first()
            .waitFor({ state: 'visible', timeout: STEP_MS });
          await shoot(page, shot);
          await page.mouse.move(0, 0);
        }
      },
    },
    {
      name: 'Ctrl+. offers fix-all of the kind under the cursor and fix-all, and they mend what they say',
      run: async () => {
        await openFile(page, FIX_ALL);
        // The two missing rows are reported where they belong: before 行政强制.
        await goToLine(page, lineOf(workspace, FIX_ALL, /^ {2}行政强制:/));
        const next = viewLine(page, /^\s{2}行政强制:/);
        await next.waitFor({ timeout: STEP_MS });
        const [at] = await until(page, 'the missing rows’ squiggle', async () => {
          const s = await squigglesOn(page, next);
          return s.length ? s : undefined;
        });
        await page.mouse.click(at.x, at.y);
        const kind = menu
          .locator('.monaco-list-row')
          .filter({
            hasText: zh ? '修复全部 2 处“缺少表格行”（missing-row）' : 'Fix all 2 "missing table row" problems',
          })
          .first();
        await quickFixMenu(page, kind, log);
        log(`    menu: ${(await menu.locator('.monaco-list-row').allTextContents()).map(plain).join(' | ')}`);
        const all = menu
          .locator('.monaco-list-row')
          .filter({ hasText: zh ? /修复全部 4 处无需判断的问题/ : /Fix all 4 problems/ });
        await all.first().waitFor({ state: 'visible', timeout: STEP_MS });
        await shoot(page, '15-fix-all-menu');
        await kind.click();
        await viewLine(page, /^\s{2}行政处罚:/).waitFor({ timeout: STEP_MS });
        // On the date, which fixing the rows left as it was: the two fixes left, in one.
        await goToLine(page, lineOf(workspace, FIX_ALL, /^落款日期:/));
        await viewLine(page, /^落款日期:\s+2024.1.8\s*$/).waitFor({ timeout: STEP_MS });
        const date = viewLine(page, /^落款日期:/);
        const box = await charBox(date, '落款日期: 2024'.length);
        await page.mouse.click(box.x, box.y);
        const rest = menu
          .locator('.monaco-list-row')
          .filter({ hasText: zh ? '修复全部 2 处无需判断的问题' : 'Fix all 2 problems' })
          .first();
        await quickFixMenu(page, rest, log);
        await rest.click();
        await viewLine(page, /^落款日期:\s+2024-01-08/).waitFor({ timeout: STEP_MS });
        await goToLine(page, lineOf(workspace, FIX_ALL, /^主动公开政府信息情况:/) - 1);
        await viewLine(page, /^\s{2}监督保障:\s\x22\x22/).waitFor({ timeout: STEP_MS });
        await shoot(page, '16-fixed-all');
      },
    },
    {
      name: 'the rule code in the Problems panel opens its help in the display language beside the report, at the rule',
      run: async () => {
        await openFile(page, FIX_ALL);
        await page.keyboard.press('Control+Shift+M');
        const row = page
          .locator('.markers-panel .monaco-list-row')
          .filter({ hasText: 'signed-before-year-end' })
          .first();
        await row.waitFor({ state: 'visible', timeout: STEP_MS });
        await row.locator('.code-link, a').filter({ hasText: 'signed-before-year-end' }).first().click();
        const frame = page.frameLocator('iframe.webview').last().frameLocator('iframe').first();
        const section = frame.locator('section.rule.current');
        await section.waitFor({ state: 'visible', timeout: STEP_MS });
        const id = await section.getAttribute('id');
        const text = plain(await section.textContent());
        log(`    help at ${id}: ${text.slice(0, 120)}`);
        if (id !== 'signed-before-year-end') throw new Error(`the help is at ${id}`);
        if (zh && !/错误示例/.test(text)) throw new Error(`the help is not in Chinese: ${text}`);
        const tab = page
          .locator('.tabs-container .tab')
          .filter({ hasText: zh ? '规则说明：signed-before-year-end' : 'Rule: signed-before-year-end' });
        await tab.first().waitFor({ timeout: STEP_MS });
        // The report is still shown, in its own group.
        await page
          .locator('.tabs-container .tab.active')
          .filter({ hasText: FIX_ALL })
          .first()
          .waitFor({ timeout: STEP_MS });
        await shoot(page, '17-rule-help');
        await page.keyboard.press('Control+Shift+M');
      },
    },
    {
      name: 'the Explorer and the editor offer the preview and the export in their context menus',
      run: async () => {
        await page.keyboard.press('Control+Shift+E');
        const file = page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: EXPORT }).first();
        await file.waitFor({ state: 'visible', timeout: STEP_MS });
        await file.click({ button: 'right' });
        const items = page.locator('.context-view .action-item');
        const preview = items.filter({ hasText: t.nls('command.openPreview') }).first();
        await preview.waitFor({ state: 'visible', timeout: STEP_MS });
        if (await items.filter({ hasText: t.nls('command.importReport') }).count())
          throw new Error('import is offered on a report');
        await shoot(page, '18-explorer-menu');
        await preview.click();
        await page
          .frameLocator('iframe.webview')
          .last()
          .frameLocator('iframe')
          .first()
          .locator('tr')
          .filter({ hasText: '本年新收政府信息公开申请数量' })
          .first()
          .waitFor({ timeout: STEP_MS });
        await openFile(page, EXPORT);
        await viewLine(page, /^机关:/).click({ button: 'right' });
        for (const id of ['command.openPreviewToSide', 'command.export', 'command.fixAll'])
          await items
            .filter({ hasText: t.nls(id) })
            .first()
            .waitFor({ state: 'visible', timeout: STEP_MS });
        await shoot(page, '19-editor-menu');
        await page.keyboard.press('Escape');
      },
    },
    {
      name: 'exporting a report with an error and personal data warns first, one click goes on, under a name of its own',
      run: async () => {
        await openFile(page, EXPORT);
        await viewLine(page, /^机关:/).click();
        await runCommand(page, t.command('govreport.export'));
        const marked = page
          .locator('.quick-input-list .monaco-list-row')
          .filter({ hasText: t.l10n('HTML (findings marked)') })
          .first();
        await marked.waitFor({ state: 'visible', timeout: STEP_MS });
        await marked.click();
        const dialog = page.locator('.monaco-dialog-box');
        await dialog.waitFor({ state: 'visible', timeout: STEP_MS });
        const said = plain(await dialog.textContent());
        log(`    dialog: ${said}`);
        if (!said.includes(t.l10n('The report has 1 error.')) || !said.includes(zh ? '个人信息' : 'personal data'))
          throw new Error(`the warning does not name the error and the personal data: ${said}`);
        await shoot(page, '20-export-warning');
        await dialog.getByRole('button', { name: t.l10n('Export Anyway') }).click();
        // code-server's own save dialog: the path, with the name offered.
        const input = page.locator('.quick-input-widget input.input');
        await input.waitFor({ state: 'visible', timeout: STEP_MS });
        const name = `${t.l10n('{0}-findings', 'export-2024')}.html`;
        await until(page, `the name ${name} offered`, async () => (await input.inputValue()).endsWith(name));
        await shoot(page, '21-export-name');
        await input.press('Enter');
        const exported = path.join(workspace, name);
        // The file exists from the moment the extension host opens it for writing: wait for its end.
        const html = await until(page, `${name} written`, async () => {
          const text = existsSync(exported) ? readFileSync(exported, 'utf8') : '';
          return /<\/html>\s*$/.test(text) ? text : undefined;
        });
        if (!html.includes('示例市交通运输局')) throw new Error('the exported page is not the report');
        // The message, and where to find the file: in a browser, the Explorer (there is no file manager).
        await runCommand(page, 'Notifications: Show Notifications');
        const note = page
          .locator('.notifications-center .notification-list-item')
          .filter({ hasText: t.l10n('Exported {0}', name) })
          .first();
        await note.waitFor({ state: 'visible', timeout: STEP_MS });
        await note.getByRole('button', { name: t.l10n('Show in Explorer') }).click();
        await page
          .locator('.explorer-folders-view .monaco-list-row.selected')
          .filter({ hasText: name })
          .first()
          .waitFor({ state: 'visible', timeout: STEP_MS });
        await shoot(page, '22-exported');
      },
    },
    {
      name: 'the caret’s column is named at the end of its row, and a double-clicked 0 is selected, not split',
      run: async () => {
        // The report alone, wide enough for its rows not to wrap.
        await closeAll(page);
        await openFile(page, EXPORT);
        await goToLine(page, lineOf(workspace, EXPORT, /^ {2}上年结转政府信息公开申请数量:/));
        const row = viewLine(page, /^\s{2}上年结转政府信息公开申请数量:/);
        await row.waitFor({ timeout: STEP_MS });
        const written = plain(await row.textContent());
        // The third cell: 科研机构, one of the 法人或其他组织.
        const third = written.indexOf('[5, 1, 0') + '[5, 1, '.length;
        const at = await charBox(row, third);
        await page.mouse.click(at.x, at.y);
        const hint = zh ? '← 第 3 列：法人或其他组织 › 科研机构' : '← column 3: 法人或其他组织 › 科研机构';
        await until(page, 'the column name at the end of the row', async () =>
          plain(await row.textContent()).endsWith(hint),
        );
        await shoot(page, '23-column-name');
        await page.mouse.dblclick(at.x, at.y);
        await page.keyboard.type('9');
        await until(page, 'the 0 replaced by 9', async () =>
          /\[5, 1, 9, 0, 0, 0, 6\]/.test(plain(await row.textContent())),
        );
        // End goes past the whole row: Enter after it leaves the row whole.
        await page.keyboard.press('End');
        await page.keyboard.press('Enter');
        await until(page, 'the row whole, a new line after it', async () =>
          /\[5, 1, 9, 0, 0, 0, 6\]/.test(plain(await row.textContent())),
        );
        await page.keyboard.press('Control+Z');
        await page.keyboard.press('Control+Z');
      },
    },
    {
      name: 'the settings show localized sections, every rule to choose with its name, and the deadlines as fields',
      run: async () => {
        // Wide enough for the table of contents, which shows the sections' titles.
        await closeAll(page);
        await runCommand(page, 'Preferences: Open Settings (UI)');
        // The search box has the focus when the settings open.
        await page.locator('.settings-editor .suggest-input-container').first().waitFor({ timeout: STEP_MS });
        await page.keyboard.type('@ext:govreport.govreport');
        const editor = page.locator('.settings-editor');
        await editor.getByText(t.nls('config.title')).first().waitFor({ timeout: STEP_MS });
        await shoot(page, '24-settings');
        const severity = editor.locator('.setting-item').filter({ hasText: 'Severity' }).first();
        await severity
          .locator('.monaco-button')
          .filter({ hasText: /Add Item/ })
          .first()
          .click();
        const key = severity
          .locator('.setting-list-object-key select, .setting-list-object-input-key .monaco-select-box')
          .first();
        await key.waitFor({ state: 'visible', timeout: STEP_MS });
        await key.click();
        const option = page
          .locator('.monaco-select-box-dropdown-container .option-text')
          .filter({ hasText: /^missing-row$/ })
          .first();
        await option.waitFor({ state: 'visible', timeout: STEP_MS });
        await option.hover();
        // The rule's name, in the display language, under the list.
        const named = t.nls('config.severity.rule.missing-row');
        await page
          .locator('.monaco-select-box-dropdown-container')
          .getByText(named)
          .first()
          .waitFor({ state: 'visible', timeout: STEP_MS });
        await shoot(page, '25-severity-choices');
        log(`    missing-row is offered as ${named}`);
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
        const deadlines = editor.locator('.setting-item').filter({ hasText: 'Deadlines' }).first();
        await deadlines.scrollIntoViewIfNeeded();
        await deadlines
          .locator('.monaco-button')
          .filter({ hasText: /Add Item/ })
          .first()
          .click();
        await shoot(page, '26-deadlines');
        await page.keyboard.press('Escape');
      },
    },
  ];
}
