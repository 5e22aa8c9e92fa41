/**
 * The evaluator's summary: one standalone page with a row per report (机关, 机关类型, 年度,
 * 落款日期 against its deadline, the counts, the score), sortable by any column, each row
 * opening that report's findings and its 审核意见. Everything from a report is escaped; the
 * page loads nothing, and its one script and one style are allowed by their hashes (the
 * Content-Security-Policy allows nothing else). Without script every report's details show.
 */
import type { Locale } from '../findings';
import { standalonePage } from '../render/page';
import { cited } from './basis';
import { escapeHtml } from '../render/escape';
import { SEVERITY_NAMES, type SummaryEntry } from './entry';
import type { ReportFacts } from './facts';
import { itemText, points, type Opinion } from './opinion';

export interface SummaryOptions {
  locale: Locale;
  /** The day the summary was made (2025年2月10日). */
  date: string;
  /** The notices the configs of the batch implement. */
  notices: string[];
}

const WORDS = {
  'zh-CN': {
    title: '政府信息公开工作年度报告审核汇总',
    reports: '份报告',
    made: '生成于',
    basis: '依据',
    index: '序号',
    organ: '机关',
    type: '机关类型',
    year: '年度',
    signed: '落款日期',
    deadline: '公布期限',
    timely: '按期',
    score: '得分',
    file: '文件',
    findings: '检查结果',
    where: '位置',
    severity: '级别',
    rule: '规则',
    message: '说明',
    points: '扣分',
    opinion: '审核意见',
    opinionFile: '审核意见文件',
    none: '未发现问题',
    set: '（本地）',
    onTime: '按期',
    late: (n: number) => `逾期 ${n} 天`,
    early: '早于年度结束',
    unsigned: '未写',
    unreadable: '无法识别',
    undetermined: '—',
    open: '展开或收起该报告的检查结果',
  },
  en: {
    title: 'Annual reports on government information disclosure: review summary',
    reports: 'reports',
    made: 'made on',
    basis: 'under',
    index: 'No.',
    organ: '机关 (organ)',
    type: 'Type',
    year: 'Year',
    signed: 'Signed',
    deadline: 'Deadline',
    timely: 'On time',
    score: 'Score',
    file: 'File',
    findings: 'Findings',
    where: 'Where',
    severity: 'Severity',
    rule: 'Rule',
    message: 'Message',
    points: 'Points',
    opinion: '审核意见 (review opinion)',
    opinionFile: '审核意见 file',
    none: 'nothing found',
    set: ' (local)',
    onTime: 'on time',
    late: (n: number) => `${n} day${n === 1 ? '' : 's'} late`,
    early: 'before the year ended',
    unsigned: 'not given',
    unreadable: 'unreadable',
    undetermined: '—',
    open: "show or hide this report's findings",
  },
};

export function timelinessText(f: ReportFacts, locale: Locale): string {
  const w = WORDS[locale];
  switch (f.timeliness) {
    case 'on-time':
      return w.onTime;
    case 'late':
      return w.late(f.daysLate ?? 0);
    case 'before-year-end':
      return w.early;
    case 'unsigned':
      return w.unsigned;
    case 'unreadable':
      return w.unreadable;
    default:
      return w.undetermined;
  }
}

/** How the 按期 column sorts: worst last when ascending. */
function timelinessRank(f: ReportFacts): number {
  switch (f.timeliness) {
    case 'on-time':
      return 0;
    case 'late':
      return f.daysLate ?? 1;
    case 'before-year-end':
      return 50_000;
    default:
      return 100_000;
  }
}

const CSS = `
:root{color-scheme:light;font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;font-size:14px;color:#1f2328;background:#fff}
body{margin:24px}
h1{font-size:22px;margin:0 0 6px}
.meta{color:#57606a;margin:0 0 16px}
table{border-collapse:collapse}
table.summary{width:100%}
table.summary>thead th{position:sticky;top:0;background:#f6f8fa;border-bottom:2px solid #d0d7de;text-align:left;white-space:nowrap}
th,td{padding:6px 8px;border-bottom:1px solid #d8dee4;vertical-align:top}
th button{font:inherit;font-weight:600;border:0;background:none;padding:0;cursor:pointer;color:inherit}
th[aria-sort=ascending] button::after{content:" ▲"}
th[aria-sort=descending] button::after{content:" ▼"}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.error{color:#b3261e;font-weight:600}
.warning{color:#8a5a00}
.late{color:#b3261e}
a.toggle{color:#0b57d0;text-decoration:none}
a.toggle::before{content:"▸ ";display:inline-block;width:1em}
a.toggle[aria-expanded=true]::before{content:"▾ "}
.js tr.detail{display:none}
.js tr.detail.open{display:table-row}
tr.detail>td{background:#fbfbfc;padding:12px 16px 20px}
table.findings{width:100%;margin:0 0 16px}
table.findings th{background:#eef1f4;text-align:left}
.opinion{max-width:48em;border:1px solid #d0d7de;padding:16px 24px;background:#fff;font-family:"FangSong","STFangsong","Noto Serif CJK SC",serif;font-size:15px;line-height:1.8}
.opinion h3{text-align:center;font-size:18px;margin:0 0 12px;font-family:inherit}
.opinion p{margin:0;text-indent:2em}
.opinion p.to{text-indent:0}
.opinion p.sign{text-align:right;text-indent:0}
.opinion ol{margin:0 0 0 2em;padding:0}
.file{color:#57606a;word-break:break-all}
@media print{.js tr.detail{display:table-row}a.toggle::before{content:none}table.summary>thead th{position:static}}
`;

/** Sorts the reports by a column, and opens and closes a report's findings. */
const SCRIPT = `(() => {
  const table = document.querySelector('table.summary');
  if (!table) return;
  document.documentElement.classList.add('js');
  const show = (link, open) => {
    const detail = document.getElementById(link.getAttribute('aria-controls'));
    if (!detail) return;
    detail.classList.toggle('open', open);
    link.setAttribute('aria-expanded', String(open));
  };
  const sort = (th) => {
    const key = th.dataset.key;
    const ascending = th.getAttribute('aria-sort') !== 'ascending';
    for (const other of table.querySelectorAll('thead th')) other.removeAttribute('aria-sort');
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    const value = (body) => body.dataset[key] ?? '';
    const bodies = Array.from(table.tBodies);
    bodies.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === '' || y === '') return (x === '') - (y === '');
      const nx = Number(x);
      const ny = Number(y);
      const order = Number.isNaN(nx) || Number.isNaN(ny) ? x.localeCompare(y, 'zh-CN') : nx - ny;
      return (ascending ? order : -order) || Number(a.dataset.index) - Number(b.dataset.index);
    });
    for (const body of bodies) table.appendChild(body);
  };
  table.addEventListener('click', (event) => {
    const link = event.target.closest('a.toggle');
    if (link) {
      event.preventDefault();
      show(link, link.getAttribute('aria-expanded') !== 'true');
      return;
    }
    const button = event.target.closest('thead th button');
    if (button) sort(button.closest('th'));
  });
  const target = location.hash && document.querySelector('a.toggle[aria-controls="' + CSS.escape(location.hash.slice(1)) + '"]');
  if (target) show(target, true);
})();
`;

const e = escapeHtml;

export function summaryHtml(entries: readonly SummaryEntry[], options: SummaryOptions): string {
  const w = WORDS[options.locale];
  const scored = entries.some((x) => x.score);
  const columns: [key: string, label: string][] = [
    ['index', w.index],
    ['organ', w.organ],
    ['type', w.type],
    ['year', w.year],
    ['signed', w.signed],
    ['deadline', w.deadline],
    ['timely', w.timely],
    ['errors', SEVERITY_NAMES[options.locale].error],
    ['warnings', SEVERITY_NAMES[options.locale].warning],
    ['information', SEVERITY_NAMES[options.locale].information],
    ...(scored ? ([['score', w.score]] as [string, string][]) : []),
    ['file', w.file],
  ];
  const total = (k: 'error' | 'warning' | 'information') => entries.reduce((n, x) => n + x.counts[k], 0);
  const names = SEVERITY_NAMES[options.locale];
  const meta = [
    `${entries.length} ${w.reports}`,
    `${names.error} ${total('error')}`,
    `${names.warning} ${total('warning')}`,
    `${names.information} ${total('information')}`,
    `${w.made} ${options.date}`,
    ...options.notices.map((n) => `${w.basis}：${cited(n)}`),
  ];
  return standalonePage({
    lang: options.locale === 'en' ? 'en' : 'zh-CN',
    title: w.title,
    css: CSS,
    script: SCRIPT,
    body: [
      `<h1>${e(w.title)}</h1>`,
      `<p class="meta">${meta.map(e).join(' · ')}</p>`,
      '<table class="summary">',
      `<thead><tr>${columns.map(([k, l]) => `<th scope="col" data-key="${k}"><button type="button">${e(l)}</button></th>`).join('')}</tr></thead>`,
      ...entries.map((x, i) => entryBody(x, i + 1, columns.length, scored, options.locale)),
      '</table>',
    ].join('\n'),
  });
}

function entryBody(x: SummaryEntry, n: number, span: number, scored: boolean, locale: Locale): string {
  const w = WORDS[locale];
  const f = x.facts;
  const id = `report-${n}`;
  const data: Record<string, string | number | undefined> = {
    index: n,
    organ: f.organ,
    type: f.organType,
    year: f.year,
    signed: f.signed,
    deadline: f.deadline,
    timely: timelinessRank(f),
    errors: x.counts.error,
    warnings: x.counts.warning,
    information: x.counts.information,
    score: x.score?.score,
    file: x.file,
  };
  const attrs = Object.entries(data)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` data-${k}="${e(String(v))}"`)
    .join('');
  const count = (k: 'error' | 'warning' | 'information', cls: string) =>
    `<td class="n${x.counts[k] ? ` ${cls}` : ''}">${x.counts[k]}</td>`;
  const cells = [
    `<td class="n">${n}</td>`,
    `<td><a class="toggle" href="#${id}" aria-expanded="false" aria-controls="${id}" title="${e(w.open)}">${e(f.organ ?? x.file)}</a></td>`,
    `<td>${e(f.organType)}</td>`,
    `<td class="n">${f.year ?? ''}</td>`,
    `<td>${e(f.signed ?? '')}</td>`,
    `<td>${e(f.deadline ?? '')}${f.customDeadline ? e(w.set) : ''}</td>`,
    `<td${f.timeliness === 'on-time' ? '' : ' class="late"'}>${e(timelinessText(f, locale))}</td>`,
    count('error', 'error'),
    count('warning', 'warning'),
    count('information', ''),
    ...(scored ? [`<td class="n">${x.score ? e(points(x.score.score)) : ''}</td>`] : []),
    `<td class="file">${e(x.file)}</td>`,
  ];
  return [
    `<tbody${attrs}>`,
    `<tr class="report">${cells.join('')}</tr>`,
    `<tr class="detail" id="${id}"><td colspan="${span}">`,
    findingsTable(x, locale),
    opinionHtml(x.opinion, x.opinionHref),
    '</td></tr>',
    '</tbody>',
  ].join('\n');
}

function findingsTable(x: SummaryEntry, locale: Locale): string {
  const w = WORDS[locale];
  if (!x.findings.length) return `<p>${e(w.none)}</p>`;
  const scored = x.score !== undefined;
  const names = SEVERITY_NAMES[locale];
  const head = [w.where, w.severity, w.rule, w.message, ...(scored ? [w.points] : [])];
  const rows = x.findings.map((f) =>
    [
      `<td class="n">${f.line}:${f.column}</td>`,
      `<td class="${f.severity}">${e(names[f.severity])}</td>`,
      `<td><code>${e(f.code)}</code><br>${e(f.title[locale])}</td>`,
      `<td>${f.part.length ? `<span class="file">${e(f.part.join(' › '))}</span><br>` : ''}${e(f.message[locale])}</td>`,
      ...(scored ? [`<td class="n">${f.points ? e(points(f.points)) : ''}</td>`] : []),
    ].join(''),
  );
  return [
    `<table class="findings"><thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>`,
    ...rows.map((r) => `<tr>${r}</tr>`),
    '</tbody></table>',
  ].join('\n');
}

/** The 审核意见 as an HTML fragment (also the body of its own page). */
export function opinionHtml(o: Opinion, href?: string): string {
  const out = [
    '<section class="opinion">',
    `<h3>${e(o.title)}</h3>`,
    `<p class="to">${e(o.addressee)}</p>`,
    `<p>${e(o.opening)}</p>`,
  ];
  for (const g of o.groups) {
    out.push(`<p>${e(g.heading)}</p>`, '<ol>', ...g.items.map((item) => `<li>${e(itemText(item))}</li>`), '</ol>');
  }
  if (o.score) out.push(`<p>${e(o.score)}</p>`);
  if (o.closing) out.push(`<p>${e(o.closing)}</p>`);
  if (o.reviewer) out.push(`<p class="sign">${e(o.reviewer)}</p>`);
  out.push(`<p class="sign">${e(o.date)}</p>`);
  if (href) out.push(`<p class="to"><a href="${e(href)}">${e(WORDS['zh-CN'].opinionFile)}</a></p>`);
  out.push('</section>');
  return out.join('\n');
}

/** The 审核意见 as a standalone page of its own, to send back (no script). */
export function opinionPage(o: Opinion): string {
  return standalonePage({ lang: 'zh-CN', title: o.title, css: CSS, body: opinionHtml(o) });
}
