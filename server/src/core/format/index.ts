/** Queries over a format declaration, shared by the parser, the rules and the renderers. */
import { FORMAT_2021 } from './format2021';
import type { FormatDecl, GroupDecl, ItemDecl, RowDecl, SectionDecl, TableSectionDecl, TextSectionDecl } from './types';

export * from './types';
export { FORMAT_2021, TABLE2_CLAUSES, APPLICANT_COLUMNS, REVIEW_COLUMNS } from './format2021';

export function formatById(id: string): FormatDecl | undefined {
  return id === FORMAT_2021.id ? FORMAT_2021 : undefined;
}

export interface LeafRow {
  /** `/`-joined keys from the table down to the row. */
  path: string;
  decl: RowDecl;
  /** The enclosing groups, outermost first. */
  groups: GroupDecl[];
}

const leafCache = new WeakMap<TableSectionDecl, LeafRow[]>();

/** Every row of a table in official order, with its path. */
export function leafRows(table: TableSectionDecl): LeafRow[] {
  let rows = leafCache.get(table);
  if (!rows) {
    rows = [];
    const walk = (items: ItemDecl[], prefix: string, groups: GroupDecl[]): void => {
      for (const item of items) {
        const path = prefix ? `${prefix}/${item.key}` : item.key;
        if (item.kind === 'row') rows!.push({ path, decl: item, groups });
        else walk(item.items, path, [...groups, item]);
      }
    };
    walk(table.items, '', []);
    leafCache.set(table, rows);
  }
  return rows;
}

/** The item (row or group) at a path, or undefined. */
export function itemAt(table: TableSectionDecl, path: string): ItemDecl | undefined {
  let items: ItemDecl[] = table.items;
  let found: ItemDecl | undefined;
  for (const key of path.split('/')) {
    found = items.find((i) => i.key === key);
    if (!found) return undefined;
    items = found.kind === 'group' ? found.items : [];
  }
  return found;
}

export function tableSections(format: FormatDecl): TableSectionDecl[] {
  return format.sections.filter((s): s is TableSectionDecl => s.kind === 'table');
}

export function textSections(format: FormatDecl): TextSectionDecl[] {
  return format.sections.filter((s): s is TextSectionDecl => s.kind === 'text');
}

export function sectionByKey(format: FormatDecl, key: string): SectionDecl | undefined {
  return format.sections.find((s) => s.key === key);
}

/** The heading of a section as printed: `二、主动公开政府信息情况`. */
export function sectionHeading(section: SectionDecl): string {
  return section.number + section.title;
}
