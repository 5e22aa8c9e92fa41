/**
 * Exact decimals for table values: counts are integers of any size and 万元 amounts are
 * compared without binary floating point. A value is `units / 10^scale`.
 */
export interface Dec {
  units: bigint;
  scale: number;
}

const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

export const ZERO: Dec = { units: 0n, scale: 0 };

/** Parses a plain decimal literal (`12`, `0.35`, `-3`); anything else is undefined. */
export function parseDec(text: string): Dec | undefined {
  if (!DECIMAL.test(text)) return undefined;
  // Most cells are whole numbers: BigInt reads them, sign included, as they are.
  if (!text.includes('.')) return { units: BigInt(text), scale: 0 };
  const negative = text.startsWith('-');
  const body = text.replace(/^[+-]/, '');
  const [int, frac = ''] = body.split('.');
  const units = BigInt(int + frac);
  return { units: negative ? -units : units, scale: frac.length };
}

export function fromInt(n: number | bigint): Dec {
  return { units: BigInt(n), scale: 0 };
}

function rescale(d: Dec, scale: number): bigint {
  return scale === d.scale ? d.units : d.units * 10n ** BigInt(scale - d.scale);
}

export function add(a: Dec, b: Dec): Dec {
  if (a.scale === b.scale) return { units: a.units + b.units, scale: a.scale };
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

export function sub(a: Dec, b: Dec): Dec {
  return add(a, { units: -b.units, scale: b.scale });
}

export function sum(values: readonly Dec[]): Dec {
  // One object for the result, not one per addend: tables are summed on every keystroke.
  let scale = 0;
  for (const v of values) if (v.scale > scale) scale = v.scale;
  let units = 0n;
  for (const v of values) units += rescale(v, scale);
  return { units, scale };
}

export function cmp(a: Dec, b: Dec): number {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function eq(a: Dec, b: Dec): boolean {
  return cmp(a, b) === 0;
}

export function isInteger(d: Dec): boolean {
  return d.scale === 0 || d.units % 10n ** BigInt(d.scale) === 0n;
}

export function isNegative(d: Dec): boolean {
  return d.units < 0n;
}

/** Canonical text: no trailing fractional zeros (`1.50` → `1.5`, `2.0` → `2`). */
export function formatDec(d: Dec): string {
  const negative = d.units < 0n;
  let digits = (negative ? -d.units : d.units).toString();
  let scale = d.scale;
  while (scale > 0 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    scale--;
  }
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  }
  return (negative ? '-' : '') + digits;
}

/** A JavaScript number when the value is exactly representable, for ratios and display. */
export function toNumber(d: Dec): number {
  return Number(d.units) / 10 ** d.scale;
}

export const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);
