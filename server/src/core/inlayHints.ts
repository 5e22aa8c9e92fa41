/**
 * Inline hints: the computed value beside a total that differs from it, and the column
 * names inside rows too long to read by position.
 */
import { isSeq } from 'yaml';
import { formatDec } from './decimal';
import type { Locale, Span } from './findings';
import type { Report } from './model';
import { arithmeticOf } from './tables';

export interface Hint {
  /** The hint sits before the character at this offset. */
  offset: number;
  label: string;
  kind: 'total' | 'column';
  tooltip?: string;
}

/** Rows with at least this many columns get their column names. */
export const LONG_ROW = 5;

export function inlayHints(report: Report, span: Span, locale: Locale): Hint[] {
  const inside = (o: number) => o >= span.start && o <= span.end;
  const hints: Hint[] = [];
  for (const table of report.tables.values()) {
    for (const row of table.rows.values()) {
      // A row written as a mapping names its columns already.
      if (row.decl.columns.length < LONG_ROW || !isSeq(row.node)) continue;
      row.cells.forEach((cell, i) => {
        if (cell && inside(cell.span.start))
          hints.push({ offset: cell.span.start, label: `${row.decl.columns[i].short}:`, kind: 'column' });
      });
    }
    const seen = new Set<string>();
    for (const r of arithmeticOf(table).failures) {
      const cell = r.eq.target.row.cells[r.eq.target.col]!;
      const key = `${r.eq.target.row.path}#${r.eq.target.col}`;
      if (seen.has(key) || !inside(cell.span.end)) continue;
      seen.add(key);
      const value = formatDec(r.expected);
      hints.push({
        offset: cell.span.end,
        label: locale === 'en' ? `expected ${value}` : `应为 ${value}`,
        kind: 'total',
        tooltip:
          locale === 'en'
            ? `The other cells make this ${value}; ${formatDec(r.reported)} is written.`
            : `按其他单元格计算应为 ${value}，填写的是 ${formatDec(r.reported)}。`,
      });
    }
  }
  return hints.sort((a, b) => a.offset - b.offset);
}
