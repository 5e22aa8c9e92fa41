/**
 * Every rule, in the order their findings are documented. A new rule is a module here, its
 * codes in codes.ts, and its documentation in the module (`npm run docs` prints it).
 */
import type { RuleCode } from '../codes';
import type { Rule, RuleGroup } from '../rule';
import { acrossYearsRule } from './acrossYears';
import { amountsRule } from './amounts';
import { arithmeticRule } from './arithmetic';
import { cellsRule } from './cells';
import { citationsRule } from './citations';
import { copiedRule } from './copied';
import { datesRule } from './dates';
import { encodingRule } from './encoding';
import { fieldsRule } from './fields';
import { keysRule } from './keys';
import { misprintsRule } from './misprints';
import { narrativeRule } from './narrative';
import { personalDataRule } from './personalData';
import { rowsRule } from './rows';
import { sectionsRule } from './sections';
import { sourceRule } from './source';
import { suppressionsRule } from './suppressions';
import { syntaxRule } from './syntax';
import { topicsRule } from './topics';
import { valuesRule } from './values';
import { wordingRule } from './wording';

export const RULES: readonly Rule[] = [
  encodingRule,
  syntaxRule,
  keysRule,
  citationsRule,
  valuesRule,
  misprintsRule,
  sourceRule,
  fieldsRule,
  sectionsRule,
  rowsRule,
  cellsRule,
  topicsRule,
  amountsRule,
  arithmeticRule,
  datesRule,
  suppressionsRule,
  narrativeRule,
  wordingRule,
  personalDataRule,
  acrossYearsRule,
  copiedRule,
] as Rule[];

const owners = new Map<RuleCode, Rule>(RULES.flatMap((r) => r.codes.map((c) => [c, r] as const)));

/** The rule that reports a code. */
export function ruleOf(code: RuleCode): Rule | undefined {
  return owners.get(code);
}

export function groupOf(code: RuleCode): RuleGroup | undefined {
  return owners.get(code)?.group;
}
