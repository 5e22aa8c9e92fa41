/**
 * The report as a Word document: the same printed structure as the HTML, with real Word
 * tables (merged cells as gridSpan/vMerge) so an office can edit it and publish it.
 */
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph as DocxParagraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Finding, Severity } from '../findings';
import { buildPrinted } from './build';
import type { DocxOptions, RenderDocx, RenderOpinionDocx } from './docxTypes';
import { cellColumns } from './grids';
import { revealHidden } from './escape';
import type { Anchored, Grid, GridCell, Paragraph, PrintedReport, Run } from './printed';
import { itemText, type Opinion } from '../summary/opinion';
import { append } from '../append';

// Sizes in half-points (三号 16pt text, 二号 22pt title, 五号 10.5pt tables) and lengths in twips.
const TEXT = 32;
const TITLE = 44;
const TABLE_TEXT = 21;
const NOTE = 18;
const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474 };
const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const TWO_CHARS = 2 * 320;

const LATIN = 'Times New Roman';
const font = (eastAsia: string) => ({ eastAsia, ascii: LATIN, hAnsi: LATIN, cs: LATIN });
const FONTS = {
  text: font('仿宋_GB2312'),
  title: font('方正小标宋简体'),
  h1: font('黑体'),
  h2: font('楷体_GB2312'),
  table: font('宋体'),
};

const FILL: Record<Severity, string> = { error: 'F6CDD3', warning: 'FBE3B0', information: 'D3E2F4', hint: 'D3E2F4' };
type Shade = { type: typeof ShadingType.CLEAR; color: string; fill: string } | undefined;
const ORDER: Severity[] = ['error', 'warning', 'information', 'hint'];
const worst = (findings: Finding[]): Severity => ORDER.find((s) => findings.some((f) => f.severity === s)) ?? 'hint';

export const renderDocx: RenderDocx = async (result, options) => {
  const printed = buildPrinted(result);
  const doc = new Document({
    title: revealHidden(printed.plainTitle),
    creator: 'govreport',
    styles: { default: { document: { run: { font: FONTS.text, size: TEXT } } } },
    sections: [pageSection(body(printed, options))],
  });
  return Packer.toBuffer(doc);
};

/** The page every document is laid out on: A4 with the margins of official documents, numbered at the foot. */
function pageSection(children: (DocxParagraph | Table)[]) {
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
      },
    },
    footers: {
      default: new Footer({
        children: [
          new DocxParagraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28 })],
          }),
        ],
      }),
    },
    children,
  };
}

/**
 * An 审核意见 as a Word document, laid out as an official reply: title, addressee, the
 * findings grouped and numbered, the score, the closing request and the signature.
 */
export const renderOpinionDocx: RenderOpinionDocx = async (o: Opinion) => {
  const line = { line: 560, lineRule: LineRuleType.EXACT };
  const para = (text: string, extra: Record<string, unknown> = {}) =>
    new DocxParagraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: TWO_CHARS },
      spacing: line,
      children: [new TextRun({ text: revealHidden(text) })],
      ...extra,
    });
  const children: DocxParagraph[] = [
    new DocxParagraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 480, line: 720, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: revealHidden(o.title), font: FONTS.title, size: TITLE })],
    }),
    para(o.addressee, { indent: { firstLine: 0 } }),
    para(o.opening),
  ];
  for (const g of o.groups) {
    children.push(
      new DocxParagraph({
        keepNext: true,
        indent: { firstLine: TWO_CHARS },
        spacing: line,
        children: [new TextRun({ text: g.heading, font: FONTS.h1 })],
      }),
      ...g.items.map((item, i) => para(`${i + 1}. ${itemText(item)}`)),
    );
  }
  if (o.score) children.push(para(o.score));
  if (o.closing) children.push(para(o.closing));
  const signature = [o.reviewer, o.date].filter((x): x is string => !!x);
  signature.forEach((text, i) =>
    children.push(
      new DocxParagraph({
        alignment: AlignmentType.RIGHT,
        indent: { right: TWO_CHARS },
        spacing: { before: i === 0 ? 960 : 0, ...line },
        children: [new TextRun({ text: revealHidden(text) })],
      }),
    ),
  );
  const doc = new Document({
    title: revealHidden(o.title),
    creator: 'govreport',
    styles: { default: { document: { run: { font: FONTS.text, size: TEXT } } } },
    sections: [pageSection(children)],
  });
  return Packer.toBuffer(doc);
};

function body(p: PrintedReport, options: DocxOptions): (DocxParagraph | Table)[] {
  const shade = (a: Anchored): Shade =>
    options.marks && a.findings.length
      ? { type: ShadingType.CLEAR, color: 'auto', fill: FILL[worst(a.findings)] }
      : undefined;
  const run = (r: Run, extra: { font?: typeof FONTS.text; size?: number } = {}) =>
    new TextRun({ text: revealHidden(r.text), shading: shade(r), ...extra });
  const text = (para: Paragraph) =>
    new DocxParagraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: TWO_CHARS },
      spacing: { line: 560, lineRule: LineRuleType.EXACT },
      children: para.runs.map((r) => run(r)),
    });

  const out: (DocxParagraph | Table)[] = [];
  const title = [p.title.organ, p.title.subject].filter((r): r is Run => !!r);
  for (const [i, r] of title.entries()) {
    out.push(
      new DocxParagraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: i === title.length - 1 ? 480 : 0, line: 720, lineRule: LineRuleType.EXACT },
        children: [run(r, { font: FONTS.title, size: TITLE })],
      }),
    );
  }
  append(out, (p.preface?.paragraphs ?? []).map(text));
  for (const s of p.sections) {
    out.push(heading(s.heading.text, FONTS.h1, shade(s.heading)));
    for (const b of s.blocks) {
      if (b.kind === 'heading') out.push(heading(b.text, b.level === 1 ? FONTS.h1 : FONTS.h2, shade(b)));
      else if (b.kind === 'text') append(out, b.paragraphs.map(text));
      else append(out, table(b.grid, shade));
    }
  }
  const signature = [p.signature.organ, p.signature.date].filter((r): r is Run => !!r);
  for (const [i, r] of signature.entries()) {
    out.push(
      new DocxParagraph({
        alignment: AlignmentType.RIGHT,
        indent: { right: TWO_CHARS },
        spacing: { before: i === 0 ? 960 : 0, line: 560, lineRule: LineRuleType.EXACT },
        children: [run(r)],
      }),
    );
  }
  return out;
}

function heading(text: string, f: typeof FONTS.h1, shading: Shade): DocxParagraph {
  return new DocxParagraph({
    keepNext: true,
    indent: { firstLine: TWO_CHARS },
    spacing: { line: 560, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text: revealHidden(text), font: f, shading })],
  });
}

function table(g: Grid, shade: (a: Anchored) => Shade): (DocxParagraph | Table)[] {
  const out: (DocxParagraph | Table)[] = [];
  if (g.unit)
    out.push(
      new DocxParagraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: g.unit, font: FONTS.table, size: NOTE })],
      }),
    );
  const widths = g.widths.map((w) => Math.round(w * CONTENT_WIDTH));
  const columns = cellColumns(g);
  // Each cell states its width too: some editors ignore the table grid.
  const span = (from: number, n: number) => widths.slice(from, from + n).reduce((a, b) => a + b, 0);
  const rows = g.rows.map(
    (row, i) =>
      new TableRow({
        tableHeader: i < g.headRows,
        cantSplit: true,
        children: row.cells.map((c, k) => cell(c, span(columns[i][k], c.colspan), shade)),
      }),
  );
  out.push(
    new Table({
      rows,
      columnWidths: widths,
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
    }),
  );
  // Word needs a paragraph between a table and what follows.
  out.push(new DocxParagraph({ children: [] }));
  return out;
}

function cell(c: GridCell, width: number, shade: (a: Anchored) => Shade): TableCell {
  const alignment = c.role === 'label' || c.role === 'corner' ? AlignmentType.LEFT : AlignmentType.CENTER;
  return new TableCell({
    columnSpan: c.colspan > 1 ? c.colspan : undefined,
    rowSpan: c.rowspan > 1 ? c.rowspan : undefined,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: c.role === 'corner' ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
    shading: shade(c),
    margins: { left: 40, right: 40 },
    children: [
      new DocxParagraph({
        alignment,
        children: c.text
          ? [
              new TextRun({
                text: revealHidden(c.text),
                font: FONTS.table,
                size: c.role === 'corner' ? NOTE : TABLE_TEXT,
              }),
            ]
          : [],
      }),
    ],
  });
}
