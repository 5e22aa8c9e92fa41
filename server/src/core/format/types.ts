/** Shapes of a national format declaration. The 2021 format is one value of these types. */

export type ValueKind = 'count' | 'money';

export interface ColumnDecl {
  /** Official column label, used as the key when a row is written as a mapping. */
  label: string;
  /** Short name for messages and hover. */
  short: string;
  kind: ValueKind;
  unit: string;
  aliases?: string[];
}

export interface RowDecl {
  kind: 'row';
  /** Key in the file: the official label without numbering or notes. */
  key: string;
  /** Numbering as printed on the form, e.g. `一、` `（一）` `1.`. */
  number: string;
  /** The full label printed on the form (may carry a note). */
  label: string;
  columns: ColumnDecl[];
  aliases?: string[];
}

export interface GroupDecl {
  kind: 'group';
  key: string;
  number: string;
  label: string;
  items: ItemDecl[];
  /** Published layouts sometimes print this group as a single row. */
  mayBeOneRow: boolean;
  /** Columns of the group when given as one row (those of its rows). */
  columns: ColumnDecl[];
  aliases?: string[];
}

export type ItemDecl = RowDecl | GroupDecl;

/** An identity between cells of one table; every arithmetic rule is derived from these. */
export type IdentityDecl =
  | {
      /** Within each listed row: cell `total` = sum of cells `addends` (column indices). */
      kind: 'across';
      code: string;
      rows: string[];
      total: number;
      addends: number[];
    }
  | {
      /** Per column: sum of rows `left` = sum of rows `right`; the finding sits on `target`. */
      kind: 'down';
      code: string;
      left: string[];
      right: string[];
      target: string;
    };

export interface TableSectionDecl {
  kind: 'table';
  key: string;
  number: string;
  title: string;
  items: ItemDecl[];
  identities: IdentityDecl[];
  aliases?: string[];
}

export interface SubsectionDecl {
  key: string;
  title: string;
  expected: boolean;
  aliases?: string[];
}

export interface TextSectionDecl {
  kind: 'text';
  key: string;
  number: string;
  title: string;
  /** Sub-section keys allowed when the section is a mapping. */
  subsections: SubsectionDecl[];
  /** Only the listed sub-sections are allowed (otherwise any key is a titled sub-section). */
  closedSubsections: boolean;
  aliases?: string[];
}

export type SectionDecl = TableSectionDecl | TextSectionDecl;

export type MetaType = 'format' | 'string' | 'organType' | 'year' | 'period' | 'date' | 'text' | 'labels';

export interface MetaDecl {
  key: string;
  type: MetaType;
  required: boolean;
  /** Expected but not required: its absence is a warning. */
  expected?: boolean;
  description: { 'zh-CN': string; en: string };
  aliases?: string[];
}

export interface OrganTypeDecl {
  key: string;
  /** Statutory deadline for publishing the report on year Y: month and day of year Y+1. */
  deadline: { month: number; day: number };
  description: { 'zh-CN': string; en: string };
}

export interface FormatDecl {
  id: string;
  name: string;
  meta: MetaDecl[];
  sections: SectionDecl[];
  organTypes: OrganTypeDecl[];
  defaultOrganType: string;
  /** Labels of an older format that must not appear (key or text). */
  legacyLabels: string[];
  /** Document numbers of older formats that a report must not cite. */
  legacyCitations: string[];
  /**
   * The key of the text a published report prints under a table's heading, kept in the
   * table's mapping (read and checked as narrative, printed above the table).
   */
  tableNote: string;
}
