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

/** The example with its 总体情况 sub-sections repeated until the file is about `size` characters. */
export function longReport(size: number): string {
  const start = EXAMPLE.indexOf('  主动公开: >-');
  const end = EXAMPLE.indexOf('\n主动公开政府信息情况:');
  const block = EXAMPLE.slice(start, end);
  let extra = '';
  for (let i = 0; EXAMPLE.length + extra.length < size; i++)
    extra += block.replace(/^ {2}(\S+): >-/gm, (_m, k: string) => `  ${k}${i}: >-`) + '\n';
  return EXAMPLE.slice(0, end) + '\n' + extra + EXAMPLE.slice(end);
}
