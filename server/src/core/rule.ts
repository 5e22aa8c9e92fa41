/**
 * What a rule is: a module with its codes, the group it is documented under, its check over
 * the report model, and for every code its documentation with a wrong and a right example.
 * The examples are executed by the tests and printed in docs/rules.md and docs/rules.zh-CN.md
 * (`npm run docs`), so the documentation cannot drift from what the rule does.
 */
import type { RuleCode } from './codes';
import type { DateOptions } from './deadlines';
import type { LocalRequirement } from './config/types';
import type { Finding, Text } from './findings';
import type { PreviousReport, Report } from './model';
import type { Peer } from './similarity';

/** Which part of the rule documentation a rule belongs to. */
export type RuleGroup =
  'file' | 'structure' | 'arithmetic' | 'dates' | 'suppression' | 'narrative' | 'writing' | 'cross-year' | 'local';

export interface RuleGroupInfo {
  group: RuleGroup;
  title: Text;
  /** What the rules of the group have in common, for the documentation. */
  about?: Text;
}

export const RULE_GROUPS: RuleGroupInfo[] = [
  { group: 'file', title: { 'zh-CN': '读取文件', en: 'Reading the file' } },
  { group: 'structure', title: { 'zh-CN': '结构', en: 'Structure' } },
  {
    group: 'arithmetic',
    title: { 'zh-CN': '勾稽关系', en: 'Arithmetic' },
    about: {
      'zh-CN':
        '由格式声明中的等式推出，逐列检查，不容许任何误差。一个错误的单元格只报告一次：已被判为错误的总计在后面的等式中按算出的值计；一个单元格使几处等式同时不成立（如一个加数打错，使本行总计和本列勾稽关系都不成立）时，只在这个单元格上报告一次，并给出使各处都成立的值。修复把总计改为算出的值；只改某一个加数就能使所有等式成立时，也提供改该加数的修复。这些修复都不属于“全部修复”：错的也可能是别的数字。',
      en: 'Derived from the identities of the format declaration, per column, tolerance 0. One wrong cell is reported once: a total already found wrong counts at its computed value in the later identities, and a cell that breaks several identities at once (an addend typed wrong breaks its row total and its column balance) is reported once, on that cell, with the value that makes them all hold. The fix sets the total to the computed value; where exactly one addend would make every identity hold, changing that addend is offered too. None of these is part of fix-all: the wrong number may be another one.',
    },
  },
  { group: 'dates', title: { 'zh-CN': '日期', en: 'Dates' } },
  { group: 'suppression', title: { 'zh-CN': '抑制注释', en: 'Suppression comments' } },
  {
    group: 'narrative',
    title: { 'zh-CN': '正文', en: 'Narrative' },
    about: {
      'zh-CN':
        '像细心的审核人那样读正文：把标准说法（收到…申请 N 件、其中自然人 N 件、予以公开 N 件、办结率 P%、其中 A 条、B 条…）与表格、与正文自身相比较。不符时给出警告，写明两边的数字，指向相关单元格，并提供写入表格数字的修复。',
      en: "The text is read like a careful reviewer reads it: the standard statements (收到…申请 N 件, 其中自然人 N 件, 予以公开 N 件, 办结率 P%, 其中 A 条、B 条…) are compared with the tables and with each other. A mismatch is a warning that names both numbers, points at the cells (related information) and offers to write the table's figure.",
    },
  },
  {
    group: 'writing',
    title: { 'zh-CN': '文字', en: 'Writing' },
    about: {
      'zh-CN': '评议和网站检查会扣分的文字问题：序号跳号重号、打重的字词、公开了个人信息。只报告几乎总是错误的情形。',
      en: 'What evaluations and website inspections deduct points for in the text: numbering that skips or repeats, characters typed twice, personal data made public. Only what is almost always a slip is reported.',
    },
  },
  {
    group: 'cross-year',
    title: { 'zh-CN': '跨年度', en: 'Across years' },
    about: {
      'zh-CN':
        '能找到同一机关（名称相同，不计空格）上一年度的报告时，与之对照：在编辑器中，从打开的文档和工作区文件夹中的 *.report.yaml / *.report.yml 文件里找（上年报告改动时重新检查）；在命令行中，从给出的文件中找（govreport check 2023.report.yaml 2024.report.yaml），或用 --previous FILE 指定。相关信息指向上年报告的单元格。',
      en: "When last year's report of the same 机关 (the same name, ignoring spaces) is available, this year's report is checked against it: in the editor, among the open documents and the *.report.yaml / *.report.yml files of the workspace folders (re-checked when it changes); on the command line, among the files given (govreport check 2023.report.yaml 2024.report.yaml) or named with --previous FILE. Related information points at last year's cells.",
    },
  },
  {
    group: 'local',
    title: { 'zh-CN': '本地要求', en: 'Local requirements' },
    about: {
      'zh-CN':
        '省、市在全国格式之外提出的要求，写在项目配置文件 .govreport.yaml 中（从报告所在文件夹向上找，最近的一个适用；见 README）。编辑器和命令行读同一个文件，结果相同。',
      en: "What a province or city asks beyond the national format, written in the project config file .govreport.yaml (looked up from the report's folder upwards, the nearest one applies; see the README). The editor and the command line read the same file and find the same.",
    },
  },
];

/** How a face decoded the file's bytes into the text it checks. */
export interface Decoding {
  /** The encoding the text was decoded from (UTF-8 when not given). */
  used?: string;
  /** The encoding the file's bytes appear to be in, if a face could read them. */
  detected?: string;
}

export interface RuleContext extends DateOptions {
  report: Report;
  /** Last year's report of the same organ, for the checks across years. */
  previous?: PreviousReport;
  /** The share of a section repeating last year's above which it counts as copied (0–1; 0.5 when absent). */
  reuseThreshold?: number;
  /**
   * The reports of a batch checked together (a folder, the workspace), for text two organs
   * share: the same array for every report of the batch (its index is built once per array).
   */
  peers?: readonly Peer[];
  /** A locality's requirements for the texts, from the config file. */
  requirements?: readonly LocalRequirement[];
  /** How the text was decoded from the file's bytes, for the finding about bytes that could not be. */
  decoding?: Decoding;
}

/**
 * A change to the example report of the documentation (a complete, correct report for
 * 年度 2024; `previous`: its 2023 report; `peer`: another organ's 2024 report checked in the
 * same batch): the first occurrence of `replace` becomes `with`.
 */
export interface ExampleEdit {
  replace: string;
  with: string;
  in?: 'previous' | 'peer';
}

export interface Example {
  edits: ExampleEdit[];
  /** A config file (.govreport.yaml) the example is checked with. */
  config?: string;
  /** What the documentation shows; the new text of the edits when absent. */
  shown?: Text;
}

export interface RuleDoc {
  /** What the rule finds, and why it matters. */
  about: Text;
  /** What it deliberately does not flag, and why. */
  notFlagged?: Text;
  /** The example report changed so that the rule reports this code… */
  wrong: Example;
  /** …and changed so that it does not. */
  right: Example;
}

export interface Rule<C extends RuleCode = RuleCode> {
  /** The module's name, for messages about the rules themselves. */
  id: string;
  group: RuleGroup;
  codes: readonly C[];
  docs: Record<C, RuleDoc>;
  check(ctx: RuleContext): Finding[];
}

/** Declares a rule; the type parameter ties its docs to exactly its codes. */
export function defineRule<C extends RuleCode>(rule: Rule<C>): Rule<C> {
  return rule;
}

/** One line of an example, for the documentation: what `edits` write. */
export function exampleText(e: Example, locale: keyof Text): string {
  if (e.shown) return e.shown[locale];
  // Each line written, as code, without the padding that lines values up in the file.
  const lines = e.edits.flatMap((x) => x.with.split('\n').map((l) => l.trim().replace(/:[ \t]{2,}/, ': ')));
  return lines
    .filter((l) => l)
    .map((l) => `\`${l}\``)
    .join(locale === 'en' ? ', ' : '、');
}
