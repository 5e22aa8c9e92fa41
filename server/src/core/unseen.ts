/**
 * What the source of an imported report did not show. A report imported from an excerpt or from
 * a page cut short (原文不完整) lacks what its source did not show: its title and preface, text
 * left out within a section, everything after the point where it ends. A rule that finds
 * something missing asks here first, so that only what the source shows to be missing is
 * reported as missing.
 */
import type { MetaDecl, SectionDecl } from './format';
import type { Report } from './model';

/** A field printed at the start (title, preface) or the end (signature) of a report, where the source showed no such part. */
export function fieldUnseen(report: Report, meta: MetaDecl): boolean {
  const inc = report.incomplete;
  return (
    !!inc &&
    ((meta.printed === 'start' && inc.start !== undefined) || (meta.printed === 'end' && inc.end !== undefined))
  );
}

/** A section after the last one the source showed, when the source ends early. */
export function sectionUnseen(report: Report, decl: SectionDecl): boolean {
  return report.incomplete?.end !== undefined && report.format.sections.indexOf(decl) > lastShown(report);
}

/**
 * A part of a section (a sub-section or a row, by its place in the declaration) after the last
 * one the source showed of that section, where text was left out after it or the source ends in it.
 */
export function partUnseen(report: Report, section: SectionDecl, index: number, shown: readonly number[]): boolean {
  const inc = report.incomplete;
  if (!inc) return false;
  const cut =
    inc.gaps.includes(section) ||
    (inc.end !== undefined && report.format.sections.indexOf(section) === lastShown(report));
  return cut && index > Math.max(-1, ...shown);
}

/** The place in the declaration of the last section the report has. */
function lastShown(report: Report): number {
  return Math.max(-1, ...report.sections.map((s) => report.format.sections.indexOf(s.decl)));
}
