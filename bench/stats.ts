/** Medians, 95th percentiles and the printed table. */

export function quantile(samples: number[], q: number): number {
  if (!samples.length) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  // Nearest rank: a value that was measured, never an interpolation between two.
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

export const median = (s: number[]) => quantile(s, 0.5);
export const p95 = (s: number[]) => quantile(s, 0.95);

export function ms(v: number): string {
  if (!Number.isFinite(v)) return '–';
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

export function mb(bytes: number | undefined): string {
  return bytes === undefined ? '–' : (bytes / 1024 / 1024).toFixed(1);
}

/** A table with columns padded to their widest cell (CJK characters count double). */
export function table(header: string[], rows: string[][]): string {
  const width = (s: string) => [...s].reduce((w, c) => w + (/[\u2e80-\uffef]/.test(c) ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c + ' '.repeat(widths[i] - width(c)) : ' '.repeat(widths[i] - width(c)) + c))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
