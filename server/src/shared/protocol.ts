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
