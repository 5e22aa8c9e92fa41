/**
 * The parts of a file that a YAML error made unreadable, and the findings that follow from
 * them: a quote left open swallows the rest of the file into one text, so the sections after it
 * look missing. Such findings are withheld until the error is fixed; the error itself points at
 * its cause (the opening quote or bracket).
 */
import { isCollection, isPair, isScalar, type Node, type YAMLError } from 'yaml';
import { CODES } from './codes';
import type { Finding, Span } from './findings';
import type { Report } from './model';

export interface YamlProblem {
  error: YAMLError;
  /** Where the error starts: the opening quote or bracket left unclosed, or the error's own position. */
  cause: number;
  /** The text the error leaves unreadable, from its cause to where the parser noticed. */
  region: Span;
  /** A quote (`"` or `'`) or bracket (`[` `{`) left open, when that is the cause. */
  opened?: string;
}

/** The innermost node of a kind whose range contains an offset. */
function innermost(root: unknown, at: number, want: (n: Node) => boolean): Node | undefined {
  let found: Node | undefined;
  const visit = (n: unknown): void => {
    if (isPair(n)) {
      visit(n.key);
      visit(n.value);
      return;
    }
    const node = n as Node | null;
    const r = node?.range;
    if (!node || !r || at < r[0] || at > r[1]) return;
    if (want(node)) found = node;
    if (isCollection(node)) for (const item of node.items) visit(item);
  };
  visit(root);
  return found;
}

const memo = new WeakMap<Report, YamlProblem[]>();

export function yamlProblems(report: Report): YamlProblem[] {
  let out = memo.get(report);
  if (out) return out;
  out = [];
  const { text, doc } = report;
  for (const error of doc.errors) {
    const at = Math.min(error.pos[0], text.length);
    const end = Math.min(Math.max(error.pos[1], at + 1), text.length);
    const p: YamlProblem = { error, cause: at, region: { start: at, end } };
    if (error.code === 'MISSING_CHAR' && /quote/.test(error.message)) {
      const quoted = innermost(
        doc.contents,
        Math.max(0, at - 1),
        (n) => isScalar(n) && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE'),
      );
      if (quoted?.range) {
        p.cause = quoted.range[0];
        p.opened = text[quoted.range[0]];
        p.region = { start: quoted.range[0], end: text.length };
      }
    } else if (error.code === 'BAD_INDENT' && /^Flow (?:sequence|map)/.test(error.message)) {
      const flow = innermost(doc.contents, Math.max(0, at - 1), (n) => isCollection(n) && !!n.flow);
      if (flow?.range) {
        p.cause = flow.range[0];
        p.opened = text[flow.range[0]];
        p.region = { start: flow.range[0], end };
      }
    }
    out.push(p);
  }
  memo.set(report, out);
  return out;
}

/** Whether a region swallowed lines that look like keys: the file's structure cannot be trusted. */
function swallowsKeys(text: string, region: Span): boolean {
  return /\n[ \t]*[^\s#:'"][^:\n]*:(?:\s|$)/.test(text.slice(region.start, region.end));
}

/**
 * The findings that do not follow from an unreadable part: a finding inside such a part, or one
 * that says something is missing while the error may have swallowed it, is withheld.
 */
export function withoutCascade(report: Report, findings: Finding[]): Finding[] {
  const problems = yamlProblems(report);
  if (!problems.length) return findings;
  const regions = problems.map((p) => p.region);
  const inside = (s: Span) => regions.some((r) => s.start >= r.start && s.start < r.end);
  const structureLost = problems.some((p) => swallowsKeys(report.text, p.region));
  return findings.filter((f) => {
    if (f.code === 'yaml-syntax' || f.code === 'duplicate-key') return true;
    if (structureLost && CODES[f.code].absence) return false;
    return !inside(f.span) && !(f.related ?? []).some((r) => !r.uri && inside(r.span));
  });
}
