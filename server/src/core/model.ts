/** The report model: what the parser builds from the YAML, every value with its source span. */
import type { Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Dec } from './decimal';
import type { DateParse } from './dates';
import type { Span } from './findings';
import type {
  FormatDecl,
  GroupDecl,
  MetaDecl,
  RowDecl,
  SectionDecl,
  TableSectionDecl,
  TextSectionDecl,
} from './format';
import type { LineIndex } from './lineIndex';
import type { ParsedYaml } from './yamlChunks';

/** Why a cell is not a plain number (the cells rule reports it). */
export type CellProblem =
  /** Nothing written; `fillable` when a 0 can be written over it. */
  | { kind: 'empty'; fillable: boolean }
  /** A mark that stands for none: `/`, `-`, `无`. */
  | { kind: 'placeholder'; text: string }
  /** A number written as text (quoted, thousands separators, full-width digits). */
  | { kind: 'not-plain'; plain: string; safe: boolean }
  | { kind: 'not-number'; text: string }
  /** A mapping or a sequence where a number belongs. */
  | { kind: 'not-scalar' }
  /** More digits than any real figure: kept out of the sums. */
  | { kind: 'too-long' };

export interface Cell {
  /** The exact value, when the cell holds a decimal number (also when written as text). */
  value?: Dec;
  /** The source text of the cell. */
  raw: string;
  span: Span;
  problem?: CellProblem;
}

export interface RowModel {
  /** Path of the row in the table (`本年度办理结果/不予公开/属于国家秘密`). */
  path: string;
  decl: RowDecl | GroupDecl;
  /** A group written as one row (older layouts). */
  groupAsRow: boolean;
  keySpan: Span;
  /** Span of the row's value (the sequence or mapping), or of the key when there is none. */
  span: Span;
  /** One entry per official column; undefined where the cell is missing. */
  cells: (Cell | undefined)[];
  /** Values beyond the last column (a sequence row with too many). */
  extra: Span[];
  pair: Pair;
  node: YAMLSeq | YAMLMap | undefined;
}

export interface GroupModel {
  path: string;
  decl: GroupDecl;
  keySpan: Span;
  pair: Pair;
  node: YAMLMap | undefined;
}

export interface TableModel {
  decl: TableSectionDecl;
  /** The table's own mapping, when it is one. */
  node: YAMLMap | undefined;
  rows: Map<string, RowModel>;
  groups: Map<string, GroupModel>;
  /** Paths of rows and groups that an unknown key is a likely misspelling of. */
  misspelled: Set<string>;
}

export interface TextBlock {
  /** The section it belongs to (for a table, the text printed under its heading); undefined for the 前言. */
  section: TextSectionDecl | TableSectionDecl | undefined;
  /** The sub-section key as written, when the section is a mapping. */
  subKey?: string;
  /** The official sub-section key it matched, if any. */
  subDecl?: string;
  /** Heading to print (empty for an untitled lead paragraph). */
  title: string;
  text: string;
  span: Span;
  keySpan: Span;
  node: Scalar | undefined;
  /** Offset in the document of character `i` of `text`. */
  offsetAt(i: number): number;
}

export interface MetaEntry {
  decl: MetaDecl;
  keySpan: Span;
  span: Span;
  raw: string;
  pair: Pair;
  node: Node | null;
  /** Nothing written after the key, or only an empty or blank string: the field is not filled in. */
  blank: boolean;
}

/** An entry of 原文标签: a label as the published report printed it, and the official one it stands for. */
export interface Misprint {
  printed: string;
  official: string;
  keySpan: Span;
  span: Span;
}

/**
 * What the source of an imported report did not show (原文不完整): its start (title and
 * preface), parts left out within sections, its end. What is missing there is not the report's.
 */
export interface Incomplete {
  keySpan: Span;
  /** Why the start is missing, as import wrote it. */
  start?: string;
  /** Sections with text left out after what is shown of them. */
  gaps: SectionDecl[];
  /** Why the end is missing, as import wrote it. */
  end?: string;
}

export interface DateValue {
  span: Span;
  raw: string;
  parsed: DateParse;
  node: Scalar;
}

export interface SectionEntry {
  decl: SectionDecl;
  keySpan: Span;
  /** The key as written. */
  key: string;
  pair: Pair;
}

/** Where a key was found that the format does not know. */
export type KeyPlace =
  | { kind: 'top' }
  | { kind: 'section'; key: string }
  | { kind: 'items'; key: string }
  | { kind: 'columns'; row: string }
  | { kind: 'period'; key: string };

/** What a value should have been, when it is not. */
export type Expected =
  | { kind: 'format'; ids: string[] }
  | { kind: 'text' }
  | { kind: 'organType'; types: string[] }
  /** A year written as text (`2024年`): the plain year. */
  | { kind: 'year-plain'; year: string }
  | { kind: 'year' }
  | { kind: 'period'; start: string; end: string }
  | { kind: 'date' }
  | { kind: 'paragraphs' }
  | { kind: 'table' }
  | { kind: 'group' }
  /** 原文标签 written otherwise than {as printed: official label}. */
  | { kind: 'misprints' }
  | { kind: 'official-label' }
  /** 原文标签 naming, as the label it stands for, one the form does not print. */
  | { kind: 'unknown-label'; label: string; format: string }
  /** 原文不完整 written otherwise than {开头: …, 省略: [sections], 结尾: …}. */
  | { kind: 'incomplete'; start: string; gaps: string; end: string }
  | { kind: 'section' };

/**
 * What the parser saw that the model cannot hold: keys it does not know or that repeat, and
 * values of the wrong kind. Rules turn these into findings.
 */
export type ShapeFact =
  | {
      kind: 'unknown-key';
      span: Span;
      key: string;
      place: KeyPlace;
      closest?: string;
      /** One edit from the closest label: a typing slip. */
      near: boolean;
      /** Where the mapping the key is in starts, and whether it already has the closest label's key. */
      mapStart: number;
      taken: boolean;
    }
  | { kind: 'legacy-label'; span: Span; key: string }
  | { kind: 'duplicate'; span: Span; key: string; place: KeyPlace; first?: string }
  | { kind: 'invalid'; span: Span; field: string; expected: Expected };

export interface Report {
  text: string;
  lines: LineIndex;
  format: FormatDecl;
  doc: ParsedYaml;
  /** The top-level mapping, when the document is one. */
  root: YAMLMap | undefined;
  meta: Map<string, MetaEntry>;
  /** Typed metadata values, where they could be read. */
  organ?: string;
  organType: string;
  /** Where the 机关类型 comes from: written, told by the organ's name, or the format's default. */
  organTypeFrom: 'written' | 'name' | 'default';
  year?: number;
  period?: { start?: DateValue; end?: DateValue; span: Span };
  signed?: DateValue;
  published?: DateValue;
  preface?: TextBlock;
  /** Labels the published report misprinted (原文标签). */
  misprints: Misprint[];
  /** What the source of an imported report did not show (原文不完整). */
  incomplete?: Incomplete;
  /** Sections in file order. */
  sections: SectionEntry[];
  tables: Map<string, TableModel>;
  /** Narrative text in file order: 前言, then each text section or sub-section. */
  texts: TextBlock[];
  /** What the reading saw that the model cannot hold. */
  facts: ShapeFact[];
}

/** Last year's report of the same organ, and where it is (for related information in another file). */
export interface PreviousReport {
  report: Report;
  /** The file's URI; absent when it cannot be named. */
  uri?: string;
}
