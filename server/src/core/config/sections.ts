/**
 * The parts of the form a config file names, read as leniently as a report's keys: 总体情况,
 * 一, 一、总体情况 and （一）总体情况 are the same section, 主动公开 and 主动公开情况 the same
 * sub-section.
 */
import { sectionNumeral, type FormatDecl, type SectionDecl, type SubsectionDecl } from '../format';
import { LabelMatcher, normalizeLabel } from '../labels';

const matchers = new WeakMap<FormatDecl, LabelMatcher<SectionDecl>>();

function sectionMatcher(format: FormatDecl): LabelMatcher<SectionDecl> {
  let m = matchers.get(format);
  if (!m) {
    m = new LabelMatcher(
      format.sections.map((s) => ({
        label: s.title,
        aliases: [s.key, s.number + s.title, ...(s.aliases ?? [])],
        value: s,
      })),
    );
    matchers.set(format, m);
  }
  return m;
}

/** The section a config names, by its title, key or number (一 … 六). */
export function sectionByName(format: FormatDecl, name: string): SectionDecl | undefined {
  const byNumber = format.sections.find((s) => sectionNumeral(s) === name.trim());
  return byNumber ?? sectionMatcher(format).match(name);
}

/** The closest section title to a name that matched none, for the message. */
export function closestSection(format: FormatDecl, name: string): string | undefined {
  return sectionMatcher(format).closest(name)?.label;
}

/** A declared sub-section of a text section, by its key, title or alias. */
export function subsectionByName(section: SectionDecl, name: string): SubsectionDecl | undefined {
  if (section.kind !== 'text') return undefined;
  const n = normalizeLabel(name);
  return section.subsections.find((s) =>
    [s.key, s.title, ...(s.aliases ?? [])].some((l) => l && normalizeLabel(l) === n),
  );
}
