/**
 * 机关 and 年度 read off a report's top-level lines without parsing it: how the CLI pairs its
 * files with last year's report and how the server picks, among the workspace's files, the
 * one to parse. A guess, which the full parse confirms. One pass over the text, each line
 * looked at from its start, so that no shape of line (a long run of spaces) costs more.
 */
import { withoutComment } from './comment';
import { FORMAT_2021, type FormatDecl, type MetaRole } from './format';

export interface Header {
  organ?: string;
  year?: number;
}

export function readHeader(text: string, format: FormatDecl = FORMAT_2021): Header {
  // As the parse reads them: the fields with the roles organ and year, by any of their labels.
  const labels = (role: MetaRole) =>
    format.meta.filter((m) => m.role === role).flatMap((m) => [m.key, ...(m.aliases ?? [])]);
  const organLabels = labels('organ');
  const yearLabels = labels('year');
  const header: Header = {};
  // The first organ line is the organ (a later one is a duplicate key); a year line without a year is passed over.
  let organLine = false;
  for (let start = 0; start < text.length && (!organLine || header.year === undefined);) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (!organLine) {
      const value = valueAfter(text, start, end, organLabels);
      organLine = value !== undefined;
      if (value !== undefined) header.organ = organValue(value);
    }
    if (header.year === undefined) {
      const value = valueAfter(text, start, end, yearLabels);
      const m = value === undefined ? null : /^["']?(\d{4})/.exec(value);
      if (m) header.year = Number(m[1]);
    }
    start = end + 1;
  }
  return header;
}

/** What follows `label:` (or `label：`) on a line that starts with one of the labels. */
function valueAfter(text: string, start: number, end: number, labels: string[]): string | undefined {
  for (const label of labels) {
    if (!text.startsWith(label, start)) continue;
    let i = start + label.length;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text[i] !== ':' && text[i] !== '：') continue;
    i++;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    const stop = text[end - 1] === '\r' ? end - 1 : end;
    return text.slice(i, Math.max(i, stop));
  }
  return undefined;
}

/** The value without a trailing comment and quotes; undefined when nothing is left. */
function organValue(value: string): string | undefined {
  let v = withoutComment(value).trim();
  const q = v[0];
  if (v.length >= 2 && (q === '"' || q === "'") && v[v.length - 1] === q) v = v.slice(1, -1);
  return v || undefined;
}
