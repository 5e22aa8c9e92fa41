/** Which report among the files of a batch (`govreport check`, Check All Reports in Workspace) is last year's report of each. */
import { lastYearKey, pairingKey, readHeader, sameOrgan } from '../core';
import { shown } from './readFile';

/** What pairing a report with last year's needs to know of each file. */
export interface Meta {
  file: string;
  year?: number;
  organ?: string;
}

/**
 * Last year's report for each report: `--previous`, or the first report among the files of
 * the same organ and the year before, found by its pairing key
 * instead of comparing every pair of files.
 */
export class Pairing {
  /** The first file of each year and organ. */
  private readonly first = new Map<string, number>();

  constructor(
    private readonly all: Meta[],
    private readonly explicit: Meta | undefined,
    private readonly stderr: (s: string) => void = () => undefined,
  ) {
    all.forEach((m, i) => {
      const key = pairingKey(m);
      if (key !== undefined && !this.first.has(key)) this.first.set(key, i);
    });
  }

  /** The position of last year's report among the files, or `explicit`; notes on stderr what a given `--previous` does not match. */
  previous(i: number): number | 'explicit' | undefined {
    const r = this.all[i];
    const year = r.year;
    if (year === undefined) return undefined;
    const explicit = this.explicit;
    if (explicit) {
      if (explicit.year !== year - 1) {
        this.stderr(
          `govreport: ${shown(explicit.file)} is a report on ${explicit.year ?? '?'}, not on ${year - 1}: ${shown(r.file)} is checked without it\n`,
        );
        return undefined;
      }
      if (!sameOrgan(explicit.organ, r.organ))
        this.stderr(
          `govreport: ${shown(explicit.file)} is of ${explicit.organ ?? '?'}, ${shown(r.file)} of ${r.organ ?? '?'}; compared anyway\n`,
        );
      return 'explicit';
    }
    const key = lastYearKey(r);
    return key === undefined ? undefined : this.first.get(key);
  }
}

/**
 * 机关 and 年度 as the full parse most likely reads them, from their lines alone: a guess,
 * which the full parse of the file confirms or corrects.
 */
export function guessMeta(file: string, text: string): Meta {
  return { file, ...readHeader(text) };
}
