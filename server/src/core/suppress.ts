/**
 * Suppression comments, keyed by rule code:
 *   # govreport-disable-next-line <code>[, <code>…]   the next line (a whole block scalar when it starts one)
 *   # govreport-disable <code>[, <code>…]             to the end of the file
 */
import { isRuleCode } from './codes';
import { txt, type Edit, type Finding, type Fix } from './findings';
import { eolOf, indentOf } from './layout';
import type { LineIndex } from './lineIndex';

const DIRECTIVE = /(?:^|\s)#\s*govreport-disable(-next-line)?(?=[\s,]|$)(.*)$/;

interface Suppression {
  codes: Set<string>;
  /** Offsets covered. */
  start: number;
  end: number;
}

/** A suppression comment: the codes it names (with their offsets) and whether it is for the next line only. */
export interface Directive {
  line: number;
  nextLine: boolean;
  codes: { code: string; at: number }[];
}

/** Every suppression comment of a document. */
export function directives(text: string, lines: LineIndex): Directive[] {
  if (!text.includes('govreport-disable')) return [];
  const out: Directive[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const lineText = lines.lineText(line);
    const m = DIRECTIVE.exec(lineText);
    if (!m) continue;
    const listStart = lines.lineStart(line) + m.index + m[0].length - m[2].length;
    const codes = [...m[2].matchAll(/[^\s,，]+/g)].map((cm) => ({ code: cm[0], at: listStart + cm.index! }));
    out.push({ line, nextLine: !!m[1], codes });
  }
  return out;
}

/** The findings that no suppression comment covers. */
export function applySuppressions(text: string, lines: LineIndex, findings: Finding[]): Finding[] {
  const found = directives(text, lines);
  if (!found.length) return findings;
  const sups: Suppression[] = [];
  // Directives in a row share the content line they look for: found once, not once each.
  let searched = { from: 0, to: -1, found: undefined as number | undefined };
  const contentFrom = (from: number) => {
    if (from < searched.from || from > searched.to) {
      const next = nextContentLine(lines, from);
      searched = { from, to: next ?? lines.lineCount, found: next };
    }
    return searched.found;
  };
  for (const d of found) {
    const codes = new Set(d.codes.map((c) => c.code).filter(isRuleCode));
    if (d.nextLine) {
      const target = contentFrom(d.line + 1);
      if (target === undefined) continue;
      sups.push({ codes, start: lines.lineStart(target), end: blockEnd(lines, target) });
    } else {
      sups.push({ codes, start: lines.lineStart(d.line), end: text.length });
    }
  }
  const covered = coverage(sups);
  return findings.filter((f) => !covered(f.code, f.span.start));
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
  for (let opener = blockScalarOpener(lines, line); opener !== undefined; opener = blockScalarOpener(lines, line))
    line = opener;
  const edit = suppressionEdit(text, lines, line, f.code);
  return { title: txt(`在此忽略 ${f.code}`, `Ignore ${f.code} here`), edits: [edit], safe: false };
}

const OPENS_BLOCK_SCALAR = /:\s*[|>][-+0-9]*\s*(?:#.*)?$/;

/** Per text: the opener found for each line asked, and for the lines of the same indentation the walk passed. */
const openers = new WeakMap<LineIndex, Map<number, number | undefined>>();

/**
 * The line that opens the block scalar a line is part of (the nearest less-indented line, when it
 * opens one); undefined outside one. A line of the same indentation passed on the way up has the
 * same answer: remembered, so that the "ignore" fixes of a long document's findings cost one
 * pass over it, not one per finding.
 */
function blockScalarOpener(lines: LineIndex, line: number): number | undefined {
  let known = openers.get(lines);
  if (!known) openers.set(lines, (known = new Map()));
  if (known.has(line)) return known.get(line);
  const indent = (l: number) => /^\s*/.exec(lines.lineText(l))![0].length;
  const own = indent(line);
  const same = [line];
  let found: number | undefined;
  for (let l = line - 1; l >= 0; l--) {
    const t = lines.lineText(l);
    if (t.trim() === '') continue;
    const i = indent(l);
    if (i === own && known.has(l)) {
      found = known.get(l);
      break;
    }
    if (i < own) {
      found = OPENS_BLOCK_SCALAR.test(t) ? l : undefined;
      break;
    }
    if (i === own) same.push(l);
  }
  for (const l of same) known.set(l, found);
  return found;
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
  const eol = eolOf(text);
  return { start, end: start, text: `${indent}# govreport-disable-next-line ${code}${eol}` };
}
