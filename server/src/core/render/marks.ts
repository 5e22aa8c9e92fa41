/** Which printed element shows which finding. */
import type { Finding } from '../findings';
import type { Anchored, Source } from './printed';

type Placed = Anchored & { source: Source };

const contains = (s: Source, f: Finding) => s.start <= f.span.start && f.span.end <= s.end;
const overlaps = (s: Source, f: Finding) =>
  f.span.start === f.span.end
    ? s.start <= f.span.start && f.span.start < s.end
    : s.start < f.span.end && f.span.start < s.end;

/**
 * A finding goes to the smallest element that contains its span (a cell, a sentence, a row
 * label, a heading) — to all of them when several are equally small (机关 is printed in the
 * title and the signature). A finding that spans several elements (a whole paragraph) marks
 * each one it overlaps. A missing row's finding goes to the empty row printed for it.
 * Returns the findings that no element shows.
 */
export function attachFindings(elements: Anchored[], findings: Finding[]): Finding[] {
  const placed = elements.filter((e): e is Placed => !!e.source).sort((a, b) => a.source.start - b.source.start);
  // reach[i]: the furthest end among elements 0..i, so a backward scan can stop early.
  const reach: number[] = [];
  placed.forEach((e, i) => reach.push(Math.max(e.source.end, i ? reach[i - 1] : -1)));
  /** Elements that start at or before `offset` and end at or after `from`, nearest first. */
  const reaching = (offset: number, from: number): Placed[] => {
    let lo = 0;
    let hi = placed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (placed[mid].source.start <= offset) lo = mid + 1;
      else hi = mid;
    }
    const out: Placed[] = [];
    for (let i = lo - 1; i >= 0 && reach[i] >= from; i--) if (placed[i].source.end >= from) out.push(placed[i]);
    return out;
  };
  const absent = elements.filter(
    (e): e is Anchored & { absent: string } => typeof (e as { absent?: unknown }).absent === 'string',
  );
  const unplaced: Finding[] = [];
  for (const f of findings) {
    // A missing row's finding sits on a neighbouring key in the file; the printed form has the
    // row itself (empty), which is where a reader looks for it.
    const missing = f.subject ? absent.filter((e) => e.absent === f.subject) : [];
    if (missing.length) {
      for (const e of missing) e.findings.push(f);
      continue;
    }
    let best: Placed[] = [];
    let size = Infinity;
    for (const e of reaching(f.span.start, f.span.end)) {
      if (!contains(e.source, f)) continue;
      const n = e.source.end - e.source.start;
      if (n < size) {
        size = n;
        best = [e];
      } else if (n === size) best.push(e);
    }
    if (!best.length)
      best = reaching(Math.max(f.span.start, f.span.end - 1), f.span.start).filter((e) => overlaps(e.source, f));
    if (best.length) for (const e of new Set(best)) e.findings.push(f);
    else unplaced.push(f);
  }
  return unplaced;
}
