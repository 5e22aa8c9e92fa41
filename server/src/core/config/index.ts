/** The project config file, `.govreport.yaml`: reading it, and what it changes in a check. */
export { withConfig } from './options';
export { configSchema } from './schema';
export { CONFIG_KEYS, parseConfig, parseDeadline, type ParsedConfig } from './parse';
export {
  CONFIG_CODES,
  EMPTY_CONFIG,
  type ConfigCode,
  type ConfigProblem,
  type Deduction,
  type LocalRequirement,
  type ProjectConfig,
} from './types';
