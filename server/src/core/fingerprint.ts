/**
 * Fingerprints of findings that do not change when unrelated lines move, so that a re-check
 * after corrections can tell which findings are the same ones (SARIF `partialFingerprints`).
 * Made of the rule code, the part of the report
 * (`partOf`), the text the finding is on and its message with the figures taken out (a
 * total that is wrong by another amount after an unrelated edit is the same finding); never
 * of line numbers. Findings equal in all of these are numbered in document order.
 */
import { sha256 } from '@noble/hashes/sha256';
import type { Finding } from './findings';
import type { Report } from './model';
import { partOf } from './part';

const FIGURES = /[0-9０-９]+(?:[.,．][0-9０-９]+)*/g;
const SPACE = /\s+/g;

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** One fingerprint per finding, in the findings' order. */
export function fingerprints(report: Report, findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  const encoder = new TextEncoder();
  return findings.map((f) => {
    const text = report.text.slice(f.span.start, f.span.end).replace(SPACE, ' ').trim();
    const message = f.message['zh-CN'].replace(FIGURES, '#');
    const key = [f.code, partOf(report, f.span.start).join('/'), text, message, f.subject ?? ''].join('\u0000');
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return `${hex(sha256(encoder.encode(key))).slice(0, 32)}:${n}`;
  });
}
