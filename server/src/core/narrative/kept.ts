/**
 * The narrative's findings kept per block from one check to the next. What a block's text is
 * found to say wrong depends on the text, on where the block is (its section, the 前言), on the
 * report's format, year, 统计期限 and organ type, and — only when the text has a number a
 * statement may name, or denies a kind of case — on the tables. A keystroke changes one block
 * and moves the others: their findings are taken from the last check and moved with them, and
 * their related cells with the tables, instead of being worked out again.
 */
import type { Scalar } from 'yaml';
import type { Finding, Fix, Span } from '../findings';
import { formatIso } from '../dates';
import type { DateValue, Report, TableModel } from '../model';
import { viewOf, narrativeBlocks, type BlockView, type NarrativeBlock } from './blocks';
import { deniesCases } from './denials';
import { namesFigures } from './statements';

/** What every block's findings depend on, of the report. */
interface Context {
  format: Report['format'];
  year: number | undefined;
  organType: string;
  period: string;
}

/** A stretch of the document a kept finding has places in: the block, or a table. */
interface Anchor {
  /** Where it was when the findings were last placed. */
  start: number;
  end: number;
  /** The table, whose mapping says where it is now; none for the block. */
  table?: TableModel;
  /** How far it has moved since: set as the findings are moved. */
  by: number;
}

interface Kept {
  text: string;
  section: NarrativeBlock['section'];
  subDecl: string | undefined;
  preface: boolean;
  context: Context;
  /** The tables, when the text bears on them; undefined when it does not. */
  tables: TableModel[] | undefined;
  /** Where the block's key started when its findings were last placed. */
  keyStart: number;
  /** The block first, then the tables when a finding points into one; none without findings. */
  anchors: Anchor[];
  findings: Finding[];
}

/** By the block's text node, which an incremental parse hands back for a block that did not change. */
const kept = new WeakMap<Scalar, Kept>();

function contextOf(report: Report): Context {
  const date = (d: DateValue | undefined) => (d?.parsed.ok ? formatIso(d.parsed.date) : '');
  return {
    format: report.format,
    year: report.year,
    organType: report.organType,
    period: `${date(report.period?.start)}/${date(report.period?.end)}`,
  };
}

const sameContext = (a: Context, b: Context) =>
  a.format === b.format && a.year === b.year && a.organType === b.organType && a.period === b.period;

/** The narrative's findings of every block: `check` works out those of a block not kept. */
export function checkBlocks(report: Report, check: (view: BlockView) => Finding[]): Finding[] {
  const context = contextOf(report);
  const out: Finding[] = [];
  const blocks = narrativeBlocks(report);
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    const k = kept.get(block.node);
    const again = k && reusable(k, block, report, context) ? move(k, block) : undefined;
    if (again) {
      for (let j = 0; j < again.length; j++) out.push(again[j]);
      continue;
    }
    const view = viewOf(block);
    const findings = check(view);
    const bearing = namesFigures(report.format, view.reading) || deniesCases(report.format, view.reading);
    kept.set(block.node, {
      text: block.text,
      section: block.section,
      subDecl: block.subDecl,
      preface: block === report.preface,
      context,
      tables: bearing ? [...report.tables.values()] : undefined,
      keyStart: block.keySpan.start,
      anchors: anchorsOf(report, block, findings),
      findings,
    });
    for (let j = 0; j < findings.length; j++) out.push(findings[j]);
  }
  return out;
}

function anchorsOf(report: Report, block: NarrativeBlock, findings: Finding[]): Anchor[] {
  if (!findings.length) return [];
  const anchors: Anchor[] = [{ start: block.span.start, end: block.span.end, by: 0 }];
  const inBlock = (s: Span) => s.start >= block.span.start && s.end <= block.span.end;
  if (findings.every((f) => inBlock(f.span) && (f.related ?? []).every((r) => inBlock(r.span)))) return anchors;
  for (const table of report.tables.values()) {
    const range = table.node?.range;
    if (range) anchors.push({ start: range[0], end: range[1], table, by: 0 });
  }
  return anchors;
}

function reusable(k: Kept, block: NarrativeBlock, report: Report, context: Context): boolean {
  if (k.text !== block.text || k.section !== block.section || k.subDecl !== block.subDecl) return false;
  if (k.preface !== (block === report.preface) || !sameContext(k.context, context)) return false;
  if (!k.tables) return true;
  // Tables kept from the last parse are the same objects with the same figures.
  if (k.tables.length !== report.tables.size) return false;
  for (let i = 0; i < k.tables.length; i++) if (report.tables.get(k.tables[i].decl.key) !== k.tables[i]) return false;
  return true;
}

/** How far the anchor holding [start, end) moved; NaN when none holds it. */
function shiftOf(anchors: Anchor[], start: number, end: number): number {
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i];
    if (start >= a.start && end <= a.end) return a.by;
  }
  return NaN;
}

/** Whether every place of a finding stays where it is; NaN (a place no anchor holds) fails it. */
function stays(f: Finding, anchors: Anchor[]): boolean {
  if (shiftOf(anchors, f.span.start, f.span.end) !== 0) return false;
  const related = f.related ?? [];
  for (let i = 0; i < related.length; i++)
    if (related[i].uri || shiftOf(anchors, related[i].span.start, related[i].span.end) !== 0) return false;
  const fixes = f.fixes ?? [];
  for (let i = 0; i < fixes.length; i++)
    for (let j = 0; j < fixes[i].edits.length; j++)
      if (shiftOf(anchors, fixes[i].edits[j].start, fixes[i].edits[j].end) !== 0) return false;
  return true;
}

/**
 * The kept findings moved to where the block and the tables now are, and kept so; undefined
 * when a place cannot be followed (the block is then checked again). Findings are copied, not
 * changed: the last check's may still be held.
 */
function move(k: Kept, block: NarrativeBlock): Finding[] | undefined {
  const anchors = k.anchors;
  if (!anchors.length) return k.findings;
  const by = block.span.start - anchors[0].start;
  if (block.keySpan.start - k.keyStart !== by || block.span.end - anchors[0].end !== by) return undefined;
  anchors[0].by = by;
  let moves = by !== 0;
  for (let i = 1; i < anchors.length; i++) {
    const range = anchors[i].table!.node?.range;
    if (!range) return undefined;
    anchors[i].by = range[0] - anchors[i].start;
    if (anchors[i].by !== 0) moves = true;
  }
  if (!moves) return k.findings;
  const out: Finding[] = [];
  for (let i = 0; i < k.findings.length; i++) {
    const f = k.findings[i];
    const g = stays(f, anchors) ? f : movedFinding(f, anchors);
    if (!g) return undefined;
    out.push(g);
  }
  k.keyStart += by;
  for (let i = 0; i < anchors.length; i++) {
    anchors[i].start += anchors[i].by;
    anchors[i].end += anchors[i].by;
    anchors[i].by = 0;
  }
  k.findings = out;
  return out;
}

function movedSpan(s: Span, anchors: Anchor[]): Span | undefined {
  const by = shiftOf(anchors, s.start, s.end);
  return by !== by ? undefined : by === 0 ? s : { start: s.start + by, end: s.end + by };
}

/**
 * Written out field by field: a spread takes a slow generic path in code not yet optimised,
 * which a fresh server's keystrokes mostly run. A field added to Finding, Related or Fix is
 * copied here too (the incremental tests compare every field with a fresh check's).
 */
function movedFinding(f: Finding, anchors: Anchor[]): Finding | undefined {
  const span = movedSpan(f.span, anchors);
  if (!span) return undefined;
  const g: Finding = { code: f.code, severity: f.severity, span, message: f.message };
  if (f.subject !== undefined) g.subject = f.subject;
  if (f.related) {
    g.related = [];
    for (const r of f.related) {
      const s = r.uri || r.range ? undefined : movedSpan(r.span, anchors);
      if (!s) return undefined;
      g.related.push({ span: s, message: r.message });
    }
  }
  if (f.fixes) {
    g.fixes = [];
    for (const x of f.fixes) {
      if (x.caret !== undefined) return undefined;
      const fix: Fix = { title: x.title, edits: [], safe: x.safe };
      if (x.preferred !== undefined) fix.preferred = x.preferred;
      if (x.writesKey !== undefined) fix.writesKey = x.writesKey;
      for (const e of x.edits) {
        const by = shiftOf(anchors, e.start, e.end);
        if (by !== by) return undefined;
        fix.edits.push({ start: e.start + by, end: e.end + by, text: e.text });
      }
      g.fixes.push(fix);
    }
  }
  return g;
}
