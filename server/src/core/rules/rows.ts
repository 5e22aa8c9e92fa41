/** Every row and group of tables 二, 三 and 四, each reported once at its official position. */
import type { Node, Pair, YAMLMap } from 'yaml';
import { finding } from '../codes';
import { keyClaim, txt, type Edit, type Finding, type Fix, type Span } from '../findings';
import { joinPath, leafRows, type GroupDecl, type ItemDecl } from '../format';
import { alignedValueColumn, indentOf, indentUnit, insertLinesAfter, insertLinesBefore } from '../layout';
import type { Report, TableModel } from '../model';
import { defineRule } from '../rule';
import { itemLines } from '../skeleton';
import { partUnseen } from '../unseen';
import { keyStart, valueEnd } from './placement';

function checkRows(report: Report, table: TableModel, out: Finding[]): void {
  const section = report.sections.find((s) => s.decl === table.decl)!;
  const unit = indentUnit(report.text);
  // Rows by their place in the declaration: one after the last the source showed may just not be shown.
  const leaves = leafRows(table.decl).map((l) => l.path);
  const place = (path: string) => leaves.findIndex((l) => l === path || l.startsWith(`${path}/`));
  const shown = [...table.rows.keys(), ...table.misspelled].map(place);
  const unseen = (path: string) => partUnseen(report, table.decl, place(path), shown);
  if (!table.node || table.node.items.length === 0) {
    if (unseen(leaves[0])) return;
    const indent = indentOf(report.text, section.keySpan.start) + unit;
    const lines = table.decl.items.flatMap((i) => itemLines(i, indent, unit));
    const fixes: Fix[] = [];
    const v = section.pair.value as Node | null;
    if (!table.node && (!v || (v.range && v.range[0] === v.range[1]))) {
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
    out.push(
      finding(
        'missing-row',
        section.keySpan,
        txt(`“${table.decl.title}”表格没有任何行`, `the table "${table.decl.title}" has no rows`),
        {
          fixes,
        },
      ),
    );
    return;
  }
  const walk = (items: ItemDecl[], prefix: string, map: YAMLMap, parentKeySpan: Span): void => {
    items.forEach((item, i) => {
      const path = joinPath(prefix, item.key);
      // A misspelt key stands for it: the unknown-key finding names the label.
      if (table.rows.has(path) || table.misspelled.has(path)) return;
      const group = table.groups.get(path);
      if (group) {
        if (group.node) walk((item as GroupDecl).items, path, group.node, group.keySpan);
        return;
      }
      if (unseen(path)) return;
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
  const pairOf = (item: ItemDecl): Pair | undefined =>
    table.rows.get(joinPath(prefix, item.key))?.pair ?? table.groups.get(joinPath(prefix, item.key))?.pair;
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

export const rowsRule = defineRule({
  id: 'rows',
  group: 'structure',
  codes: ['missing-row'],
  check({ report }) {
    const out: Finding[] = [];
    for (const table of report.tables.values()) checkRows(report, table, out);
    return out;
  },
  docs: {
    'missing-row': {
      about: txt(
        '表格二、三、四缺少某一行或某一组行。修复会按相邻行的写法在规定位置补上，填 0。',
        'A row or a group of rows of table 二, 三 or 四 is missing. The fix inserts it in its official position, with zeros, in the style of its neighbours.',
      ),
      wrong: {
        edits: [{ replace: '  行政许可:       [320]\n', with: '' }],
        shown: txt('表格二没有 `行政许可`', 'table 二 without `行政许可`'),
      },
      right: { edits: [{ replace: '  行政许可:       [320]', with: '  行政许可:       [320]' }] },
    },
  },
});
