/** Queries over a format declaration, shared by the parser, the rules, the renderers and import. */
import { FORMAT_2021 } from './format2021';
import type {
  ColumnDecl,
  ColumnRole,
  FormatDecl,
  GroupDecl,
  ItemDecl,
  MetaDecl,
  MetaRole,
  RowDecl,
  RowRole,
  SectionDecl,
  SectionRole,
  TableSectionDecl,
  TextSectionDecl,
} from './types';

export * from './types';
export { FORMAT_2021 } from './format2021';

/** The formats a report may name in `格式:`; the first is the default. */
export const FORMATS: readonly FormatDecl[] = [FORMAT_2021];

export function formatById(id: string, formats: readonly FormatDecl[] = FORMATS): FormatDecl | undefined {
  return formats.find((f) => f.id === id);
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
    const out: LeafRow[] = [];
    const walk = (items: ItemDecl[], prefix: string, groups: GroupDecl[]): void => {
      for (const item of items) {
        const path = joinPath(prefix, item.key);
        if (item.kind === 'row') out.push({ path, decl: item, groups });
        else walk(item.items, path, [...groups, item]);
      }
    };
    walk(table.items, '', []);
    leafCache.set(table, (rows = out));
  }
  return rows;
}

export const joinPath = (prefix: string, key: string): string => (prefix ? `${prefix}/${key}` : key);

const itemsCache = new WeakMap<TableSectionDecl, readonly { path: string; decl: ItemDecl }[]>();

/** Every row and group of a table with its path, parents before their items: listed once per declaration. */
export function allItems(table: TableSectionDecl): readonly { path: string; decl: ItemDecl }[] {
  let listed = itemsCache.get(table);
  if (!listed) {
    const out: { path: string; decl: ItemDecl }[] = [];
    const walk = (items: ItemDecl[], prefix: string): void => {
      for (const item of items) {
        const path = joinPath(prefix, item.key);
        out.push({ path, decl: item });
        if (item.kind === 'group') walk(item.items, path);
      }
    };
    walk(table.items, '');
    itemsCache.set(table, (listed = out));
  }
  return listed;
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

export function sectionByRole(format: FormatDecl, role: SectionRole): SectionDecl | undefined {
  return format.sections.find((s) => s.role === role);
}

export function tableByRole(format: FormatDecl, role: SectionRole): TableSectionDecl | undefined {
  const s = sectionByRole(format, role);
  return s?.kind === 'table' ? s : undefined;
}

export function metaByRole(format: FormatDecl, role: MetaRole): MetaDecl | undefined {
  return format.meta.find((m) => m.role === role);
}

/** The key a metadata field is written under (its role's key, or the role itself if undeclared). */
export function metaKey(format: FormatDecl, role: MetaRole): string {
  return metaByRole(format, role)?.key ?? role;
}

/** The path of the row with a role in a table. */
export function rowPathByRole(table: TableSectionDecl, role: RowRole): string | undefined {
  return leafRows(table).find((r) => r.decl.role === role)?.path;
}

/** The index of the column with a role, or -1. */
export function columnByRole(columns: ColumnDecl[], role: ColumnRole): number {
  return columns.findIndex((c) => c.role === role);
}

/** Indices of the columns a group names, in order (those the row has). */
export function groupColumns(columns: ColumnDecl[], labels: string[]): number[] {
  return labels.map((l) => columns.findIndex((c) => c.label === l)).filter((i) => i >= 0);
}

/** The heading of a section as printed: `二、主动公开政府信息情况`. */
export function sectionHeading(section: SectionDecl): string {
  return section.number + section.title;
}

/** `二` for section `二、`: the section's number without its punctuation. */
export function sectionNumeral(section: SectionDecl): string {
  return section.number.replace(/[、.．\s]/g, '');
}

/** The items from the table down to a path, outermost first. */
export function declChain(table: TableSectionDecl, path: string): ItemDecl[] {
  const out: ItemDecl[] = [];
  let items: ItemDecl[] = table.items;
  for (const key of path.split('/')) {
    const item = items.find((i) => i.key === key);
    if (!item) break;
    out.push(item);
    items = item.kind === 'group' ? item.items : [];
  }
  return out;
}

/** The numbering that names a row on the form: 一, 三（七）, （三）; the key where there is none. */
export function itemNumbering(table: TableSectionDecl, path: string): string {
  const chain = declChain(table, path);
  const numbers = chain.map((i) => i.number.replace(/[、.]$/, '')).join('');
  return numbers || chain[chain.length - 1]?.key || path;
}
