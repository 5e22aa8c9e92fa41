/**
 * "GovReport: Import Published Report…" (also in the Explorer's context menu for published
 * forms): imports one or several published reports (PDF, web page, Word, text, Markdown)
 * with the language server (which holds the importer and the PDF reader) and opens each result
 * as an unsaved report named after its source, so that saving puts it next to it. The source is shown readable beside the result (a page or text
 * decoded from its encoding, a PDF's or a Word file's text as it was read), always in the
 * column beside the results, replacing the previous source rather than opening one column per
 * import.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ImportAnswer, LocalizedText } from '../../server/src/shared/protocol';
import { freeName } from './newReportInput';
import { locale } from './preview/settings';

/** The forms import reads (the Explorer menu offers the command on these). */
export const PUBLISHED_EXTENSIONS = ['pdf', 'html', 'htm', 'shtml', 'txt', 'md', 'markdown', 'docx'];

/** Read-only documents holding the sources as readable text. */
export const SOURCE_SCHEME = 'govreport-source';

class SourceTexts implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** A document for the source `name` with this text (the same name shows the newest text). */
  put(name: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: SOURCE_SCHEME, path: `/${name}` });
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

let output: vscode.OutputChannel | undefined;

/** Imports one file's bytes (the language server's `govreport/import`). */
export type Importer = (name: string, bytes: Uint8Array) => Promise<ImportAnswer>;

type Imported = ImportAnswer & { ok: true };

export function registerImportCommand(context: vscode.ExtensionContext, importer: Importer): void {
  const sources = new SourceTexts();
  context.subscriptions.push(
    sources,
    vscode.workspace.registerTextDocumentContentProvider(SOURCE_SCHEME, sources),
    // From the Explorer: the clicked file and the whole selection; from the palette: nothing (a dialog asks).
    vscode.commands.registerCommand('govreport.importReport', (clicked?: vscode.Uri, selected?: vscode.Uri[]) =>
      importFiles(selected?.length ? selected : clicked ? [clicked] : undefined, sources, importer),
    ),
    { dispose: () => output?.dispose() },
  );
}

/** The report file name for a source: 吕梁-2024.html → 吕梁-2024.report.yaml. */
export function reportNameFor(source: string): string {
  const base = path.posix
    .basename(source)
    .replace(/\.[^.]*$/, '')
    .replace(/\.report$/, '');
  return `${base || 'imported'}.report.yaml`;
}

const t = (x: LocalizedText) => x[locale()];

async function importFiles(
  given: vscode.Uri[] | undefined,
  sources: SourceTexts,
  importer: Importer,
): Promise<vscode.TextEditor[]> {
  const files =
    given ??
    (await vscode.window.showOpenDialog({
      title: vscode.l10n.t('Import Published Report'),
      openLabel: vscode.l10n.t('Import'),
      canSelectMany: true,
      filters: {
        [vscode.l10n.t('Published reports')]: PUBLISHED_EXTENSIONS,
        [vscode.l10n.t('All files')]: ['*'],
      },
    }));
  if (!files?.length) return [];
  const done: { file: vscode.Uri; result: Imported }[] = [];
  const failed: string[] = [];
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing published reports') },
    async (progress) => {
      for (const file of files) {
        const name = path.posix.basename(file.path);
        progress.report({ message: name, increment: 100 / files.length });
        let bytes: Uint8Array;
        try {
          bytes = await vscode.workspace.fs.readFile(file);
        } catch (e) {
          failed.push(`${name}: ${vscode.l10n.t('Cannot read')} (${e instanceof Error ? e.message : String(e)})`);
          continue;
        }
        let result: ImportAnswer;
        try {
          result = await importer(name, bytes);
        } catch (e) {
          failed.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
          continue;
        }
        if (result.ok) done.push({ file, result });
        else failed.push(`${name}: ${t(result.message)}`);
      }
    },
  );
  const editors: vscode.TextEditor[] = [];
  for (const { file, result } of done) {
    const doc = await reportDocument(file, result.yaml);
    editors.push(await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false }));
  }
  // The last source beside the results, in one column that every import reuses.
  const last = done[done.length - 1];
  if (last) {
    const name = path.posix.basename(last.file.path);
    const source = await vscode.workspace.openTextDocument(sources.put(name, last.result.source));
    await vscode.window.showTextDocument(source, {
      viewColumn: vscode.ViewColumn.Two,
      preview: true,
      preserveFocus: true,
    });
  }
  report(done, failed);
  return editors;
}

/** An unsaved report next to the source (a file there when saved), or a plain untitled one. */
async function reportDocument(source: vscode.Uri, content: string): Promise<vscode.TextDocument> {
  if (source.scheme !== 'file') return vscode.workspace.openTextDocument({ language: 'govreport', content });
  const dir = vscode.Uri.joinPath(source, '..');
  const exists = async (candidate: string) => {
    const uri = vscode.Uri.joinPath(dir, candidate);
    if (vscode.workspace.textDocuments.some((d) => d.uri.path === uri.path)) return true;
    try {
      await vscode.workspace.fs.stat(uri);
      return true;
    } catch {
      return false;
    }
  };
  const target = vscode.Uri.joinPath(dir, await freeName(reportNameFor(source.path), exists)).with({
    scheme: 'untitled',
  });
  const doc = await vscode.workspace.openTextDocument(target);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(target, new vscode.Position(0, 0), content);
  await vscode.workspace.applyEdit(edit);
  return doc.languageId === 'govreport' ? doc : vscode.languages.setTextDocumentLanguage(doc, 'govreport');
}

/** The notices of each import in the output channel; one message for the whole run. */
function report(done: { file: vscode.Uri; result: Imported }[], failed: string[]): void {
  const notices = done.reduce((n, d) => n + d.result.notices.length, 0);
  if (notices || failed.length) {
    output ??= vscode.window.createOutputChannel('GovReport Import');
    for (const { file, result } of done) {
      if (!result.notices.length) continue;
      output.appendLine(`${path.posix.basename(file.path)}:`);
      for (const n of result.notices) output.appendLine(`  - ${t(n)}`);
    }
    for (const f of failed) output.appendLine(f);
  }
  const show = vscode.l10n.t('Show');
  const open = (choice: string | undefined) => {
    if (choice === show) output?.show(true);
  };
  if (failed.length && !done.length)
    void vscode.window
      .showErrorMessage(
        failed.length === 1 ? failed[0] : vscode.l10n.t('None of the {0} files could be imported', failed.length),
        show,
      )
      .then(open);
  else if (failed.length)
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t(
          'Imported {0} of {1} files; {2} could not be imported',
          done.length,
          done.length + failed.length,
          failed.length,
        ),
        show,
      )
      .then(open);
  else if (notices)
    void vscode.window
      .showWarningMessage(
        done.length === 1
          ? vscode.l10n.t('Imported {0} with {1} notice(s) to review', path.posix.basename(done[0].file.path), notices)
          : vscode.l10n.t('Imported {0} files with {1} notice(s) to review', done.length, notices),
        show,
      )
      .then(open);
}
