/**
 * Which report is last year's report of another: the same organ (names compared without white
 * space and width differences) and the year before. The CLI pairs the files it is given, the
 * language server the open documents and the workspace's files, both by these functions.
 */

/** What pairing needs to know of a report (the parsed report, or its header read without parsing). */
export interface Identity {
  organ?: string;
  year?: number;
}

/** What sameOrgan compares: equal keys, same organ (so many reports can be grouped by it). */
export function organKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/** Same organ: names compared without white space and width differences. */
export function sameOrgan(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && organKey(a) === organKey(b);
}

/** Whether `candidate` is last year's report of `report`. */
export function isLastYearOf(candidate: Identity, report: Identity): boolean {
  return report.year !== undefined && candidate.year === report.year - 1 && sameOrgan(candidate.organ, report.organ);
}

/** A key that reports of one organ and year share, to find last year's report among many without comparing every pair. */
export function pairingKey(r: Identity): string | undefined {
  return r.year === undefined || r.organ === undefined ? undefined : `${r.year}\n${organKey(r.organ)}`;
}

/** The pairingKey last year's report of `report` has. */
export function lastYearKey(report: Identity): string | undefined {
  return report.year === undefined ? undefined : pairingKey({ organ: report.organ, year: report.year - 1 });
}

/**
 * Each organ's reports together, earlier years first (a stable order otherwise): checked in
 * this order, a report's last year has just been checked before it.
 */
export function byOrganAndYear<T>(items: readonly T[], identity: (item: T) => Identity): T[] {
  const keyed = items.map((item) => {
    const { organ, year } = identity(item);
    return { item, organ: organ === undefined ? '' : organKey(organ), year: year ?? 0 };
  });
  // Code point order, not localeCompare: only grouping matters, and the collator is slow to load.
  keyed.sort((a, b) => (a.organ < b.organ ? -1 : a.organ > b.organ ? 1 : a.year - b.year));
  return keyed.map((k) => k.item);
}
