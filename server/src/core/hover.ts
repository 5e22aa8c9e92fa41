/**
 * What the editor shows on hover, from the format declaration and the report: a cell's row,
 * column and unit (and for a total its formula with the values), a key's official label
 * and what goes there, a date's deadline.
 */
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { formatChinese, formatIso, type SimpleDate } from './dates';
import { eq, formatDec, sub, sum, type Dec } from './decimal';
import type { Locale, Span } from './findings';
import {
  columnByRole,
  declChain,
  itemNumbering,
  leafRows,
  metaKey,
  sectionHeading,
  type ColumnDecl,
  type GroupDecl,
  type IdentityDecl,
  type RowDecl,
  type SectionDecl,
  type TableSectionDecl,
} from './format';
import type { Report, RowModel, TableModel } from './model';
import { reportDates, type NamedDate } from './reportDates';
import { arithmeticOf, rowsAt, type CellRef } from './tables';
import { deadlineFor, type DateOptions } from './deadlines';

export interface HoverInfo {
  span: Span;
  /** Markdown. */
  contents: string;
}

type T = (zh: string, en: string) => string;

const within = (s: Span, offset: number) => offset >= s.start && offset <= s.end;

export function hoverAt(
  report: Report,
  offset: number,
  locale: Locale,
  options: DateOptions = {},
): HoverInfo | undefined {
  const t: T = (zh, en) => (locale === 'en' ? en : zh);
  for (const table of report.tables.values()) {
    for (const row of table.rows.values()) {
      const col = row.cells.findIndex((c) => c && within(c.span, offset));
      if (col >= 0) return { span: row.cells[col]!.span, contents: cellHover(table, row, col, t) };
      if (within(row.keySpan, offset))
        return { span: row.keySpan, contents: itemHover(table, row.decl, row.path, report.format.name, t) };
      const column = columnKeyAt(row, offset);
      if (column) return { span: column.span, contents: columnHover(row.decl.columns[column.index], t) };
    }
    for (const group of table.groups.values()) {
      if (within(group.keySpan, offset))
        return { span: group.keySpan, contents: itemHover(table, group.decl, group.path, report.format.name, t) };
    }
  }
  for (const s of report.sections) {
    if (within(s.keySpan, offset)) return { span: s.keySpan, contents: sectionHover(s.decl, t) };
  }
  for (const block of report.texts) {
    if (block.subKey !== undefined && within(block.keySpan, offset) && block.section?.kind === 'text') {
      const sub = block.section.subsections.find((x) => x.key === block.subDecl);
      const heading = sub ? sub.title || t('（无标题的开头段落）', '(untitled lead paragraph)') : block.title;
      const note = sub
        ? sub.expected
          ? t(
              `${report.format.name}要求在${block.section.title}中逐项说明这一方面。`,
              `${report.format.name} asks ${block.section.title} to cover this topic.`,
            )
          : t('可选。', 'Optional.')
        : t(
            '自定的小节：以键为标题，按文件中的顺序编号打印。',
            'A sub-section of your own: the key is printed as its heading, numbered in file order.',
          );
      return { span: block.keySpan, contents: `**${heading}**  \n${sectionHeading(block.section)}\n\n${note}` };
    }
  }
  for (const [key, m] of report.meta) {
    if (within(m.keySpan, offset)) {
      const required = m.decl.required
        ? t('必填。', 'Required.')
        : m.decl.expected
          ? t('应当填写。', 'Expected.')
          : t('可选。', 'Optional.');
      return { span: m.keySpan, contents: `**${key}**\n\n${m.decl.description[locale]}\n\n${required}` };
    }
  }
  const date = dateAt(report, offset);
  if (date) return { span: date.value.span, contents: dateHover(report, date, options, t) };
  const organType = report.meta.get(metaKey(report.format, 'organType'));
  if (organType && within(organType.span, offset) && organType.span.end > organType.span.start) {
    const type = report.format.organTypes.find((x) => x.key === report.organType);
    if (type) {
      const deadline = deadlineFor(report, options);
      const line = deadline
        ? `\n\n${t(`${report.year} 年度报告的公布期限：${formatChinese(deadline)}`, `Deadline for the ${report.year} report: ${formatIso(deadline)}`)}${customNote(report, options, t)}`
        : '';
      return { span: organType.span, contents: `**${type.key}**\n\n${type.description[locale]}${line}` };
    }
  }
  const year = report.meta.get(metaKey(report.format, 'year'));
  if (year && report.year !== undefined && within(year.span, offset) && year.span.end > year.span.start) {
    const y = report.year;
    const deadline = deadlineFor(report, options);
    const lines = [
      `**${t(`${y} 年度`, `Year ${y}`)}**`,
      t(`统计期限：${y}年1月1日至${y}年12月31日`, `Statistics period: ${y}-01-01 to ${y}-12-31`),
    ];
    if (deadline)
      lines.push(
        t(
          `公布期限：${formatChinese(deadline)}（${report.organType}）`,
          `Deadline: ${formatIso(deadline)} (${report.organType})`,
        ) + customNote(report, options, t),
      );
    return { span: year.span, contents: lines.join('\n\n') };
  }
  return undefined;
}

// ---- tables ----------------------------------------------------------------------

function unitText(column: ColumnDecl, value: string): string {
  return `${value} ${column.unit}`;
}

/** A cell: for a total, its formula first (what was asked), then where it sits and what it holds. */
function cellHover(table: TableModel, row: RowModel, col: number, t: T): string {
  const column = row.decl.columns[col];
  const cell = row.cells[col]!;
  const lines: string[] = [];
  for (const e of arithmeticOf(table).all) {
    if (e.target.row !== row || e.target.col !== col) continue;
    lines.push(formula(table, e.identity, e.left, row, col, t));
  }
  lines.push(`${breadcrumb(table.decl, row.path)} › **${column.short}**`);
  if (column.label !== column.short) lines.push(column.label);
  lines.push(
    cell.value
      ? unitText(column, formatDec(cell.value))
      : t(`不是数字：\`${cell.raw}\``, `not a number: \`${cell.raw}\``),
  );
  return lines.join('\n\n');
}

const isZero = (d: Dec) => eq(d, { units: 0n, scale: 0 });

/**
 * `总计 = 67 + 2 = 69`, solved for the cell, with what was written when it differs. Terms that
 * are 0 are left out and counted, so that the figures that make the total stand out.
 */
function formula(table: TableModel, identity: IdentityDecl, left: CellRef[], row: RowModel, col: number, t: T): string {
  const value = (r: CellRef): Dec => r.row.cells[r.col]!.value!;
  const reported = row.cells[col]!.value!;
  const column = row.decl.columns[col];
  let text: string;
  let computed: Dec;
  let zeros: number;
  if (identity.kind === 'across') {
    const addends = left.map(value);
    computed = sum(addends);
    const shown = addends.filter((d) => !isZero(d));
    zeros = addends.length - shown.length;
    // One term (or none) is the total itself: `总计 = 1`, not `总计 = 1 = 1`.
    const terms = shown.length > 1 ? `${shown.map(formatDec).join(' + ')} = ` : '';
    text = `${column.short} = ${terms}${formatDec(computed)}`;
  } else {
    const targetPath = identity.target;
    const onLeft = identity.left.includes(targetPath);
    const allPlus = (onLeft ? identity.right : identity.left).map((p) => term(table, p, col));
    const allMinus = (onLeft ? identity.left : identity.right)
      .filter((p) => p !== targetPath)
      .map((p) => term(table, p, col));
    computed = sub(sum(allPlus.map((x) => x.value)), sum(allMinus.map((x) => x.value)));
    const plus = allPlus.filter((x) => !isZero(x.value));
    const minus = allMinus.filter((x) => !isZero(x.value));
    zeros = allPlus.length + allMinus.length - plus.length - minus.length;
    const names = (plus.map((x) => x.name).join(' + ') || '0') + minus.map((x) => ` − ${x.name}`).join('');
    const values =
      (plus.map((x) => formatDec(x.value)).join(' + ') || '0') + minus.map((x) => ` − ${formatDec(x.value)}`).join('');
    text = `${column.short}${t('：', ': ')}${itemNumbering(table.decl, targetPath)} = ${names} = ${values} = ${formatDec(computed)}`;
  }
  const note = eq(computed, reported)
    ? ''
    : ` ${t(`≠ 填写的 ${formatDec(reported)}`, `≠ ${formatDec(reported)} as written`)}`;
  const rest = zeros
    ? ` ${t(`（其余 ${zeros} 项为 0）`, `(the other ${zeros} ${zeros === 1 ? 'term is' : 'terms are'} 0)`)}`
    : '';
  return `\`${text}\`${note}${rest}`;
}

/** A row or group of an identity in one column, with the sum of its rows. */
function term(table: TableModel, path: string, col: number): { name: string; value: Dec } {
  const rows = rowsAt(table, path) ?? [];
  return {
    name: itemNumbering(table.decl, path),
    value: sum(rows.map((r) => r.cells[col]?.value ?? { units: 0n, scale: 0 })),
  };
}

function breadcrumb(table: TableSectionDecl, path: string): string {
  return [sectionHeading(table), ...declChain(table, path).map((i) => i.number + i.key)].join(' › ');
}

function itemHover(table: TableModel, decl: RowDecl | GroupDecl, path: string, formatName: string, t: T): string {
  const chain = declChain(table.decl, path);
  const parents = [sectionHeading(table.decl), ...chain.slice(0, -1).map((i) => i.number + i.key)].join(' › ');
  const lines = [`**${decl.number}${decl.label}**  \n${parents}`];
  if (decl.kind === 'group' && !table.rows.has(path)) {
    const items = decl.items.map((i) => `${i.number}${i.key}`).join(t('、', ', '));
    lines.push(t(`由以下各项组成（每项一行）：${items}`, `Made of these items (one row each): ${items}`));
    if (decl.mayBeOneRow)
      lines.push(
        t(
          `写成一行也能读取，但${formatName}要求分项填写。`,
          `Written as one row it is still read, but ${formatName} asks for the items.`,
        ),
      );
    return lines.join('\n\n');
  }
  const columns = decl.columns;
  const names = columns.map((c) => c.short).join(t('、', ', '));
  const unit = [...new Set(columns.map((c) => c.unit))].join('/');
  lines.push(
    t(
      `${columns.length} 列（${unit}）：${names}`,
      `${columns.length} column${columns.length > 1 ? 's' : ''} (${unit}): ${names}`,
    ),
  );
  const total = columnByRole(columns, 'total');
  if (total >= 0 && table.decl.identities.some((i) => i.kind === 'across')) {
    const others = columns.length - 1;
    lines.push(
      t(
        `${columns[total].short} = ${total === others ? `前 ${others} 列` : `其余 ${others} 列`}之和`,
        `${columns[total].short} = the sum of the ${total === others ? 'first' : 'other'} ${others} columns`,
      ),
    );
  }
  lines.push(t('写法：', 'Written as: ') + '`' + `${decl.key}: [${columns.map(() => '0').join(', ')}]` + '`');
  return lines.join('\n\n');
}

function columnKeyAt(row: RowModel, offset: number): { index: number; span: Span } | undefined {
  if (!isMap(row.node)) return undefined;
  for (const p of row.node.items as Pair[]) {
    const r = (p.key as Node | null)?.range;
    if (!r || offset < r[0] || offset > r[1]) continue;
    const written = isScalar(p.key) ? String(p.key.value) : '';
    const index = row.cells.findIndex((c) => c && c.span.start === (p.value as Node | null)?.range?.[0]);
    const byLabel = row.decl.columns.findIndex(
      (c) => c.label === written || c.short === written || c.aliases?.includes(written),
    );
    const i = index >= 0 ? index : byLabel;
    if (i >= 0) return { index: i, span: { start: r[0], end: r[1] } };
  }
  return undefined;
}

function columnHover(column: ColumnDecl, t: T): string {
  const kind =
    column.kind === 'money'
      ? t('金额，可有小数，精确比较', 'an amount, decimals allowed, compared exactly')
      : t('件数，非负整数', 'a count, a whole number ≥ 0');
  return `**${column.label}**\n\n${kind}${t(`（${column.unit}）`, ` (${column.unit})`)}`;
}

function sectionHover(decl: SectionDecl, t: T): string {
  const lines = [`**${sectionHeading(decl)}**`];
  if (decl.kind === 'table') {
    const rows = leafRows(decl);
    const top = decl.items.map((i) => i.number + i.key).join(t('、', ', '));
    lines.push(t(`表格，共 ${rows.length} 行：${top}`, `A table of ${rows.length} rows: ${top}`));
    lines.push(
      t(
        '每行写成一列数字，按官方列序，如 `[0, 0, 0]`。',
        'Each row is a list of numbers in the official column order, e.g. `[0, 0, 0]`.',
      ),
    );
  } else if (decl.subsections.length) {
    const subs = decl.subsections
      .filter((s) => s.title)
      .map((s) => s.key)
      .join(t('、', ', '));
    lines.push(t(`文字部分：一段文字，或按方面分为：${subs}`, `Narrative: one text, or divided into: ${subs}`));
  } else {
    lines.push(t('文字部分：一段文字（多段用 |- 写成块）。', 'Narrative: one text (use |- for several paragraphs).'));
  }
  return lines.join('\n\n');
}

// ---- dates -----------------------------------------------------------------------

function dateAt(report: Report, offset: number): NamedDate | undefined {
  return reportDates(report).find((d) => within(d.value.span, offset));
}

function customNote(report: Report, options: DateOptions, t: T): string {
  return options.deadlines?.[report.organType] ? t('（按设置中的期限）', ' (from the settings)') : '';
}

function dateHover(report: Report, { name, slot, value }: NamedDate, options: DateOptions, t: T): string {
  const parsed = value.parsed;
  const date: SimpleDate | undefined = parsed.ok || parsed.reason === 'malformed' ? parsed.date : undefined;
  const lines = [`**${name}**${date ? ` ${t(formatChinese(date), formatIso(date))}` : ''}`];
  const y = report.year;
  if (y === undefined) return lines.join('\n\n');
  if (slot === 'periodStart' || slot === 'periodEnd') {
    const start = slot === 'periodStart';
    const want = start ? { year: y, month: 1, day: 1 } : { year: y, month: 12, day: 31 };
    lines.push(
      t(
        `${y} 年度报告的统计期限${start ? '始于' : '止于'} ${formatChinese(want)}`,
        `The statistics period of a ${y} report ${start ? 'starts' : 'ends'} on ${formatIso(want)}`,
      ),
    );
    return lines.join('\n\n');
  }
  const deadline = deadlineFor(report, options);
  if (deadline) {
    const custom = !!options.deadlines?.[report.organType];
    lines.push(
      t(
        `公布期限：${formatChinese(deadline)}（${report.organType}，${custom ? '设置中的期限' : '《条例》第四十九条'}）`,
        `Deadline: ${formatIso(deadline)} (${report.organType}, ${custom ? 'from the settings' : 'Regulations art. 49'})`,
      ),
    );
    lines.push(
      t(
        `应晚于 ${y}年12月31日，不晚于 ${formatChinese(deadline)}。`,
        `Must lie after ${y}-12-31 and not after ${formatIso(deadline)}.`,
      ),
    );
  }
  return lines.join('\n\n');
}
