/** What a config file changes in a check: added on top of the editor's settings, and winning over them. */
import type { CheckOptions } from '../check';
import type { ProjectConfig } from './types';

/**
 * The check options with a config file applied. The file states a locality's rules for every
 * author and for the command line alike, so for each rule code and each 机关类型 it names, it
 * wins over the settings; what it does not name keeps the settings' value.
 */
export function withConfig(base: CheckOptions, config: ProjectConfig | undefined): CheckOptions {
  if (!config) return base;
  return {
    ...base,
    severities: { ...base.severities, ...config.severity },
    deadlines: { ...base.deadlines, ...config.deadlines },
    ...(config.reuseThreshold !== undefined ? { reuseThreshold: config.reuseThreshold } : {}),
    ...(config.requirements.length ? { requirements: config.requirements } : {}),
  };
}
