/** What the server tells the client beyond LSP: shared by both sides, so it has no dependencies. */

/** Sent after each check of a document: its counts and the time the check took. */
export const CHECKED_NOTIFICATION = 'govreport/checked';

export interface CheckedNotification {
  uri: string;
  version: number;
  errors: number;
  warnings: number;
  information: number;
  elapsedMs: number;
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
