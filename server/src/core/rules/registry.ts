/**
 * Every rule code with its default severity and a one-line title. The codes are stable:
 * they appear in settings, suppression comments and docs/rules.md.
 */
import { txt, type Severity, type Text } from '../findings';

/** Which part of docs/rules.md documents the rule. */
export type RuleGroup = 'file' | 'structure' | 'arithmetic' | 'dates' | 'suppression' | 'narrative' | 'cross-year';

export interface RuleInfo {
  code: string;
  group: RuleGroup;
  severity: Severity;
  title: Text;
}

type Entry = [code: string, severity: Severity, zh: string, en: string];
const group = (g: RuleGroup, entries: Entry[]): RuleInfo[] =>
  entries.map(([code, severity, zh, en]) => ({ code, group: g, severity, title: txt(zh, en) }));

export const RULES: RuleInfo[] = [
  ...group('file', [
    ['undecodable-text', 'error', '有无法解码的字节', 'bytes that could not be decoded'],
    ['yaml-syntax', 'error', 'YAML 语法错误', 'YAML syntax error'],
    ['not-a-report', 'error', '文件不是报告映射', 'the file is not a report mapping'],
    ['unknown-key', 'warning', '未知的键', 'unknown key'],
    ['duplicate-key', 'error', '重复的键', 'duplicate key'],
    ['legacy-label', 'warning', '2019 年试行格式的标签', 'label of the 2019 trial format'],
    ['legacy-format-cited', 'warning', '引用了 2019 年试行格式', 'cites the 2019 trial format'],
    ['invalid-value', 'error', '取值无效', 'invalid value'],
  ]),
  ...group('structure', [
    ['missing-field', 'error', '缺少必填项', 'missing required field'],
    ['missing-preface', 'warning', '缺少前言', 'missing preface'],
    ['missing-section', 'error', '缺少部分', 'missing section'],
    ['section-order', 'error', '部分顺序错误', 'sections out of order'],
    ['missing-row', 'error', '缺少表格行', 'missing table row'],
    ['missing-cell', 'error', '缺少单元格', 'missing cell'],
    ['extra-cell', 'error', '多余的单元格', 'extra cell'],
    ['group-as-row', 'warning', '分组写成了一行', 'group written as one row'],
    ['cell-not-number', 'error', '单元格不是数字', 'cell is not a number'],
    ['cell-negative', 'error', '单元格为负数', 'negative cell'],
    ['cell-fractional', 'error', '件数不是整数', 'count is not a whole number'],
    ['number-too-large', 'error', '数字超出可精确表示的范围', 'number beyond exact range'],
    ['missing-subsection', 'warning', '总体情况缺少应有的方面', 'overview misses an expected topic'],
    ['section-five-empty', 'warning', '第五部分没有实际内容', 'section 五 has no real text'],
    ['fee-not-stated', 'warning', '未说明信息处理费收取情况', 'information processing fees not stated'],
    ['rules-by-department', 'information', '部门报告了规章', 'a department reports 规章'],
  ]),
  ...group('arithmetic', [
    ['row-total', 'error', '行的总计与各列之和不符', 'row total differs from the sum of its columns'],
    ['result-total', 'error', '办理结果总计与各项之和不符', 'result total differs from the sum of the results'],
    ['balance', 'error', '勾稽关系不成立（一＋二＝三＋四）', 'balance broken (一 + 二 = 三 + 四)'],
    ['review-total', 'error', '复议、诉讼的总计与各项之和不符', 'review/litigation total differs from its parts'],
  ]),
  ...group('dates', [
    ['date-invalid', 'error', '日期不存在或无法识别', 'date does not exist or cannot be read'],
    ['date-form', 'warning', '日期写法不规范', 'date in a non-standard form'],
    ['period-year', 'error', '统计期限与年度不符', 'statistics period differs from the year'],
    ['signed-before-year-end', 'error', '日期早于报告年度结束', 'date before the end of the reporting year'],
    ['past-deadline', 'warning', '晚于法定公布期限', 'after the statutory deadline'],
    ['published-before-signed', 'information', '发布日期早于落款日期', 'published before it was signed'],
  ]),
  ...group('suppression', [
    ['unknown-suppression', 'warning', '抑制注释中的未知规则代码', 'unknown rule code in a suppression comment'],
  ]),
  ...group('narrative', [
    [
      'narrative-requests',
      'warning',
      '正文中的申请数字与表格三不符',
      'a request figure in the text differs from table 三',
    ],
    [
      'narrative-documents',
      'warning',
      '正文中的规章、规范性文件件数与表格二不符',
      'a document count in the text differs from table 二',
    ],
    [
      'narrative-reviews',
      'warning',
      '正文中的行政复议、行政诉讼情况与表格四不符',
      'reconsideration or litigation in the text differs from table 四',
    ],
    ['narrative-rate', 'warning', '正文中的比率与其数字不符', 'a rate in the text does not follow from its counts'],
    ['narrative-rate-truncated', 'information', '比率是截断值而非四舍五入', 'a rate cut off instead of rounded'],
    ['narrative-list-sum', 'warning', '“其中”各项之和与总数不符', 'the items after 其中 do not add up to the total'],
    [
      'narrative-period',
      'warning',
      '正文中的统计期限与统计期限不符',
      'the period stated in the text differs from 统计期限',
    ],
    ['narrative-plan-year', 'warning', '改进计划不是针对下一年', 'plans not for the year after the report'],
    ['narrative-year', 'warning', '本年度的内容写成了别的年份', "this year's content written under another year"],
  ]),
  ...group('cross-year', [
    [
      'cross-year-carryover',
      'warning',
      '上年结转与上年报告的结转下年度不符',
      "carried over differs from last year's carry-forward",
    ],
    [
      'cross-year-stock',
      'information',
      '现行有效件数与上年报告衔接不上',
      "documents in force do not follow from last year's",
    ],
    [
      'cross-year-growth',
      'warning',
      '同比增减与上年报告的数字不符',
      "a year-on-year change differs from last year's figure",
    ],
  ]),
];

const byCode = new Map(RULES.map((r) => [r.code, r]));

export function ruleInfo(code: string): RuleInfo | undefined {
  return byCode.get(code);
}

export function defaultSeverity(code: string): Severity {
  return byCode.get(code)?.severity ?? 'warning';
}
