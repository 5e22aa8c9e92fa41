/** Dates: 年度 against 统计期限, 落款日期/发布日期 after the year and within the deadline. */
import { compareDates, formatChinese, formatIso, formatLike, isValidDate, type SimpleDate } from '../dates';
import { txt, type Finding, type Fix } from '../findings';
import type { DateValue, Report } from '../model';
import { finding } from './finding';

export interface Deadline {
  month: number;
  day: number;
}

export interface DateOptions {
  /** Deadlines by 机关类型 that replace the statutory ones (some localities publish earlier). */
  deadlines?: Record<string, Deadline | undefined>;
}

export function deadlineFor(report: Report, options: DateOptions = {}): SimpleDate | undefined {
  if (report.year === undefined) return undefined;
  const type = report.format.organTypes.find((t) => t.key === report.organType);
  const d = options.deadlines?.[report.organType] ?? type?.deadline;
  return d ? { year: report.year + 1, month: d.month, day: d.day } : undefined;
}

export function checkDates(report: Report, options: DateOptions = {}): Finding[] {
  const out: Finding[] = [];
  const named: [string, DateValue | undefined][] = [
    ['统计期限.起', report.period?.start],
    ['统计期限.止', report.period?.end],
    ['落款日期', report.signed],
    ['发布日期', report.published],
  ];
  for (const [name, d] of named) if (d) checkForm(name, d, out);
  const y = report.year;
  if (y === undefined) return out;
  const valid = (d: DateValue | undefined): SimpleDate | undefined =>
    d && (d.parsed.ok || d.parsed.reason === 'malformed') ? (d.parsed as { date: SimpleDate }).date : undefined;

  for (const [slot, want] of [
    ['start', { year: y, month: 1, day: 1 }],
    ['end', { year: y, month: 12, day: 31 }],
  ] as const) {
    const d = report.period?.[slot];
    const date = valid(d);
    if (!d || !date || compareDates(date, want) === 0) continue;
    const form = d.parsed.ok ? d.parsed.form : 'iso';
    const fix: Fix = {
      title: txt(`改为 ${formatLike(want, form)}`, `Change to ${formatLike(want, form)}`),
      edits: [{ ...d.span, text: formatLike(want, form) }],
      safe: false,
      preferred: true,
    };
    out.push(
      finding(
        'period-year',
        d.span,
        txt(
          `${y} 年度报告的统计期限应${slot === 'start' ? '始于' : '止于'} ${formatChinese(want)}，此处为 ${formatChinese(date)}`,
          `the statistics period of a ${y} report ${slot === 'start' ? 'starts' : 'ends'} on ${formatIso(want)}, not ${formatIso(date)}`,
        ),
        { fixes: [fix] },
      ),
    );
  }

  const yearEnd = { year: y, month: 12, day: 31 };
  const deadline = deadlineFor(report, options);
  for (const [name, d] of [
    ['落款日期', report.signed],
    ['发布日期', report.published],
  ] as const) {
    const date = valid(d);
    if (!d || !date) continue;
    if (compareDates(date, yearEnd) <= 0) {
      const next = { ...date, year: y + 1 };
      const fixes: Fix[] = [];
      if (isValidDate(next)) {
        const form = d.parsed.ok ? d.parsed.form : 'iso';
        fixes.push({
          title: txt(`改为 ${formatLike(next, form)}`, `Change to ${formatLike(next, form)}`),
          edits: [{ ...d.span, text: formatLike(next, form) }],
          safe: false,
          preferred: true,
        });
      }
      out.push(
        finding(
          'signed-before-year-end',
          d.span,
          txt(
            `${name} ${formatChinese(date)} 早于 ${y} 年度结束（${y}年12月31日）：报告不能在年度结束前成文`,
            `${name} ${formatIso(date)} lies before the end of ${y} (${y}-12-31): a report cannot be signed before its year ends`,
          ),
          { fixes },
        ),
      );
    } else if (deadline && compareDates(date, deadline) > 0) {
      const custom = options.deadlines?.[report.organType] !== undefined;
      out.push(
        finding(
          'past-deadline',
          d.span,
          txt(
            `${name} ${formatChinese(date)} 晚于${custom ? '设定的' : '法定'}公布期限 ${formatChinese(deadline)}（${report.organType}${custom ? '' : '，《条例》第四十九条'}）`,
            `${name} ${formatIso(date)} is after the ${custom ? 'configured' : 'statutory'} deadline ${formatIso(deadline)} (${report.organType}${custom ? '' : ', Regulations art. 49'})`,
          ),
        ),
      );
    }
  }
  const signed = valid(report.signed);
  const published = valid(report.published);
  if (signed && published && report.published && compareDates(published, signed) < 0) {
    out.push(
      finding(
        'published-before-signed',
        report.published.span,
        txt(
          `发布日期 ${formatChinese(published)} 早于落款日期 ${formatChinese(signed)}`,
          `published ${formatIso(published)}, before it was signed ${formatIso(signed)}`,
        ),
      ),
    );
  }
  return out;
}

function checkForm(name: string, d: DateValue, out: Finding[]): void {
  const p = d.parsed;
  if (p.ok) return;
  if (p.reason === 'malformed') {
    const iso = formatIso(p.date);
    out.push(
      finding(
        'date-form',
        d.span,
        txt(
          `${name}“${d.raw}”应写作 ${iso} 或 ${formatChinese(p.date)}`,
          `${name} "${d.raw}" should be written ${iso} or ${formatChinese(p.date)}`,
        ),
        {
          fixes: [
            {
              title: txt(`改为 ${iso}`, `Write ${iso}`),
              edits: [{ ...d.span, text: iso }],
              safe: true,
              preferred: true,
            },
          ],
        },
      ),
    );
  } else if (p.reason === 'nonexistent') {
    out.push(
      finding(
        'date-invalid',
        d.span,
        txt(
          `${name}“${d.raw}”不存在（${p.date.year}年${p.date.month}月没有${p.date.day}日）`,
          `${name} "${d.raw}" does not exist`,
        ),
      ),
    );
  } else {
    out.push(
      finding(
        'date-invalid',
        d.span,
        txt(
          `${name}“${d.raw}”无法识别为日期，应写作 2025-01-20 或 2025年1月20日`,
          `${name} "${d.raw}" is not a date; write 2025-01-20 or 2025年1月20日`,
        ),
      ),
    );
  }
}
