/**
 * Every rule code with its default severity and a one-line title. The codes are stable: they
 * appear in settings, the config file, suppression comments and docs/rules.md. `RuleCode` is
 * made from this list, so a misspelt code does not compile; each code is reported by exactly
 * one rule module (rules/index.ts).
 */
import { txt, type Finding, type Fix, type Related, type Severity, type Span, type Text } from './findings';

interface CodeInfo {
  severity: Severity;
  title: Text;
  /**
   * The finding says something is not there (a section, a row, a topic): after a YAML error
   * that swallowed part of the file it may be there after all, and is withheld.
   */
  absence?: boolean;
}

const code = (severity: Severity, zh: string, en: string, absence = false): CodeInfo =>
  absence ? { severity, title: txt(zh, en), absence } : { severity, title: txt(zh, en) };

export const CODES = {
  'undecodable-text': code('error', '有无法解码的字节', 'bytes that could not be decoded'),
  'yaml-syntax': code('error', 'YAML 语法错误', 'YAML syntax error'),
  'not-a-report': code('error', '文件不是报告映射', 'the file is not a report mapping'),
  'unknown-key': code('warning', '未知的键', 'unknown key'),
  'duplicate-key': code('error', '重复的键', 'duplicate key'),
  'legacy-label': code('warning', '2019 年试行格式的标签', 'label of the 2019 trial format'),
  'legacy-format-cited': code('warning', '引用了 2019 年试行格式', 'cites the 2019 trial format'),
  'invalid-value': code('error', '取值无效', 'invalid value'),
  'misprinted-label': code('warning', '原文印错了标签', 'a label misprinted in the published report'),
  'source-incomplete': code('information', '导入的原文不完整', 'the imported source is incomplete'),
  'missing-field': code('error', '缺少必填项', 'missing required field', true),
  'missing-preface': code('warning', '缺少前言', 'missing preface', true),
  'missing-section': code('error', '缺少部分', 'missing section', true),
  'section-order': code('error', '部分顺序错误', 'sections out of order', true),
  'missing-row': code('error', '缺少表格行', 'missing table row', true),
  'missing-cell': code('error', '缺少单元格', 'missing cell', true),
  'extra-cell': code('error', '多余的单元格', 'extra cell'),
  'group-as-row': code('warning', '分组写成了一行', 'group written as one row'),
  'cell-not-number': code('error', '单元格不是数字', 'cell is not a number'),
  'cell-negative': code('error', '单元格为负数', 'negative cell'),
  'cell-fractional': code('error', '件数不是整数', 'count is not a whole number'),
  'number-too-large': code('error', '数字超出可精确表示的范围', 'number beyond exact range'),
  'missing-subsection': code('warning', '总体情况缺少应有的方面', 'overview misses an expected topic', true),
  'section-five-empty': code('warning', '第五部分没有实际内容', 'section 五 has no real text', true),
  'fee-not-stated': code('warning', '未说明信息处理费收取情况', 'information processing fees not stated', true),
  'rules-by-department': code('information', '部门报告了规章', 'a department reports 规章'),
  'row-total': code('error', '行的总计与各列之和不符', 'row total differs from the sum of its columns'),
  'result-total': code('error', '办理结果总计与各项之和不符', 'result total differs from the sum of the results'),
  balance: code('error', '勾稽关系不成立（一＋二＝三＋四）', 'balance broken (一 + 二 = 三 + 四)'),
  'review-total': code('error', '复议、诉讼的总计与各项之和不符', 'review/litigation total differs from its parts'),
  'date-invalid': code('error', '日期不存在或无法识别', 'date does not exist or cannot be read'),
  'date-form': code('warning', '日期写法不规范', 'date in a non-standard form'),
  'period-year': code('error', '统计期限与年度不符', 'statistics period differs from the year'),
  'signed-before-year-end': code('error', '日期早于报告年度结束', 'date before the end of the reporting year'),
  'past-deadline': code('warning', '晚于法定公布期限', 'after the statutory deadline'),
  'published-before-signed': code('information', '发布日期早于落款日期', 'published before it was signed'),
  'unknown-suppression': code('warning', '抑制注释中的未知规则代码', 'unknown rule code in a suppression comment'),
  'narrative-requests': code(
    'warning',
    '正文中的申请数字与表格三不符',
    'a request figure in the text differs from table 三',
  ),
  'narrative-documents': code(
    'warning',
    '正文中的规章、规范性文件件数与表格二不符',
    'a document count in the text differs from table 二',
  ),
  'narrative-reviews': code(
    'warning',
    '正文中的行政复议、行政诉讼情况与表格四不符',
    'reconsideration or litigation in the text differs from table 四',
  ),
  'narrative-rate': code('warning', '正文中的比率与其数字不符', 'a rate in the text does not follow from its counts'),
  'narrative-rate-truncated': code('information', '比率是截断值而非四舍五入', 'a rate cut off instead of rounded'),
  'narrative-list-sum': code('warning', '“其中”各项之和与总数不符', 'the items after 其中 do not add up to the total'),
  'narrative-period': code(
    'warning',
    '正文中的统计期限与统计期限不符',
    'the period stated in the text differs from 统计期限',
  ),
  'narrative-plan-year': code('warning', '改进计划不是针对下一年', 'plans not for the year after the report'),
  'narrative-year': code('warning', '本年度的内容写成了别的年份', "this year's content written under another year"),
  'cross-year-carryover': code(
    'warning',
    '上年结转与上年报告的结转下年度不符',
    "carried over differs from last year's carry-forward",
  ),
  'cross-year-stock': code(
    'information',
    '现行有效件数与上年报告衔接不上',
    "documents in force do not follow from last year's",
  ),
  'cross-year-growth': code(
    'warning',
    '同比增减与上年报告的数字不符',
    "a year-on-year change differs from last year's figure",
  ),
  'copied-text': code('warning', '文字与上年报告大量雷同', "text largely repeats last year's report"),
  'copied-table': code('information', '表格与上年报告完全相同', "a table is the same as last year's"),
  'copied-across-organs': code(
    'warning',
    '文字与另一机关的报告大量雷同',
    "text largely the same as another organ's report",
  ),
  'numbering-sequence': code('warning', '序号跳号或重号', 'a numbered sequence skips or repeats'),
  'repeated-word': code('warning', '字词重复', 'a character or word typed twice'),
  'personal-data': code('warning', '正文含有个人信息', 'personal data in the text'),
  'fee-unit': code('information', '收费金额的单位可能不是万元', 'the fee amount may not be in 万元'),
} as const satisfies Record<string, CodeInfo>;

export type RuleCode = keyof typeof CODES;

export const RULE_CODES = Object.keys(CODES) as RuleCode[];

export function isRuleCode(code: string): code is RuleCode {
  return Object.prototype.hasOwnProperty.call(CODES, code);
}

export function codeInfo(code: RuleCode): CodeInfo {
  return CODES[code];
}

/** A finding with the rule's default severity; settings may change it later. */
export function finding(
  code: RuleCode,
  span: Span,
  message: Text,
  extra: { related?: Related[]; fixes?: Fix[]; subject?: string } = {},
): Finding {
  const f: Finding = { code, severity: CODES[code].severity, span: { start: span.start, end: span.end }, message };
  if (extra.related?.length) f.related = extra.related;
  if (extra.fixes?.length) f.fixes = extra.fixes;
  if (extra.subject) f.subject = extra.subject;
  return f;
}
