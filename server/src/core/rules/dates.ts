/** Dates: 年度 against 统计期限, 落款日期/发布日期 after the year and within the deadline. */
import { finding } from '../codes';
import { compareDates, formatChinese, formatIso, formatLike, isValidDate, type SimpleDate } from '../dates';
import { deadlineFor, isCustomDeadline, type DateOptions } from '../deadlines';
import { txt, type Finding, type Fix } from '../findings';
import type { DateValue, Report } from '../model';
import { reportDates } from '../reportDates';
import { defineRule } from '../rule';

function checkDates(report: Report, options: DateOptions): Finding[] {
  const out: Finding[] = [];
  const dates = reportDates(report);
  for (const { name, value } of dates) checkForm(name, value, out);
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
  for (const { name, value: d } of dates.filter((x) => x.slot === 'signed' || x.slot === 'published')) {
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
      const custom = isCustomDeadline(report, options);
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
          `${dates.find((x) => x.slot === 'published')!.name} ${formatChinese(published)} 早于${dates.find((x) => x.slot === 'signed')!.name} ${formatChinese(signed)}`,
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

const set = (from: string, to: string) => ({ edits: [{ replace: from, with: to }] });

export const datesRule = defineRule({
  id: 'dates',
  group: 'dates',
  codes: [
    'date-invalid',
    'date-form',
    'period-year',
    'signed-before-year-end',
    'past-deadline',
    'published-before-signed',
  ],
  check: ({ report, deadlines }) => checkDates(report, { deadlines }),
  docs: {
    'date-invalid': {
      about: txt('日期不存在或无法识别。', 'A date that does not exist or cannot be read.'),
      notFlagged: txt(
        '只读落款日期、发布日期和统计期限，不读正文中的日期（正文所写统计期限由 narrative-period 比较）。能认出、只是写法不规范的日期（2025/1/20）由 date-form 报告。不存在的日期不再与年度或期限比较。',
        "Only 落款日期, 发布日期 and 统计期限 are read, not dates in the text (the period the text states is narrative-period's). A date that can be read but is written another way (2025/1/20) is date-form's. A date that does not exist is not compared with the year or the deadline.",
      ),
      wrong: set('落款日期: 2025-01-20', '落款日期: 2025-02-30'),
      right: set('落款日期: 2025-01-20', '落款日期: 2025-01-20'),
    },
    'date-form': {
      about: txt(
        '日期能识别，但写法不规范。“全部修复”改写为 YYYY-MM-DD。',
        'A date in a recognisable but non-standard form. Fix-all rewrites it as `YYYY-MM-DD`.',
      ),
      notFlagged: txt(
        '格式的两种写法都不报告，月日不补零、带空格或全角数字也可以（2025年01月20日、２０２５ 年 1 月 22 日）。写法不规范的日期仍按其日期与年度和期限比较。',
        'Neither form of the format is reported, with or without leading zeros, spaces or full-width digits (2025年01月20日, ２０２５ 年 1 月 22 日). A date written another way is still compared with the year and the deadline at its date.',
      ),
      wrong: set('落款日期: 2025-01-20', '落款日期: 2025/1/20'),
      right: {
        ...set('落款日期: 2025-01-20', '落款日期: 2025年1月20日'),
        shown: txt(
          '`落款日期: 2025-01-20` 或 `落款日期: 2025年1月20日`',
          '`落款日期: 2025-01-20` or `落款日期: 2025年1月20日`',
        ),
      },
    },
    'period-year': {
      about: txt('统计期限不是年度的 1 月 1 日至 12 月 31 日。', '统计期限 is not 1 January to 31 December of 年度.'),
      notFlagged: txt(
        '没有写统计期限、或只写了起止之一时，不报告没写的一端：格式不要求统计期限。年度无法读出时不比较。',
        'When 统计期限 is not written, or only one of its ends is, the end not written is not reported: the form does not require 统计期限. Nothing is compared when 年度 cannot be read.',
      ),
      wrong: {
        ...set('统计期限: {起: 2024-01-01, 止: 2024-12-31}', '统计期限: {起: 2023-01-01, 止: 2023-12-31}'),
        shown: txt(
          '`年度: 2024` 而 `统计期限: {起: 2023-01-01, 止: 2023-12-31}`',
          '`年度: 2024` with `统计期限: {起: 2023-01-01, 止: 2023-12-31}`',
        ),
      },
      right: set('统计期限: {起: 2024-01-01, 止: 2024-12-31}', '统计期限: {起: 2024-01-01, 止: 2024-12-31}'),
    },
    'signed-before-year-end': {
      about: txt(
        '落款日期或发布日期不晚于年度的 12 月 31 日：报告不能在年度结束前成文。修复改为下一年的同月同日。',
        '落款日期 or 发布日期 lies on or before 31 December of 年度: a report cannot be signed before its year ends. The fix moves it to the same day of the next year.',
      ),
      notFlagged: txt(
        '只比较落款日期和发布日期；前言或正文中的日期不读。不存在的日期由 date-invalid 报告，不再比较。',
        "Only 落款日期 and 发布日期 are compared; dates in the preface or the text are not read. A date that does not exist is date-invalid's and is not compared.",
      ),
      wrong: set('落款日期: 2025-01-20', '落款日期: 2024-01-20'),
      right: set('落款日期: 2025-01-20', '落款日期: 2025-01-20'),
    },
    'past-deadline': {
      about: txt(
        '落款日期或发布日期晚于公布期限：部门为次年 1月31日，本级政府为次年 3月31日（《条例》第四十九条），或设置、配置文件中规定的期限。',
        '落款日期 or 发布日期 is after the deadline: 1月31日 of the next year for a 部门, 3月31日 for a 本级政府 (《条例》第四十九条), or the deadline set in the settings or the config file.',
      ),
      notFlagged: txt(
        '期限当天（部门 1月31日、本级政府 3月31日）不算晚。落款日期和发布日期各自与期限比较，各报告一次。',
        'The deadline day itself (1月31日 for a 部门, 3月31日 for a 本级政府) is not late. 落款日期 and 发布日期 are each compared with the deadline and each reported once.',
      ),
      wrong: {
        ...set('落款日期: 2025-01-20\n发布日期: 2025-01-22', '落款日期: 2025-02-10\n发布日期: 2025-02-12'),
        shown: txt('`机关类型: 部门` 而 `落款日期: 2025-02-10`', '`机关类型: 部门` with `落款日期: 2025-02-10`'),
      },
      right: set('落款日期: 2025-01-20', '落款日期: 2025-01-20'),
    },
    'published-before-signed': {
      about: txt('发布日期早于落款日期。', '发布日期 is before 落款日期.'),
      notFlagged: txt(
        '同一天发布和落款不报告。两个日期缺一个或有一个不存在时不比较。',
        'Published on the day it was signed is not reported. Nothing is compared when either date is absent or does not exist.',
      ),
      wrong: {
        ...set('发布日期: 2025-01-22', '发布日期: 2025-01-10'),
        shown: txt(
          '`落款日期: 2025-01-20` 而 `发布日期: 2025-01-10`',
          '`落款日期: 2025-01-20` with `发布日期: 2025-01-10`',
        ),
      },
      right: set('发布日期: 2025-01-22', '发布日期: 2025-01-22'),
    },
  },
});
