/** Applying text edits, and the fix-all set: every safe fix, never overlapping. */
import { check, type CheckOptions } from './check';
import type { Edit, Finding, Fix } from './findings';

/** Applies edits that do not overlap (insertions at one point keep their order). */
export function applyEdits(text: string, edits: Edit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const { e } of sorted) {
    if (e.start < pos) continue;
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/**
 * Whether fix-all makes any edit, without making them: some finding has a fix that needs no
 * judgement, and no text is undecodable (fix-all would write it back wrong).
 */
export function fixAllMends(findings: Finding[]): boolean {
  return findings.some((f) => f.fixes?.some((x) => x.safe)) && !findings.some((f) => f.code === 'undecodable-text');
}

/**
 * The edits of every safe fix: none on a text with undecodable bytes (saving it would lose
 * them), and of fixes that would overlap or write the same key into one mapping (a misspelt
 * key renamed, and the same key added as missing), only one. A rename, which keeps what the
 * user wrote, goes before an addition of the same key.
 */
export function fixAllEdits(findings: Finding[]): Edit[] {
  if (!fixAllMends(findings)) return [];
  const fixes = findings.flatMap((f) => f.fixes?.find((x) => x.safe) ?? []);
  const adds = (fix: Fix) => fix.edits.every((e) => e.start === e.end);
  const claimed = new Map<string, Fix>();
  for (const fix of fixes) {
    if (!fix.writesKey) continue;
    const other = claimed.get(fix.writesKey);
    if (!other || (adds(other) && !adds(fix))) claimed.set(fix.writesKey, fix);
  }
  const chosen: Edit[] = [];
  const overlaps = (a: Edit, b: Edit) => a.start < b.end && b.start < a.end;
  for (const fix of fixes) {
    if (fix.writesKey && claimed.get(fix.writesKey) !== fix) continue;
    if (fix.edits.some((e) => chosen.some((c) => overlaps(c, e)))) continue;
    // Two identical insertions (e.g. the same missing line found twice) are made once.
    const fresh = fix.edits.filter(
      (e) => !chosen.some((c) => c.start === e.start && c.end === e.end && c.text === e.text),
    );
    chosen.push(...fresh);
  }
  return orderInsertions(chosen);
}

/**
 * Orders edits by position; lines inserted at one point go deeper first, since the
 * more indented lines continue the block that ends there and the others follow it.
 */
function orderInsertions(edits: Edit[]): Edit[] {
  const depth = (e: Edit) => (e.start === e.end ? (/^\r?\n?([ \t]*)/.exec(e.text)?.[1].length ?? 0) : 0);
  return edits
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        a.e.start - b.e.start ||
        (a.e.start === a.e.end && b.e.start === b.e.end ? depth(b.e) - depth(a.e) : 0) ||
        a.i - b.i,
    )
    .map((x) => x.e);
}

export interface FixAllResult {
  text: string;
  findings: Finding[];
  passes: number;
}

/** Applies fix-all until nothing safe is left (a few passes at most), then checks again. */
export function fixAll(text: string, options: CheckOptions = {}): FixAllResult {
  let current = text;
  let findings = check(current, options).findings;
  let passes = 0;
  while (passes < 5) {
    const edits = fixAllEdits(findings);
    if (!edits.length) break;
    const next = applyEdits(current, edits);
    passes++;
    if (next === current) break;
    current = next;
    findings = check(current, options).findings;
  }
  return { text: current, findings, passes };
}
