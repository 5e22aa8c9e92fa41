/** Quick fixes attached to diagnostics, "ignore this here", and `source.fixAll.govreport`. */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CheckResult, type Finding, fixAllEdits, type LineIndex, type Locale, suppressionFix } from '../core';
import { toRange, toTextEdit } from '../shared/convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.govreport`;

/** A diagnostic's identity: its code, range and message (two findings may share a range). */
const keyOf = (code: unknown, r: Range, message: string) =>
  `${String(code)}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}@${message}`;

/** Findings by the key of their diagnostic (the first of equal ones), so matching a long list of diagnostics stays linear. */
function byDiagnostic(findings: Finding[], lines: LineIndex, locale: Locale): Map<string, Finding> {
  const out = new Map<string, Finding>();
  for (const f of findings) {
    const key = keyOf(f.code, toRange(lines, f.span), f.message[locale]);
    if (!out.has(key)) out.set(key, f);
  }
  return out;
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

export function codeActions(
  doc: TextDocument,
  result: CheckResult,
  params: CodeActionParams,
  locale: Locale,
): CodeAction[] {
  const { lines } = result.report;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    let findings: Map<string, Finding> | undefined;
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'govreport' || typeof diagnostic.code !== 'string') continue;
      findings ??= byDiagnostic(result.findings, lines, locale);
      const f = findings.get(keyOf(diagnostic.code, diagnostic.range, diagnostic.message));
      if (!f) continue;
      for (const fix of [...(f.fixes ?? []), suppressionFix(result.report.text, lines, f)]) {
        actions.push({
          title: fix.title[locale],
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred,
          edit: { changes: { [doc.uri]: fix.edits.map((e) => toTextEdit(lines, e)) } },
        });
      }
    }
  }
  if (only && wants(only, FIX_ALL_KIND)) {
    const action = fixAllAction(doc, result.findings, result, locale);
    if (action) actions.push(action);
  }
  return actions;
}

function fixAllAction(
  doc: TextDocument,
  findings: Finding[],
  result: CheckResult,
  locale: Locale,
): CodeAction | undefined {
  const edits = fixAllEdits(findings);
  if (!edits.length) return undefined;
  return {
    title: locale === 'en' ? 'Fix all GovReport problems that need no judgement' : '修复所有无需判断的 GovReport 问题',
    kind: FIX_ALL_KIND,
    edit: { changes: { [doc.uri]: edits.map((e) => toTextEdit(result.report.lines, e)) } },
  };
}
