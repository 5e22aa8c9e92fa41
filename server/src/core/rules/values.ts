/** Values of the wrong kind: 年度 that is not a year, 机关类型 not one of the format's, a table that is not a mapping. */
import { finding } from '../codes';
import { txt, type Fix, type Text } from '../findings';
import type { Expected } from '../model';
import { defineRule } from '../rule';

function expectation(field: string, e: Expected): Text {
  switch (e.kind) {
    case 'format':
      return txt(`${field}应为 ${e.ids.join(' 或 ')}`, `${field} must be ${e.ids.join(' or ')}`);
    case 'text':
      return txt(`“${field}”应是一段文字`, `"${field}" must be a text`);
    case 'organType':
      return txt(`${field}应为 ${e.types.join(' 或 ')}`, `${field} must be ${e.types.join(' or ')}`);
    case 'year-plain':
      return txt(`${field}应写作整数，如 ${e.year}`, `${field} must be an integer, e.g. ${e.year}`);
    case 'year':
      return txt(`${field}应是四位整数，如 2024`, `${field} must be a four-digit year, e.g. 2024`);
    case 'period':
      return txt(
        `${field}应写作 {${e.start}: 日期, ${e.end}: 日期}`,
        `${field} must be written {${e.start}: DATE, ${e.end}: DATE}`,
      );
    case 'date':
      return txt(
        `${field}应是一个日期，如 2025-01-20 或 2025年1月20日`,
        `${field} must be a date, e.g. 2025-01-20 or 2025年1月20日`,
      );
    case 'paragraphs':
      return txt('这里应是一段文字（多段可用 |- 写成块）', 'a text is expected here (use |- for several paragraphs)');
    case 'table':
      return txt(`“${field}”应是由各行组成的映射`, `"${field}" must be a mapping of its rows`);
    case 'group':
      return txt(`“${field}”应是由其各项组成的映射`, `"${field}" must be a mapping of its items`);
    case 'misprints':
      return txt(`${field}应写作 {原文印的标签: 官方标签}`, `${field} must be written {printed label: official label}`);
    case 'official-label':
      return txt(`“${field}”后应写它所代表的官方标签`, `the official label "${field}" stands for is expected here`);
    case 'unknown-label':
      return txt(
        `“${e.label}”不是${e.format}表格或部分的标签：“${field}”后应写它所代表的官方标签`,
        `"${e.label}" is not a label of ${e.format}: after "${field}" write the official label it stands for`,
      );
    case 'incomplete':
      return txt(
        `${field}应写作 {${e.start}: 说明, ${e.gaps}: [部分], ${e.end}: 说明}`,
        `${field} must be written {${e.start}: NOTE, ${e.gaps}: [SECTIONS], ${e.end}: NOTE}`,
      );
    case 'section':
      return txt(`${field}应列出报告的部分，如“总体情况”`, `${field} must list sections of the report, e.g. 总体情况`);
  }
}

export const valuesRule = defineRule({
  id: 'values',
  group: 'file',
  codes: ['invalid-value'],
  check({ report }) {
    return report.facts.flatMap((fact) => {
      if (fact.kind !== 'invalid') return [];
      const fixes: Fix[] = [];
      if (fact.expected.kind === 'year-plain') {
        const y = fact.expected.year;
        fixes.push({
          title: txt(`改为 ${y}`, `Write ${y}`),
          edits: [{ ...fact.span, text: y }],
          safe: true,
          preferred: true,
        });
      }
      return [finding('invalid-value', fact.span, expectation(fact.field, fact.expected), { fixes })];
    });
  },
  docs: {
    'invalid-value': {
      about: txt(
        '取值类型不对：年度不是年份、机关类型不是“部门”或“本级政府”、格式不是 2021、表格或部分的结构不对。`年度: 2024年` 可一键修复。',
        'A value of the wrong kind: 年度 not a year, 机关类型 not 部门 or 本级政府, 格式 not 2021, a table or section of the wrong shape. `年度: 2024年` has a fix.',
      ),
      notFlagged: txt(
        '写法不同但意思明确的取值不报告：机关类型中多出的空格（“部 门”）、加了引号的格式（"2021"）。`年度: 2024年` 仍按 2024 年读，日期照常与它比较；无法读出的年度（`年度: 24`）则不猜测，依赖年度的日期检查不作报告。',
        'A value written differently but plainly meant is not reported: spaces in 机关类型 (部 门), 格式 in quotes ("2021"). `年度: 2024年` is still read as 2024, and the dates are checked against it; a 年度 that cannot be read (`年度: 24`) is not guessed, and the date checks that need it report nothing.',
      ),
      wrong: { edits: [{ replace: '机关类型: 部门', with: '机关类型: 政府部门' }] },
      right: { edits: [{ replace: '机关类型: 部门', with: '机关类型: 部门' }] },
    },
  },
});
