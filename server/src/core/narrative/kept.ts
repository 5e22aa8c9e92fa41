/**
 * The narrative's findings kept per block from one check to the next. What a block's text is
 * found to say wrong depends on the text, on where the block is (its section, the 前言), and on
 * the report's format, year, 统计期限 and organ type; what it says against the tables depends on
 * the tables too, only when the text has a number a statement may name or denies a kind of
 * case. A keystroke in a text changes one block and moves the others: their findings are taken
 * from the last check and moved with them, and their related cells with the tables, instead of
 * being worked out again; a keystroke in a table checks again only what the texts say against
 * the tables.
 */
import type { Scalar } from 'yaml';
import { shifted, type Finding, type Fix, type Span } from '../findings';
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

/** Findings of one kind of a block, where they were last placed. */
interface Part {
  findings: Finding[];
  /** Where the block's key started when they were last placed. */
  keyStart: number;
  /** The block first, then the tables when a finding points into one; none without findings. */
  anchors: Anchor[];
}

interface Kept {
  text: string;
  section: NarrativeBlock['section'];
  subDecl: string | undefined;
  preface: boolean;
  context: Context;
  /** What the text says wrong of itself and of the report's year and period. */
  own: Part;
  /** What it says against the tables. */
  againstTables: Part;
  /** The tables `againstTables` was found with, when the text bears on them; undefined when it does not. */
  tables: TableModel[] | undefined;
}

/** The two kinds of a block's findings: the second recomputed alone when a table changes. */
export interface BlockChecks {
  own(view: BlockView): Finding[];
  againstTables(view: BlockView): Finding[];
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

/** The narrative's findings of every block: `checks` work out those not kept. */
export function checkBlocks(report: Report, checks: BlockChecks): Finding[] {
  const context = contextOf(report);
  const out: Finding[] = [];
  const blocks = narrativeBlocks(report);
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    let k = kept.get(block.node);
    let own = k && sameBlock(k, block, report, context) ? move(k.own, block, report) : undefined;
    let againstTables = own && k && sameTables(k, report) ? move(k.againstTables, block, report) : undefined;
    if (!own || !againstTables) {
      const view = viewOf(block);
      if (!own || !k) {
        own = checks.own(view);
        k = {
          text: block.text,
          section: block.section,
          subDecl: block.subDecl,
          preface: block === report.preface,
          context,
          own: partOf(report, block, own),
          againstTables: partOf(report, block, []),
          tables: undefined,
        };
        kept.set(block.node, k);
      }
      againstTables = checks.againstTables(view);
      k.againstTables = partOf(report, block, againstTables);
      const bearing = namesFigures(report.format, view.reading) || deniesCases(report.format, view.reading);
      k.tables = bearing ? [...report.tables.values()] : undefined;
    }
    for (let j = 0; j < own.length; j++) out.push(own[j]);
    for (let j = 0; j < againstTables.length; j++) out.push(againstTables[j]);
  }
  return out;
}

function partOf(report: Report, block: NarrativeBlock, findings: Finding[]): Part {
  return { findings, keyStart: block.keySpan.start, anchors: anchorsOf(report, block, findings) };
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

function sameBlock(k: Kept, block: NarrativeBlock, report: Report, context: Context): boolean {
  if (k.text !== block.text || k.section !== block.section || k.subDecl !== block.subDecl) return false;
  return k.preface === (block === report.preface) && sameContext(k.context, context);
}

/** Tables kept from the last parse are the same objects with the same figures. */
function sameTables(k: Kept, report: Report): boolean {
  if (!k.tables) return true;
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
function move(part: Part, block: NarrativeBlock, report: Report): Finding[] | undefined {
  const anchors = part.anchors;
  if (!anchors.length) return part.findings;
  const by = block.span.start - anchors[0].start;
  if (block.keySpan.start - part.keyStart !== by || block.span.end - anchors[0].end !== by) return undefined;
  anchors[0].by = by;
  let moves = by !== 0;
  for (let i = 1; i < anchors.length; i++) {
    // A table read again since is another object: its cells may be elsewhere, or gone.
    const table = anchors[i].table!;
    const range = table.node?.range;
    if (!range || report.tables.get(table.decl.key) !== table) return undefined;
    anchors[i].by = range[0] - anchors[i].start;
    if (anchors[i].by !== 0) moves = true;
  }
  if (!moves) return part.findings;
  const out: Finding[] = [];
  for (let i = 0; i < part.findings.length; i++) {
    const f = part.findings[i];
    const g = stays(f, anchors) ? f : movedFinding(f, anchors);
    if (!g) return undefined;
    out.push(g);
  }
  part.keyStart += by;
  for (let i = 0; i < anchors.length; i++) {
    anchors[i].start += anchors[i].by;
    anchors[i].end += anchors[i].by;
    anchors[i].by = 0;
  }
  part.findings = out;
  return out;
}

function movedSpan(s: Span, anchors: Anchor[]): Span | undefined {
  const by = shiftOf(anchors, s.start, s.end);
  return Number.isNaN(by) ? undefined : by === 0 ? s : shifted(s, by);
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
        if (Number.isNaN(by)) return undefined;
        fix.edits.push({ start: e.start + by, end: e.end + by, text: e.text });
      }
      g.fixes.push(fix);
    }
  }
  return g;
}
