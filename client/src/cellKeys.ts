/**
 * The YAML editor's keys for the tables, as in a spreadsheet: Tab and Shift+Tab move to the
 * next and previous cell (on to the next row) and select its number, so that typing replaces
 * it; Ctrl+V over a table pastes rows copied from Excel or WPS into its cells. Elsewhere the
 * keys do what they always do.
 *
 * Tab and Shift+Tab are bound in the whole report, and the command looks where the caret is:
 * a context key for "in a row" is set by the extension host only after the caret has moved
 * (a round trip, long in code-server), so a Tab pressed right after the caret was put on a
 * row would still find it unset and indent the line. The command reaches the host after the
 * caret's move, and sees it. Ctrl+V keeps to the rows (`govreport.inTableRow`), so that a
 * paste elsewhere stays the editor's own.
 */
import * as vscode from 'vscode';
import { adjacentCell, cellAt, isSpreadsheet, pasteCells, pickLocale } from '../../server/src/core';
import { reportOf, textEdits } from './reportText';

const CONTEXT_KEY = 'govreport.inTableRow';

export function registerCellKeys(context: vscode.ExtensionContext): void {
  let inRow = false;
  const update = (editor: vscode.TextEditor | undefined): void => {
    const now =
      !!editor &&
      editor.document.languageId === 'govreport' &&
      editor.selections.length === 1 &&
      cellAt(reportOf(editor.document), editor.document.offsetAt(editor.selection.active)) !== undefined;
    if (now !== inRow) {
      inRow = now;
      void vscode.commands.executeCommand('setContext', CONTEXT_KEY, now);
    }
  };
  context.subscriptions.push(
    vscode.window.onDidChangeTextEditorSelection((e) => update(e.textEditor)),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.commands.registerCommand('govreport.nextCell', () => move(1)),
    vscode.commands.registerCommand('govreport.previousCell', () => move(-1)),
    vscode.commands.registerCommand('govreport.pasteCells', paste),
  );
  update(vscode.window.activeTextEditor);
}

/** Selects the next or previous cell; outside a table row, Tab and Shift+Tab as usual. */
async function move(direction: 1 | -1): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const doc = editor?.document;
  const offset = doc && editor.selections.length === 1 ? doc.offsetAt(editor.selection.active) : -1;
  const report = doc && doc.languageId === 'govreport' && offset >= 0 ? reportOf(doc) : undefined;
  if (!editor || !doc || !report || !cellAt(report, offset)) {
    await vscode.commands.executeCommand(direction > 0 ? 'tab' : 'outdent');
    return;
  }
  const target = adjacentCell(report, offset, direction);
  // At the last cell of the last row: stay, rather than write a tab into the row.
  if (!target) return;
  const start = doc.positionAt(target.span.start);
  const end = doc.positionAt(target.span.end);
  const insertAt = target.insert && doc.getText()[target.span.start] === ' ' ? start.translate(0, 1) : start;
  editor.selection = target.insert ? new vscode.Selection(insertAt, insertAt) : new vscode.Selection(start, end);
  editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Pastes spreadsheet rows into the table at the caret: all cells, or none and a message why. */
async function paste(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const clipboard = await vscode.env.clipboard.readText();
  const doc = editor?.document;
  const ordinary = () => vscode.commands.executeCommand('editor.action.clipboardPasteAction');
  if (!editor || !doc || doc.languageId !== 'govreport' || editor.selections.length !== 1 || !isSpreadsheet(clipboard))
    return void (await ordinary());
  const report = reportOf(doc);
  const at = cellAt(report, doc.offsetAt(editor.selection.start));
  if (!at) return void (await ordinary());
  const locale = pickLocale(vscode.env.language);
  const result = pasteCells(report, at, clipboard);
  if (!result.ok) {
    void vscode.window.showWarningMessage(result.reason[locale]);
    return;
  }
  const done = await editor.edit((b) => {
    for (const e of textEdits(doc, result.value.edits)) b.replace(e.range, e.newText);
  });
  if (done)
    vscode.window.setStatusBarMessage(
      vscode.l10n.t('Pasted {0} row(s), {1} cell(s)', result.value.rows, result.value.cells),
      5000,
    );
}
