/**
 * The imported report as YAML in the layout of examples/lvliang-2024.report.yaml: metadata,
 * narrative as block scalars, tables as flow sequences with their values aligned and the
 * column labels in a comment above, and whatever could not be placed as comments.
 */
import type { Completeness } from './completeness';
import { metaByRole, metaKey, type ColumnDecl, type FormatDecl, type ItemDecl, type MetaRole } from '../format';
import { displayWidth } from '../layout';
import type { Metadata } from './metadata';
import type { Subsection } from './narrative';
import type { RowOut, TableOut } from './tables';
import { append } from '../append';

export type SectionOut =
  | { kind: 'text'; key: string; paragraphs: string[]; literal: boolean }
  | { kind: 'overview'; key: string; lead: string[]; subsections: Subsection[] }
  | { kind: 'table'; table: TableOut };

export interface ReportOut {
  /** The declaration the report is written in: its keys and its `格式` id. */
  format: FormatDecl;
  /** What the source did not show (原文不完整). */
  incomplete?: Completeness;
  /** Comment lines at the top (title, source). */
  header: string[];
  meta: Metadata;
  /** Comment lines after the metadata (a signer that differs from 机关). */
  metaComments: string[];
  preface: string[];
  /** Labels printed wrong and read as the official ones: printed → official (原文标签). */
  misprints: Map<string, string>;
  sections: SectionOut[];
  /** Comment lines at the end (text after the signature). */
  trailer: string[];
}

const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`]/u;

/** A scalar as a plain YAML string when that reads back the same, else double-quoted. */
export function yamlString(s: string): string {
  const plain =
    s !== '' &&
    PLAIN.test(s) &&
    !/[:#]\s|\s#|:$|\s$|[\n\t]/u.test(s) &&
    !/^(?:true|false|null|yes|no|on|off|~|[-+]?(?:\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|\.\d+|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan))$/iu.test(
      s,
    );
  return plain ? s : JSON.stringify(s);
}

/**
 * Each run of white space that holds a line break becomes one space, in one pass (a pattern
 * of optional spaces around a line break retries every position of a long run of spaces).
 */
function oneLine(text: string): string {
  return text.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run));
}

export function comment(indent: string, text: string): string {
  return `${indent}# ${oneLine(text)}`.trimEnd();
}

/** A narrative value: `>-` for one paragraph, `|-` with blank lines between several. */
function textValue(paragraphs: string[], indent: string, literal: boolean): string[] {
  const paras = paragraphs.map((p) => oneLine(p).replace(/\t/g, ' ').trim()).filter(Boolean);
  if (!paras.length) return [' ""'];
  if (paras.length === 1 && !literal) return [' >-', `${indent}${paras[0]}`];
  return [' |-', ...paras.flatMap((p, i) => (i ? ['', `${indent}${p}`] : [`${indent}${p}`]))];
}

/** The writers add their lines to `out`: a published text may run to hundreds of thousands of lines (append.ts). */
function keyedText(out: string[], indent: string, key: string, paragraphs: string[], literal: boolean): void {
  const [first, ...rest] = textValue(paragraphs, indent + '  ', literal);
  out.push(`${indent}${yamlString(key)}:${first}`);
  append(out, rest);
}

function cellText(c: RowOut['cells'][number]): string {
  return c.kind === 'number' ? c.text : JSON.stringify(c.text);
}

const ALIGN_LIMIT = 36;

function tableLines(out: string[], t: TableOut, format: FormatDecl): void {
  const rows = new Map(t.rows.map((r) => [r.path, r]));
  type Entry = { indent: string; key: string; row?: RowOut; columns?: ColumnDecl[] };
  const entries: Entry[] = [];
  const has = (path: string) => t.rows.some((r) => r.path === path || r.path.startsWith(`${path}/`));
  const walk = (items: ItemDecl[], prefix: string, indent: string) => {
    for (const item of items) {
      const path = prefix ? `${prefix}/${item.key}` : item.key;
      const row = rows.get(path);
      if (row) entries.push({ indent, key: item.key, row, columns: item.columns });
      else if (item.kind === 'group' && has(path)) {
        entries.push({ indent, key: item.key });
        walk(item.items, path, indent + '  ');
      }
    }
  };
  walk(t.decl.items, '', '  ');
  const heads = entries.filter((e) => e.row).map((e) => displayWidth(`${e.indent}${e.key}:`));
  const column = Math.max(0, ...heads.filter((w) => w <= ALIGN_LIMIT)) + 1;
  out.push(`${t.decl.key}:`);
  if (t.note.length) keyedText(out, '  ', format.tableNote, t.note, false);
  let commented: ColumnDecl[] | undefined;
  for (const e of entries) {
    if (!e.row || !e.columns) {
      out.push(`${e.indent}${e.key}:`);
      continue;
    }
    if (e.columns !== commented) {
      const labels = `[${e.columns.map((c) => c.label).join(', ')}]`;
      out.push(`  #${' '.repeat(Math.max(1, column - 3))}${labels}`);
      commented = e.columns;
    }
    if (e.row.comment) out.push(comment(e.indent, e.row.comment));
    const head = `${e.indent}${e.key}:`;
    const pad = Math.max(1, column - displayWidth(head));
    out.push(`${head}${' '.repeat(pad)}[${e.row.cells.map(cellText).join(', ')}]`);
  }
  if (t.unplaced.length) {
    out.push(comment('  ', '未能归入表格的原文：'));
    for (const u of t.unplaced) out.push(comment('  ', `  ${u}`));
  }
}

function sectionLines(out: string[], s: SectionOut, format: FormatDecl): void {
  switch (s.kind) {
    case 'table':
      return tableLines(out, s.table, format);
    case 'text':
      return keyedText(out, '', s.key, s.paragraphs, s.literal);
    case 'overview': {
      out.push(`${s.key}:`);
      if (s.lead.length) keyedText(out, '  ', leadKey(format, s.key), s.lead, false);
      for (const sub of s.subsections) {
        if (sub.printed) out.push(comment('  ', sub.printed));
        keyedText(out, '  ', sub.key, sub.paragraphs, false);
      }
    }
  }
}

/** The key of an overview's untitled opening part (概述). */
function leadKey(format: FormatDecl, sectionKey: string): string {
  const decl = format.sections.find((d) => d.key === sectionKey);
  return (decl?.kind === 'text' ? decl.subsections.find((s) => !s.title)?.key : undefined) ?? '概述';
}

export function writeReport(r: ReportOut): string {
  const { format, meta: m } = r;
  const key = (role: MetaRole) => metaKey(format, role);
  const parts = metaByRole(format, 'period')?.parts;
  const out: string[] = r.header.map((h) => comment('', h));
  out.push(`${key('format')}: ${format.id}`);
  if (m.organ) out.push(`${key('organ')}: ${yamlString(m.organ)}`);
  if (m.organType)
    out.push(
      `${key('organType')}: ${m.organType.type}${m.organType.reason ? `  ${comment('', m.organType.reason)}` : ''}`,
    );
  if (m.year !== undefined) out.push(`${key('year')}: ${m.year}`);
  if (m.period)
    out.push(
      `${key('period')}: {${parts?.start[0] ?? 'start'}: ${yamlString(m.period.start)}, ${parts?.end[0] ?? 'end'}: ${yamlString(m.period.end)}}`,
    );
  if (m.signed) out.push(`${key('signed')}: ${yamlString(m.signed)}`);
  if (m.published) out.push(`${key('published')}: ${yamlString(m.published)}`);
  for (const c of r.metaComments) out.push(comment('', c));
  const inc = r.incomplete;
  const incParts = metaByRole(format, 'incomplete')?.parts;
  if (inc && incParts && (inc.start !== undefined || inc.gaps.length || inc.end !== undefined)) {
    out.push(comment('', '原文没有显示的部分，检查时不报告为缺失'), `${key('incomplete')}:`);
    if (inc.start !== undefined) out.push(`  ${incParts.start[0]}: ${yamlString(inc.start)}`);
    if (inc.gaps.length && incParts.gaps)
      out.push(`  ${incParts.gaps[0]}: [${inc.gaps.map((s) => yamlString(s.key)).join(', ')}]`);
    if (inc.end !== undefined) out.push(`  ${incParts.end[0]}: ${yamlString(inc.end)}`);
  }
  if (r.preface.length) {
    out.push('');
    keyedText(out, '', key('preface'), r.preface, false);
  }
  if (r.misprints.size) {
    out.push('', comment('', '原文印错的标签（原文: 官方标签）；表格已按官方标签填写'), `${key('misprints')}:`);
    for (const [printed, official] of r.misprints) out.push(`  ${yamlString(printed)}: ${yamlString(official)}`);
  }
  for (const s of r.sections) {
    out.push('');
    sectionLines(out, s, format);
  }
  if (r.trailer.length) out.push('');
  for (const c of r.trailer) out.push(comment('', c));
  return out.join('\n') + '\n';
}
