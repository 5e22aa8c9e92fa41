/**
 * Escaping for everything the renderer takes from a report. Report text only ever becomes
 * element content or a double-quoted attribute value, never a tag, attribute name, URL or
 * style, so escaping these five characters is enough to keep it inert.
 */

const SPECIAL = /[&<>"']/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters that are invisible but change what a reader sees: C0/C1 controls (other than
 * tab and line breaks) and the bidirectional embeddings, overrides and isolates that can
 * make text display in another order than it is written; and those XML 1.0 does not allow
 * at all (U+FFFE, U+FFFF, a surrogate without its pair), which make Word call a document corrupt.
 */
const HIDDEN =
  /[\u0000-\u0008\v\f\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Makes hidden characters visible as `U+XXXX` so the preview shows what the file holds (and the Word export can hold it). */
export function revealHidden(text: string): string {
  return text.replace(HIDDEN, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}

/** Text for element content or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return revealHidden(text).replace(SPECIAL, (c) => ENTITY[c]);
}
