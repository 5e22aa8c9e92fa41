/** Required and expected metadata fields: 机关, 年度, 落款日期, and the 前言. */
import { finding } from '../codes';
import { keyClaim, txt, type Finding, type Fix } from '../findings';
import { defineRule } from '../rule';
import { fieldUnseen } from '../unseen';
import { topInsertion } from './placement';

export const fieldsRule = defineRule({
  id: 'fields',
  group: 'structure',
  codes: ['missing-field', 'missing-preface'],
  check({ report }) {
    const out: Finding[] = [];
    report.format.meta.forEach((m, i) => {
      const entry = report.meta.get(m.key);
      // A required field written with nothing after it is as missing as one left out: said at its key.
      if (entry?.blank && m.required) {
        const message = txt(
          `“${m.key}”没有填写：${m.description['zh-CN']}`,
          `"${m.key}" is empty: ${m.description.en}`,
        );
        out.push(finding('missing-field', entry.keySpan, message));
        return;
      }
      if (entry || !(m.required || m.expected) || fieldUnseen(report, m)) return;
      const message = txt(`缺少“${m.key}”：${m.description['zh-CN']}`, `"${m.key}" is missing: ${m.description.en}`);
      const { span } = topInsertion(report, i, []);
      if (m.required) {
        out.push(finding('missing-field', span, message));
        return;
      }
      const line = `${m.key}: ""`;
      const { edit } = topInsertion(report, i, [line]);
      const fix: Fix = {
        title: txt(`补上“${m.key}”`, `Add "${m.key}"`),
        edits: [edit],
        safe: true,
        preferred: true,
        writesKey: keyClaim(report.root?.range?.[0] ?? 0, m.key),
        // Between the quotes, where the preface is to be written.
        caret: edit.text.indexOf(line) + line.length - 1,
      };
      out.push(finding('missing-preface', span, message, { fixes: [fix] }));
    });
    return out;
  },
  docs: {
    'missing-field': {
      about: txt(
        '缺少机关、年度或落款日期，或写了却没有填写内容。',
        '机关, 年度 or 落款日期 is missing, or written with nothing after it.',
      ),
      notFlagged: txt(
        '格式不要求机关类型、统计期限和发布日期，没有写不报告。导入的原文没有显示的字段不报告为缺少（如原文在结尾前断开时的落款日期）：由 source-incomplete 说明一次。',
        'The form does not require 机关类型, 统计期限 or 发布日期, and their absence is not reported. A field the imported source did not show (落款日期 when the source breaks off before the end) is not reported missing: source-incomplete says so once.',
      ),
      wrong: {
        edits: [{ replace: '落款日期: 2025-01-20\n', with: '' }],
        shown: txt('没有 `落款日期` 的报告', 'a report without `落款日期`'),
      },
      right: { edits: [{ replace: '落款日期: 2025-01-20', with: '落款日期: 2025-01-20' }] },
    },
    'missing-preface': {
      about: txt('没有前言。“全部修复”会补上一个空的前言。', 'There is no 前言. Fix-all adds an empty one.'),
      notFlagged: txt(
        '写了“前言”但内容为空时不报告：“全部修复”补上的就是一个空的前言，留给机关填写。原文开头未显示的导入报告不报告。',
        'A 前言 that is there but empty is not reported: fix-all adds just such an empty one for the organ to fill in. An imported report whose source does not show its start is not reported.',
      ),
      wrong: {
        edits: [{ replace: '前言: >-\n  ', with: '# ' }],
        shown: txt('直接从“总体情况”开始的报告', 'a report that starts with `总体情况`'),
      },
      right: {
        edits: [{ replace: '前言: >-', with: '前言: >-' }],
        shown: txt('`前言: 本年度报告根据……编制。`', '`前言: 本年度报告根据……编制。`'),
      },
    },
  },
});
