/** Structure: required fields, the six sections in order, every row of the tables, topics. */
import type { Node, Pair, YAMLMap } from 'yaml';
import { keyClaim, txt, type Edit, type Finding, type Fix, type Span } from '../findings';
import type { GroupDecl, ItemDecl, SectionDecl } from '../format';
import { alignedValueColumn, indentOf, indentUnit, insertLinesAfter, insertLinesBefore } from '../layout';
import type { Report, TableModel } from '../model';
import { itemLines, sectionLines } from '../skeleton';
import { finding } from './finding';

export function checkStructure(report: Report): Finding[] {
  const out: Finding[] = [];
  checkFields(report, out);
  checkSections(report, out);
  for (const table of report.tables.values()) checkRows(report, table, out);
  checkTopics(report, out);
  return out;
}

function keyStart(pair: Pair): number {
  return (pair.key as Node).range?.[0] ?? 0;
}

function valueEnd(pair: Pair): number {
  const v = pair.value as Node | null;
  return v?.range?.[1] ?? (pair.key as Node).range?.[1] ?? 0;
}

/** Where a top-level key that is missing would go: before the next present key in official order. */
function topInsertion(
  report: Report,
  officialIndex: (pair: Pair) => number,
  index: number,
  lines: string[],
): { span: Span; edit: Edit } {
  const root = report.root;
  if (!root || root.items.length === 0) {
    const eol = report.text.length && !report.text.endsWith('\n') ? '\n' : '';
    return {
      span: { start: 0, end: 0 },
      edit: { start: report.text.length, end: report.text.length, text: eol + lines.join('\n') + '\n' },
    };
  }
  const next = root.items.find((p) => officialIndex(p) > index);
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

function officialOrder(report: Report): (pair: Pair) => number {
  const meta = report.format.meta.map((m) => m.key);
  const sections = report.format.sections.map((s) => s.key);
  const index = new Map<Pair, number>();
  for (const [key, m] of report.meta) index.set(m.pair, meta.indexOf(key));
  for (const s of report.sections) index.set(s.pair, meta.length + sections.indexOf(s.decl.key));
  return (p) => index.get(p) ?? -1;
}

function checkFields(report: Report, out: Finding[]): void {
  const order = officialOrder(report);
  report.format.meta.forEach((m, i) => {
    if (report.meta.has(m.key) || !(m.required || m.expected)) return;
    const { span } = topInsertion(report, order, i, []);
    if (m.required) {
      out.push(
        finding(
          'missing-field',
          span,
          txt(`缺少“${m.key}”：${m.description['zh-CN']}`, `"${m.key}" is missing: ${m.description.en}`),
        ),
      );
    } else {
      const { edit } = topInsertion(report, order, i, [`${m.key}: ""`]);
      const fix: Fix = {
        title: txt(`补上“${m.key}”`, `Add "${m.key}"`),
        edits: [edit],
        safe: true,
        preferred: true,
        writesKey: keyClaim(report.root?.range?.[0] ?? 0, m.key),
      };
      out.push(
        finding(
          'missing-preface',
          span,
          txt(`缺少“${m.key}”：${m.description['zh-CN']}`, `"${m.key}" is missing: ${m.description.en}`),
          { fixes: [fix] },
        ),
      );
    }
  });
}

function checkSections(report: Report, out: Finding[]): void {
  const order = officialOrder(report);
  const metaCount = report.format.meta.length;
  const unit = indentUnit(report.text);
  report.format.sections.forEach((s, i) => {
    if (report.sections.some((e) => e.decl === s)) return;
    const lines = sectionLines(s, '', unit);
    const { span, edit } = topInsertion(
      report,
      order,
      metaCount + i,
      ['', ...lines].slice(report.root?.items.length ? 0 : 1),
    );
    const fix: Fix = {
      title: txt(`补上“${s.number}${s.title}”`, `Add "${s.number}${s.title}"`),
      edits: [edit],
      safe: true,
      preferred: true,
      writesKey: keyClaim(report.root?.range?.[0] ?? 0, s.key),
    };
    out.push(
      finding(
        'missing-section',
        span,
        txt(
          `缺少第${s.number.replace('、', '')}部分“${s.title}”`,
          `section ${s.number.replace('、', '')} "${s.title}" is missing`,
        ),
        { fixes: [fix] },
      ),
    );
  });
  // A section is out of order when one that should follow it comes before it.
  const sections = report.format.sections;
  let highest: SectionDecl | undefined;
  for (const entry of report.sections) {
    const idx = sections.indexOf(entry.decl);
    if (highest && sections.indexOf(highest) > idx) {
      out.push(
        finding(
          'section-order',
          entry.keySpan,
          txt(
            `第${entry.decl.number.replace('、', '')}部分“${entry.decl.title}”应在第${highest.number.replace('、', '')}部分“${highest.title}”之前`,
            `section ${entry.decl.number.replace('、', '')} "${entry.decl.title}" must come before section ${highest.number.replace('、', '')} "${highest.title}"`,
          ),
        ),
      );
    } else highest = entry.decl;
  }
}

/** Missing rows and groups, each reported once at its official position. */
function checkRows(report: Report, table: TableModel, out: Finding[]): void {
  const section = report.sections.find((s) => s.decl === table.decl)!;
  const unit = indentUnit(report.text);
  if (!table.node || table.node.items.length === 0) {
    const indent = indentOf(report.text, section.keySpan.start) + unit;
    const lines = table.decl.items.flatMap((i) => itemLines(i, indent, unit));
    const fixes: Fix[] = [];
    if (!table.node) {
      const v = section.pair.value as Node | null;
      const empty = !v || (v.range && v.range[0] === v.range[1]);
      if (empty) {
        const at = valueEnd(section.pair);
        const lineEnd = report.text.indexOf('\n', at);
        const edit = insertLinesAfter(report.text, lineEnd < 0 ? report.text.length : lineEnd, lines);
        fixes.push({
          title: txt('填入全部表格行（均为 0）', 'Fill in every row (zeros)'),
          edits: [edit],
          safe: true,
          preferred: true,
        });
      }
    }
    out.push(
      finding(
        'missing-row',
        section.keySpan,
        txt(`“${table.decl.title}”表格没有任何行`, `the table "${table.decl.title}" has no rows`),
        { fixes },
      ),
    );
    return;
  }
  const walk = (items: ItemDecl[], prefix: string, map: YAMLMap, parentKeySpan: Span): void => {
    items.forEach((item, i) => {
      const path = prefix ? `${prefix}/${item.key}` : item.key;
      // A misspelt key stands for it: the unknown-key finding names the label.
      if (table.rows.has(path) || table.misspelled.has(path)) return;
      const group = table.groups.get(path);
      if (group) {
        if (group.node) walk((item as GroupDecl).items, path, group.node, group.keySpan);
        return;
      }
      const placement = placeItem(report, table, items, i, prefix, map, unit);
      const kind = item.kind === 'group' ? txt('分组', 'group') : txt('行', 'row');
      const label = `${item.number}${item.key}`;
      const fix: Fix = {
        title: txt(`补上“${item.key}”（填 0）`, `Add "${item.key}" (zeros)`),
        edits: [placement.edit],
        safe: true,
        preferred: true,
        writesKey: keyClaim(map.range?.[0] ?? 0, item.key),
      };
      out.push(
        finding(
          'missing-row',
          placement.span ?? parentKeySpan,
          txt(
            `“${table.decl.title}”缺少${kind['zh-CN']}“${label}”`,
            `the table "${table.decl.title}" lacks the ${kind.en} "${label}"`,
          ),
          { fixes: [fix], subject: `${table.decl.key}/${path}` },
        ),
      );
    });
  };
  walk(table.decl.items, '', table.node, section.keySpan);
}

/** Where a missing item goes in its parent mapping, and the lines that make it. */
function placeItem(
  report: Report,
  table: TableModel,
  siblings: ItemDecl[],
  index: number,
  prefix: string,
  map: YAMLMap,
  unit: string,
): { span?: Span; edit: Edit } {
  const text = report.text;
  const present = map.items.filter((p) => p.key && (p.key as Node).range);
  const pathOf = (item: ItemDecl) => (prefix ? `${prefix}/${item.key}` : item.key);
  const pairOf = (item: ItemDecl): Pair | undefined =>
    table.rows.get(pathOf(item))?.pair ?? table.groups.get(pathOf(item))?.pair;
  const ref = present[0];
  const indent = ref ? indentOf(text, keyStart(ref)) : '';
  const column = present.map((p) => alignedValueColumn(text, p)).find((c) => c !== undefined);
  const lines = itemLines(siblings[index], indent, unit, column);
  const item = siblings[index];
  for (const next of siblings.slice(index + 1)) {
    const pair = pairOf(next);
    if (pair) {
      const span = (pair.key as Node).range!;
      // A header comment above rows of the same columns describes the new row too.
      const sameColumns = item.kind === 'row' && next.kind === 'row' && item.columns === next.columns;
      return { span: { start: span[0], end: span[1] }, edit: insertLinesBefore(text, span[0], lines, sameColumns) };
    }
  }
  for (const prev of siblings.slice(0, index).reverse()) {
    const pair = pairOf(prev);
    if (pair) {
      const span = (pair.key as Node).range!;
      return { span: { start: span[0], end: span[1] }, edit: insertLinesAfter(text, valueEnd(pair), lines) };
    }
  }
  const last = present[present.length - 1];
  return { edit: insertLinesAfter(text, last ? valueEnd(last) : (map.range?.[1] ?? 0), lines) };
}

function checkTopics(report: Report, out: Finding[]): void {
  const overview = report.sections.find((s) => s.decl.kind === 'text' && s.decl.subsections.some((x) => x.expected));
  if (overview && overview.decl.kind === 'text') {
    const blocks = report.texts.filter((t) => t.section === overview.decl);
    const isMapping = blocks.some((b) => b.subKey !== undefined);
    const expected = overview.decl.subsections.filter((s) => s.expected);
    const all = overview.decl.subsections;
    // Only a section written as one text is searched for the topics' words.
    const text = isMapping ? '' : blocks.map((b) => b.text).join('\n');
    for (const sub of expected) {
      const covered = isMapping
        ? blocks.some((b) => b.subDecl === sub.key)
        : [sub.key, sub.title, ...(sub.aliases ?? [])].some((k) => text.includes(k));
      if (covered) continue;
      const fixes: Fix[] = [];
      const map = overview.pair.value as YAMLMap;
      if (isMapping && !map.flow) {
        const idx = all.indexOf(sub);
        const next = blocks.find((b) => b.subDecl && all.findIndex((s) => s.key === b.subDecl) > idx);
        const indent = indentOf(report.text, blocks[0].keySpan.start);
        const line = `${indent}${sub.key}: ""`;
        const edit = next
          ? insertLinesBefore(report.text, next.keySpan.start, [line])
          : insertLinesAfter(report.text, valueEnd(overview.pair), [line]);
        fixes.push({
          title: txt(`补上“${sub.key}”小节`, `Add the "${sub.key}" sub-section`),
          edits: [edit],
          safe: true,
          preferred: true,
          writesKey: keyClaim(map.range?.[0] ?? 0, sub.key),
        });
      }
      out.push(
        finding(
          'missing-subsection',
          overview.keySpan,
          txt(
            `“总体情况”没有写“${sub.title}”方面的情况（国办公开办函〔2021〕30号要求逐项说明）`,
            `"总体情况" does not cover "${sub.title}" (the 2021 format asks for each topic)`,
          ),
          { fixes },
        ),
      );
    }
  }
  const five = report.format.sections.find((s) => s.number === '五、');
  const fiveBlocks = report.texts.filter((t) => t.section === five);
  if (five && report.sections.some((s) => s.decl === five)) {
    const content = fiveBlocks
      .map((b) => b.text)
      .join('')
      .replace(/[\s。.，,；;！!]/g, '');
    if (content.length < 8 || /^(?:无|暂无|没有|无问题)$/.test(content)) {
      const entry = report.sections.find((s) => s.decl === five)!;
      out.push(
        finding(
          'section-five-empty',
          fiveBlocks[0]?.node ? fiveBlocks[0].span : entry.keySpan,
          txt(
            '“存在的主要问题及改进情况”应写明实际存在的问题和改进措施，不能只写“无”',
            '"存在的主要问题及改进情况" must name the real problems and improvements, not just "无"',
          ),
        ),
      );
    }
  }
  const six = report.format.sections.find((s) => s.number === '六、');
  const sixEntry = report.sections.find((s) => s.decl === six);
  if (sixEntry) {
    const content = report.texts
      .filter((t) => t.section === six)
      .map((b) => b.text)
      .join('');
    if (!/处理费|收费|收取.{0,12}费/.test(content)) {
      out.push(
        finding(
          'fee-not-stated',
          sixEntry.keySpan,
          txt(
            '“其他需要报告的事项”应说明是否收取政府信息公开信息处理费（国办函〔2020〕109号）',
            '"其他需要报告的事项" should state whether information processing fees were charged (国办函〔2020〕109号)',
          ),
        ),
      );
    }
  }
  const rulesRow = [...report.tables.values()].map((t) => t.rows.get('规章')).find((r) => r !== undefined);
  if (
    report.organType === report.format.defaultOrganType &&
    rulesRow?.cells.some((c) => c?.value && c.value.units !== 0n)
  ) {
    out.push(
      finding(
        'rules-by-department',
        rulesRow.keySpan,
        txt(
          '规章只能由省级和设区的市人民政府制定；部门报告的规章件数通常为 0，请核实',
          'only provincial and 设区的市 governments make 规章; a department usually reports 0 — please verify',
        ),
      ),
    );
  }
}
