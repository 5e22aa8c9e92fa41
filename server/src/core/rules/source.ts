/**
 * A report imported from a source that did not show all of it (原文不完整: an excerpt, a page
 * or a text cut short): said once, as information, so that the reader knows why nothing is
 * reported missing where the source showed nothing (see unseen.ts).
 */
import { finding } from '../codes';
import { txt } from '../findings';
import { defineRule } from '../rule';

export const sourceRule = defineRule({
  id: 'source',
  group: 'file',
  codes: ['source-incomplete'],
  check({ report }) {
    const inc = report.incomplete;
    if (!inc || (inc.start === undefined && inc.end === undefined && !inc.gaps.length)) return [];
    const zh: string[] = [];
    const en: string[] = [];
    const why = (s: string) => (s.trim() ? `（${s.trim()}）` : '');
    const whyEn = (s: string) => (s.trim() ? ` (${s.trim()})` : '');
    if (inc.start !== undefined) {
      zh.push(`开头未显示${why(inc.start)}`);
      en.push(`its start is not shown${whyEn(inc.start)}`);
    }
    for (const s of inc.gaps) {
      zh.push(`“${s.title}”中有省略`);
      en.push(`text is left out in "${s.title}"`);
    }
    if (inc.end !== undefined) {
      zh.push(`结尾未显示${why(inc.end)}`);
      en.push(`its end is not shown${whyEn(inc.end)}`);
    }
    return [
      finding(
        'source-incomplete',
        inc.keySpan,
        txt(
          `导入的原文不完整：${zh.join('；')}。原文没有显示的部分、表格行和日期不报告为缺失，请以完整的报告核对`,
          `the imported source is incomplete: ${en.join('; ')}. What it did not show is not reported as missing; check against the whole report`,
        ),
      ),
    ];
  },
  docs: {
    'source-incomplete': {
      about: txt(
        '报告由不完整的原文导入（摘录，或在中途断开的网页、文本），导入时写下了“原文不完整”。原文没有显示的部分（开头的标题和前言、省略之处之后、断开之处之后的部分、表格行和落款日期）不报告为缺失；原文显示的部分照常检查。',
        'The report was imported from an incomplete source (an excerpt, or a page or text that breaks off), and import wrote 原文不完整. What the source did not show (the title and preface at its start, what follows a gap or the point where it breaks off: sections, rows, the signature date) is not reported as missing; what it shows is checked as usual.',
      ),
      wrong: {
        edits: [{ replace: '前言: >-', with: '原文不完整: {结尾: 在“全年共收到”处中断}\n前言: >-' }],
        shown: txt('`原文不完整: {结尾: 在“全年共收到”处中断}`', '`原文不完整: {结尾: 在“全年共收到”处中断}`'),
      },
      right: {
        edits: [{ replace: '前言: >-', with: '前言: >-' }],
        shown: txt('由完整的报告导入：没有“原文不完整”', 'imported from the whole report: no 原文不完整'),
      },
    },
  },
});
