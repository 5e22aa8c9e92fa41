/**
 * The project config file, `.govreport.yaml`: what a locality's notice adds to the national
 * format (its deadlines, the severities it wants, its own requirements for the texts) and how
 * an evaluator scores the reports (points deducted per finding). Shared by the editor and the
 * command line, so both find the same things.
 */
import type { Deadline } from '../deadlines';
import { txt, type Severity, type Span, type Text } from '../findings';

/** A requirement of a local notice on the report's texts, e.g. 总体情况 in at most 1000 characters. */
export interface LocalRequirement {
  /** The section it applies to, as the config names it (总体情况, 一, 一、总体情况); the whole report's text when absent. */
  section?: string;
  /** A sub-section of it (主动公开); the whole section when absent. */
  subsection?: string;
  /** Only reports of these 机关类型; all when absent. */
  organTypes?: string[];
  /** The most characters the text may have (white space not counted). */
  maxLength?: number;
  /** The fewest characters it must have. */
  minLength?: number;
  /** Phrases the text must contain; each entry lists alternatives, any one of which will do. */
  phrases?: string[][];
  /** Each phrase must be stated with a figure (政府网站发布信息 1234 条), not merely named. */
  counted?: boolean;
  /** What the finding says: the notice's own words. */
  message: Text;
}

/** Points deducted per finding of a rule, at most `max` for the rule in one report. */
export interface Deduction {
  points: number;
  max?: number;
}

export interface ProjectConfig {
  /** The notice the config implements, named in the 审核意见 (某市政务公开办〔2025〕1号). */
  notice?: string;
  /** Who reviews the reports, for the signature of the 审核意见. */
  reviewer?: string;
  /** Deadlines by 机关类型 replacing the statutory ones. */
  deadlines: Record<string, Deadline>;
  /** Severity by rule code; `off` drops the rule. */
  severity: Record<string, Severity | 'off'>;
  /** The share of 总体情况 or section 五 repeating another report beyond which it is copied text (0–1). */
  reuseThreshold?: number;
  requirements: LocalRequirement[];
  /** Points deducted by rule code, for the score in the summary. */
  deductions: Record<string, Deduction>;
  /** The score of a report with nothing deducted. */
  fullScore: number;
}

export const EMPTY_CONFIG: ProjectConfig = {
  deadlines: {},
  severity: {},
  requirements: [],
  deductions: {},
  fullScore: 100,
};

/** What can be wrong in a config file, with its severity and title. */
export const CONFIG_CODES = {
  'config-syntax': {
    severity: 'error',
    title: txt('配置文件的 YAML 语法错误', 'YAML syntax error in the config file'),
  },
  'config-unknown-key': { severity: 'warning', title: txt('配置文件中的未知配置项', 'unknown key in the config file') },
  'config-invalid-value': { severity: 'error', title: txt('配置文件中的取值无效', 'invalid value in the config file') },
  'config-unknown-rule': {
    severity: 'error',
    title: txt('配置文件中的未知规则代码', 'unknown rule code in the config file'),
  },
} as const satisfies Record<string, { severity: Severity; title: Text }>;

export type ConfigCode = keyof typeof CONFIG_CODES;

/** A finding about the config file itself, at its place in that file. */
export interface ConfigProblem {
  code: ConfigCode;
  severity: Severity;
  span: Span;
  message: Text;
}
