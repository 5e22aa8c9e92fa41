/** A checked report → the report as printed, with each finding on the element that shows it. */
import type { Node } from 'yaml';
import type { CheckResult } from '../check';
import { formatChinese } from '../dates';
import type { Span } from '../findings';
import { textAddress } from '../addresses';
import { metaKey, sectionHeading } from '../format';
import type { Report, TextBlock } from '../model';
import { subsectionNumber } from './chinese';
import { buildGrid, type SourceOf } from './grids';
import { attachFindings } from './marks';
import type { Anchored, Block, Paragraph, PrintedReport, PrintedSection, Run, TextPart } from './printed';
import { append } from '../append';

const SUBJECT = '政府信息公开工作年度报告';

export function buildPrinted(result: CheckResult): PrintedReport {
  const { report, findings } = result;
  const src: SourceOf = (span: Span) => ({
    start: span.start,
    end: span.end,
    line: report.lines.positionAt(span.start).line,
  });
  const metaSource = (key: string) => {
    const m = report.meta.get(key);
    return m ? src(m.span) : undefined;
  };

  const organ: Run | undefined = report.organ
    ? { text: report.organ, source: metaSource(metaKey(report.format, 'organ')), findings: [] }
    : undefined;
  const subject: Run = {
    text: report.year ? `${report.year}年${SUBJECT}` : SUBJECT,
    source: metaSource(metaKey(report.format, 'year')),
    findings: [],
  };
  const signed = report.signed;
  const date: Run | undefined = signed
    ? {
        text:
          signed.parsed.ok || signed.parsed.reason !== 'unrecognised' ? formatChinese(signed.parsed.date) : signed.raw,
        source: src(signed.span),
        findings: [],
      }
    : undefined;

  const printed: PrintedReport = {
    title: { organ, subject },
    plainTitle: (report.organ ?? '') + subject.text,
    preface: report.preface && textPart(report.preface, src),
    sections: report.format.sections.map((decl) => section(report, decl, src)),
    signature: { organ: organ && { ...organ, findings: [] }, date },
    findings,
    unplaced: [],
    lines: report.lines,
  };
  printed.unplaced = attachFindings(anchoredElements(printed), findings);
  return printed;
}

function section(report: Report, decl: Report['format']['sections'][number], src: SourceOf): PrintedSection {
  const entry = report.sections.find((s) => s.decl === decl);
  const end = (entry?.pair.value as Node | null | undefined)?.range?.[1];
  const heading = {
    kind: 'heading' as const,
    level: 1 as const,
    text: sectionHeading(decl),
    source: entry ? src(entry.keySpan) : undefined,
    findings: [],
  };
  const blocks: Block[] = [];
  if (decl.kind === 'table') {
    // The text printed under the table's heading comes before the table, as published.
    for (const block of report.texts.filter((t) => t.section === decl)) blocks.push(textPart(block, src));
    blocks.push({ kind: 'table', grid: buildGrid(report, decl, src) });
  } else {
    let n = 0;
    for (const block of report.texts.filter((t) => t.section === decl)) {
      // An untitled block (`概述`, or a section written as one text) is a lead paragraph.
      if (block.title)
        blocks.push({
          kind: 'heading',
          level: 2,
          text: subsectionNumber(++n) + block.title,
          source: src(block.keySpan),
          findings: [],
        });
      blocks.push(textPart(block, src));
    }
  }
  return {
    key: decl.key,
    heading,
    blocks,
    source: entry ? src({ start: entry.keySpan.start, end: Math.max(entry.keySpan.end, end ?? 0) }) : undefined,
  };
}

// Chinese sentence ends only: ASCII `;` and `!` also occur inside entities, URLs and code.
const SENTENCE_END = /[。！？；]/;
const CLOSER = /[”’」』）】》〉]/;
const INDENT = /^\s+/;

function textPart(block: TextBlock, src: SourceOf): TextPart {
  return { kind: 'text', address: textAddress(block), paragraphs: paragraphs(block, src), source: src(block.span) };
}

/** A text block as paragraphs (one per line of the value) of sentences, each with its source. */
export function paragraphs(block: TextBlock, src: SourceOf): Paragraph[] {
  const out: Paragraph[] = [];
  const text = block.text;
  const source = (from: number, to: number) => src({ start: block.offsetAt(from), end: block.offsetAt(to - 1) + 1 });
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    const start = lineStart + (INDENT.exec(text.slice(lineStart, lineEnd))?.[0].length ?? 0);
    let end = lineEnd;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) {
      const runs: Run[] = [];
      for (let i = start; i < end;) {
        let j = i;
        while (j < end && !SENTENCE_END.test(text[j])) j++;
        while (j < end && (SENTENCE_END.test(text[j]) || CLOSER.test(text[j]))) j++;
        runs.push({ text: text.slice(i, j), source: source(i, j), findings: [] });
        i = j;
      }
      out.push({ kind: 'paragraph', runs, source: source(start, end) });
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

/** Every printed element that can show a finding. */
function anchoredElements(p: PrintedReport): Anchored[] {
  const out: Anchored[] = [];
  if (p.title.organ) out.push(p.title.organ);
  out.push(p.title.subject);
  for (const para of p.preface?.paragraphs ?? []) append(out, para.runs);
  for (const s of p.sections) {
    out.push(s.heading);
    for (const b of s.blocks) {
      if (b.kind === 'heading') out.push(b);
      else if (b.kind === 'text') for (const para of b.paragraphs) append(out, para.runs);
      else for (const row of b.grid.rows) append(out, row.cells);
    }
  }
  if (p.signature.organ) out.push(p.signature.organ);
  if (p.signature.date) out.push(p.signature.date);
  return out;
}
