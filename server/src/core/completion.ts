/**
 * Completion from the format declaration. The line being typed is usually not valid YAML
 * yet, so the place in the report is read from the lines themselves: the keys above the
 * cursor with less indentation are its parents, the keys beside it are its siblings.
 */
import { formatChinese, formatIso, type SimpleDate } from './dates';
import { withoutComment } from './comment';
import type { Locale, Span } from './findings';
import {
  metaByRole,
  metaKey,
  sectionHeading,
  type ColumnDecl,
  type FormatDecl,
  type ItemDecl,
  type MetaDecl,
  type SectionDecl,
  type TableSectionDecl,
  type TextSectionDecl,
} from './format';
import { normalizeLabel } from './labels';
import { displayWidth, indentUnit } from './layout';
import type { Report } from './model';
import { deadlineFor, type DateOptions } from './deadlines';
import { itemLines, standardPreface, tableLines } from './skeleton';

export type CandidateKind = 'meta' | 'section' | 'subsection' | 'group' | 'row' | 'column' | 'value' | 'date';

export interface Candidate {
  label: string;
  kind: CandidateKind;
  /** The official label with its numbering. */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** The text the candidate replaces. */
  range: Span;
  /** Snippet syntax when `snippet` is set; later lines carry their full indentation. */
  insertText: string;
  snippet: boolean;
  /** Official order. */
  sortText: string;
}

interface KeyLine {
  indent: number;
  key: string;
  /** What follows the colon, without a trailing comment. */
  value: string;
}

/**
 * The key at the start of a line, after its indentation: quoted, or plain up to the colon that
 * ends it (`anyColon`: the first one, as while typing; else the first followed by a space, a
 * tab or the end, as YAML reads `a:b: c`). Read in one pass: a regular expression for this
 * backtracks over a run of spaces, and completion reads every line beside the cursor's.
 */
function keyAt(line: string, anyColon: boolean): { indent: number; raw: string; colon: number } | undefined {
  const indent = /^\s*/.exec(line)![0].length;
  const first = line[indent];
  const endsKey = (i: number) => anyColon || i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t';
  if (first === '"' || first === "'") {
    const quoted = (first === '"' ? /^"(?:[^"\\]|\\.)*"/ : /^'(?:[^']|'')*'/).exec(line.slice(indent));
    if (!quoted) return undefined;
    let colon = indent + quoted[0].length;
    while (colon < line.length && /\s/.test(line[colon])) colon++;
    if (line[colon] !== ':' || !endsKey(colon)) return undefined;
    return { indent, raw: quoted[0], colon };
  }
  if (first === undefined || first === '#') return undefined;
  for (let i = indent + 1; i < line.length && line[i] !== '#'; i++)
    if (line[i] === ':' && endsKey(i)) return { indent, raw: line.slice(indent, i).trimEnd(), colon: i };
  return undefined;
}

function parseKeyLine(line: string): KeyLine | undefined {
  const k = keyAt(line, false);
  if (!k) return undefined;
  const key = unquote(k.raw);
  // A colon inside a plain value (`a: b: c`) is not ours to judge; the first one is the key's.
  if (/:\s/.test(key)) return undefined;
  return { indent: k.indent, key, value: withoutComment(line.slice(k.colon + 1)).trim() };
}

function unquote(key: string): string {
  if (key.startsWith('"')) return key.slice(1, -1).replace(/\\(.)/g, '$1');
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

const indentOfLine = (line: string) => /^[ \t]*/.exec(line)![0].length;
const isBlank = (line: string) => /^\s*(?:#.*)?$/.test(line);

/** Escapes text for snippet syntax. */
function esc(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

type Level =
  | { kind: 'top' }
  | { kind: 'items'; table: TableSectionDecl; items: ItemDecl[] }
  | { kind: 'subsections'; section: TextSectionDecl }
  | { kind: 'period' }
  | { kind: 'columns'; columns: ColumnDecl[] }
  | { kind: 'none' };

const same = (a: string, names: (string | undefined)[]) =>
  names.some((n) => n !== undefined && normalizeLabel(n) === normalizeLabel(a));

function topEntry(format: FormatDecl, key: string): { meta?: MetaDecl; section?: SectionDecl } {
  const meta = format.meta.find((m) => same(key, [m.key, ...(m.aliases ?? [])]));
  if (meta) return { meta };
  return { section: format.sections.find((s) => same(key, [s.key, s.title, ...(s.aliases ?? [])])) };
}

/** The keys of the period's start and end (`起`, `止`). */
function periodKeys(format: FormatDecl): { start: string; end: string } {
  const parts = metaByRole(format, 'period')?.parts;
  return { start: parts?.start[0] ?? 'start', end: parts?.end[0] ?? 'end' };
}

/** The level below a chain of keys (outermost first). */
function levelOf(format: FormatDecl, path: string[]): Level {
  let level: Level = { kind: 'top' };
  for (const key of path) {
    switch (level.kind) {
      case 'top': {
        const { meta, section } = topEntry(format, key);
        if (meta?.role === 'period') level = { kind: 'period' };
        else if (section?.kind === 'table') level = { kind: 'items', table: section, items: section.items };
        else if (section?.kind === 'text' && section.subsections.length) level = { kind: 'subsections', section };
        else level = { kind: 'none' };
        break;
      }
      case 'items': {
        const item: ItemDecl | undefined = level.items.find((i) => same(key, [i.key, i.label, ...(i.aliases ?? [])]));
        if (!item) level = { kind: 'none' };
        else if (item.kind === 'group') level = { kind: 'items', table: level.table, items: item.items };
        else level = { kind: 'columns', columns: item.columns };
        break;
      }
      default:
        level = { kind: 'none' };
    }
  }
  return level;
}

interface Context {
  lines: string[];
  line: number;
  /** Offset of the start of the cursor's line. */
  lineStart: number;
  before: string;
  after: string;
}

/** The keys enclosing a line (outermost first), or undefined when the line is inside a value. */
function parents(lines: string[], line: number, indent: number): { path: string[]; parentLine: number } | undefined {
  const path: string[] = [];
  let limit = indent;
  let parentLine = -1;
  for (let i = line - 1; i >= 0 && limit > 0; i--) {
    if (isBlank(lines[i])) continue;
    const ind = indentOfLine(lines[i]);
    if (ind >= limit) continue;
    const kl = parseKeyLine(lines[i]);
    // Below a key with a value on its line (a row, a text) there is nothing to complete.
    if (!kl || kl.value !== '') return undefined;
    if (parentLine < 0) parentLine = i;
    path.unshift(kl.key);
    limit = ind;
  }
  return { path, parentLine };
}

/** The keys already written beside the cursor's line, under the same parent. */
function siblings(lines: string[], line: number, parentLine: number): string[] {
  const parentIndent = parentLine < 0 ? -1 : indentOfLine(lines[parentLine]);
  let childIndent: number | undefined;
  const keys: string[] = [];
  for (let i = parentLine + 1; i < lines.length; i++) {
    if (isBlank(lines[i])) continue;
    const ind = indentOfLine(lines[i]);
    if (ind <= parentIndent) break;
    childIndent ??= ind;
    if (i === line || ind !== childIndent) continue;
    const kl = parseKeyLine(lines[i]);
    if (kl) keys.push(kl.key);
  }
  return keys;
}

export interface CompletionOptions extends DateOptions {
  /** The character that triggered completion, if any. */
  trigger?: string;
  /** Today, for the dates offered (injected in tests). */
  today?: SimpleDate;
}

export function completionsAt(
  report: Report,
  offset: number,
  locale: Locale,
  options: CompletionOptions = {},
): Candidate[] {
  const { text } = report;
  const pos = report.lines.positionAt(offset);
  const lines = text.split(/\r\n|\r|\n/);
  const lineStart = report.lines.lineStart(pos.line);
  const lineText = lines[pos.line] ?? '';
  const ctx: Context = {
    lines,
    line: pos.line,
    lineStart,
    before: lineText.slice(0, offset - lineStart),
    after: lineText.slice(offset - lineStart),
  };
  if (/^\s*#/.test(ctx.before)) return [];
  const keyTyping = /^(\s*)(?:[^\s#:'"][^:#]*)?$/.exec(ctx.before);
  if (keyTyping) {
    // A space typed in a key's place is indentation, not a request.
    if (options.trigger === ' ') return [];
    return keyCandidates(report, ctx, keyTyping[1].length, locale, options);
  }
  return valueCandidates(report, ctx, locale, options);
}

// ---- keys ------------------------------------------------------------------------

function keyCandidates(
  report: Report,
  ctx: Context,
  indent: number,
  locale: Locale,
  options: CompletionOptions,
): Candidate[] {
  const t = (zh: string, en: string) => (locale === 'en' ? en : zh);
  const found = parents(ctx.lines, ctx.line, indent);
  if (!found) return [];
  const level = levelOf(report.format, found.path);
  const present = siblings(ctx.lines, ctx.line, found.parentLine);
  const isPresent = (names: (string | undefined)[]) => present.some((p) => same(p, names));
  const start = ctx.lineStart + indent;
  const colon = ctx.after.indexOf(':');
  // Renaming a key that already has its colon (and maybe a value): offer the key alone.
  const keyOnly = colon >= 0;
  const end = keyOnly
    ? ctx.lineStart + ctx.before.length + colon
    : ctx.lineStart + ctx.before.length + ctx.after.trimEnd().length;
  const range = { start, end };
  const unit = indentUnit(report.text);
  const pad = ' '.repeat(indent);
  const out: Candidate[] = [];
  const add = (c: Omit<Candidate, 'range' | 'sortText' | 'insertText' | 'snippet'>, whole: string) => {
    out.push({
      ...c,
      range,
      sortText: String(out.length).padStart(3, '0'),
      insertText: keyOnly ? esc(c.label) : whole,
      snippet: true,
    });
  };
  const lines = (ls: string[]) => ls.map((l, i) => (i === 0 ? l.slice(indent) : l)).join('\n');
  const column = alignedColumn(ctx.lines, ctx.line, found.parentLine);
  const padTo = (key: string) =>
    ' '.repeat(column === undefined ? 1 : Math.max(1, column - displayWidth(`${pad}${key}:`)));
  switch (level.kind) {
    case 'top': {
      const format = report.format;
      const y = report.year ?? (options.today?.year ?? new Date().getFullYear()) - 1;
      for (const m of format.meta) {
        // 原文标签 records what import found in a published report: nothing an author writes.
        if (m.byImport || isPresent([m.key, ...(m.aliases ?? [])])) continue;
        add(
          {
            label: m.key,
            kind: 'meta',
            detail: m.required ? t('必填', 'required') : t('可选', 'optional'),
            documentation: m.description[locale],
          },
          metaSnippet(report, m, y, unit, options),
        );
      }
      for (const s of format.sections) {
        if (isPresent([s.key, s.title, ...(s.aliases ?? [])])) continue;
        const body = s.kind === 'table' ? tableLines(s, '', unit) : textSectionLines(s, unit);
        add(
          {
            label: s.key,
            kind: 'section',
            detail: sectionHeading(s),
            documentation: t('插入整个部分', 'Inserts the whole section'),
          },
          firstCellTabstop(esc(body.join('\n'))),
        );
      }
      break;
    }
    case 'items':
      for (const item of level.items) {
        if (isPresent([item.key, item.label, ...(item.aliases ?? [])])) continue;
        const detail = item.number + item.label;
        if (item.kind === 'row') {
          const cells = item.columns.map((_, i) => `\${${i + 1}:0}`).join(', ');
          add(
            { label: item.key, kind: 'row', detail, documentation: columnsDoc(item.columns, t) },
            `${esc(item.key)}:${padTo(item.key)}[${cells}]`,
          );
        } else {
          const body = itemLines(item, pad, unit, column);
          add(
            {
              label: item.key,
              kind: 'group',
              detail,
              documentation: t(
                `分组：${item.items.map((i) => i.key).join('、')}`,
                `Group of: ${item.items.map((i) => i.key).join(', ')}`,
              ),
            },
            firstCellTabstop(esc(lines(body))),
          );
        }
      }
      break;
    case 'subsections':
      for (const sub of level.section.subsections) {
        if (isPresent([sub.key, sub.title, ...(sub.aliases ?? [])])) continue;
        const doc = sub.expected
          ? t(`${report.format.name}要求逐项说明的方面`, `a topic ${report.format.name} asks for`)
          : t('可选', 'optional');
        add(
          { label: sub.key, kind: 'subsection', detail: sub.title || undefined, documentation: doc },
          `${esc(sub.key)}: |-\n${pad}${unit}$0`,
        );
      }
      break;
    case 'period': {
      const y = report.year;
      const keys = periodKeys(report.format);
      for (const [key, date] of [
        [keys.start, y && `${y}-01-01`],
        [keys.end, y && `${y}-12-31`],
      ] as const) {
        if (isPresent([key])) continue;
        add({ label: key, kind: 'meta', detail: date || undefined }, `${key}: \${1:${date || ''}}`);
      }
      break;
    }
    case 'columns':
      level.columns.forEach((c) => {
        if (isPresent([c.label, c.short, ...(c.aliases ?? [])])) return;
        add({ label: c.label, kind: 'column', detail: `${c.short}（${c.unit}）` }, `${esc(c.label)}: \${1:0}`);
      });
      break;
    case 'none':
      break;
  }
  return out;
}

/** The display column where values start when the rows beside the cursor line them up. */
function alignedColumn(lines: string[], line: number, parentLine: number): number | undefined {
  const parentIndent = parentLine < 0 ? -1 : indentOfLine(lines[parentLine]);
  for (let i = parentLine + 1; i < lines.length; i++) {
    if (i === line || isBlank(lines[i])) continue;
    if (indentOfLine(lines[i]) <= parentIndent) break;
    const m = /^(\s*\S[^#]*?:)( {2,})[[{]/.exec(lines[i]);
    if (m) return displayWidth(m[1] + m[2]);
  }
  return undefined;
}

/** The first zero of an inserted block becomes the cursor's place, selected. */
function firstCellTabstop(snippet: string): string {
  return snippet.replace(/\[0(?=[,\]])/, '[${1:0}').replace(/: ""$/m, ': "$1"');
}

function textSectionLines(s: TextSectionDecl, unit: string): string[] {
  const subs = s.subsections.filter((x) => x.expected);
  if (subs.length) return [`${s.key}:`, ...subs.map((x) => `${unit}${x.key}: ""`)];
  return [`${s.key}: ""`];
}

function columnsDoc(columns: ColumnDecl[], t: (zh: string, en: string) => string): string {
  const names = columns.map((c) => `${c.short}`).join(t('、', ', '));
  return t(
    `${columns.length} 列（${columns[0].unit}）：${names}`,
    `${columns.length} column(s) (${columns[0].unit}): ${names}`,
  );
}

function metaSnippet(report: Report, m: MetaDecl, year: number, unit: string, options: DateOptions): string {
  const format = report.format;
  switch (m.role) {
    case 'format':
      return `${m.key}: ${esc(format.id)}`;
    case 'organType':
      return `${m.key}: \${1|${format.organTypes.map((o) => o.key).join(',')}|}`;
    case 'year':
      return `${m.key}: \${1:${year}}`;
    case 'period': {
      const keys = periodKeys(format);
      return `${m.key}: {${keys.start}: \${1:${year}-01-01}, ${keys.end}: \${2:${year}-12-31}}`;
    }
    case 'signed':
    case 'published': {
      const deadline = deadlineFor({ ...report, year }, options);
      return `${m.key}: \${1:${deadline ? formatIso(deadline) : ''}}`;
    }
    case 'preface':
      return `${m.key}: >-\n${unit}\${1:${esc(standardPreface(year, format))}}`;
    default:
      return `${m.key}: $1`;
  }
}

// ---- values ----------------------------------------------------------------------

function valueCandidates(report: Report, ctx: Context, locale: Locale, options: CompletionOptions): Candidate[] {
  const t = (zh: string, en: string) => (locale === 'en' ? en : zh);
  const k = keyAt(ctx.before, true);
  if (!k) return [];
  const key = unquote(k.raw);
  const found = parents(ctx.lines, ctx.line, k.indent);
  if (!found) return [];
  const afterColon = ctx.before.slice(k.colon + 1);
  const typed = afterColon.trimStart();
  const valueStart = ctx.lineStart + ctx.before.length - typed.length;
  // Right after the colon the value needs its space.
  const lead = /^\s/.test(afterColon) ? '' : ' ';
  const level = levelOf(report.format, found.path);
  const restOfValue = withoutComment(ctx.after, /\s$/.test(ctx.before)).trimEnd();
  const range = { start: valueStart, end: ctx.lineStart + ctx.before.length + restOfValue.length };
  const out: Candidate[] = [];
  const add = (
    c: Omit<Candidate, 'range' | 'sortText' | 'snippet' | 'insertText'> & { insertText?: string; snippet?: boolean },
  ) =>
    out.push({
      range,
      sortText: String(out.length).padStart(3, '0'),
      snippet: false,
      ...c,
      insertText: lead + (c.insertText ?? c.label),
    });
  const y = report.year;
  const dates = (name: string) => dateCandidates(report, name, options, t);

  // 统计期限: {起: …, 止: …} on one line: complete the date after 起 or 止.
  const keys = periodKeys(report.format);
  const flowPeriod = new RegExp(`[{,]\\s*(${keys.start}|${keys.end})\\s*:(\\s*)([^\\s,}][^,}]*)?$`).exec(ctx.before);
  if (level.kind === 'top' && flowPeriod && topEntry(report.format, key).meta?.role === 'period') {
    if (y === undefined) return [];
    const date = flowPeriod[1] === keys.start ? `${y}-01-01` : `${y}-12-31`;
    const start = ctx.lineStart + ctx.before.length - (flowPeriod[3] ?? '').length;
    const stop = /^[^,}]*/.exec(ctx.after)![0].trimEnd().length;
    return [
      {
        label: date,
        kind: 'date',
        detail: flowPeriod[1],
        range: { start, end: ctx.lineStart + ctx.before.length + stop },
        insertText: (flowPeriod[2] ? '' : ' ') + date,
        snippet: false,
        sortText: '000',
      },
    ];
  }
  if (/^[[{]/.test(typed)) return [];

  if (level.kind === 'top') {
    const meta = topEntry(report.format, key).meta;
    if (!meta) return [];
    switch (meta.role) {
      case 'organType':
        for (const o of report.format.organTypes)
          add({ label: o.key, kind: 'value', documentation: o.description[locale] });
        break;
      case 'format':
        add({ label: report.format.id, kind: 'value', detail: report.format.name });
        break;
      case 'year': {
        const last = (options.today?.year ?? new Date().getFullYear()) - 1;
        add({ label: String(last), kind: 'value', detail: t('上一年度', 'last year') });
        break;
      }
      case 'period':
        if (y !== undefined)
          add({
            label: `{${keys.start}: ${y}-01-01, ${keys.end}: ${y}-12-31}`,
            kind: 'date',
            detail: t(`${y} 年度`, `year ${y}`),
          });
        break;
      case 'signed':
      case 'published':
        for (const c of dates(meta.key)) add(c);
        break;
      default:
        break;
    }
    return out;
  }
  if (level.kind === 'period') {
    if (y === undefined) return [];
    const slot = same(key, [keys.start]) ? `${y}-01-01` : same(key, [keys.end]) ? `${y}-12-31` : undefined;
    if (slot) add({ label: slot, kind: 'date' });
    return out;
  }
  if (level.kind === 'items' && typed.trim() === '') {
    const item = level.items.find((i) => same(key, [i.key, i.label, ...(i.aliases ?? [])]));
    const columns = item?.kind === 'row' ? item.columns : undefined;
    if (columns) {
      const cells = columns.map((_, i) => `\${${i + 1}:0}`).join(', ');
      add({
        label: `[${columns.map(() => '0').join(', ')}]`,
        kind: 'row',
        detail: item!.number + item!.label,
        documentation: columnsDoc(columns, t),
        insertText: `[${cells}]`,
        snippet: true,
      });
    }
  }
  if (level.kind === 'columns' && typed.trim() === '') add({ label: '0', kind: 'value' });
  return out;
}

/** Dates worth offering for 落款日期 / 发布日期: the deadline that applies, today, the signature date. */
function dateCandidates(
  report: Report,
  name: string,
  options: CompletionOptions,
  t: (zh: string, en: string) => string,
): Omit<Candidate, 'range' | 'sortText' | 'snippet' | 'insertText'>[] {
  const y = report.year;
  if (y === undefined) return [];
  const out: Omit<Candidate, 'range' | 'sortText' | 'snippet' | 'insertText'>[] = [];
  const deadline = deadlineFor(report, options);
  const custom = options.deadlines?.[report.organType] !== undefined;
  if (deadline) {
    const why = t(
      `公布期限（${report.organType}，${custom ? '设置中的期限' : '《条例》第四十九条'}）`,
      `the deadline (${report.organType}, ${custom ? 'from the settings' : 'Regulations art. 49'})`,
    );
    out.push({ label: formatIso(deadline), kind: 'date', detail: why });
    out.push({ label: formatChinese(deadline), kind: 'date', detail: why });
  }
  const today =
    options.today ??
    (() => {
      const d = new Date();
      return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
    })();
  const afterYear = today.year > y;
  const withinDeadline = !deadline || formatIso(today) <= formatIso(deadline);
  if (afterYear && withinDeadline && (!deadline || formatIso(today) !== formatIso(deadline)))
    out.push({ label: formatIso(today), kind: 'date', detail: t('今天', 'today') });
  const signed = report.signed?.parsed;
  if (name !== metaKey(report.format, 'signed') && signed?.ok)
    out.push({ label: formatIso(signed.date), kind: 'date', detail: t('与落款日期相同', 'the signature date') });
  return out;
}
