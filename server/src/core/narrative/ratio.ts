/** Percentages as the author writes them: exact ratios rounded to the decimals written. */
import type { Dec } from '../decimal';

function common(a: Dec, b: Dec): [bigint, bigint] {
  const k = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(k - a.scale), b.units * 10n ** BigInt(k - b.scale)];
}

/** 100·a/b rounded half up to `decimals`, as units of 10^-decimals; undefined when b is 0. */
export function percentUnits(a: Dec, b: Dec, decimals: number): bigint | undefined {
  const [x, y] = common(a, b);
  if (y === 0n) return undefined;
  const num = x * 100n * 10n ** BigInt(decimals);
  const neg = num < 0n !== y < 0n;
  const n = num < 0n ? -num : num;
  const d = y < 0n ? -y : y;
  const q = (2n * n + d) / (2n * d);
  return neg ? -q : q;
}

/** 100·a/b cut off (not rounded) at `decimals`. */
export function truncatedPercentUnits(a: Dec, b: Dec, decimals: number): bigint | undefined {
  const [x, y] = common(a, b);
  if (y === 0n) return undefined;
  return (x * 100n * 10n ** BigInt(decimals)) / y;
}

/**
 * Whether a stated percentage is the ratio rounded to its decimals (either way at an exact half),
 * or, for a part short of its whole that would round to 100%, cut off below it (2818 of 2819 is
 * 99.9%, not 100.0%: the whole was not reached).
 */
export function percentHolds(stated: Dec, a: Dec, b: Dec): boolean {
  const [x, y] = common(a, b);
  if (y === 0n) return false;
  const whole = 100n * 10n ** BigInt(stated.scale);
  if (y > 0n && x >= 0n && x < y && stated.units < whole && percentUnits(a, b, stated.scale) === whole)
    return percentTruncates(stated, a, b);
  const d = stated.scale;
  const diff = x * 100n * 10n ** BigInt(d) - stated.units * y;
  const abs = diff < 0n ? -diff : diff;
  return 2n * abs <= (y < 0n ? -y : y);
}

export function percentTruncates(stated: Dec, a: Dec, b: Dec): boolean {
  return truncatedPercentUnits(a, b, stated.scale) === stated.units;
}

/** Units of 10^-decimals as text: 833n, 1 → "83.3". */
export function unitsText(units: bigint, decimals: number): string {
  const neg = units < 0n;
  let s = (neg ? -units : units).toString();
  if (decimals > 0) {
    s = s.padStart(decimals + 1, '0');
    s = `${s.slice(0, -decimals)}.${s.slice(-decimals)}`;
  }
  return (neg ? '-' : '') + s;
}
