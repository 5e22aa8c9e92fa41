/** The six sections: each present, in the official order. */
import { finding } from '../codes';
import { keyClaim, txt, type Finding, type Fix } from '../findings';
import { sectionNumeral, type SectionDecl } from '../format';
import { indentUnit } from '../layout';
import { defineRule } from '../rule';
import { sectionLines } from '../skeleton';
import { sectionUnseen } from '../unseen';
import { topInsertion } from './placement';

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
    // A section is out of order when one that should follow it comes before it.
    const sections = report.format.sections;
    let highest: SectionDecl | undefined;
    for (const entry of report.sections) {
      const idx = sections.indexOf(entry.decl);
      if (highest && sections.indexOf(highest) > idx) {
        const [a, b] = [sectionNumeral(entry.decl), sectionNumeral(highest)];
        out.push(
          finding(
            'section-order',
            entry.keySpan,
            txt(
              `第${a}部分“${entry.decl.title}”应在第${b}部分“${highest.title}”之前`,
              `section ${a} "${entry.decl.title}" must come before section ${b} "${highest.title}"`,
            ),
          ),
        );
      } else highest = entry.decl;
    }
    return out;
  },
  docs: {
    'missing-section': {
      about: txt(
        '六个部分中缺少一个。修复会在规定位置补上（表格各行填 0，文字部分留空）。',
        'One of the six sections is missing. The fix inserts it in its official place (tables with every row at zero, texts empty).',
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
