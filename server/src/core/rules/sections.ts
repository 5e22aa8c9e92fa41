/** The six sections: each present, in the official order. */
import { finding } from '../codes';
import { keyClaim, txt, type Finding, type Fix } from '../findings';
import { sectionNumeral, type SectionDecl } from '../format';
import { indentUnit } from '../layout';
import type { SectionEntry } from '../model';
import { defineRule } from '../rule';
import { sectionLines } from '../skeleton';
import { sectionUnseen } from '../unseen';
import { topInsertion } from './placement';

/**
 * The sections to move: those outside the longest run already in order (the earliest such run
 * on a tie), so that one section moved to the wrong place is one finding, whatever it jumped over.
 */
function outOfOrder(entries: readonly SectionEntry[], sections: readonly SectionDecl[]): Finding[] {
  const idx = entries.map((e) => sections.indexOf(e.decl));
  const length = idx.map(() => 1);
  const before = idx.map(() => -1);
  for (let i = 0; i < idx.length; i++)
    for (let j = 0; j < i; j++)
      if (idx[j] < idx[i] && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        before[i] = j;
      }
  const kept = new Set<number>();
  for (let i = length.indexOf(Math.max(0, ...length)); i >= 0; i = before[i]) kept.add(i);
  const out: Finding[] = [];
  entries.forEach((entry, i) => {
    if (kept.has(i)) return;
    // Named by the nearest section in order that should follow it, else the last that should precede it.
    const keptDecls = [...kept].map((k) => idx[k]).sort((a, b) => a - b);
    const next = keptDecls.find((k) => k > idx[i]);
    const other = sections[next ?? keptDecls.filter((k) => k < idx[i]).pop()!];
    const [a, b] = [sectionNumeral(entry.decl), sectionNumeral(other)];
    out.push(
      finding(
        'section-order',
        entry.keySpan,
        next !== undefined
          ? txt(
              `第${a}部分“${entry.decl.title}”应在第${b}部分“${other.title}”之前`,
              `section ${a} "${entry.decl.title}" must come before section ${b} "${other.title}"`,
            )
          : txt(
              `第${a}部分“${entry.decl.title}”应在第${b}部分“${other.title}”之后`,
              `section ${a} "${entry.decl.title}" must come after section ${b} "${other.title}"`,
            ),
      ),
    );
  });
  return out;
}

export const sectionsRule = defineRule({
  id: 'sections',
  group: 'structure',
  codes: ['missing-section', 'section-order'],
  check({ report }) {
    const out: Finding[] = [];
    const metaCount = report.format.meta.length;
    const unit = indentUnit(report.text);
    report.format.sections.forEach((s, i) => {
      if (report.sections.some((e) => e.decl === s) || sectionUnseen(report, s)) return;
      const lines = sectionLines(s, '', unit);
      const { span, edit } = topInsertion(
        report,
        metaCount + i,
        ['', ...lines].slice(report.root?.items.length ? 0 : 1),
      );
      const fix: Fix = {
        title: txt(`补上“${s.number}${s.title}”`, `Add "${s.number}${s.title}"`),
        edits: [edit],
        safe: true,
        preferred: true,
        writesKey: keyClaim(report.root?.range?.[0] ?? 0, s.key),
      };
      const n = sectionNumeral(s);
      out.push(
        finding('missing-section', span, txt(`缺少第${n}部分“${s.title}”`, `section ${n} "${s.title}" is missing`), {
          fixes: [fix],
        }),
      );
    });
    out.push(...outOfOrder(report.sections, report.format.sections));
    return out;
  },
  docs: {
    'missing-section': {
      about: txt(
        '六个部分中缺少一个。修复会在规定位置补上（表格各行填 0，文字部分留空）。',
        'One of the six sections is missing. The fix inserts it in its official place (tables with every row at zero, texts empty).',
      ),
      notFlagged: txt(
        '写了编号或用了别的叫法（“六、其他需要报告的事项”）的部分不算缺少。写了标题、内容为空的部分不算缺少：内容是否够由 section-five-empty、fee-not-stated 等判断。导入的原文在结尾前断开时，断开之后的部分不报告（见 source-incomplete）。',
        'A section written with its number or another name (六、其他需要报告的事项) is not missing. A section whose title is there with nothing under it is not missing either: whether its text is enough is for section-five-empty, fee-not-stated and the like. When an imported source breaks off, the sections after the break are not reported (see source-incomplete).',
      ),
      wrong: {
        edits: [{ replace: '其他需要报告的事项: >-\n  ', with: '# ' }],
        shown: txt('没有“其他需要报告的事项”的报告', 'a report without `其他需要报告的事项`'),
      },
      right: {
        edits: [{ replace: '其他需要报告的事项: >-', with: '其他需要报告的事项: >-' }],
        shown: txt(
          '`其他需要报告的事项: 本机关 2024 年度未收取信息处理费。`',
          '`其他需要报告的事项: 本机关 2024 年度未收取信息处理费。`',
        ),
      },
    },
    'section-order': {
      about: txt('六个部分应按一至六的顺序排列。', 'The six sections must come in the order 一 … 六.'),
      notFlagged: txt(
        '只比较写了的部分：缺少某一部分不会使其余部分顺序错误。字段（机关、年度……）的先后、“总体情况”各方面和表格各行的先后不检查：格式只规定了六个部分的顺序。',
        'Only the sections that are there are compared: a missing one does not put the others out of order. The order of the fields (机关, 年度…), of the parts of 总体情况 and of the rows of a table is not checked: the form prescribes the order of the six sections only.',
      ),
      wrong: {
        edits: [
          { replace: '其他需要报告的事项: >-\n  本机关 2024 年度未收取政府信息公开信息处理费。\n', with: '' },
          {
            replace: '存在的主要问题及改进情况: >-',
            with: '其他需要报告的事项: >-\n  本机关 2024 年度未收取政府信息公开信息处理费。\n\n存在的主要问题及改进情况: >-',
          },
        ],
        shown: txt(
          '“其他需要报告的事项”写在“存在的主要问题及改进情况”之前',
          '`其他需要报告的事项` before `存在的主要问题及改进情况`',
        ),
      },
      right: {
        edits: [{ replace: '存在的主要问题及改进情况: >-', with: '存在的主要问题及改进情况: >-' }],
        shown: txt(
          '总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。',
          '总体情况, 主动公开政府信息情况, 收到和处理政府信息公开申请情况, 政府信息公开行政复议、行政诉讼情况, 存在的主要问题及改进情况, 其他需要报告的事项.',
        ),
      },
    },
  },
});
