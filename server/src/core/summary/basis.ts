/**
 * What a finding rests on, for the 审核意见 an evaluator sends back: the national format (the
 * report's declaration names its notice), the 条例 where a rule applies one of its articles,
 * the fee measures, or the local notice the config file implements (its requirements and a
 * deadline it sets).
 */
import type { RuleCode } from '../codes';
import type { ProjectConfig } from '../config/types';
import type { FormatDecl } from '../format';

const REGULATIONS = '《中华人民共和国政府信息公开条例》';
const FEES = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';

/** Where the config's own notice is not named. */
const LOCAL = '本地要求（.govreport.yaml）';

/**
 * The config's notice as an official text cites it: a title in 《》, a document number
 * (某市政务公开办〔2025〕1号) or a title already in 《》 as written.
 */
export function cited(notice: string): string {
  return /^《|〔\d+〕\d+号$/.test(notice) ? notice : `《${notice}》`;
}

export function basisOf(
  code: RuleCode,
  format: FormatDecl,
  config: ProjectConfig | undefined,
  organType: string,
): string {
  const local = config?.notice ? cited(config.notice) : LOCAL;
  switch (code) {
    case 'local-requirement':
      return local;
    case 'past-deadline':
      return config?.deadlines[organType] ? local : `${REGULATIONS}第四十九条`;
    case 'personal-data':
      return `${REGULATIONS}第十五条`;
    case 'fee-not-stated':
    case 'fee-unit':
      return FEES;
    default:
      return format.name;
  }
}
