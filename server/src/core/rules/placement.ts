/** Where a missing top-level entry goes: before the next present one in official order. */
import type { Node, Pair } from 'yaml';
import type { Edit, Span } from '../findings';
import { insertLinesAfter, insertLinesBefore } from '../layout';
import type { Report } from '../model';

export function keyStart(pair: Pair): number {
  return (pair.key as Node).range?.[0] ?? 0;
}

export function valueEnd(pair: Pair): number {
  const v = pair.value as Node | null;
  return v?.range?.[1] ?? (pair.key as Node).range?.[1] ?? 0;
}

/** The official position of each top-level entry of the report (metadata first, then the sections). */
export function officialOrder(report: Report): (pair: Pair) => number {
  const meta = report.format.meta.map((m) => m.key);
  const sections = report.format.sections.map((s) => s.key);
  const index = new Map<Pair, number>();
  for (const [key, m] of report.meta) index.set(m.pair, meta.indexOf(key));
  for (const s of report.sections) index.set(s.pair, meta.length + sections.indexOf(s.decl.key));
  return (p) => index.get(p) ?? -1;
}

/** The span to report a missing entry at, and the edit that inserts its lines in official order. */
export function topInsertion(report: Report, index: number, lines: string[]): { span: Span; edit: Edit } {
  const root = report.root;
  if (!root || root.items.length === 0) {
    const eol = report.text.length && !report.text.endsWith('\n') ? '\n' : '';
    return {
      span: { start: 0, end: 0 },
      edit: { start: report.text.length, end: report.text.length, text: eol + lines.join('\n') + '\n' },
    };
  }
  const order = officialOrder(report);
  const next = root.items.find((p) => order(p) > index);
  if (next) {
    const span = (next.key as Node).range!;
    return {
      span: { start: span[0], end: span[1] },
      edit: insertLinesBefore(report.text, span[0], next === root.items[0] ? lines : ['', ...lines].slice(1)),
    };
  }
  const last = root.items[root.items.length - 1];
  const span = (last.key as Node).range!;
  return { span: { start: span[0], end: span[1] }, edit: insertLinesAfter(report.text, valueEnd(last), lines) };
}
