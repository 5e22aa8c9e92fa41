/** Which form an input is in, from its name and its first bytes. */
import type { InputForm } from './blocks';

export type Detected = { ok: true; form: InputForm } | { ok: false; kind: 'doc' | 'binary' };

const EXTENSIONS: Record<string, InputForm> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  shtml: 'html',
  xhtml: 'html',
  docx: 'docx',
  pdf: 'pdf',
};

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** `%PDF` at the start (some writers put a few bytes before it; readers look in the first kilobyte). */
export function isPdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 4 <= head.length; i++)
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46) return true;
  return false;
}

function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 8192);
  if (/^\s*<(?:!doctype\s+html|html|\?xml[^>]*>\s*<html)/i.test(head)) return true;
  const tags = head.match(/<\/?(?:p|div|table|tr|td|th|span|br|body|h[1-6]|section|article|strong|font)\b[^>]*>/gi);
  return (tags?.length ?? 0) >= 3;
}

function looksLikeMarkdown(text: string): boolean {
  const head = text.slice(0, 20000);
  return (
    /^#{1,6}\s+\S/m.test(head) ||
    /^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*\|/m.test(head) ||
    /^\*\*[^*\n]+\*\*\s*$/m.test(head)
  );
}

/**
 * The extension decides, unless the content says otherwise: a `.txt` that is really a saved
 * web page is HTML, and a Word or PDF file is recognised by its signature whatever its name.
 */
export function detectForm(name: string | undefined, bytes: Uint8Array, text: () => string): Detected {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { ok: true, form: 'docx' };
  if (isPdf(bytes)) return { ok: true, form: 'pdf' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return { ok: false, kind: 'doc' };
  const probe = bytes.subarray(0, 4096);
  let nul = 0;
  for (const b of probe) if (b === 0) nul++;
  // UTF-16 text has NULs too; it starts with a byte-order mark.
  if (nul > 0 && !(startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])))
    return { ok: false, kind: 'binary' };
  const ext = /\.([A-Z0-9]+)$/i.exec(name ?? '')?.[1].toLowerCase();
  const byName = ext ? EXTENSIONS[ext] : undefined;
  if (byName === 'docx' || byName === 'pdf') return { ok: false, kind: 'binary' };
  const content = text();
  if (byName === 'html') return { ok: true, form: 'html' };
  if (looksLikeHtml(content)) return { ok: true, form: 'html' };
  if (byName) return { ok: true, form: byName };
  return { ok: true, form: looksLikeMarkdown(content) ? 'markdown' : 'text' };
}
