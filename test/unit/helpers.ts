/** Shared test helpers: the example report and small edits of it. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { check, type CheckOptions } from '../../server/src/core/check';
import type { Finding } from '../../server/src/core/findings';

export const ROOT = path.resolve(__dirname, '..', '..');
export const EXAMPLE_PATH = path.join(ROOT, 'examples', 'lvliang-2024.report.yaml');
export const EXAMPLE = readFileSync(EXAMPLE_PATH, 'utf8');

/** The example with `from` replaced by `to`; fails loudly when `from` is not in it. */
export function variant(from: string | RegExp, to: string, base = EXAMPLE): string {
  const out = base.replace(from, to);
  if (out === base) throw new Error(`variant: ${String(from)} not found`);
  return out;
}

export function codes(text: string, options?: CheckOptions): string[] {
  return check(text, options).findings.map((f) => f.code);
}

export function findingsOf(text: string, code: string, options?: CheckOptions): Finding[] {
  return check(text, options).findings.filter((f) => f.code === code);
}

/** The text a finding's span covers. */
export function spanText(text: string, f: Finding): string {
  return text.slice(f.span.start, f.span.end);
}
