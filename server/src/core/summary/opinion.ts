/**
 * The 审核意见: what an evaluator sends back to an organ about its report, in Chinese, in the
 * form of an official reply: title, addressee, what was found grouped by how binding it is,
 * each with where it is on the form, its rule and what it rests on, the score when points
 * are deducted, and the reviewer's signature. The organ edits its report in Word, so places
 * are named as the form names them, never by a line of this file.
 */
import type { ProjectConfig } from '../config/types';
import { formatChinese, type SimpleDate } from '../dates';
import type { Severity } from '../findings';
import { cited } from './basis';
import type { SummaryEntry } from './entry';

export interface OpinionItem {
  /** Where on the form (`总体情况 › 主动公开`); empty for the report as a whole. */
  part: string;
  message: string;
  /** `signed-before-year-end 日期早于报告年度结束` */
  rule: string;
  basis: string;
  /** Points deducted, when the config deducts points. */
  points?: number;
}

export interface Opinion {
  title: string;
  addressee: string;
  opening: string;
  groups: { heading: string; items: OpinionItem[] }[];
  /** 共扣 N 分，得分 M 分 */
  score?: string;
  closing?: string;
  reviewer?: string;
  date: string;
}

const NUMERALS = ['一', '二', '三'];

const GROUPS: { severities: Severity[]; heading: string }[] = [
  { severities: ['error'], heading: '须改正的错误' },
  { severities: ['warning'], heading: '应核实修改的问题' },
  { severities: ['information', 'hint'], heading: '供参考的提示' },
];

/** 5, 0.5, 2.25: no trailing zeros. */
export function points(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export function opinionOf(
  entry: Omit<SummaryEntry, 'opinion'>,
  config: ProjectConfig | undefined,
  date: SimpleDate,
): Opinion {
  const { organ, year } = entry.facts;
  const report = `${organ ?? ''}${year !== undefined ? `${year}年` : ''}政府信息公开工作年度报告`;
  const title = organ ? `关于《${report}》的审核意见` : `关于政府信息公开工作年度报告（${entry.file}）的审核意见`;
  const groups = GROUPS.map((g) => ({
    heading: g.heading,
    items: entry.findings
      .filter((f) => g.severities.includes(f.severity))
      .map((f): OpinionItem => ({
        part: f.part.join(' › '),
        message: f.message['zh-CN'],
        rule: `${f.code} ${f.title['zh-CN']}`,
        basis: f.basis,
        ...(f.points !== undefined ? { points: f.points } : {}),
      })),
  }))
    .filter((g) => g.items.length)
    .map((g, i) => ({ heading: `${NUMERALS[i]}、${g.heading}（${g.items.length} 处）`, items: g.items }));
  const yours = `你单位${year !== undefined ? `${year}年度` : ''}政府信息公开工作年度报告`;
  const opening = groups.length ? `经审核，${yours}存在以下问题：` : `经审核，${yours}未发现问题。`;
  const out: Opinion = { title, addressee: `${organ ?? '报送单位'}：`, opening, groups, date: formatChinese(date) };
  if (entry.score)
    out.score = `按${config?.notice ? `${cited(config.notice)}的` : ''}评分标准，共扣 ${points(entry.score.deducted)} 分，得分 ${points(entry.score.score)} 分（满分 ${points(entry.score.full)} 分）。`;
  if (entry.counts.error) out.closing = '请对照上述问题逐项改正，并将修改后的年度报告重新报送。';
  else if (groups.length) out.closing = '请对照上述问题核实完善。';
  if (config?.reviewer) out.reviewer = config.reviewer;
  return out;
}

/** Two ideographic spaces: how a Chinese paragraph starts. */
const INDENT = '\u3000\u3000';

/** The 审核意见 as plain text, one paragraph a line: for the summary's copy and for tests. */
export function opinionText(o: Opinion): string {
  const lines = [o.title, '', o.addressee, `${INDENT}${o.opening}`];
  for (const g of o.groups) {
    lines.push(`${INDENT}${g.heading}`);
    g.items.forEach((item, i) => lines.push(`${INDENT}${i + 1}. ${itemText(item)}`));
  }
  if (o.score) lines.push(`${INDENT}${o.score}`);
  if (o.closing) lines.push(`${INDENT}${o.closing}`);
  lines.push('');
  if (o.reviewer) lines.push(o.reviewer);
  lines.push(o.date);
  return lines.join('\n') + '\n';
}

/** One finding as the 审核意见 words it. */
export function itemText(item: OpinionItem): string {
  const where = item.part ? `【${item.part}】` : '';
  const deducted = item.points !== undefined && item.points > 0 ? `；扣 ${points(item.points)} 分` : '';
  return `${where}${item.message}（规则：${item.rule}；依据：${item.basis}${deducted}）`;
}
