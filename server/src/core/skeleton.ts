/** YAML text for parts of a report written from the declaration: zeros and empty texts. */
import type { ColumnDecl, FormatDecl, ItemDecl, MetaDecl, SectionDecl, TableSectionDecl } from './format';
import { FORMAT_2021 } from './format';
import { displayWidth, keyValueLine } from './layout';

export function zerosRow(n: number): string {
  return `[${new Array(n).fill('0').join(', ')}]`;
}

/** The lines of an item (a row, or a group with its rows) at an indentation. */
export function itemLines(item: ItemDecl, indent: string, unit: string, column?: number): string[] {
  if (item.kind === 'row') return [keyValueLine(indent, item.key, zerosRow(item.columns.length), column)];
  return [`${indent}${item.key}:`, ...item.items.flatMap((i) => itemLines(i, indent + unit, unit, column))];
}

/**
 * An empty text to write: a `|-` block with its first line already indented, so the author
 * only types (each line a paragraph) and never needs a quote or to count spaces.
 */
export function emptyTextLines(indent: string, key: string, unit: string): string[] {
  return [`${indent}${key}: |-`, indent + unit];
}

/** Where the author starts writing in a new report: the end of the first empty text's indented line. */
export function firstTextToWrite(text: string): number | undefined {
  const m = /: \|-\r?\n +\r?\n/.exec(text);
  return m ? m.index + m[0].length - (m[0].endsWith('\r\n') ? 2 : 1) : undefined;
}

/** The lines of a whole section. */
export function sectionLines(section: SectionDecl, indent: string, unit: string): string[] {
  if (section.kind === 'table') {
    return [`${indent}${section.key}:`, ...section.items.flatMap((i) => itemLines(i, indent + unit, unit))];
  }
  const subs = section.subsections.filter((s) => s.expected);
  if (subs.length)
    return [`${indent}${section.key}:`, ...subs.flatMap((s) => emptyTextLines(indent + unit, s.key, unit))];
  return emptyTextLines(indent, section.key, unit);
}

export interface NewReport {
  organ: string;
  organType: string;
  year: number;
}

/** The customary opening paragraph, citing the regulations, the format and the period. */
export function standardPreface(year: number, format: FormatDecl = FORMAT_2021): string {
  const headings = format.sections.map((s) => s.title).join('、');
  return `本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《关于印发中华人民共和国政府信息公开工作年度报告格式的通知》（${format.name}）的要求编制，全文包括${headings}。本报告中所列数据的统计期限自 ${year} 年 1 月 1 日起至 ${year} 年 12 月 31 日止。`;
}

/**
 * A table's lines as in the published form transcribed by hand: values lined up, and above
 * each run of rows with the same columns a comment naming the columns.
 */
export function tableLines(section: TableSectionDecl, indent: string, unit: string): string[] {
  const heads: number[] = [];
  const measure = (items: ItemDecl[], ind: string): void => {
    for (const i of items) {
      if (i.kind === 'row') heads.push(displayWidth(`${ind}${i.key}:`));
      else measure(i.items, ind + unit);
    }
  };
  measure(section.items, indent + unit);
  // Very long keys do not push every value to the right; they keep one space.
  const column = Math.max(0, ...heads.filter((w) => w <= 40)) + 2;
  const lines = [`${indent}${section.key}:`];
  let columns: ColumnDecl[] | undefined;
  for (const item of section.items) {
    if (item.columns !== columns) {
      columns = item.columns;
      const head = `${indent}${unit}#`;
      lines.push(
        head + ' '.repeat(Math.max(1, column - displayWidth(head))) + `[${columns.map((c) => c.label).join(', ')}]`,
      );
    }
    lines.push(...itemLines(item, indent + unit, unit, column));
  }
  return lines;
}

/** A complete report to start from: every section, table and row, and the right dates. */
export function reportSkeleton(r: NewReport, format: FormatDecl = FORMAT_2021): string {
  const type = format.organTypes.find((t) => t.key === r.organType) ?? format.organTypes[0];
  const y = r.year;
  const deadline = `${y + 1}-${String(type.deadline.month).padStart(2, '0')}-${String(type.deadline.day).padStart(2, '0')}`;
  const metaLine = (m: MetaDecl): string[] => {
    switch (m.role) {
      case 'format':
        return [`${m.key}: ${format.id}`];
      case 'organ':
        return [`${m.key}: ${yamlString(r.organ)}`];
      case 'organType':
        return [`${m.key}: ${type.key}`];
      case 'year':
        return [`${m.key}: ${y}`];
      case 'period':
        return [`${m.key}: {${m.parts?.start[0] ?? 'start'}: ${y}-01-01, ${m.parts?.end[0] ?? 'end'}: ${y}-12-31}`];
      case 'signed':
        return [`${m.key}: ${deadline}`];
      case 'preface':
        return ['', `${m.key}: |-`, `  ${standardPreface(y, format)}`];
      default:
        return [];
    }
  };
  const lines = [
    `# ${r.organ} ${y} 年政府信息公开工作年度报告`,
    '# 表格各行先填 0：按 Tab 键在各格之间移动，输入的数字替换选中的数字。',
    '# 文字写在各标题下留出的缩进空行里，每行一段。也可用“以表单打开”，像填表一样填写。',
  ];
  for (const m of format.meta) lines.push(...metaLine(m));
  for (const s of format.sections) {
    lines.push('', ...(s.kind === 'table' ? tableLines(s, '', '  ') : sectionLines(s, '', '  ')));
  }
  return lines.join('\n') + '\n';
}

/** A scalar as YAML: plain where that reads the same, quoted otherwise. */
export function yamlString(s: string): string {
  return /^[\p{L}\p{N}（）()、·\- ]+$/u.test(s) && !/^[\d-]/.test(s) && s.trim() === s ? s : JSON.stringify(s);
}
