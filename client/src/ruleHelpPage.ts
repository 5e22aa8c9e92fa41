/**
 * The page of the rule help: docs/rules.md or docs/rules.zh-CN.md (printed from the rule
 * modules by `npm run docs`) rendered with markdown-it, each `### <code>` section in a
 * `<section id="<code>">` that the page scrolls to and marks. Raw HTML in the Markdown is not
 * rendered (`html: false`); the page's CSP allows only its own script and style, by nonce.
 */
import MarkdownIt from 'markdown-it';
import { escapeHtml } from '../../server/src/core';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** The documentation's body: its sections, each rule's wrapped and named by its code. */
export function ruleHelpBody(markdown: string): string {
  const out: string[] = [];
  // Cut before each heading of a group (##) or a rule (###); the first piece is the introduction.
  const pieces = markdown.split(/^(?=#{2,3} )/m);
  for (const piece of pieces) {
    const code = /^### ([a-z][a-z0-9-]*)\s*$/m.exec(piece.split('\n', 1)[0])?.[1];
    const html = md.render(piece);
    out.push(code ? `<section class="rule" id="${escapeHtml(code)}">${html}</section>` : html);
  }
  return out.join('\n');
}

export interface RuleHelpPage {
  body: string;
  /** The rule to show first. */
  code: string;
  lang: string;
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

export function ruleHelpPage(p: RuleHelpPage): string {
  const attr = escapeHtml;
  const csp = [
    `default-src 'none'`,
    `style-src ${p.cspSource} 'nonce-${p.nonce}'`,
    `script-src 'nonce-${p.nonce}'`,
    `base-uri 'none'`,
    `form-action 'none'`,
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    `<html lang="${attr(p.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<link rel="stylesheet" href="${attr(p.styleUri)}">`,
    '</head>',
    `<body data-code="${attr(p.code)}">`,
    `<main id="govreport-rules">${p.body}</main>`,
    `<script nonce="${attr(p.nonce)}" src="${attr(p.scriptUri)}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}
