/**
 * Finding one's way in code-server's workbench with Playwright, for the UI tests: waiting on
 * the page's own frames, editor lines and squiggles, the command palette, screenshots, and
 * the extension's texts in the display language the workbench runs in.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import type { DisplayLanguage } from './codeServer';
import { ROOT } from './provision';

export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'editor');
/** Any one reaction of the workbench; the first one also covers loading it and activation. */
export const STEP_MS = 30_000;
export const FIRST_MS = 90_000;

export interface Step {
  name: string;
  run: () => Promise<void>;
}

/** Monaco renders spaces as no-break spaces. */
export const plain = (s: string | null): string => (s ?? '').replace(/\u00a0/g, ' ');

export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/** The rendered editor line that matches `text` (Monaco renders only visible lines). */
export function viewLine(page: Page, text: RegExp): Locator {
  return page.locator('.editor-instance .monaco-editor .view-line').filter({ hasText: text }).first();
}

/** Error squiggles whose vertical middle lies within `line`'s box. */
export async function squigglesOn(page: Page, line: Locator, kind = 'error'): Promise<{ x: number; y: number }[]> {
  const box = await line.boundingBox();
  if (!box) return [];
  // All boxes in one look: a squiggle listed and then measured apart may be gone by then
  // (a fix applied, a check published), and measuring it would wait for it in vain.
  const boxes = await page.locator(`.editor-instance .monaco-editor .squiggly-${kind}`).evaluateAll((els) =>
    els.map((e) => {
      const r = (
        e as { getBoundingClientRect(): { x: number; y: number; width: number; height: number } }
      ).getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  return boxes
    .filter((b) => b.y + b.height / 2 >= box.y && b.y + b.height / 2 <= box.y + box.height)
    .map((b) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 }));
}

/** Waits until `probe` is truthy, re-checking on every animation frame of the page's own clock. */
export async function until<T>(
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

export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input.input');
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first();
  // The palette lists the commands registered when it opened: right after the workbench
  // loads, the extension's may come later. And it closes when the focus goes elsewhere (a
  // context menu just clicked gives the focus back to its view). So it is opened again until
  // it shows the command.
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    await page.keyboard.press('F1');
    const found = await input
      .waitFor({ state: 'visible', timeout: STEP_MS })
      .then(() => input.fill(`>${title}`, { timeout: 3_000 }))
      .then(() => row.waitFor({ state: 'visible', timeout: 3_000 }))
      .then(
        () => true,
        () => false,
      );
    if (found) break;
    if (Date.now() > deadline) throw new Error(`the command palette did not offer “${title}”`);
    await page.keyboard.press('Escape');
  }
  await row.click();
}

/** Closes every editor, not saving what the steps changed. */
export async function closeAll(page: Page): Promise<void> {
  await runCommand(page, 'View: Close All Editors');
  const dialog = page.locator('.monaco-dialog-box');
  const dontSave = dialog.getByRole('button', { name: "Don't Save" });
  if (
    await dontSave.waitFor({ state: 'visible', timeout: 5_000 }).then(
      () => true,
      () => false,
    )
  )
    await dontSave.click();
  await until(page, 'no editor open', async () => (await page.locator('.tabs-container .tab').count()) === 0);
}

const MANIFEST = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string; title: string; category?: string }[] };
};
const NLS: Record<DisplayLanguage, Record<string, string>> = {
  en: JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')),
  'zh-cn': JSON.parse(readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8')),
};
const L10N_ZH: Record<string, string> = JSON.parse(
  readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'),
);

/** The extension's texts as the workbench shows them in one display language. */
export interface Texts {
  language: DisplayLanguage;
  /** A manifest text (`%key%` of package.json). */
  nls(key: string): string;
  /** A message of the client's vscode.l10n.t, with its arguments. */
  l10n(message: string, ...args: (string | number)[]): string;
  /** A command as the palette lists it: `Category: Title`. */
  command(id: string): string;
}

export function texts(language: DisplayLanguage): Texts {
  const nls = (key: string): string => {
    const v = NLS[language][key] ?? NLS.en[key];
    if (v === undefined) throw new Error(`no text ${key} in package.nls`);
    return v;
  };
  const localized = (s: string) => s.replace(/^%(.+)%$/, (_, k: string) => nls(k));
  return {
    language,
    nls,
    l10n: (message, ...args) =>
      (language === 'zh-cn' ? (L10N_ZH[message] ?? message) : message).replace(/\{(\d+)\}/g, (_, i: string) =>
        String(args[+i]),
      ),
    command: (id) => {
      const c = MANIFEST.contributes.commands.find((x) => x.command === id);
      if (!c) throw new Error(`no command ${id} in package.json`);
      return c.category ? `${localized(c.category)}: ${localized(c.title)}` : localized(c.title);
    },
  };
}

/** The frame (a webview's content) that shows `text`, waiting for it to render. */
export async function frameWithText(page: Page, text: string, ms = STEP_MS): Promise<Frame> {
  return until(
    page,
    `a webview showing “${text}”`,
    async () => {
      for (const frame of page.frames()) {
        const shown = await frame
          .getByText(text)
          .first()
          .isVisible()
          .catch(() => false);
        if (shown) return frame;
      }
      return undefined;
    },
    ms,
  );
}
