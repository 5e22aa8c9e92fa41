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
      if (report.meta.has(m.key) || !(m.required || m.expected) || fieldUnseen(report, m)) return;
      const message = txt(`缺少“${m.key}”：${m.description['zh-CN']}`, `"${m.key}" is missing: ${m.description.en}`);
      const { span } = topInsertion(report, i, []);
      if (m.required) {
        out.push(finding('missing-field', span, message));
        return;
      }
      const { edit } = topInsertion(report, i, [`${m.key}: ""`]);
      const fix: Fix = {
        title: txt(`补上“${m.key}”`, `Add "${m.key}"`),
        edits: [edit],
        safe: true,
        preferred: true,
        writesKey: keyClaim(report.root?.range?.[0] ?? 0, m.key),
      };
      out.push(finding('missing-preface', span, message, { fixes: [fix] }));
    });
    return out;
  },
  docs: {
    'missing-field': {
      about: txt('缺少机关、年度或落款日期。', '机关, 年度 or 落款日期 is missing.'),
      wrong: {
        edits: [{ replace: '落款日期: 2025-01-20\n', with: '' }],
        shown: txt('没有 `落款日期` 的报告', 'a report without `落款日期`'),
      },
      right: { edits: [{ replace: '落款日期: 2025-01-20', with: '落款日期: 2025-01-20' }] },
    },
    'missing-preface': {
      about: txt('没有前言。“全部修复”会补上一个空的前言。', 'There is no 前言. Fix-all adds an empty one.'),
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
