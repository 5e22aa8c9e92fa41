/** What the server tells the client beyond LSP: shared by both sides, so it has no dependencies. */

/**
 * `data` of a diagnostic the server publishes. The status bar counts a report's diagnostics (one
 * message per check): those fix-all mends are marked.
 */
export interface DiagnosticData {
  fixAll?: true;
  /** The finding's place among the check's findings: a code action request finds it without matching them all. */
  i: number;
}

/** What the status bar shows of a report: counted from its diagnostics. */
export interface CheckCounts {
  errors: number;
  warnings: number;
  /** Information and hints. */
  information: number;
  /** Findings that fix-all mends (a fix that needs no judgement). */
  fixable: number;
}

/**
 * The report as printed, rendered by the server from the result its diagnostics come from
 * (with last year's report), so that the preview's marks and the editor's squiggles agree.
 * `preview`: the body for the preview page; `form`: the same body with the addresses of its
 * cells and texts, for the form view; `html`: a standalone page; `docx`: a Word file.
 */
export const RENDER_REQUEST = 'govreport/render';

export interface RenderParams {
  uri: string;
  format: 'preview' | 'form' | 'html' | 'docx';
  /** Findings marked on the printed form. */
  marks: boolean;
}

export interface RenderResult {
  /** The document version rendered. */
  version: number;
  /** The HTML (`preview`, `form`, `html`), or the file's bytes in base64 (`docx`). */
  content: string;
  errors: number;
  warnings: number;
  /** Findings of personal data in the text (`personal-data`): the export warns before publishing them. */
  personalData: number;
}

/**
 * A client command a code action runs after its edit: puts the caret of the document's editor
 * at a position of the text as edited (`[uri, Position]`), where the author is to write.
 */
export const PLACE_CARET_COMMAND = 'govreport.placeCaret';

/**
 * Sent by the client when the carets of a report's editor move: the column-name hints follow
 * them (inlay hints are asked for by range, which says nothing of the caret).
 */
export const CARETS_NOTIFICATION = 'govreport/carets';

export interface CaretsNotification {
  uri: string;
  /** LSP positions (UTF-16), the primary caret first. */
  positions: { line: number; character: number }[];
}

/**
 * Checks every report of the workspace folders (or of the folders given) without opening
 * them: their findings are published as diagnostics, so that the Problems panel lists them
 * and the Explorer marks the files. The reports are checked as one batch (text two organs
 * share), each with its config file and last year's report. With `workDoneToken`, progress
 * is reported on it; the request can be cancelled.
 */
export const CHECK_WORKSPACE_REQUEST = 'govreport/checkWorkspace';

export interface CheckWorkspaceParams {
  /** Folders (URIs) to check; all the workspace folders when absent. */
  folders?: string[];
  workDoneToken?: string | number;
}

export interface CheckWorkspaceResult {
  files: number;
  errors: number;
  warnings: number;
  information: number;
  /** Files that could not be read or are no report (named in the output channel). */
  skipped: number;
  cancelled: boolean;
}

/** A message in both languages, as the core writes them. */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

/**
 * A published report (PDF, web page, Word, text, Markdown) imported by the server, which holds
 * the core's importer and loads the PDF reader when a PDF comes: the client loads neither.
 */
export const IMPORT_REQUEST = 'govreport/import';

export interface ImportParams {
  /** The file's name (its extension helps to tell the form). */
  name: string;
  /** The file's bytes in base64. */
  bytes: string;
}

export type ImportAnswer =
  | {
      ok: true;
      /** The report file. */
      yaml: string;
      /** What the user should check against the source. */
      notices: LocalizedText[];
      /** The source as readable text (a PDF's or a Word file's text as it was read). */
      source: string;
    }
  | { ok: false; message: LocalizedText };
