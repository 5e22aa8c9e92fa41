/** The answers the New Annual Report command asks for, checked without the editor (testable). */

export type InputProblem = 'organEmpty' | 'organTooLong' | 'yearNotNumber' | 'yearOutOfRange';

/** The 机关 as typed: any non-empty name of reasonable length. */
export function organProblem(value: string): InputProblem | undefined {
  const v = value.trim();
  if (!v) return 'organEmpty';
  if (v.length > 100) return 'organTooLong';
  return undefined;
}

/** A four-digit year, also typed full-width or with 年/年度 after it. */
export function parseYear(value: string): number | undefined {
  const m = /^\s*(\d{4})\s*(?:年度?\s*)?$/.exec(value.normalize('NFKC'));
  return m ? Number(m[1]) : undefined;
}

export function yearProblem(value: string, today: Date): InputProblem | undefined {
  const y = parseYear(value);
  if (y === undefined) return 'yearNotNumber';
  // The parser reads 1900–2999; a report is written in the year after the one it covers.
  if (y < 2000 || y > today.getFullYear()) return 'yearOutOfRange';
  return undefined;
}

/** Reports are written in the first months of the next year, so last year is the usual answer. */
export function defaultYear(today: Date): number {
  return today.getFullYear() - 1;
}

/** A file name for the new report: 机关-年度.report.yaml, without characters file systems refuse. */
export function reportFileName(organ: string, year: number): string {
  const safe = organ
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60)
    .replace(/^\.+/, '');
  return `${safe ? `${safe}-` : ''}${year}.report.yaml`;
}

/** `name.report.yaml`, then `name-2.report.yaml`, … : the first that `exists` does not know. */
export async function freeName(name: string, exists: (candidate: string) => Promise<boolean>): Promise<string> {
  const base = name.replace(/\.report\.yaml$/, '');
  for (let i = 1; i < 1000; i++) {
    const candidate = i === 1 ? name : `${base}-${i}.report.yaml`;
    if (!(await exists(candidate))) return candidate;
  }
  return name;
}
