/**
 * The report as HTML: a standalone document for export, or the `<main>` element alone for
 * the preview. Every piece of report text goes through `escapeHtml`; tags, attribute names,
 * class names and styles are all fixed here.
 */
import type { CheckResult } from '../check';
import type { Finding, Locale, Severity } from '../findings';
import { buildPrinted } from './build';
import { standalonePage } from './page';
import { PAGE_CSS, REPORT_CSS } from './css';
import { escapeHtml } from './escape';
import type { Anchored, Block, Grid, GridCell, Paragraph, PrintedReport, Source, TextPart } from './printed';

export interface HtmlOptions {
  /** Mark the cells and sentences that have findings (colour and a title with the messages). */
  marks: boolean;
  /** `export`: black on white; `preview`: the VS Code theme's colours. */
  theme?: 'preview' | 'export';
  /** Language of the finding messages in titles. */
  locale?: Locale;
  /**
   * The form to fill in (the editor's form view): value cells carry their address
   * (`data-row`, `data-col`, in the table's `data-table`) and each text its section and
   * sub-section (`data-section`, `data-sub`), an empty text included, so that the page can
   * make them editable.
   */
  form?: boolean;
}

/** A complete standalone document. Its Content-Security-Policy allows its own style and nothing else. */
export function renderHtml(result: CheckResult, options: HtmlOptions): string {
  const printed = buildPrinted(result);
  return standalonePage({
    lang: 'zh-CN',
    title: printed.plainTitle,
    css: REPORT_CSS + PAGE_CSS,
    body: renderPrinted(printed, options),
  });
}

/** The `<main>` element only, for a page that supplies its own head (the preview). */
export function renderBody(result: CheckResult, options: HtmlOptions): string {
  return renderPrinted(buildPrinted(result), options);
}

export { REPORT_CSS } from './css';

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'information', 'hint'];
const SEVERITY_NAME: Record<Locale, Record<Severity, string>> = {
  'zh-CN': { error: '错误', warning: '警告', information: '提示', hint: '建议' },
  en: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' },
};

class Writer {
  readonly out: string[] = [];
  constructor(
    private readonly options: HtmlOptions,
    private readonly locale: Locale,
  ) {}

  get form(): boolean {
    return !!this.options.form;
  }

  /** `data-start`/`data-end` (UTF-16 offsets) and `data-line` (0-based) for the preview's mapping. */
  where(source: Source | undefined): string {
    return source ? ` data-start="${source.start}" data-end="${source.end}" data-line="${source.line}"` : '';
  }

  /** Classes and title of an element with findings, when marks are on. */
  mark(a: Anchored, classes: string[] = []): string {
    const cls = [...classes];
    let title = '';
    if (this.options.marks && a.findings.length) {
      cls.push('mark', `mark-${worst(a.findings)}`);
      title = ` title="${escapeHtml(a.findings.map((f) => this.describe(f)).join('\n'))}"`;
    }
    return (cls.length ? ` class="${cls.join(' ')}"` : '') + title;
  }

  describe(f: Finding): string {
    const name = SEVERITY_NAME[this.locale][f.severity];
    return this.locale === 'en'
      ? `${name} (${f.code}): ${f.message.en}`
      : `${name}（${f.code}）：${f.message['zh-CN']}`;
  }

  inline(tag: string, a: Anchored & { text: string }, classes: string[] = []): string {
    return `<${tag}${this.mark(a, classes)}${this.where(a.source)}>${escapeHtml(a.text)}</${tag}>`;
  }

  anchored(tag: string, a: Anchored & { text: string }, classes: string[] = []): void {
    this.out.push(this.inline(tag, a, classes));
  }
}

function worst(findings: Finding[]): Severity {
  return SEVERITY_ORDER.find((s) => findings.some((f) => f.severity === s)) ?? 'hint';
}

function renderPrinted(p: PrintedReport, options: HtmlOptions): string {
  const locale = options.locale ?? 'zh-CN';
  const w = new Writer(options, locale);
  const theme = options.theme ?? 'export';
  w.out.push(
    `<main class="report theme-${theme}${options.marks ? ' marks' : ''}${options.form ? ' form' : ''}" lang="zh-CN">`,
  );
  if (options.marks && p.findings.length) summary(w, p, locale);
  const organ = p.title.organ ? w.inline('span', p.title.organ, ['organ']) : '';
  w.out.push(`<header class="title"><h1>${organ}${w.inline('span', p.title.subject, ['subject'])}</h1></header>`);
  if (p.preface && (p.preface.paragraphs.length || options.form)) {
    w.out.push('<section class="preface">');
    text(w, p.preface);
    w.out.push('</section>');
  }
  for (const s of p.sections) {
    w.out.push(`<section class="part"${w.where(s.source)}>`);
    w.anchored('h2', s.heading);
    for (const b of s.blocks) block(w, b);
    w.out.push('</section>');
  }
  w.out.push('<footer class="signature">');
  if (p.signature.organ) w.anchored('p', p.signature.organ, ['organ']);
  if (p.signature.date) w.anchored('p', p.signature.date, ['date']);
  w.out.push('</footer>', '</main>');
  return w.out.join('\n');
}

function summary(w: Writer, p: PrintedReport, locale: Locale): void {
  const n = (s: Severity) => p.findings.filter((f) => f.severity === s).length;
  const hints = n('information') + n('hint');
  const line =
    locale === 'en'
      ? `${n('error')} error(s), ${n('warning')} warning(s), ${hints} note(s)` +
        (p.unplaced.length ? '; not shown in the text:' : '; each is marked where it occurs.')
      : `共 ${n('error')} 个错误、${n('warning')} 个警告、${hints} 个提示` +
        (p.unplaced.length ? '；以下问题无法在正文中标出：' : '；均已在正文中标出。');
  w.out.push(`<aside class="findings-summary"><p>${escapeHtml(line)}</p>`);
  if (p.unplaced.length) {
    w.out.push('<ul>');
    for (const f of p.unplaced) {
      const pos = p.lines.positionAt(f.span.start);
      const source: Source = { start: f.span.start, end: f.span.end, line: pos.line };
      const where = locale === 'en' ? `line ${pos.line + 1}: ` : `第 ${pos.line + 1} 行：`;
      w.out.push(`<li class="mark-${f.severity}"${w.where(source)}>${escapeHtml(where + w.describe(f))}</li>`);
    }
    w.out.push('</ul>');
  }
  w.out.push('</aside>');
}

/** One line: a line break between inline elements would print as a space inside Chinese text. */
function paragraph(w: Writer, para: Paragraph): void {
  const runs = para.runs.map((run) => w.inline('span', run, ['s'])).join('');
  w.out.push(`<p${w.where(para.source)}>${runs}</p>`);
}

/** A text's paragraphs; in the form, inside an element that names the text (and is there when it is empty). */
function text(w: Writer, t: TextPart): void {
  if (!w.form) {
    for (const para of t.paragraphs) paragraph(w, para);
    return;
  }
  const sub = t.address.sub === undefined ? '' : ` data-sub="${escapeHtml(t.address.sub)}"`;
  const section = t.address.section === undefined ? '' : ` data-section="${escapeHtml(t.address.section)}"`;
  const empty = t.paragraphs.length ? '' : ' empty';
  w.out.push(`<div class="text${empty}"${section}${sub}${w.where(t.source)}>`);
  for (const para of t.paragraphs) paragraph(w, para);
  w.out.push('</div>');
}

function block(w: Writer, b: Block): void {
  if (b.kind === 'heading') w.anchored(b.level === 1 ? 'h2' : 'h3', b);
  else if (b.kind === 'text') text(w, b);
  else table(w, b.grid);
}

function table(w: Writer, g: Grid): void {
  w.out.push(`<div class="table-wrap" data-table="${escapeHtml(g.key)}">`);
  if (g.unit) w.out.push(`<p class="unit">${escapeHtml(g.unit)}</p>`);
  w.out.push('<table class="form">', '<colgroup>');
  for (const width of g.widths) w.out.push(`<col width="${(width * 100).toFixed(2)}%">`);
  w.out.push('</colgroup>');
  g.rows.forEach((row, i) => {
    if (i === 0 && g.headRows > 0) w.out.push('<thead>');
    if (i === g.headRows) w.out.push('<tbody>');
    w.out.push(`<tr${w.where(row.source)}>` + row.cells.map((c) => gridCell(w, c)).join('') + '</tr>');
    if (g.headRows > 0 && i === g.headRows - 1) w.out.push('</thead>');
  });
  if (g.rows.length > g.headRows) w.out.push('</tbody>');
  w.out.push('</table>', '</div>');
}

function gridCell(w: Writer, c: GridCell): string {
  const tag = c.role === 'value' ? 'td' : 'th';
  const classes: string[] = [c.role];
  if (c.missing) classes.push('missing');
  const span = (c.colspan > 1 ? ` colspan="${c.colspan}"` : '') + (c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : '');
  const scope = c.role === 'label' ? ' scope="row"' : '';
  const address = w.form && c.address ? ` data-row="${escapeHtml(c.address.row)}" data-col="${c.address.column}"` : '';
  return `<${tag}${span}${scope}${w.mark(c, classes)}${w.where(c.source)}${address}>${escapeHtml(c.text)}</${tag}>`;
}
