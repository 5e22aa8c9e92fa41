/**
 * The YAML editor's table keys as a spreadsheet user presses them: Tab and Shift+Tab from a
 * caret put on a row move from number to number selecting each, typing replaces it, and the
 * saved file is then exactly the report with those numbers, nothing indented; a double-click
 * selects one number, not the bracket or comma beside it.
 *
 * Each key's selection is waited for (the status bar's caret) before typing: the commands run
 * in the extension host, which the workbench does not wait for, so keys typed at once after
 * Tab reach the editor before the selection does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './provision';
import { charBox, goToLine, lineOf, openFile } from './uiFirstContact';
import { closeAll, plain, shoot, until, viewLine, type Step } from './workbench';

/** A copy of the example the steps type into and save. */
const CELLS = 'cells-2024.report.yaml';
const EXAMPLE = readFileSync(path.join(ROOT, 'examples', 'lvliang-2024.report.yaml'), 'utf8');
const KEY_1 = '  本年新收政府信息公开申请数量:  ';
const KEY_2 = '  上年结转政府信息公开申请数量:  ';

/** A row of the two the steps type into, as written. */
const row = (key: string, cells: string[]): string => `${key}[${cells.join(', ')}]`;

/** The 1-based column just after cell `i` of a row, where the caret stands when it is selected. */
const endOf = (key: string, cells: string[], i: number): number =>
  key.length + 1 + cells.slice(0, i + 1).reduce((n, c) => n + c.length, 0) + 2 * i + 1;

/** The status bar's caret: line, column and the characters selected (in any display language). */
async function caret(page: Page): Promise<{ line: number; column: number; selected: number }> {
  const text = plain(await page.locator('[id="status.editor.selection"]').textContent());
  const [line = 0, column = 0, selected = 0] = (text.match(/\d+/g) ?? []).map(Number);
  return { line, column, selected };
}

/** Waits until cell `i` of a row is selected, `length` characters before `column`. */
async function selected(page: Page, line: number, column: number, length: number, what: string): Promise<void> {
  await until(page, `${what} selected (Ln ${line}, Col ${column}, ${length} selected)`, async () => {
    const c = await caret(page);
    return c.line === line && c.column === column && c.selected === length;
  }).catch(async (e: Error) => {
    const c = await caret(page);
    throw new Error(`${e.message}; the caret is at Ln ${c.line}, Col ${c.column}, ${c.selected} selected`);
  });
}

export function cellKeysSteps(page: Page, workspace: string, log: (l: string) => void): Step[] {
  const file = path.join(workspace, CELLS);
  return [
    {
      name: 'Tab and Shift+Tab on a table row select its numbers one by one, typing replaces each, nothing is indented',
      run: async () => {
        const one = ['67', '2', '0', '0', '0', '0', '69'];
        const two = ['2', '0', '0', '0', '0', '0', '2'];
        const original = `\n${row(KEY_1, one)}\n${row(KEY_2, two)}\n`;
        if (!EXAMPLE.includes(original)) throw new Error('the example no longer has the rows the step types into');
        writeFileSync(file, EXAMPLE);
        await closeAll(page);
        await openFile(page, CELLS);
        const first = lineOf(workspace, CELLS, /^ {2}本年新收政府信息公开申请数量:/);
        await goToLine(page, first);
        await viewLine(page, /^\s{2}本年新收政府信息公开申请数量:/).waitFor({ timeout: 30_000 });
        /** Presses `key`, waits for the cell it should select, and types `value` over it. */
        const fill = async (key: string, line: number, cells: string[], i: number, value: string) => {
          await page.keyboard.press(key);
          const rowKey = line === first ? KEY_1 : KEY_2;
          await selected(
            page,
            line,
            endOf(rowKey, cells, i),
            cells[i].length,
            `${key} → cell ${i + 1} of line ${line}`,
          );
          await page.keyboard.type(value);
          cells[i] = value;
        };
        await page.keyboard.press('Home');
        await fill('Tab', first, one, 0, '70');
        await fill('Tab', first, one, 1, '3');
        await fill('Tab', first, one, 2, '1');
        await fill('Shift+Tab', first, one, 1, '4');
        // From the end of the row, Tab goes on to the next row, and Shift+Tab back to the last number.
        await page.keyboard.press('End');
        await fill('Tab', first + 1, two, 0, '5');
        await fill('Shift+Tab', first, one, 6, '75');
        await shoot(page, '35-cell-keys');
        await page.keyboard.press('Control+S');
        const want = EXAMPLE.replace(original, `\n${row(KEY_1, one)}\n${row(KEY_2, two)}\n`);
        await until(page, `${CELLS} saved with exactly the numbers typed`, async () => {
          try {
            return readFileSync(file, 'utf8') === want;
          } catch {
            return false;
          }
        }).catch((e: Error) => {
          const got = readFileSync(file, 'utf8').split('\n');
          const diff = want
            .split('\n')
            .flatMap((l, i) =>
              l === got[i] ? [] : [`line ${i + 1}: ${JSON.stringify(got[i])}, not ${JSON.stringify(l)}`],
            );
          throw new Error(`${e.message}: ${diff.slice(0, 3).join('; ')}`);
        });
        log(`    saved: ${row(KEY_1, one).trim()} / ${row(KEY_2, two).trim()}`);
        // A double-click on a number beside a bracket selects the number alone.
        const line = viewLine(page, /^\s{2}本年新收政府信息公开申请数量:/);
        const at = await charBox(line, endOf(KEY_1, one, 6) - 2);
        await page.mouse.dblclick(at.x, at.y);
        await selected(page, first, endOf(KEY_1, one, 6), one[6].length, 'double-click on the number before “]”');
        await shoot(page, '36-cell-double-click');
      },
    },
  ];
}
