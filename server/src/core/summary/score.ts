/** A report's score: the full score less the points the config deducts per finding. */
import type { Deduction } from '../config/types';
import type { Finding } from '../findings';

export interface Score {
  full: number;
  deducted: number;
  score: number;
  /** Points deducted for each finding, in the findings' order (0 beyond a rule's maximum). */
  points: number[];
}

/** In hundredths of a point, so that 0.5 and 0.25 add up exactly. */
const hundredths = (n: number) => Math.round(n * 100);

/** Undefined when the config deducts nothing: then there is no score to give. */
export function scoreOf(
  findings: readonly Finding[],
  deductions: Readonly<Record<string, Deduction>>,
  full: number,
): Score | undefined {
  if (!Object.keys(deductions).length) return undefined;
  const byCode = new Map<string, number>();
  let total = 0;
  const points = findings.map((f) => {
    const d = deductions[f.code];
    if (!d) return 0;
    const so = byCode.get(f.code) ?? 0;
    const cap = d.max === undefined ? Infinity : hundredths(d.max);
    const p = Math.max(0, Math.min(hundredths(d.points), cap - so));
    byCode.set(f.code, so + p);
    total += p;
    return p / 100;
  });
  const deducted = total / 100;
  return { full, deducted, score: Math.max(0, hundredths(full) - total) / 100, points };
}
