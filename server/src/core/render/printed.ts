/**
 * The report as printed: title, paragraphs, headings and tables as grids of cells. The HTML
 * and Word renderers both draw this, so they cannot disagree about the form's layout.
 */
import type { CellAddress, TextAddress } from '../addresses';
import type { Finding } from '../findings';
import type { LineIndex } from '../lineIndex';

/** Where a printed element comes from: UTF-16 offsets into the file and the 0-based line of `start`. */
export interface Source {
  start: number;
  end: number;
  line: number;
}

/** A printed element that may come from the file, with the findings shown on it. */
export interface Anchored {
  source?: Source;
  findings: Finding[];
}

/** A sentence of a paragraph, or a part of the title or the signature. */
export interface Run extends Anchored {
  text: string;
}

export interface Paragraph {
  kind: 'paragraph';
  runs: Run[];
  source?: Source;
}

/** One text of the report (the 前言, a section or sub-section, a table's 说明): a paragraph per line. */
export interface TextPart {
  kind: 'text';
  address: TextAddress;
  paragraphs: Paragraph[];
  /** The value's span in the file (the key's, when it has none). */
  source?: Source;
}

export interface Heading extends Anchored {
  kind: 'heading';
  /** 1: the six sections (一、…); 2: their sub-sections (（一）…). */
  level: 1 | 2;
  text: string;
}

export interface TableBlock {
  kind: 'table';
  grid: Grid;
}

export type Block = TextPart | Heading | TableBlock;

/**
 * `corner`: the note over the row labels; `clause`: a 第二十条 heading row; `head`: column
 * or row-group headers; `label`: a row's label; `value`: a number.
 */
export type CellRole = 'corner' | 'clause' | 'head' | 'label' | 'value';

export interface GridCell extends Anchored {
  text: string;
  role: CellRole;
  colspan: number;
  rowspan: number;
  /** A value cell that the file does not fill (missing row or cell). */
  missing?: boolean;
  /** For a row the file lacks: the `subject` of its missing-row finding (`table/row path`). */
  absent?: string;
  /** A value cell's place in the table. */
  address?: CellAddress;
}

export interface GridRow {
  cells: GridCell[];
  source?: Source;
}

export interface Grid {
  /** The table's key in the format declaration. */
  key: string;
  columns: number;
  /** Relative column widths, one per column. */
  widths: number[];
  /** Leading rows that are the table's header (repeated on each printed page). */
  headRows: number;
  rows: GridRow[];
  /** `单位：件` when every number of the table has that unit and no label says so. */
  unit?: string;
}

export interface PrintedSection {
  key: string;
  heading: Heading;
  blocks: Block[];
  source?: Source;
}

export interface PrintedReport {
  /** 机关 on the first line, `2024年政府信息公开工作年度报告` on the second. */
  title: { organ?: Run; subject: Run };
  /** The title on one line, for the document's metadata. */
  plainTitle: string;
  preface?: TextPart;
  sections: PrintedSection[];
  signature: { organ?: Run; date?: Run };
  /** Every finding, and those that no printed element shows (a field that is not printed, say). */
  findings: Finding[];
  unplaced: Finding[];
  lines: LineIndex;
}
