/**
 * Narrative checks: the text against the tables (statements.ts, denials.ts), against itself
 * (rates.ts, lists.ts), its years (years.ts) and last year's report (crossYear.ts).
 */
import type { Finding } from '../findings';
import type { Report } from '../model';
import { blockViews } from './blocks';
import { checkAcrossYears, type PreviousReport } from './crossYear';
import { checkDenials } from './denials';
import { checkLists } from './lists';
import { checkRates } from './rates';
import { checkStatements, readStatements } from './statements';
import { checkYears } from './years';

export type { PreviousReport } from './crossYear';
export { organKey, sameOrgan } from './crossYear';

export function checkNarrative(report: Report, previous?: PreviousReport): Finding[] {
  const views = blockViews(report);
  const statements = readStatements(report, views);
  const out = [
    ...checkStatements(report, statements),
    ...checkDenials(report, views),
    ...checkRates(report, views),
    ...checkLists(views, statements),
    ...checkYears(report, views, statements),
  ];
  if (previous) out.push(...checkAcrossYears(report, previous, statements, views));
  return out;
}
