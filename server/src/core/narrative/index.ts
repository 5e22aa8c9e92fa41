/**
 * Narrative checks: the text against the tables (statements.ts, denials.ts), against itself
 * (rates.ts, lists.ts), its years (years.ts) and last year's report (crossYear.ts). The
 * narrative rule checks each block alone and keeps its findings (kept.ts); the rules across
 * years read the whole report's statements once (readNarrative).
 */
import type { Report } from '../model';
import { blockViews, type BlockView } from './blocks';
import { readStatements, type Statement } from './statements';

export { checkGrowth, elsewhere } from './crossYear';
export { checkDenials } from './denials';
export { checkBlocks } from './kept';
export { checkLists } from './lists';
export { checkRates } from './rates';
export { checkStatements, readStatements } from './statements';
export { checkStaleFigures, checkYears } from './years';

export interface NarrativeReading {
  views: BlockView[];
  statements: Statement[];
}

const readings = new WeakMap<Report, NarrativeReading>();

/** The report's texts as read by the narrative rules: once per report, whichever rule asks first. */
export function readNarrative(report: Report): NarrativeReading {
  let r = readings.get(report);
  if (!r) {
    const views = blockViews(report);
    readings.set(report, (r = { views, statements: readStatements(report, views) }));
  }
  return r;
}
