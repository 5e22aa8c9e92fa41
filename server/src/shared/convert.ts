/** Core findings and edits → LSP objects. Shared by the server and the CLI's JSON output. */
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { Diagnostic, DiagnosticRelatedInformation, Range, TextEdit } from 'vscode-languageserver';
import type { Edit, Finding, Locale, Severity, Span } from '../core';
import type { LineIndex } from '../core';

const SEVERITY: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, information: 3, hint: 4 };

/** The rules' documentation of this installation in each language; the bundles live in server/out/. */
export const RULES_DOC: Record<Locale, string> = {
  en: pathToFileURL(path.resolve(__dirname, '..', '..', 'docs', 'rules.md')).toString(),
  'zh-CN': pathToFileURL(path.resolve(__dirname, '..', '..', 'docs', 'rules.zh-CN.md')).toString(),
};
/** The README's section on the config file, for the problems of a .govreport.yaml. */
export const CONFIG_DOC = pathToFileURL(path.resolve(__dirname, '..', '..', 'README.md')).toString() + '#config-file';

/** What is shown of a finding or of a problem of the config file. */
export type Reported = Pick<Finding, 'severity' | 'span' | 'message' | 'related'> & { code: string };

/**
 * Where a code is documented: the rule's section (`### <code>`) in the documentation of the
 * message's language (the VS Code client replaces it with its own rule help), or the config
 * file's section.
 */
export function docLink(code: string, locale: Locale): string {
  return code.startsWith('config-') ? CONFIG_DOC : `${RULES_DOC[locale]}#${code}`;
}

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

export function toTextEdit(lines: LineIndex, edit: Edit): TextEdit {
  return { range: toRange(lines, edit), newText: edit.text };
}

export function toDiagnostic(f: Reported, lines: LineIndex, locale: Locale, uri: string): Diagnostic {
  const d: Diagnostic = {
    range: toRange(lines, f.span),
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: docLink(f.code, locale) },
    source: 'govreport',
    message: f.message[locale],
  };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r): DiagnosticRelatedInformation => ({
      location: { uri: r.uri ?? uri, range: r.uri && r.range ? r.range : toRange(lines, r.span) },
      message: r.message[locale],
    }));
  }
  return d;
}
