/**
 * CSV as spreadsheets read it (RFC 4180): every field quoted where it must be, lines ended
 * with CRLF, and a byte-order mark so that Excel and WPS take the file as UTF-8 (without it
 * they read Chinese as GBK). A field that a spreadsheet would take for a formula (= + - @ at
 * its start) is prefixed with an apostrophe, so that no text from a report runs as one.
 */
import { SEVERITY_NAMES, type SummaryEntry } from './entry';
import { timelinessText } from './html';
import type { Locale } from '../findings';
import { points } from './opinion';

export const CSV_BOM = '\ufeff';

const FORMULA = /^[=+\-@\t\r]/;

export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRecord(values: (string | number | undefined)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/** The summary as CSV: one record per report, the same columns as the page. */
export function summaryCsv(entries: readonly SummaryEntry[], locale: Locale): string {
  const names = SEVERITY_NAMES[locale];
  const zh = locale === 'zh-CN';
  const scored = entries.some((x) => x.score);
  const head = zh
    ? [
        '文件',
        '机关',
        '机关类型',
        '年度',
        '落款日期',
        '公布期限',
        '按期',
        names.error,
        names.warning,
        names.information,
      ]
    : ['file', 'organ', 'organ type', 'year', 'signed', 'deadline', 'on time', 'errors', 'warnings', 'information'];
  const out = [CSV_BOM + csvRecord([...head, ...(scored ? [zh ? '得分' : 'score', zh ? '扣分' : 'deducted'] : [])])];
  for (const x of entries) {
    const f = x.facts;
    out.push(
      csvRecord([
        x.file,
        f.organ,
        f.organType,
        f.year,
        f.signed,
        f.deadline,
        timelinessText(f, locale),
        x.counts.error,
        x.counts.warning,
        x.counts.information,
        ...(scored ? [x.score && points(x.score.score), x.score && points(x.score.deducted)] : []),
      ]),
    );
  }
  return out.join('');
}
