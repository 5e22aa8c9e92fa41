/** YAML text for parts of a report written from the declaration: zeros and empty texts. */
import type { FormatDecl, ItemDecl, MetaDecl, SectionDecl } from './format';
import { FORMAT_2021 } from './format';
import { keyValueLine } from './layout';

export function zerosRow(n: number): string {
  return `[${new Array(n).fill('0').join(', ')}]`;
}

/** The lines of an item (a row, or a group with its rows) at an indentation. */
export function itemLines(item: ItemDecl, indent: string, unit: string, column?: number): string[] {
  if (item.kind === 'row') return [keyValueLine(indent, item.key, zerosRow(item.columns.length), column)];
  return [`${indent}${item.key}:`, ...item.items.flatMap((i) => itemLines(i, indent + unit, unit, column))];
}

/** The lines of a whole section. */
export function sectionLines(section: SectionDecl, indent: string, unit: string): string[] {
  if (section.kind === 'table') {
    return [`${indent}${section.key}:`, ...section.items.flatMap((i) => itemLines(i, indent + unit, unit))];
  }
  const subs = section.subsections.filter((s) => s.expected);
  if (subs.length) return [`${indent}${section.key}:`, ...subs.map((s) => `${indent}${unit}${s.key}: ""`)];
  return [`${indent}${section.key}: ""`];
}

export interface NewReport {
  organ: string;
  organType: string;
  year: number;
}

/** A complete report to start from: every section, table and row, and the right dates. */
export function reportSkeleton(r: NewReport, format: FormatDecl = FORMAT_2021): string {
  const type = format.organTypes.find((t) => t.key === r.organType) ?? format.organTypes[0];
  const y = r.year;
  const deadline = `${y + 1}-${String(type.deadline.month).padStart(2, '0')}-${String(type.deadline.day).padStart(2, '0')}`;
  const yamlString = (s: string) => (/^[\p{L}\p{N}（）()、·\- ]+$/u.test(s) && !/^[\d-]/.test(s) ? s : JSON.stringify(s));
  const metaLine = (m: MetaDecl): string | undefined => {
    switch (m.key) {
      case '格式':
        return `格式: ${format.id}`;
      case '机关':
        return `机关: ${yamlString(r.organ)}`;
      case '机关类型':
        return `机关类型: ${type.key}`;
      case '年度':
        return `年度: ${y}`;
      case '统计期限':
        return `统计期限: {起: ${y}-01-01, 止: ${y}-12-31}`;
      case '落款日期':
        return `落款日期: ${deadline}`;
      case '前言':
        return `前言: ""`;
      default:
        return undefined;
    }
  };
  const lines = [`# ${r.organ} ${y} 年政府信息公开工作年度报告`];
  for (const m of format.meta) {
    const line = metaLine(m);
    if (line) lines.push(line);
  }
  for (const s of format.sections) {
    lines.push('', ...sectionLines(s, '', '  '));
  }
  return lines.join('\n') + '\n';
}
