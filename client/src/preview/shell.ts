/**
 * The page of the preview and of the form. Its Content-Security-Policy allows only the
 * extension's own style sheet and script from its media folder, plus the renderer's style by
 * nonce; no inline script, no remote content, no forms. The report itself arrives as the
 * renderer's escaped `<main>`.
 */
import { escapeHtml, REPORT_CSS } from '../../../server/src/core';

export interface ShellOptions {
  /** `webview.cspSource`: the origin of the extension's resources in the webview. */
  cspSource: string;
  /** Fresh for each page. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** The renderer's `<main>` element. */
  body: string;
  /** Number of this render; the page drops updates older than what it shows. */
  seq: number;
  /** The report's URI, kept in the page's state so the panel survives a reload. */
  uri: string;
  lang: string;
  /** The element the script finds the report in: `govreport-preview` unless said. */
  rootId?: string;
  /** Words the script shows, in the display language (as JSON in `data-strings`). */
  strings?: Record<string, string>;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    `default-src 'none'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `base-uri 'none'`,
    `form-action 'none'`,
  ].join('; ');
}

export function previewShell(o: ShellOptions): string {
  const attr = escapeHtml;
  return [
    '<!DOCTYPE html>',
    `<html lang="${attr(o.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(o.cspSource, o.nonce))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<style nonce="${attr(o.nonce)}">${REPORT_CSS}</style>`,
    `<link rel="stylesheet" href="${attr(o.styleUri)}">`,
    '</head>',
    '<body>',
    `<div id="${attr(o.rootId ?? 'govreport-preview')}" data-seq="${o.seq}" data-uri="${attr(o.uri)}"${o.strings ? ` data-strings="${attr(JSON.stringify(o.strings))}"` : ''}>${o.body}</div>`,
    `<script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}
