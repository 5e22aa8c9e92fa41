/** Which printed element shows which finding. */
import type { Finding } from '../findings';
import type { Anchored, Source } from './printed';

const contains = (s: Source, f: Finding) => s.start <= f.span.start && f.span.end <= s.end;
const overlaps = (s: Source, f: Finding) =>
  f.span.start === f.span.end ? s.start <= f.span.start && f.span.start < s.end : s.start < f.span.end && f.span.start < s.end;

/**
 * A finding goes to the smallest element that contains its span (a cell, a sentence, a row
 * label, a heading) — to all of them when several are equally small (机关 is printed in the
 * title and the signature). A finding that spans several elements (a whole paragraph) marks
 * each one it overlaps. Returns the findings that no element shows.
 */
export function attachFindings(elements: Anchored[], findings: Finding[]): Finding[] {
  const placed = elements.filter((e): e is Anchored & { source: Source } => !!e.source);
  const unplaced: Finding[] = [];
  const absent = elements.filter((e): e is Anchored & { absent: string } => typeof (e as { absent?: unknown }).absent === 'string');
  for (const f of findings) {
    // A missing row's finding sits on a neighbouring key in the file; the printed form has the
    // row itself (empty), which is where a reader looks for it.
    const missing = f.code === 'missing-row' ? absent.filter((e) => f.message['zh-CN'].includes(`“${e.absent}”`)) : [];
    if (missing.length) {
      for (const e of missing) e.findings.push(f);
      continue;
    }
    let best: (Anchored & { source: Source })[] = [];
    let size = Infinity;
    for (const e of placed) {
      if (!contains(e.source, f)) continue;
      const n = e.source.end - e.source.start;
      if (n < size) {
        size = n;
        best = [e];
      } else if (n === size) best.push(e);
    }
    if (!best.length) best = placed.filter((e) => overlaps(e.source, f));
    if (best.length) for (const e of best) e.findings.push(f);
    else unplaced.push(f);
  }
  return unplaced;
}
