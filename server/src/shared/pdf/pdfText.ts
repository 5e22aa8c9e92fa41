/**
 * The text of a PDF with the positions of its pieces, read with Mozilla's pdf.js (the legacy
 * build, which runs on Node 20). This module is its own bundle (`server/out/pdf.js`), loaded
 * only when a PDF is imported: pdf.js is large, and neither the extension's activation nor
 * `govreport check` should pay for it. The core turns what it returns into a report.
 *
 * The PDF is data, never code: pdf.js gets the bytes (no URL, so no network), evaluates no
 * strings as code (`isEvalSupported: false`), installs no fonts, renders nothing, and reads
 * the character maps of Chinese fonts from the folder the caller names.
 */
import type { PdfPage, PdfText } from '../../core';

/** Beyond any published report (a long one is a few megabytes and a few dozen pages). */
export const MAX_PDF_BYTES = 64 * 1024 * 1024;
export const MAX_PDF_PAGES = 300;

export interface PdfReadOptions {
  /** The folder of pdf.js's packed CMaps (`…/cmaps/`), for Chinese fonts without their own. */
  cMapDir: string;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<PdfJs> | undefined;

/**
 * pdf.js loads once. Its display layer builds a DOMMatrix as it loads, for drawing pages, and
 * warns (on stderr) that it cannot find the native canvas package that would provide one;
 * nothing here draws, so an inert stand-in lets it load, and those warnings are held back.
 * It also sets `navigator` where it finds none with a language; VS Code's extension host
 * has one that cannot be set (and that other extensions see), so while pdf.js loads it gets
 * one of its own, and the host's is put back after.
 */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const global = globalThis as Record<string, unknown>;
    global.DOMMatrix ??= class InertMatrix {};
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (typeof args[0] !== 'string' || !args[0].startsWith('Warning:')) warn(...args);
    };
    const navigator = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    const ownNavigator = !(global.navigator as { language?: string } | undefined)?.language && navigator?.configurable;
    if (ownNavigator)
      Object.defineProperty(globalThis, 'navigator', {
        value: { language: 'zh-CN', platform: '', userAgent: '' },
        configurable: true,
        writable: true,
      });
    try {
      // The worker's code runs in this thread ("fake worker"), taken from here rather than loaded by URL.
      global.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.warn = warn;
      if (ownNavigator) Object.defineProperty(globalThis, 'navigator', navigator!);
    }
  })();
  return loaded;
}

export async function readPdfText(bytes: Uint8Array, options: PdfReadOptions): Promise<PdfText> {
  if (bytes.length > MAX_PDF_BYTES) return { ok: false, problem: 'too-large', limit: MAX_PDF_BYTES };
  const lib = await pdfjs();
  const task = lib.getDocument({
    // pdf.js takes over the buffer it is given (and refuses a Buffer): a copy of the bytes.
    data: new Uint8Array(bytes),
    cMapUrl: options.cMapDir.endsWith('/') ? options.cMapDir : `${options.cMapDir}/`,
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  try {
    const doc = await task.promise;
    if (doc.numPages > MAX_PDF_PAGES) return { ok: false, problem: 'too-many-pages', limit: MAX_PDF_PAGES };
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      const content = await page.getTextContent();
      const items: PdfPage['items'] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str) continue;
        const [a, b, c, d, e, f] = item.transform as number[];
        items.push({
          text: item.str,
          x: e - x0,
          y: f - y0,
          width: item.width,
          size: Math.hypot(c, d) || Math.hypot(a, b),
        });
      }
      pages.push({ width: x1 - x0, height: y1 - y0, items });
      page.cleanup();
    }
    return { ok: true, pages };
  } catch (e) {
    return { ok: false, problem: (e as Error)?.name === 'PasswordException' ? 'encrypted' : 'corrupt' };
  } finally {
    await task.destroy();
  }
}
