/** A standalone HTML page that runs nowhere but where it is opened: its own style, its own script at most, nothing else. */
import { cspHash } from './csp';
import { escapeHtml } from './escape';

export interface Page {
  lang: 'zh-CN' | 'en';
  title: string;
  css: string;
  /** The page's only script, placed at the end of the body. */
  script?: string;
  /** The body's HTML. */
  body: string;
}

/** The page, with a Content-Security-Policy that allows exactly its style and script by their hashes. */
export function standalonePage(p: Page): string {
  const script = p.script === undefined ? '' : ` script-src ${cspHash(p.script)};`;
  const csp = `default-src 'none'; style-src ${cspHash(p.css)};${script} img-src 'none'; base-uri 'none'; form-action 'none'`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${p.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="govreport">',
    `<title>${escapeHtml(p.title)}</title>`,
    `<style>${p.css}</style>`,
    '</head>',
    '<body>',
    p.body,
    ...(p.script === undefined ? [] : [`<script>${p.script}</script>`]),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
