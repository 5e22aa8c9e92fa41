/**
 * The report as a form, in the display language the workbench runs in: a new report opened as
 * a form, tables 三 and 四 typed with the keyboard (Tab from cell to cell), rows of table 二
 * pasted as a spreadsheet puts them on the clipboard, an edit undone, the file saved with
 * exactly those numbers and still shown as the form; then a finding and its fix under a cell,
 * the fix applied from there.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { applyEdits, check, reportSkeleton } from '../../server/src/core';
import { closeAll, plain, runCommand, shoot, STEP_MS, until, viewLine, type Step, type Texts } from './workbench';

const ORGAN = '测试县数据局';
const YEAR = 2024;
const FILE = `${ORGAN}-${YEAR}.report.yaml`;
const TABLE_2 = '主动公开政府信息情况';
const TABLE_3 = '收到和处理政府信息公开申请情况';
const TABLE_4 = '政府信息公开行政复议、行政诉讼情况';

/** The frame of the form's page (a webview is an iframe holding the content's iframe). */
async function formFrame(page: Page): Promise<Frame> {
  return until(page, 'the form', async () => {
    for (const f of page.frames()) if (await f.locator('#govreport-form td[data-row]').count()) return f;
    return undefined;
  });
}

/** A value cell of the form by its address: table, row path (`本年度办理结果/予以公开`), column. */
function formCell(frame: Frame, table: string, row: string, column: number): Locator {
  return frame.locator(`[data-table="${table}"] td[data-row="${row}"][data-col="${column}"]`);
}

/** The paths of a table's rows in the order of the file (the printed order), as the form addresses them. */
function rowPaths(skeleton: string, table: string): string[] {
  const paths: string[] = [];
  const walk = (map: YAMLMap, prefix: string) => {
    for (const pair of map.items) {
      const key = `${prefix}${isScalar(pair.key) ? String(pair.key.value) : ''}`;
      if (isSeq(pair.value)) paths.push(key);
      else if (isMap(pair.value)) walk(pair.value, `${key}/`);
    }
  };
  const node = parseDocument(skeleton).get(table);
  if (!isMap(node)) throw new Error(`no table ${table} in the new report`);
  walk(node, '');
  return paths;
}

/** The skeleton with the rows given (by path) written in: only what is inside the brackets changes. */
function filledIn(skeleton: string, rows: Map<string, number[]>): string {
  const byKey = new Map([...rows].map(([p, values]) => [p.slice(p.lastIndexOf('/') + 1), values]));
  return skeleton
    .split('\n')
    .map((line) => {
      const m = /^( +([^#\s:][^:]*):\s+)\[[\d, ]*\]$/.exec(line);
      const values = m && byKey.get(m[2]);
      return values ? `${m[1]}[${values.join(', ')}]` : line;
    })
    .join('\n');
}

/** Waits for the file on disk to be `want`; tells the first line that differs if it does not come. */
async function fileBecomes(page: Page, file: string, want: string, what: string): Promise<void> {
  const read = () => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };
  await until(page, what, async () => read() === want).catch((e: Error) => {
    const a = (read() ?? '').split('\n');
    const b = want.split('\n');
    const i = a.findIndex((l, k) => l !== b[k]);
    throw new Error(`${e.message}: line ${i + 1} is ${JSON.stringify(a[i])}, expected ${JSON.stringify(b[i])}`);
  });
}

export function formSteps(page: Page, workspace: string, t: Texts, log: (l: string) => void): Step[] {
  const lang = t.language === 'zh-cn' ? 'zh-CN' : 'en';
  const file = path.join(workspace, FILE);
  const skeleton = reportSkeleton({ organ: ORGAN, organType: '本级政府', year: YEAR });
  return [
    {
      name: 'a new report opened as a form: tables 三 and 四 typed with Tab, rows of 二 pasted, an edit undone, saved as expected',
      run: async () => {
        // The form alone, as wide as the workbench lets it be.
        await closeAll(page);
        await runCommand(page, t.command('govreport.newReport'));
        const input = page.locator('.quick-input-widget input.input');
        await input.waitFor({ state: 'visible', timeout: STEP_MS });
        await input.fill(ORGAN);
        await input.press('Enter');
        await page
          .locator('.quick-input-list .monaco-list-row')
          .filter({ hasText: '本级政府' })
          .first()
          .waitFor({ state: 'visible', timeout: STEP_MS });
        await input.fill('本级政府');
        await input.press('Enter');
        await until(page, 'the 年度 prompt', async () => /^\d{4}$/.test(await input.inputValue()));
        await input.fill(String(YEAR));
        await input.press('Enter');
        await viewLine(page, new RegExp(`^机关:\\s+${ORGAN}$`)).waitFor({ state: 'visible', timeout: STEP_MS });
        await runCommand(page, t.command('govreport.openForm'));
        const frame = await formFrame(page);
        await shoot(page, '31-form');
        const expected = new Map<string, number[]>();
        const type = async (values: number[]) => {
          for (const v of values) {
            await page.keyboard.type(String(v));
            await page.keyboard.press('Tab');
          }
        };
        // Table 三, row after row, 1 to 175: typing replaces the 0, Tab goes on (to the next row after the last column).
        const rows3 = rowPaths(skeleton, TABLE_3);
        await formCell(frame, TABLE_3, rows3[0], 0).click();
        for (const [r, row] of rows3.entries()) {
          const values = Array.from({ length: 7 }, (_, c) => r * 7 + c + 1);
          expected.set(row, values);
          await type(values);
        }
        // Table 四 is printed as one line of fifteen numbers: Tab goes through its rows' cells in the file's order.
        const rows4 = rowPaths(skeleton, TABLE_4);
        await formCell(frame, TABLE_4, rows4[0], 0).click();
        for (const [r, row] of rows4.entries()) {
          const values = Array.from({ length: 5 }, (_, c) => 200 + r * 5 + c + 1);
          expected.set(row, values);
          await type(values);
        }
        // Two rows of table 二 from a spreadsheet: the label column, a thousands separator, blanks for zero, \r\n.
        const rows2 = rowPaths(skeleton, TABLE_2);
        await formCell(frame, TABLE_2, rows2[0], 0).click();
        const copied = `${rows2[0]}\t1,234\t\t5\r\n${rows2[1]}\t12\t3\t\r\n`;
        // As the browser delivers Ctrl+V (headless Chromium has no system clipboard): a paste event at the focused element.
        await frame.evaluate(`(() => {
          const data = new DataTransfer();
          data.setData('text/plain', ${JSON.stringify(copied)});
          document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
        })()`);
        expected.set(rows2[0], [1234, 0, 5]);
        expected.set(rows2[1], [12, 3, 0]);
        const shows = (cell: Locator, want: string) => async () => (await cell.textContent())?.trim() === want;
        await until(page, 'the pasted rows in the form', shows(formCell(frame, TABLE_2, rows2[1], 1), '3'));
        // An edit undone with Ctrl+Z in the form: the document's undo.
        const undone = formCell(frame, TABLE_2, rows2[2], 0);
        await undone.click();
        await page.keyboard.type('999');
        await page.keyboard.press('Enter');
        // Written: the form's render of the document has three characters in that cell.
        await until(
          page,
          'the document to hold 999',
          async () => (await undone.evaluate((td) => Number(td.dataset.end) - Number(td.dataset.start))) === 3,
        );
        await page.keyboard.press('Control+Z');
        await until(page, 'the undo to bring back 0', shows(undone, '0'));
        await until(page, 'the last cell of table 四 in the form', shows(formCell(frame, TABLE_4, rows4[2], 4), '215'));
        await shoot(page, '32-form-pasted');
        // Table 三 as typed: its totals do not add up, and the form marks them as the editor does.
        await formCell(frame, TABLE_3, rows3[0], 0).scrollIntoViewIfNeeded();
        await until(
          page,
          'the findings on the 总计 marked in the form',
          async () => (await frame.locator(`[data-table="${TABLE_3}"] .mark`).count()) > 0,
        );
        await shoot(page, '33-form-table-3');
        await page.keyboard.press('Control+S');
        await fileBecomes(page, file, filledIn(skeleton, expected), `${FILE} saved as typed`);
        log(
          `    ${rows3.length * 7 + rows4.length * 5} cells typed, 6 pasted, one edit undone: the file is as expected`,
        );
      },
    },
    {
      name: 'a cell of the form shows its finding and fix in the display language, and the fix applied from there mends it',
      run: async () => {
        const saved = readFileSync(file, 'utf8');
        // Saving the new (untitled) report kept it a form: the saved file has one tab, the form's.
        const tab = page.locator('.tabs-container .tab.active:not(.dirty)').filter({ hasText: FILE }).first();
        await tab.waitFor({ state: 'visible', timeout: STEP_MS });
        const frame = await formFrame(page);
        const tabs = await page.locator('.tabs-container .tab').filter({ hasText: FILE }).count();
        if (tabs !== 1) throw new Error(`${tabs} tabs of ${FILE} after saving it from the form`);
        const rows3 = rowPaths(skeleton, TABLE_3);
        // The 总计 of all applicants: the sum of its column and of its row disagree with it.
        const cell = formCell(frame, TABLE_3, rows3[rows3.length - 2], 6);
        await cell.click();
        const [start, end] = await cell.evaluate((td) => [Number(td.dataset.start), Number(td.dataset.end)]);
        const findings = check(saved).findings.filter((f) => f.span.start < end && start < f.span.end);
        const fix = findings.flatMap((f) => f.fixes ?? [])[0];
        if (!fix) throw new Error(`the checker has no fix for the cell at ${start}–${end}`);
        const bar = frame.locator('.fix-bar');
        const button = bar.locator('.fixes button').filter({ hasText: fix.title[lang] }).first();
        await button.waitFor({ state: 'visible', timeout: STEP_MS });
        const text = plain(await bar.textContent());
        log(`    ${text.slice(0, 240)}`);
        for (const f of findings)
          if (!text.includes(f.message[lang])) throw new Error(`the bar does not say “${f.message[lang]}”: ${text}`);
        await shoot(page, '34-form-fix');
        await button.click();
        await page
          .locator('.tabs-container .tab.dirty')
          .filter({ hasText: FILE })
          .first()
          .waitFor({ state: 'visible', timeout: STEP_MS });
        await page.keyboard.press('Control+S');
        await fileBecomes(page, file, applyEdits(saved, fix.edits), `the fix “${fix.title[lang]}” saved`);
      },
    },
  ];
}
