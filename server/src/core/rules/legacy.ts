/** A 2021-format report that cites the 2019 trial format (国办公开办函〔2019〕60号). */
import { txt, type Finding } from '../findings';
import type { Report } from '../model';
import { finding } from './finding';

const CITATION = /[〔[【（(]\s*2019\s*[〕\]】）)]\s*60\s*号/gu;

export function checkLegacyCitations(report: Report): Finding[] {
  const out: Finding[] = [];
  const blocks = report.preface ? [report.preface, ...report.texts] : report.texts;
  for (const b of blocks) {
    // The regex tries every character; most texts do not mention 2019 at all.
    if (!b.text.includes('2019')) continue;
    for (const m of b.text.matchAll(CITATION)) {
      const start = b.offsetAt(m.index!);
      const end = b.offsetAt(m.index! + m[0].length - 1) + 1;
      out.push(
        finding(
          'legacy-format-cited',
          { start, end },
          txt(
            '引用的是 2019 年试行格式（国办公开办函〔2019〕60号）；2021 年起应依据国办公开办函〔2021〕30号',
            'cites the 2019 trial format (国办公开办函〔2019〕60号); since 2021 the format is 国办公开办函〔2021〕30号',
          ),
        ),
      );
    }
  }
  return out;
}
