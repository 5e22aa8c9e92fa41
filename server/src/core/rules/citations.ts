/** A report that cites an older format's notice (国办公开办函〔2019〕60号) instead of its own. */
import { finding } from '../codes';
import { txt } from '../findings';
import type { FormatDecl } from '../format';
import { defineRule } from '../rule';

const CITED = /^〔(\d{4})〕(\d+)号$/u;

/** A citation as printed, with any kind of bracket around the year and spaces anywhere. */
function citationPattern(citation: string): RegExp | undefined {
  const m = CITED.exec(citation);
  return m ? new RegExp(`[〔[【（(]\\s*${m[1]}\\s*[〕\\]】）)]\\s*${m[2]}\\s*号`, 'gu') : undefined;
}

const patterns = new WeakMap<FormatDecl, { year: string; citation: string; re: RegExp }[]>();

function patternsOf(format: FormatDecl) {
  let p = patterns.get(format);
  if (!p) {
    p = format.legacyCitations.flatMap((citation) => {
      const re = citationPattern(citation);
      return re ? [{ year: CITED.exec(citation)![1], citation, re }] : [];
    });
    patterns.set(format, p);
  }
  return p;
}

export const citationsRule = defineRule({
  id: 'citations',
  group: 'file',
  codes: ['legacy-format-cited'],
  check({ report }) {
    const blocks = report.preface ? [report.preface, ...report.texts] : report.texts;
    const own = report.format.name;
    return blocks.flatMap((b) =>
      patternsOf(report.format).flatMap(({ year, citation, re }) => {
        // The pattern tries every character; most texts do not mention the year at all.
        if (!b.text.includes(year)) return [];
        return [...b.text.matchAll(re)].map((m) =>
          finding(
            'legacy-format-cited',
            { start: b.offsetAt(m.index!), end: b.offsetAt(m.index! + m[0].length - 1) + 1 },
            txt(
              `引用的是旧的试行格式（国办公开办函${citation}）；应依据${own}`,
              `cites the older trial format (国办公开办函${citation}); the format is ${own}`,
            ),
          ),
        );
      }),
    );
  },
  docs: {
    'legacy-format-cited': {
      about: txt(
        '正文引用的是 2019 年试行格式（国办公开办函〔2019〕60号），而不是 2021 年格式。',
        'The text cites 国办公开办函〔2019〕60号 instead of the 2021 format.',
      ),
      notFlagged: txt(
        '没有引用任何格式的报告不报告：格式并不要求引用文号，错的只是引用已被取代的格式。只读前言和正文，不读注释。',
        'A report that cites no format is not reported: the form does not require the citation; only citing the replaced format is wrong. Only the 前言 and the texts are read, not comments.',
      ),
      wrong: { edits: [{ replace: '（国办公开办函〔2021〕30号）编制', with: '（国办公开办函〔2019〕60号）编制' }] },
      right: { edits: [{ replace: '（国办公开办函〔2021〕30号）编制', with: '（国办公开办函〔2021〕30号）编制' }] },
    },
  },
});
