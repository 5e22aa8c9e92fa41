/**
 * Labels the published report misprinted (原文标签, written by import): each entry is a
 * defect of the published form, reported where it is recorded, since the table itself is
 * written with the official labels.
 */
import { finding } from '../codes';
import { txt } from '../findings';
import { defineRule } from '../rule';

export const misprintsRule = defineRule({
  id: 'misprints',
  group: 'file',
  codes: ['misprinted-label'],
  check({ report }) {
    return report.misprints.map((m) =>
      finding(
        'misprinted-label',
        { start: m.keySpan.start, end: m.span.end },
        txt(
          `原文把标签“${m.official}”印成了“${m.printed}”，与${report.format.name}的格式不符`,
          `the published report prints the label "${m.official}" as "${m.printed}", which is not the label of ${report.format.name}`,
        ),
      ),
    );
  },
  docs: {
    'misprinted-label': {
      about: txt(
        '导入时发现原文把某个官方标签印错了（如“本年废止件数”印成“本年度止件数”），记在“原文标签”中；表格本身按官方标签写，这一缺陷在此报告。',
        'Import found a label the published report misprinted (本年度止件数 for 本年废止件数) and recorded it under 原文标签; the table itself is written with the official labels, and the defect is reported here.',
      ),
      notFlagged: txt(
        '只报告“原文标签”中记下的印错之处，每个一次；表格本身按官方标签写，不再因此报告未知的键。空的“原文标签”不报告；与所印标签相同的一项（只差空格或全角半角）不是印错；所写的官方标签不是格式中的标签时，错的是这一项本身，报告为取值不对（invalid-value），不报告原文印错。',
        "Only what 原文标签 records is reported, once per label; the table itself is written with the official labels and gives no unknown key for it. An empty 原文标签 is not reported; an entry whose official label is the printed one (but for spaces or full-width forms) is no misprint; an entry whose official label is not one of the format's is itself wrong, and is reported as invalid-value, not as a misprint of the published report.",
      ),
      wrong: {
        edits: [{ replace: '\n前言: >-', with: '\n原文标签: {本年度止件数: 本年废止件数}\n\n前言: >-' }],
      },
      right: {
        edits: [{ replace: '\n前言: >-', with: '\n前言: >-' }],
        shown: txt('没有“原文标签”：原文的标签与格式一致', "no 原文标签: the published labels are the format's"),
      },
    },
  },
});
