/**
 * Code actions: the quick fixes of the diagnostics under the cursor, "ignore this here" (once
 * per comment it would write), fix-all and fix-all of one kind in the same menu (Ctrl+.), and
 * `source.fixAll.govreport` (the Source Action menu, Fix All, fix on save).
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Command,
  type Diagnostic,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  applyEdits,
  type CheckResult,
  codeInfo,
  type Finding,
  type Fix,
  fixAllEdits,
  fixAllMends,
  LineIndex,
  type Locale,
  suppressionFix,
} from '../core';
import { toRange, toTextEdit } from '../shared/convert';
import { type DiagnosticData, PLACE_CARET_COMMAND } from '../shared/protocol';
import { FIX_ALL_KIND } from './capabilities';

/** Fix-all offered among the quick fixes (Ctrl+.), where source actions are not listed. */
export const QUICK_FIX_ALL_KIND = `${CodeActionKind.QuickFix}.govreport.fixAll`;

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

const fixable = (f: Finding) => f.fixes?.some((x) => x.safe) ?? false;

export function codeActions(
  doc: TextDocument,
  result: CheckResult,
  params: CodeActionParams,
  locale: Locale,
): CodeAction[] {
  const { lines } = result.report;
  const only = params.context.only;
  const t = (zh: string, en: string) => (locale === 'en' ? en : zh);
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const here = matched(result, params.context.diagnostics, locale);
    // One "ignore" per comment it writes: two findings of one rule on a line share it.
    const ignores = new Map<string, CodeAction>();
    for (const { diagnostic, finding } of here) {
      for (const fix of finding.fixes ?? []) actions.push(quickFix(doc, result, fix, [diagnostic], locale));
      const ignore = suppressionFix(result.report.text, lines, finding);
      const key = JSON.stringify(ignore.edits);
      const same = ignores.get(key);
      if (same) same.diagnostics!.push(diagnostic);
      else ignores.set(key, quickFix(doc, result, ignore, [diagnostic], locale));
    }
    if (here.length) actions.push(...fixAllHere(doc, result, here, t));
    actions.push(...ignores.values());
  }
  if (only && wants(only, FIX_ALL_KIND)) {
    const edits = fixAllEdits(result.findings);
    if (edits.length)
      actions.push({
        title: t('修复所有无需判断的 GovReport 问题', 'Fix all GovReport problems that need no judgement'),
        kind: FIX_ALL_KIND,
        edit: { changes: { [doc.uri]: edits.map((e) => toTextEdit(lines, e)) } },
      });
  }
  return actions;
}

/** The diagnostics of the request that are ours, with the findings they show. */
function matched(
  result: CheckResult,
  diagnostics: Diagnostic[],
  locale: Locale,
): { diagnostic: Diagnostic; finding: Finding }[] {
  let findings: Map<string, Finding> | undefined;
  const out: { diagnostic: Diagnostic; finding: Finding }[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'govreport' || typeof diagnostic.code !== 'string') continue;
    const key = keyOf(diagnostic.code, diagnostic.range, diagnostic.message);
    // The finding the diagnostic was published from, when it is still that one; else the
    // diagnostic is matched among them all (a client that drops `data`, a check since).
    const at = result.findings[(diagnostic.data as Partial<DiagnosticData> | undefined)?.i ?? -1];
    const finding =
      at && keyOf(at.code, toRange(result.report.lines, at.span), at.message[locale]) === key
        ? at
        : (findings ??= byDiagnostic(result.findings, result.report.lines, locale)).get(key);
    if (finding) out.push({ diagnostic, finding });
  }
  return out;
}

function quickFix(
  doc: TextDocument,
  result: CheckResult,
  fix: Fix,
  diagnostics: Diagnostic[],
  locale: Locale,
): CodeAction {
  const { lines } = result.report;
  const action: CodeAction = {
    title: fix.title[locale],
    kind: CodeActionKind.QuickFix,
    diagnostics,
    isPreferred: fix.preferred,
    edit: { changes: { [doc.uri]: fix.edits.map((e) => toTextEdit(lines, e)) } },
  };
  if (fix.caret !== undefined && fix.edits.length) action.command = placeCaret(doc.uri, result.report.text, fix);
  return action;
}

/** The command that puts the caret where `fix.caret` says, in the text as the fix leaves it. */
function placeCaret(uri: string, text: string, fix: Fix): Command {
  const first = fix.edits[0];
  const before = fix.edits.filter((e) => e !== first && e.end <= first.start);
  const offset = first.start + fix.caret! + before.reduce((n, e) => n + e.text.length - (e.end - e.start), 0);
  const position = new LineIndex(applyEdits(text, fix.edits)).positionAt(offset);
  return { title: '', command: PLACE_CARET_COMMAND, arguments: [uri, position] };
}

/** What a fix-all quick fix leaves to `codeAction/resolve`: the document, and the kind it mends (every kind when absent). */
interface FixAllData {
  uri: string;
  code?: string;
}

/**
 * Fix-all, and fix-all of each kind under the cursor, as quick fixes: offered when they mend
 * more than one finding (more than any one quick fix), and a kind only when that is not all
 * there is to mend. VS Code asks for the quick fixes whenever the caret moves: their edits,
 * which span the whole document, are made only when one is chosen (`resolveFixAll`).
 */
function fixAllHere(
  doc: TextDocument,
  result: CheckResult,
  here: { finding: Finding }[],
  t: (zh: string, en: string) => string,
): CodeAction[] {
  // Nothing at all when fix-all makes nothing (a text with undecodable bytes).
  if (!fixAllMends(result.findings)) return [];
  const all = result.findings.filter(fixable);
  const action = (title: string, code?: string): CodeAction => ({
    title,
    kind: QUICK_FIX_ALL_KIND,
    data: { uri: doc.uri, ...(code ? { code } : {}) } satisfies FixAllData,
  });
  const out: CodeAction[] = [];
  for (const code of new Set(here.map((h) => h.finding.code))) {
    const ofKind = all.filter((f) => f.code === code).length;
    if (ofKind < 2 || ofKind === all.length) continue;
    const title = codeInfo(code).title;
    out.push(
      action(
        t(`修复全部 ${ofKind} 处“${title['zh-CN']}”（${code}）`, `Fix all ${ofKind} "${title.en}" problems (${code})`),
        code,
      ),
    );
  }
  if (all.length >= 2)
    out.push(
      action(t(`修复全部 ${all.length} 处无需判断的问题`, `Fix all ${all.length} problems that need no judgement`)),
    );
  return out;
}

/** The edits of a fix-all quick fix, made from the document's current check when it is chosen. */
export function resolveFixAll(action: CodeAction, documents: (uri: string) => CheckResult | undefined): CodeAction {
  const data = action.data as FixAllData | undefined;
  if (action.kind !== QUICK_FIX_ALL_KIND || !data?.uri) return action;
  const result = documents(data.uri);
  if (!result) return action;
  const findings = data.code ? result.findings.filter((f) => fixable(f) && f.code === data.code) : result.findings;
  const edits = fixAllEdits(findings).map((e) => toTextEdit(result.report.lines, e));
  return { ...action, edit: { changes: { [data.uri]: edits } } };
}
