/**
 * Shapes of a national format declaration. The 2021 format is one value of these types;
 * everything the code knows about the form (keys, labels, columns, identities, the words of
 * the narrative, the printed layout) is read from such a value.
 */
import type { RuleCode } from '../codes';
import type { Text } from '../findings';

export type ValueKind = 'count' | 'money';

/** What a column stands for, where a check needs to know it. */
export type ColumnRole =
  /** The sum of the row's other columns. */
  | 'total'
  /** Table 二's document columns: made this year, repealed this year, in force at its end. */
  | 'issued'
  | 'repealed'
  | 'inForce';

export interface ColumnDecl {
  /** Official column label, used as the key when a row is written as a mapping. */
  label: string;
  /** Short name for messages and hover. */
  short: string;
  kind: ValueKind;
  unit: string;
  role?: ColumnRole;
  /** How prose names it (a regular expression source), for the narrative checks. */
  words?: string;
  aliases?: string[];
}

/**
 * Columns named together: printed under one merged header (申请人情况), or counted as one in
 * prose (法人或其他组织 = the five kinds of organisation).
 */
export interface ColumnGroupDecl {
  label: string;
  /** Labels of its columns, in order. */
  columns: string[];
  /** Drawn as a merged header over its columns on the printed form. */
  printed: boolean;
  /** How prose names the group (a regular expression source). */
  words?: string;
}

/**
 * What a row means in the flow of requests (table 三), or for a rule that needs one row:
 * `new` 本年新收, `carried` 上年结转, `resultsTotal` 办理结果总计, `nextYear` 结转下年度,
 * `rules` 规章 (which only some governments can make).
 */
export type RowRole = 'new' | 'carried' | 'resultsTotal' | 'nextYear' | 'rules';

interface ItemBase {
  /** Key in the file: the official label without numbering or notes. */
  key: string;
  /** Numbering as printed on the form, e.g. `一、` `（一）` `1.`. */
  number: string;
  /** The full label printed on the form (may carry a note). */
  label: string;
  /** The columns of the row (of a group: of its rows), one array shared by the rows that have them. */
  columns: ColumnDecl[];
  /** How prose names the row or group (a regular expression source), for the narrative checks. */
  words?: string;
  role?: RowRole;
  aliases?: string[];
}

export interface RowDecl extends ItemBase {
  kind: 'row';
}

export interface GroupDecl extends ItemBase {
  kind: 'group';
  items: ItemDecl[];
  /** Published layouts sometimes print this group as a single row (its columns are then those of its rows). */
  mayBeOneRow: boolean;
}

export type ItemDecl = RowDecl | GroupDecl;

/** An identity between cells of one table; every arithmetic rule is derived from these. */
export type IdentityDecl =
  | {
      /** Within each listed row (`*`: every row): the `total` column = the sum of the others. */
      kind: 'across';
      code: RuleCode;
      rows: string[];
    }
  | {
      /** Per column: sum of rows `left` = sum of rows `right`; the finding sits on `target`. */
      kind: 'down';
      code: RuleCode;
      left: string[];
      right: string[];
      target: string;
      /** What each side counts, in the words of the form, for messages. */
      sides: { left: Text; right: Text };
    };

/** One term of an identity across years: a cell of this year's or last year's table. */
export interface YearTerm {
  year: 'this' | 'previous';
  /** The row; the identity's row when absent. */
  row?: string;
  /** The column by role; the identity's column when absent. */
  column?: ColumnRole;
  sign: 1 | -1;
}

/**
 * An identity between this year's report and last year's report of the same organ: in each
 * listed row, the cell in `column` (every column when absent) = the sum of the terms.
 */
export interface YearIdentityDecl {
  code: RuleCode;
  rows: string[];
  column?: ColumnRole;
  terms: YearTerm[];
  /** Added to the message: what may legitimately break it. */
  note?: Text;
}

/** How the printed form draws a table, beyond its rows and columns. */
export type PrintedLayout =
  /** Rows under headings of the law's clauses, each block with its own column headers (table 二). */
  | { kind: 'clauses'; clauses: { clause: string; rows: string[] }[]; rowHead: string }
  /** One line per row, groups as merged label cells on the left (table 三). */
  | { kind: 'rows' }
  /** Each row is a block of columns, all numbers on one line (table 四). */
  | { kind: 'columns' };

/** What a section is for, where a check needs to know it. */
export type SectionRole =
  /** 一、总体情况: topics expected in it. */
  | 'overview'
  /** 二、三、四: the tables. */
  | 'documents'
  | 'requests'
  | 'reviews'
  /** 五、存在的主要问题及改进情况: real problems, plans for next year. */
  | 'problems'
  /** 六、其他需要报告的事项: whether fees were charged. */
  | 'otherMatters';

export interface TableSectionDecl {
  kind: 'table';
  key: string;
  number: string;
  title: string;
  role: SectionRole;
  items: ItemDecl[];
  /** Columns printed or named together (they apply to the rows that have them). */
  columnGroups: ColumnGroupDecl[];
  identities: IdentityDecl[];
  /** Identities with last year's report (checked when it is known). */
  yearIdentities: YearIdentityDecl[];
  printed: PrintedLayout;
  /** A sentence must be about this topic (a regular expression source) for its figures to be read as this table's. */
  proseTopic?: string;
  aliases?: string[];
}

export interface SubsectionDecl {
  key: string;
  title: string;
  expected: boolean;
  /** How prose speaks of the topic (a regular expression source), to find it under another heading. */
  words?: string;
  aliases?: string[];
}

export interface TextSectionDecl {
  kind: 'text';
  key: string;
  number: string;
  title: string;
  role: SectionRole;
  /** Sub-section keys allowed when the section is a mapping. */
  subsections: SubsectionDecl[];
  /** Only the listed sub-sections are allowed (otherwise any key is a titled sub-section). */
  closedSubsections: boolean;
  aliases?: string[];
}

export type SectionDecl = TableSectionDecl | TextSectionDecl;

/** What a metadata field is; its value's type follows from it. */
export type MetaRole =
  | 'format'
  | 'organ'
  | 'organType'
  | 'year'
  | 'period'
  | 'signed'
  | 'published'
  | 'preface'
  /** Labels the published report misprinted: {as printed: official label} (written by import). */
  | 'misprints'
  /** The parts of the published report its source did not show (written by import). */
  | 'incomplete';

export interface MetaDecl {
  key: string;
  role: MetaRole;
  required: boolean;
  /** Expected but not required: its absence is a warning. */
  expected?: boolean;
  description: Text;
  aliases?: string[];
  /**
   * For the period: the keys of its start and end (`{起: …, 止: …}`), with their aliases; for the
   * note of an incomplete source, those of its start, its gaps and its end.
   */
  parts?: { start: string[]; end: string[]; gaps?: string[] };
  /** Where a published report prints it: at its start (title, preface) or at its end (signature). */
  printed?: 'start' | 'end';
  /** Written by import about the source, not by hand: completion does not offer it. */
  byImport?: boolean;
}

export interface OrganTypeDecl {
  key: string;
  /** Statutory deadline for publishing the report on year Y: month and day of year Y+1. */
  deadline: { month: number; day: number };
  description: Text;
}

export interface FormatDecl {
  /** The value of `格式:` that selects this declaration. */
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
