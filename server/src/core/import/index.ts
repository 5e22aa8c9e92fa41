/**
 * `import`: a published report (plain text, Markdown, HTML or Word) → a report file in the
 * format of FORMAT.md. Every number is kept as printed, errors included; what cannot be
 * placed is kept as a comment and named in a notice; a cell that cannot be read is written
 * quoted, so that the checker reports it instead of it becoming a silent 0.
 */
import { LIMITS } from '../limits';
import {
  FORMAT_2021,
  tableSections,
  type FormatDecl,
  type SectionDecl,
  type TableSectionDecl,
  type TextSectionDecl,
} from '../format';
import { txt, type Text } from '../findings';
import { parseReport } from '../parse';
import { syntaxRule } from '../rules/syntax';
import { blocksText, type Block, type InputForm, type Source } from './blocks';
import { isValue, readCell, splitTextRow } from './cells';
import { decodeBytes } from './decode';
import { detectForm, isPdf } from './detect';
import { pdfTextLength, readPdfPages, type PdfText } from './pdf';
import { MAX_DOCUMENT_XML, readDocx } from './docx';
import { readHtml } from './html';
import { readMetadata } from './metadata';
import { narrativeLines, overview, paragraphs } from './narrative';
import { isPageNumber } from './normalize';
import { Notices, quote } from './notices';
import { completeness, isOmission } from './completeness';
import { buildOutline, isChrome, TITLE_PATTERN } from './outline';
import { TableReader, type TableOut } from './tables';
import { readTextForm } from './text';
import { writeReport, type SectionOut } from './yamlWriter';

export type { InputForm } from './blocks';
export type { PdfPage, PdfText, PdfTextItem } from './pdf';

export type ImportFailure = 'empty' | 'not-a-report' | 'legacy-format' | 'unsupported' | 'unreadable' | 'scanned';

export type ImportResult =
  | {
      ok: true;
      yaml: string;
      form: InputForm;
      notices: Text[];
      /** The input as readable text: a text form decoded, a PDF's or a Word file's text as read. */
      source: string;
    }
  | { ok: false; reason: ImportFailure; message: Text };

export interface ImportOptions {
  /** The input's file name: its extension helps to tell the form, its base name goes into a comment. */
  name?: string;
  /** A PDF's text as the face extracted it (see `importPublished`). */
  pdf?: PdfText;
  /** The declaration the report is read into (the 2021 format when absent). */
  format?: FormatDecl;
}

/** Reads a PDF's text; given by the face, which loads the PDF library only when it is needed. */
export type PdfReader = (bytes: Uint8Array) => Promise<PdfText>;

/** Imports any published form: a PDF's text is extracted with `readPdf` first. */
export async function importPublished(
  bytes: Uint8Array,
  options: ImportOptions & { readPdf: PdfReader },
): Promise<ImportResult> {
  const { readPdf, ...rest } = options;
  const pdf = isPdf(bytes) ? await readPdf(bytes) : undefined;
  return importReport(bytes, { ...rest, pdf });
}

const MIB = 1024 * 1024;

function pdfSource(pdf: PdfText | undefined): Source | ImportResult {
  if (!pdf) return fail('unsupported', '这是 PDF 文件，此处无法读取 PDF', 'this is a PDF, which cannot be read here');
  if (!pdf.ok) {
    const limit = pdf.limit ?? 0;
    switch (pdf.problem) {
      case 'encrypted':
        return fail(
          'unreadable',
          '这个 PDF 文件有密码保护，无法读取',
          'this PDF is password-protected and cannot be read',
        );
      case 'too-large':
        return fail(
          'unsupported',
          `这个 PDF 文件超过 ${limit / MIB} MiB，远超任何年度报告，不予读取`,
          `this PDF is larger than ${limit / MIB} MiB, far beyond any annual report; it is not read`,
        );
      case 'too-many-pages':
        return fail(
          'unsupported',
          `这个 PDF 文件超过 ${limit} 页，远超任何年度报告，不予读取`,
          `this PDF has more than ${limit} pages, far beyond any annual report; it is not read`,
        );
      default:
        return fail(
          'unreadable',
          '这个 PDF 文件已损坏或不是有效的 PDF，无法读取',
          'this PDF is damaged or not a valid PDF and cannot be read',
        );
    }
  }
  if (pdfTextLength(pdf.pages) < 20)
    return fail(
      'scanned',
      '这个 PDF 没有文字层（是扫描或图片生成的），无法读取其中的文字；本工具不做文字识别（OCR），请使用带文字的 PDF、网页或 Word 版本',
      'this PDF has no text layer (it was scanned or made of images), so its text cannot be read; there is no OCR: use a PDF with text, the web page or the Word version',
    );
  return readPdfPages(pdf.pages);
}

const fail = (reason: ImportFailure, zh: string, en: string): ImportResult => ({
  ok: false,
  reason,
  message: txt(zh, en),
});

export function importReport(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  if (!bytes.length) return fail('empty', '文件是空的', 'the file is empty');
  if (bytes.length > LIMITS.importBytes)
    return fail(
      'unsupported',
      `文件超过 ${LIMITS.importBytes / MIB} MiB，远超任何年度报告，不予导入`,
      `the file is larger than ${LIMITS.importBytes / MIB} MiB, far beyond any annual report; it is not imported`,
    );
  let text: string | undefined;
  const decoded = () => (text ??= decodeBytes(bytes));
  const detected = detectForm(options.name, bytes, decoded);
  if (!detected.ok) {
    if (detected.kind === 'doc')
      return fail(
        'unsupported',
        '这是旧版 Word（.doc）文件：请另存为 .docx 或网页后再导入',
        'this is a legacy Word (.doc) file: save it as .docx or HTML and import that',
      );
    return fail(
      'unsupported',
      '这不是文本、网页、Word（.docx）或 PDF 文件',
      'this is not a text, web page, Word (.docx) or PDF file',
    );
  }
  let source: Source;
  if (detected.form === 'pdf') {
    const read = pdfSource(options.pdf);
    if ('ok' in read) return read;
    source = read;
  } else if (detected.form === 'docx') {
    const docx = readDocx(bytes);
    if (!docx.ok) {
      if (docx.reason === 'too-large')
        return fail(
          'unsupported',
          `这个 .docx 文件的正文（word/document.xml）解压后超过 ${MAX_DOCUMENT_XML / 1024 / 1024} MiB，远超任何年度报告，不予读取`,
          `the text of this .docx file (word/document.xml) inflates to more than ${MAX_DOCUMENT_XML / 1024 / 1024} MiB, far beyond any annual report; it is not read`,
        );
      return fail(
        'unsupported',
        docx.reason === 'missing'
          ? '无法读取这个 .docx 文件（找不到 word/document.xml）'
          : '无法读取这个 .docx 文件（压缩包或其中的 word/document.xml 已损坏）',
        docx.reason === 'missing'
          ? 'cannot read this .docx file (no word/document.xml)'
          : 'cannot read this .docx file (the archive or its word/document.xml is damaged)',
      );
    }
    source = docx.source;
  } else {
    const t = decoded();
    if (!t.trim()) return fail('empty', '文件是空的', 'the file is empty');
    source = detected.form === 'html' ? readHtml(t) : readTextForm(t, detected.form === 'markdown');
  }
  // Text is shown as decoded; a PDF or a Word file as the text that was read from it.
  return importSource(source, options, () => text ?? blocksText(source.blocks));
}

export function importText(text: string, options: ImportOptions = {}): ImportResult {
  return importReport(new TextEncoder().encode(text), options);
}

const compact = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');
/** Labels of the 2019 trial format printed as table cells or short lines. */
function legacyLabels(source: Source, format: FormatDecl): string[] {
  const LEGACY = format.legacyLabels.map((l) => ({ label: l, form: compact(l) }));
  const hits = new Set<string>();
  const test = (s: string) => {
    const c = compact(s);
    if (c.length > 60) return;
    for (const l of LEGACY) if (c === l.form || (c.includes(l.form) && c.length <= 40)) hits.add(l.label);
  };
  for (const b of source.blocks) {
    if (b.kind === 'table') b.rows.forEach((r) => r.forEach(test));
    else test(b.text);
  }
  return [...hits];
}

function affinities(rows: string[][], format: FormatDecl): Map<TableSectionDecl, number> {
  return new Map(tableSections(format).map((t) => [t, TableReader.affinity(t, rows, format)]));
}

/** The table a printed table belongs to when it clearly is another than where it stands. */
function routeTable(
  rows: string[][],
  standing: TableSectionDecl | undefined,
  format: FormatDecl,
): TableSectionDecl | undefined {
  const scores = affinities(rows, format);
  let best: TableSectionDecl | undefined;
  for (const [t, s] of scores) if (s >= 3 && (!best || s > scores.get(best)!)) best = t;
  if (!best) return standing;
  if (standing && best !== standing && (scores.get(standing) ?? 0) >= 2) return standing;
  return best;
}

/**
 * A line of sentences rather than table cells: sentence punctuation, or a comma outside the
 * form's bracketed notes (or their wrapped ends), or a long run of text with no spaces between cells.
 */
function isProse(t: string): boolean {
  if (/勾稽关系|第[一二三四]项(?:加|之和)/u.test(t)) return false;
  return /[。；;！？!?]/u.test(t) || (/[，,]/u.test(t) && !/[（()）]/u.test(t)) || (t.length > 45 && !/\s/u.test(t));
}

/** Reads a table's printed blocks; prose among them is its note (说明), read and checked as narrative. */
function readTable(decl: TableSectionDecl, blocks: Block[], notices: Notices, format: FormatDecl): TableOut {
  const reader = new TableReader(decl, notices, format);
  const proseLines: Block[] = [];
  const hasTables = blocks.some((b) => b.kind === 'table');
  for (const b of blocks) {
    if (b.kind === 'table') {
      b.rows.forEach((r) => reader.feedRow(r));
      continue;
    }
    const t = b.text.trim();
    if (!t || isPageNumber(t, hasTables) || isChrome(t)) continue;
    const cells = splitTextRow(t);
    if (!cells.some((c) => isValue(readCell(c))) && isProse(t)) {
      proseLines.push(b);
      continue;
    }
    reader.feedRow(cells);
  }
  const out = reader.finish();
  out.note = paragraphs(narrativeLines(proseLines)).map((x) => x.text);
  return out;
}

function importSource(source: Source, options: ImportOptions, readable: () => string): ImportResult {
  if (!source.blocks.some((b) => b.kind === 'table' || b.text.trim()))
    return fail('empty', '文件中没有文字', 'the file has no text');
  const format = options.format ?? FORMAT_2021;
  const legacy = legacyLabels(source, format);
  if (legacy.length) {
    const names =
      legacy
        .slice(0, 3)
        .map((l) => `“${l}”`)
        .join('、') + (legacy.length > 3 ? '…' : '');
    return fail(
      'legacy-format',
      `这是 2019 年试行格式（国办公开办函〔2019〕60号）的报告（含 ${names}）；只能导入 2021 年格式（国办公开办函〔2021〕30号）的报告`,
      `this report follows the 2019 trial format (国办公开办函〔2019〕60号; it has ${names}); only reports in the 2021 format (国办公开办函〔2021〕30号) can be imported`,
    );
  }
  const notices = new Notices();
  const outline = buildOutline(source, format);
  // What the source does not show; the dots that mark text left out are no text of the report.
  const shows = completeness(outline);
  outline.preface = outline.preface.filter((b) => !isOmission(b));
  for (const s of outline.sections) s.blocks = s.blocks.filter((b) => !isOmission(b));
  const lastFound = Math.max(-1, ...outline.sections.map((s) => format.sections.indexOf(s.decl)));
  // Sections after the point where the source breaks off are not missing from the report.
  const unshown = (decl: SectionDecl) => shows.end !== undefined && format.sections.indexOf(decl) > lastFound;

  // Each table's printed blocks, wherever they stand; narrative keeps the rest.
  const streams = new Map<TableSectionDecl, Block[]>();
  const narrative = new Map<SectionDecl, Block[]>();
  const stream = (t: TableSectionDecl) => streams.get(t) ?? streams.set(t, []).get(t)!;
  const place = (blocks: Block[], standing: TableSectionDecl | undefined): Block[] => {
    const keep: Block[] = [];
    for (const b of blocks) {
      const target = b.kind === 'table' ? routeTable(b.rows, standing, format) : standing;
      if (target) stream(target).push(b);
      else keep.push(b);
    }
    return keep;
  };
  const preface = place(outline.preface, undefined);
  for (const s of outline.sections) {
    if (s.decl.kind === 'table') {
      // Everything under a table's heading is read as that table (or one it clearly is).
      stream(s.decl);
      place(s.blocks, s.decl);
    } else narrative.set(s.decl, place(s.blocks, undefined));
  }

  const tables = new Map<TableSectionDecl, TableOut>();
  for (const t of tableSections(format)) {
    const blocks = streams.get(t);
    if (blocks) tables.set(t, readTable(t, blocks, notices, format));
  }
  const rowsFound = [...tables.values()].reduce((n, t) => n + t.rows.length, 0);
  // A page with only the opening sections, or only some tables, is a report all the same: what
  // is there is imported and what is not is named; only what is no report at all is refused.
  const named = (t: string) => TITLE_PATTERN.test(t) || /政府信息公开条例|国办公开办函|年度报告/u.test(t);
  const says = [...outline.title, source.docTitle ?? '', ...narrativeLines(outline.preface).map((l) => l.text)].some(
    named,
  );
  if (outline.sections.length < 2 && rowsFound < 3 && !(outline.sections.length === 1 && says)) {
    return fail(
      'not-a-report',
      '这不像一份政府信息公开工作年度报告：既没有找到 2021 年格式的各部分标题（一、总体情况 … 六、其他需要报告的事项），也没有找到其表格',
      'this does not look like a government information disclosure annual report: neither the section headings of the 2021 format (一、总体情况 … 六、其他需要报告的事项) nor its tables were found',
    );
  }

  const meta = readMetadata(outline, source.docTitle, notices, options.name);
  const sections: SectionOut[] = [];
  for (const decl of format.sections) {
    if (decl.kind === 'table') {
      const t = tables.get(decl);
      if (t && (t.rows.length || t.unplaced.length || t.note.length)) sections.push({ kind: 'table', table: t });
      else if (!unshown(decl))
        notices.add(
          `未找到表格“${decl.number}${decl.title}”，检查时将报告缺少该部分`,
          `the table "${decl.number}${decl.title}" was not found; the checker reports it as missing`,
        );
      continue;
    }
    const blocks = narrative.get(decl);
    if (!blocks) {
      if (unshown(decl)) continue;
      notices.add(
        `未找到第${decl.number.replace('、', '')}部分“${decl.title}”的标题，检查时将报告缺少该部分`,
        `no heading of section ${decl.number.replace('、', '')} "${decl.title}" was found; the checker reports it as missing`,
      );
      continue;
    }
    sections.push(
      narrativeSection(
        decl,
        paragraphs(narrativeLines(blocks)),
        decl.subsections.some((s) => s.expected),
      ),
    );
  }

  const header = outline.title.length ? [outline.title.join(' ')] : [];
  const base = options.name?.split(/[\\/]/).pop();
  header.push(`${base ? `导入自 ${base}：` : ''}表格中的数字按原文保留（包括其中的错误），请与原文核对`);
  const metaComments: string[] = [];
  const signer = outline.signature?.organ;
  if (signer && meta.organ && signer.replace(/\s+/g, '') !== meta.organ) metaComments.push(`落款机关：${signer}`);
  const trailer: string[] = [];
  const afterLines = narrativeLines(outline.after)
    .map((l) => l.text)
    .filter((t) => !isChrome(t) && !isPageNumber(t, true));
  if (afterLines.length) {
    trailer.push('落款之后的原文：', ...afterLines.map((t) => `  ${t}`));
    notices.add(
      `落款之后的 ${afterLines.length} 行文字（${quote(afterLines[0])}…）已作为注释保留在文件末尾`,
      `${afterLines.length} line(s) after the signature ("${quote(afterLines[0])}"…) are kept as comments at the end`,
    );
  }
  if (shows.start !== undefined || shows.gaps.length || shows.end !== undefined) {
    const parts = [
      ...(shows.start !== undefined ? [shows.start] : []),
      ...shows.gaps.map((s) => `“${s.title}”中有省略`),
      ...(shows.end !== undefined ? [shows.end] : []),
    ];
    notices.add(
      `原文不完整（${parts.join('；')}），已写入“原文不完整”：原文没有显示的部分检查时不报告为缺失，请以完整的报告核对`,
      `the source is incomplete (${parts.join('; ')}), recorded as 原文不完整: what it does not show is not reported as missing; check against the whole report`,
    );
  }
  const yaml = writeReport({
    format,
    incomplete: shows,
    header,
    meta,
    metaComments,
    preface: paragraphs(narrativeLines(preface)).map((p) => p.text),
    misprints: new Map([...tables.values()].flatMap((t) => [...t.misprints])),
    sections,
    trailer,
  });
  const broken = syntaxRule.check({ report: parseReport(yaml, { formats: [format] }) });
  if (broken.length)
    notices.add(
      `导入结果有 YAML 错误（${broken[0].message['zh-CN']}），请报告这个问题`,
      `the imported file has a YAML error (${broken[0].message.en}); please report this`,
    );
  return { ok: true, yaml, form: source.form, notices: notices.items, source: readable() };
}

function narrativeSection(
  decl: TextSectionDecl,
  paras: ReturnType<typeof paragraphs>,
  withSubsections: boolean,
): SectionOut {
  if (withSubsections) {
    const ov = overview(paras, decl);
    if (ov.subsections.length) return { kind: 'overview', key: decl.key, lead: ov.lead, subsections: ov.subsections };
  }
  return {
    kind: 'text',
    key: decl.key,
    paragraphs: paras.map((p) => p.text),
    // The overview is prose that flows; the other sections keep their line breaks.
    literal: decl.role !== 'overview',
  };
}
