/**
 * Suppression comments, keyed by rule code:
 *   # govreport-disable-next-line <code>[, <code>…]   the next line (a whole block scalar when it starts one)
 *   # govreport-disable <code>[, <code>…]             to the end of the file
 */
import { txt, type Edit, type Finding, type Fix } from './findings';
import { indentOf } from './layout';
import type { LineIndex } from './lineIndex';
import { ruleInfo } from './rules/registry';
import { finding } from './rules/finding';

const DIRECTIVE = /(?:^|\s)#\s*govreport-disable(-next-line)?(?=[\s,]|$)(.*)$/;

interface Suppression {
  codes: Set<string>;
  /** Offsets covered. */
  start: number;
  end: number;
}

export interface SuppressionResult {
  kept: Finding[];
  /** Findings about the comments themselves (unknown codes). */
  own: Finding[];
}

export function applySuppressions(text: string, lines: LineIndex, findings: Finding[]): SuppressionResult {
  if (!text.includes('govreport-disable')) return { kept: findings, own: [] };
  const sups: Suppression[] = [];
  const own: Finding[] = [];
  // Directives in a row share the content line they look for: found once, not once each.
  let searched = { from: 0, to: -1, found: undefined as number | undefined };
  const contentFrom = (from: number) => {
    if (from < searched.from || from > searched.to) {
      const found = nextContentLine(lines, from);
      searched = { from, to: found ?? lines.lineCount, found };
    }
    return searched.found;
  };
  for (let line = 0; line < lines.lineCount; line++) {
    const lineText = lines.lineText(line);
    const m = DIRECTIVE.exec(lineText);
    if (!m) continue;
    const lineStart = lines.lineStart(line);
    const listStart = lineStart + m.index + m[0].length - m[2].length;
    const codes = new Set<string>();
    for (const cm of m[2].matchAll(/[^\s,，]+/g)) {
      const code = cm[0];
      if (ruleInfo(code)) codes.add(code);
      else {
        const at = listStart + cm.index!;
        own.push(
          finding(
            'unknown-suppression',
            { start: at, end: at + code.length },
            txt(
              `没有代码为“${code}”的规则（见 docs/rules.md）`,
              `there is no rule with the code "${code}" (see docs/rules.md)`,
            ),
          ),
        );
      }
    }
    if (m[1]) {
      const target = contentFrom(line + 1);
      if (target === undefined) continue;
      sups.push({ codes, start: lines.lineStart(target), end: blockEnd(lines, target) });
    } else {
      sups.push({ codes, start: lineStart, end: text.length });
    }
  }
  const covered = coverage(sups);
  const kept = findings.filter((f) => !covered(f.code, f.span.start));
  return { kept, own };
}

/** Whether a suppression of a code covers an offset, in log time: many directives and many findings stay linear. */
function coverage(sups: Suppression[]): (code: string, at: number) => boolean {
  const byCode = new Map<string, Suppression[]>();
  for (const s of sups) for (const c of s.codes) (byCode.get(c) ?? byCode.set(c, []).get(c)!).push(s);
  // Per code: ranges by start, with the furthest end reached by any range starting so far.
  const index = new Map<string, { starts: number[]; reach: number[] }>();
  for (const [code, list] of byCode) {
    list.sort((a, b) => a.start - b.start);
    const reach: number[] = [];
    list.forEach((s, i) => reach.push(Math.max(s.end, i ? reach[i - 1] : -Infinity)));
    index.set(code, { starts: list.map((s) => s.start), reach });
  }
  return (code, at) => {
    const x = index.get(code);
    if (!x) return false;
    let lo = 0;
    let hi = x.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x.starts[mid] <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && x.reach[lo - 1] >= at;
  };
}

function nextContentLine(lines: LineIndex, from: number): number | undefined {
  for (let l = from; l < lines.lineCount; l++) {
    const t = lines.lineText(l).trim();
    if (t && !t.startsWith('#')) return l;
  }
  return undefined;
}

/** End of a line, or of the block scalar or nested block that the line opens. */
function blockEnd(lines: LineIndex, line: number): number {
  const text = lines.lineText(line);
  const indent = /^\s*/.exec(text)![0].length;
  if (!/:\s*(?:[|>][-+0-9]*\s*)?(?:#.*)?$/.test(text)) return lines.lineEnd(line);
  let last = line;
  for (let l = line + 1; l < lines.lineCount; l++) {
    const t = lines.lineText(l);
    if (t.trim() === '') continue;
    if (/^\s*/.exec(t)![0].length <= indent) break;
    last = l;
  }
  return lines.lineEnd(last);
}

/** "Ignore this here": a comment above the finding's line, or its code added to one already there. */
export function suppressionFix(text: string, lines: LineIndex, f: Finding): Fix {
  const pos = lines.positionAt(f.span.start);
  // Inside a block scalar, the comment goes above the line that opens the scalar.
  let line = pos.line;
  while (line > 0 && insideBlockScalar(lines, line)) line--;
  const edit = suppressionEdit(text, lines, line, f.code);
  return { title: txt(`在此忽略 ${f.code}`, `Ignore ${f.code} here`), edits: [edit], safe: false };
}

const OPENS_BLOCK_SCALAR = /:\s*[|>][-+0-9]*\s*(?:#.*)?$/;

/** Whether a line is part of a block scalar's text (the nearest less-indented line opens one). */
function insideBlockScalar(lines: LineIndex, line: number): boolean {
  const indent = (l: number) => /^\s*/.exec(lines.lineText(l))![0].length;
  const own = indent(line);
  for (let l = line - 1; l >= 0; l--) {
    const t = lines.lineText(l);
    if (t.trim() === '') continue;
    if (indent(l) < own) return OPENS_BLOCK_SCALAR.test(t);
  }
  return false;
}

function suppressionEdit(text: string, lines: LineIndex, line: number, code: string): Edit {
  if (line > 0) {
    const above = lines.lineText(line - 1);
    if (/#\s*govreport-disable-next-line\s/.test(above)) {
      const at = lines.lineEnd(line - 1);
      return { start: at, end: at, text: `, ${code}` };
    }
  }
  const start = lines.lineStart(line);
  const indent = indentOf(text, start + /^\s*/.exec(lines.lineText(line))![0].length);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { start, end: start, text: `${indent}# govreport-disable-next-line ${code}${eol}` };
}
