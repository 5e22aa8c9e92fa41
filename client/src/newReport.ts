/** "GovReport: New Annual Report": asks for 机关, 机关类型 and 年度 and opens a complete report to fill in. */
import * as vscode from 'vscode';
import { FORMAT_2021, firstTextToWrite, pickLocale, reportSkeleton } from '../../server/src/core';
import {
  defaultYear,
  freeName,
  organProblem,
  parseYear,
  reportFileName,
  yearProblem,
  type InputProblem,
} from './newReportInput';

function problemText(p: InputProblem | undefined): string | undefined {
  switch (p) {
    case 'organEmpty':
      return vscode.l10n.t('Enter the name of the reporting organ.');
    case 'organTooLong':
      return vscode.l10n.t('The name is too long (at most 100 characters).');
    case 'yearNotNumber':
      return vscode.l10n.t('Enter a four-digit year, e.g. 2024.');
    case 'yearOutOfRange':
      return vscode.l10n.t('A report covers a year that has begun, from 2000 on.');
    default:
      return undefined;
  }
}

interface TypeItem extends vscode.QuickPickItem {
  key: string;
}

export function registerNewReport(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('govreport.newReport', newReport));
}

/** Answers given to the command (by a test or a keybinding's args) instead of asking. */
export interface NewReportArgs {
  organ?: string;
  organType?: string;
  year?: number | string;
}

async function newReport(args: NewReportArgs | undefined): Promise<vscode.TextEditor | undefined> {
  const given = answersFrom(args ?? {});
  if (given) return openReport(given.organ, given.organType, given.year);
  const title = vscode.l10n.t('New Annual Report');
  const organ = await vscode.window.showInputBox({
    title: `${title} (1/3)`,
    prompt: vscode.l10n.t('机关: the full name of the reporting organ'),
    placeHolder: vscode.l10n.t('e.g. 吕梁市人民政府办公室'),
    ignoreFocusOut: true,
    validateInput: (v) => problemText(organProblem(v)),
  });
  if (organ === undefined) return undefined;
  const locale = pickLocale(vscode.env.language);
  const types: TypeItem[] = FORMAT_2021.organTypes.map((t) => ({
    key: t.key,
    label: t.key,
    description: vscode.l10n.t('due {0}/{1} of the next year', t.deadline.month, t.deadline.day),
    detail: t.description[locale],
  }));
  const type = await vscode.window.showQuickPick(types, {
    title: `${title} (2/3)`,
    placeHolder: vscode.l10n.t('机关类型: whose report is it?'),
    ignoreFocusOut: true,
  });
  if (!type) return undefined;
  const today = new Date();
  const yearText = await vscode.window.showInputBox({
    title: `${title} (3/3)`,
    prompt: vscode.l10n.t('年度: the year the report covers'),
    value: String(defaultYear(today)),
    ignoreFocusOut: true,
    validateInput: (v) => problemText(yearProblem(v, today)),
  });
  if (yearText === undefined) return undefined;
  return openReport(organ.trim(), type.key, parseYear(yearText)!);
}

function answersFrom(args: NewReportArgs): { organ: string; organType: string; year: number } | undefined {
  const organ = typeof args.organ === 'string' ? args.organ.trim() : '';
  const year = args.year === undefined ? undefined : parseYear(String(args.year));
  const type = FORMAT_2021.organTypes.find((t) => t.key === args.organType);
  if (organProblem(organ) || year === undefined || yearProblem(String(year), new Date()) || !type) return undefined;
  return { organ, organType: type.key, year };
}

async function openReport(organ: string, organType: string, year: number): Promise<vscode.TextEditor> {
  const content = reportSkeleton({ organ, organType, year });
  const doc = await createDocument(content, reportFileName(organ, year));
  const editor = await vscode.window.showTextDocument(doc);
  // Start where the writing starts: on the indented line of the first empty text of 总体情况.
  const first = firstTextToWrite(content);
  if (first !== undefined) {
    const at = doc.positionAt(first);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
  }
  return editor;
}

/**
 * An untitled report. In a workspace it carries a file name there (saving needs no dialog
 * and the name picks the report language); otherwise it is a plain untitled document.
 */
export async function createDocument(content: string, name: string): Promise<vscode.TextDocument> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return vscode.workspace.openTextDocument({ language: 'govreport', content });
  const exists = async (candidate: string) => {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, candidate));
      return true;
    } catch {
      return vscode.workspace.textDocuments.some((d) => d.uri.path === vscode.Uri.joinPath(folder.uri, candidate).path);
    }
  };
  const free = await freeName(name, exists);
  const uri = vscode.Uri.joinPath(folder.uri, free).with({ scheme: 'untitled' });
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), content);
  await vscode.workspace.applyEdit(edit);
  return doc.languageId === 'govreport' ? doc : vscode.languages.setTextDocumentLanguage(doc, 'govreport');
}
