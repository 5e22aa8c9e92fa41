/** Quick fixes attached to diagnostics, "ignore this here", and `source.fixAll.govreport`. */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../core/check';
import { fixAllEdits } from '../core/edits';
import type { Finding, Locale } from '../core/findings';
import { suppressionFix } from '../core/suppress';
import { toDiagnostic, toTextEdit } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.govreport`;

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return a.code === b.code && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character && a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character;
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

export function codeActions(doc: TextDocument, result: CheckResult, params: CodeActionParams, locale: Locale): CodeAction[] {
  const { lines } = result.report;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'govreport') continue;
      const f = result.findings.find((x) => sameDiagnostic(toDiagnostic(x, lines, locale, doc.uri), diagnostic));
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

function fixAllAction(doc: TextDocument, findings: Finding[], result: CheckResult, locale: Locale): CodeAction | undefined {
  const edits = fixAllEdits(findings);
  if (!edits.length) return undefined;
  return {
    title: locale === 'en' ? 'Fix all GovReport problems that need no judgement' : '修复所有无需判断的 GovReport 问题',
    kind: FIX_ALL_KIND,
    edit: { changes: { [doc.uri]: edits.map((e) => toTextEdit(result.report.lines, e)) } },
  };
}
