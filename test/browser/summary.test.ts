/**
 * The evaluator's summary page (`govreport check --summary OUT.html --opinions DIR`) in headless
 * Chromium: it runs with no error and nothing refused by its Content-Security-Policy, its rows
 * are the reports of the JSON output with the same counts, it sorts by a column, a row opens
 * that report's findings, and the 审核意见 it links to opens as a page of its own. Screenshots
 * go to test-artifacts/summary/.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { ROOT } from '../unit/helpers';
import { browserForTests, openWatched } from './chromium';

/** The page's globals, used only inside `page.evaluate` (the project compiles without the DOM library). */
interface PageElement {
  textContent: string | null;
  dataset: Record<string, string | undefined>;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
  getAttribute(name: string): string | null;
}
declare const document: {
  documentElement: { classList: { contains(name: string): boolean } };
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
};
declare function getComputedStyle(el: PageElement): { display: string };

const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'summary');
const BATCH = path.join(ROOT, 'test', 'fixtures', 'batch');

const chromium = browserForTests(ARTIFACTS);

async function cli(...argv: string[]): Promise<string> {
  let out = '';
  await runCli(argv, { stdout: (s) => (out += s), stderr: () => undefined, env: { LANG: 'zh_CN.UTF-8' } });
  return out;
}

interface JsonFile {
  file: string;
  diagnostics: { severity: number; code: string }[];
}

interface Row {
  file: string;
  organ: string;
  errors: number;
  warnings: number;
  information: number;
  score: string;
}

describe('the summary page in Chromium', () => {
  it('runs without error, lists the reports of the JSON output, sorts, opens a report and its 审核意见', async (t) => {
    if (!chromium.ready(t)) return;
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-summary-'));
    cpSync(BATCH, path.join(dir, 'batch'), { recursive: true });
    const folder = path.join(dir, 'batch');
    const summary = path.join(dir, 'summary.html');
    await cli(
      'check',
      '--summary',
      summary,
      '--opinions',
      path.join(dir, 'opinions'),
      '--opinion-format',
      'html',
      folder,
    );
    const json = JSON.parse(await cli('check', '--format', 'json', folder)) as JsonFile[];
    assert.equal(json.length, 3);

    const { page, context, watch } = await openWatched(chromium.browser(), summary);
    try {
      assert.ok(await page.evaluate(() => document.documentElement.classList.contains('js')), 'the script ran');
      const rows = (): Promise<Row[]> =>
        page.evaluate(() =>
          Array.from(document.querySelectorAll('table.summary > tbody')).map((b) => ({
            file: b.dataset.file ?? '',
            organ: b.querySelector('tr.report a.toggle')?.textContent ?? '',
            errors: Number(b.dataset.errors),
            warnings: Number(b.dataset.warnings),
            information: Number(b.dataset.information),
            score: b.dataset.score ?? '',
          })),
        );
      const shown = await rows();
      const count = (f: JsonFile, severity: number) => f.diagnostics.filter((d) => d.severity === severity).length;
      assert.deepEqual(
        shown.map((r) => [r.file, r.errors, r.warnings, r.information]).sort(),
        json.map((f) => [f.file, count(f, 1), count(f, 2), count(f, 3)]).sort(),
      );
      assert.ok(
        shown.every((r) => r.score !== '' && Number(r.score) <= 100),
        'a score per report: the config has deductions',
      );
      await page.screenshot({ path: path.join(ARTIFACTS, 'summary.png'), fullPage: true });

      // Sorted by 警告, fewest first, then most first.
      const warnings = page.locator('thead th[data-key="warnings"] button');
      await warnings.click();
      const up = (await rows()).map((r) => r.warnings);
      assert.deepEqual(
        up,
        [...up].sort((a, b) => a - b),
      );
      assert.equal(await page.getAttribute('thead th[data-key="warnings"]', 'aria-sort'), 'ascending');
      await warnings.click();
      const down = (await rows()).map((r) => r.warnings);
      assert.deepEqual(
        down,
        [...down].sort((a, b) => b - a),
      );
      // By 机关, as Chinese sorts (pinyin): 交通 before 吕梁 before 文旅.
      await page.locator('thead th[data-key="organ"] button').click();
      assert.deepEqual(
        (await rows()).map((r) => r.organ),
        ['某市交通运输局', '吕梁市人民政府办公室', '某市文化和旅游局'].sort((a, b) => a.localeCompare(b, 'zh-CN')),
      );

      // A report's findings are hidden until its row is opened; they are those of the JSON output.
      const lvliang = json.find((f) => f.file.endsWith('lvliang-2024.report.yaml'))!;
      const body = page.locator('table.summary > tbody', { has: page.locator('a.toggle', { hasText: '吕梁' }) });
      const detail = body.locator('tr.detail');
      assert.equal(await detail.evaluate((el) => getComputedStyle(el as unknown as PageElement).display), 'none');
      await body.locator('a.toggle').click();
      assert.equal(await body.locator('a.toggle').getAttribute('aria-expanded'), 'true');
      assert.equal(await detail.evaluate((el) => getComputedStyle(el as unknown as PageElement).display), 'table-row');
      const codes = await detail.locator('table.findings tbody code').allTextContents();
      assert.deepEqual(codes.sort(), lvliang.diagnostics.map((d) => d.code).sort());
      assert.match((await detail.locator('section.opinion').textContent()) ?? '', /吕梁市人民政府办公室/);
      await page.screenshot({ path: path.join(ARTIFACTS, 'summary-opened.png'), fullPage: true });

      assert.deepEqual(watch.errors, []);
      assert.deepEqual(watch.console, [], 'no error and nothing refused by the Content-Security-Policy');
      assert.deepEqual(
        watch.requests.filter((u) => !u.endsWith('/summary.html')),
        [],
        'the page loads nothing',
      );

      // The 审核意见 of the row, a page of its own beside the summary.
      const href = await detail.locator('section.opinion a').getAttribute('href');
      assert.ok(href, 'the row links its 审核意见 file');
      const opinion = await openWatched(chromium.browser(), path.join(dir, decodeURIComponent(href)));
      try {
        assert.match((await opinion.page.locator('h3').textContent()) ?? '', /审核意见/);
        assert.equal(await opinion.page.locator('ol li').count(), lvliang.diagnostics.length, 'one item per finding');
        assert.deepEqual([...opinion.watch.errors, ...opinion.watch.console], []);
        await opinion.page.screenshot({ path: path.join(ARTIFACTS, 'opinion.png'), fullPage: true });
      } finally {
        await opinion.context.close();
      }
    } finally {
      await context.close();
    }
  });
});
