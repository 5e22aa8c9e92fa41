/**
 * Reads the standard statements of the text (see patterns.ts) and compares each stated
 * number with the table: a mismatch is a warning naming both numbers, with the cells as
 * related information and fixes that write the table's figure.
 */
import { eq, formatDec } from '../decimal';
import { txt, type Finding, type Fix } from '../findings';
import type { Report } from '../model';
import { finding } from '../codes';
import { docSpan, replaceNumberFix, written, type BlockView, type TextReading } from './blocks';
import { memoize, TextMemo } from '../memo';
import { breakdown, column, relatedCells, shownValue, states, type Figure } from './figures';
import type { NumberToken } from './numbers';
import type { FormatDecl } from '../format';
import {
  AND_WORDS,
  JURISDICTION,
  OTHER_SCOPE,
  fillerAfter,
  isCountUnit,
  specsOf,
  totalOf as figureOf,
  wholeRequests,
  type StatementSpec,
} from './patterns';
import { clauseEnd, clauseStart, type Range } from './segments';

export interface Statement {
  spec: StatementSpec;
  view: BlockView;
  token: NumberToken;
  sentence: Range;
  /** Index of the sentence in its block. */
  si: number;
  /** The clause before the number, white space removed. */
  lead: string;
  /** The figures the number may equal. */
  figures: Figure[];
  /** The figures it does equal. */
  matched: Figure[];
  /** The sentence puts the figure in another year (2023 年…, 上年…, 较上年…). */
  otherYear?: number | 'earlier';
  /** The year written in the sentence before the number, when it is not the report's. */
  yearToken?: NumberToken;
  parent?: Statement;
  /** Rows named together ("予以公开及部分公开"): the figure is their sum. */
  together?: StatementSpec[];
}

/** A reason phrase that names complaints as a kind of request, not as another matter. */
const REASON_PHRASES = /信访举报投诉类?(?:申请)?/g;
/** How far before a number its label may start. */
const LEAD_REACH = 48;
/** Words that put a figure in an earlier period or make it a comparison. */
const COMPARISON = /上一?年(?!度?(?:结转|转来|结余|未办结))|去年|同期|同比|较|相比|比上/;

/**
 * A number that may state a figure, as far as the text alone tells: what the rest of the
 * reading needs from the report (its tables, year and organ type) comes after.
 */
interface Candidate {
  token: NumberToken;
  si: number;
  sentence: Range;
  /** The statement its label names, if any (before the sentence's topic is checked). */
  spec?: StatementSpec;
  /** The sentence and paragraph are of the spec's topic. */
  topical: boolean;
  lead: string;
  /** The clause comes after a 其中 of the sentence. */
  afterQizhong: boolean;
  /** "N 件…中": the figures after it may be of a subset of N. */
  opensSubset: boolean;
  /** The last year written in the sentence before it. */
  yearToken?: NumberToken;
  /** Rows named together before the number, in the text's order, when more than one ("予以公开及部分公开"). */
  together?: StatementSpec[];
  /** What the label says of its subject and period, read with it: each check only combines them with the report's. */
  scope: { other: boolean; jurisdiction: boolean; comparison: boolean };
}

/** Per text (and format): computed once, whatever the tables say. */
const candidateMemos = new WeakMap<FormatDecl, (view: TextReading) => Candidate[]>();

function candidatesOf(format: FormatDecl): (view: TextReading) => Candidate[] {
  let memo = candidateMemos.get(format);
  if (!memo) candidateMemos.set(format, (memo = memoize((view: TextReading) => readCandidates(specsOf(format), view))));
  return memo;
}

/** Whether a text has a number a statement may name: only then do the tables bear on what it says. */
export function namesFigures(format: FormatDecl, view: TextReading): boolean {
  return candidatesOf(format)(view).length > 0;
}

/**
 * The statements whose label names a number, by the words before it and after it. Read once per
 * wording: a paragraph being typed in is read again with the words of most of its numbers unchanged,
 * and each is tested against every label.
 */
const labelled = new TextMemo<WeakMap<StatementSpec[], StatementSpec[]>>(200_000);

function labelledBy(specs: StatementSpec[], lead: string, after: string): StatementSpec[] {
  // White space is gone from both: a line break cannot be part of either.
  const bySpecs = labelled.get(`${lead}\n${after}`, () => new WeakMap());
  let named = bySpecs.get(specs);
  if (!named)
    bySpecs.set(specs, (named = specs.filter((s) => s.label.test(lead) && (!s.after || s.after.test(after)))));
  return named;
}

function readCandidates(specs: StatementSpec[], view: TextReading): Candidate[] {
  const out: Candidate[] = [];
  // A sentence or paragraph with many numbers is asked the same questions for each of them:
  // answered once, or a long one costs the square of its length.
  const paragraphAnswers = new Map<Range, Map<RegExp, boolean>>();
  const ask = (answers: Map<RegExp, boolean>, re: RegExp, text: () => string) => {
    let yes = answers.get(re);
    if (yes === undefined) answers.set(re, (yes = re.test(text())));
    return yes;
  };
  view.sentences.forEach((sentence, si) => {
    const raw = view.norm.slice(sentence.start, sentence.end);
    const sentenceText = raw.replace(REASON_PHRASES, '');
    const sentenceAnswers = new Map<RegExp, boolean>();
    const says = (re: RegExp) => ask(sentenceAnswers, re, () => sentenceText);
    const qizhong = sentence.start + raw.indexOf('其中');
    // The last year written so far in the sentence (2023 年…), read in the same pass.
    let yearToken: NumberToken | undefined;
    for (const token of view.inSentence[si]) {
      if (isYear(view, token)) yearToken = token;
      if (token.approx || token.percent || !isCountUnit(token.unit)) continue;
      const cs = clauseStart(view.norm, token.start, sentence.start);
      // Labels are short: only the words right before the number can name it.
      const lead = view.norm.slice(Math.max(cs, token.start - LEAD_REACH), token.start).replace(/\s+/g, '');
      const after = view.norm.slice(token.after, clauseEnd(view.norm, token.after, sentence.end)).replace(/\s+/g, '');
      const isTopical = (spec: StatementSpec): boolean => {
        if ((spec.needs && !says(spec.needs)) || (spec.avoid && says(spec.avoid))) return false;
        if (!spec.paragraphNeeds) return true;
        const paragraph = view.paragraphOf[si];
        let answers = paragraphAnswers.get(paragraph);
        if (!answers) paragraphAnswers.set(paragraph, (answers = new Map()));
        return ask(answers, spec.paragraphNeeds, () => view.norm.slice(paragraph.start, paragraph.end));
      };
      // Several statements may share a label (废止 of 规章 and of 规范性文件): the first of the sentence's topic.
      const named = labelledBy(specs, lead, after);
      const spec = named.find(isTopical) ?? named[0];
      const opensSubset = after.endsWith('中');
      if (!spec && !opensSubset) continue;
      const topical = !!spec && isTopical(spec);
      // Rows named together may be listed over clause marks ("不予公开、无法提供和不予处理共 81 件").
      const together = spec?.sums
        ? namedTogether(
            specs,
            spec,
            view.norm.slice(Math.max(sentence.start, token.start - LEAD_REACH), token.start).replace(/\s+/g, ''),
          )
        : undefined;
      out.push({
        token,
        si,
        sentence,
        spec,
        topical,
        lead,
        afterQizhong: qizhong >= sentence.start && qizhong < cs,
        opensSubset,
        yearToken,
        together,
        scope: {
          other: OTHER_SCOPE.test(lead),
          jurisdiction: JURISDICTION.test(lead),
          comparison: COMPARISON.test(lead),
        },
      });
    }
  });
  return out;
}

/**
 * The rows a label names together with its own: "予以公开及部分公开", "不予公开、无法提供和不予
 * 处理共", read back from the end of the label over joining words. Undefined for one row.
 */
function namedTogether(specs: StatementSpec[], spec: StatementSpec, lead: string): StatementSpec[] | undefined {
  const own = fillerAfter(spec.sums!.words).exec(lead);
  if (!own) return undefined;
  const found = [spec];
  let rest = lead.slice(0, own.index);
  for (;;) {
    const and = AND_WORDS.exec(rest);
    if (!and) break;
    const before = rest.slice(0, and.index);
    const other = specs.find(
      (s) =>
        s.sums &&
        s.sums.table === spec.sums!.table &&
        !found.includes(s) &&
        new RegExp(`(?:${s.sums.words})$`).test(before),
    );
    if (!other) break;
    found.unshift(other);
    rest = before.slice(0, new RegExp(`(?:${other.sums!.words})$`).exec(before)!.index);
  }
  return found.length > 1 ? found : undefined;
}

export function readStatements(report: Report, views: BlockView[]): Statement[] {
  const out: Statement[] = [];
  for (const view of views) {
    let si = -1;
    let parent: Statement | undefined;
    // "上年度结转的 6 件申请中，予以公开 4 件": what follows is of those 6, not of the table's whole.
    let subset = false;
    for (const c of candidatesOf(report.format)(view.reading)) {
      if (c.si !== si) {
        si = c.si;
        parent = undefined;
        subset = false;
      }
      const { token, spec, lead } = c;
      const inSubset = subset;
      if (c.opensSubset) subset = !wholeRequests(report).some((f) => eq(f.value, token.value));
      if (inSubset && spec?.kind !== 'received') continue;
      if (!spec || !c.topical) continue;
      if (otherScope(report, spec, c)) continue;
      const st: Statement = { spec, view, token, sentence: c.sentence, si, lead, figures: [], matched: [] };
      if (c.together) st.together = c.together;
      const year = otherYear(report, spec, c);
      if (year === 'earlier') st.otherYear = year;
      else if (year) {
        st.otherYear = Number(year.value.units);
        st.yearToken = year;
      }
      if (spec.childCols) {
        if (!parent) continue;
        st.parent = parent;
        if (parent.otherYear !== undefined) st.otherYear = parent.otherYear;
        // A part may be of either reading of its parent (一, or 一 + 二), once the parent holds.
        const p = parent;
        const base = p.matched.length ? [...p.matched, ...p.figures.filter((f) => !p.matched.includes(f))] : [];
        st.figures = base.map((f) => column(report, f, spec.childCols!)).filter((f): f is Figure => f !== undefined);
      } else if (c.together) {
        // Rows counted together are one figure: their sum.
        const rows = c.together.map((x) => x.sums!);
        const total = figureOf(
          report,
          rows[0].table,
          rows.map((r) => r.path),
        );
        st.figures = total ? [total] : [];
        parent = st;
      } else {
        st.figures = namedFigures(report, spec, lead);
        parent = st;
      }
      st.matched = st.figures.filter((f) => states(f, token.value));
      out.push(st);
    }
  }
  return out;
}

const named = new WeakMap<Report, Map<StatementSpec, Map<string, Figure[]>>>();

/** The figures a label names in a report, looked up once per label: long reports repeat theirs. Shared: never changed. */
function namedFigures(report: Report, spec: StatementSpec, lead: string): Figure[] {
  let bySpec = named.get(report);
  if (!bySpec) named.set(report, (bySpec = new Map()));
  let byLead = bySpec.get(spec);
  if (!byLead) bySpec.set(spec, (byLead = new Map()));
  let figures = byLead.get(lead);
  if (!figures)
    byLead.set(lead, (figures = (spec.figures?.(report, lead) ?? []).filter((f): f is Figure => f !== undefined)));
  return figures;
}

/** A subject other than the organ: 各县区…, 下级…; a whole jurisdiction in a department's report; a part after 其中. */
function otherScope(report: Report, spec: StatementSpec, c: Candidate): boolean {
  if (spec.childCols) return false;
  if (c.scope.other) return true;
  if (report.organType === report.format.defaultOrganType && c.scope.jurisdiction) return true;
  // "其中，市政府办公室收到申请 20 件": a part of a total, by organ.
  return spec.kind === 'received' && c.afterQizhong;
}

/** A year that puts a sentence in it: 2023 年, but not a date (2024 年 1 月) or a span (2019 年以来). */
function isYear(view: TextReading, t: NumberToken): boolean {
  if (t.unit !== '年' || t.value.scale) return false;
  const n = Number(t.value.units);
  if (n < 1990 || n > 2100) return false;
  const next = view.norm.slice(t.after, t.after + 6).replace(/\s+/g, '');
  return !/^(?:[\d起底末初前后]|以来|至今)/.test(next);
}

/** The year a statement's figure is put in, when it is not the report's. */
function otherYear(report: Report, spec: StatementSpec, c: Candidate): NumberToken | 'earlier' | undefined {
  if (spec.kind !== 'carried' && c.scope.comparison) return 'earlier';
  const stated = c.yearToken;
  const y = report.year;
  if (y === undefined || !stated) return undefined;
  const n = Number(stated.value.units);
  if (spec.kind === 'carried' && n === y - 1) return undefined;
  return n !== y ? stated : undefined;
}

export function checkStatements(report: Report, statements: Statement[]): Finding[] {
  const out: Finding[] = [];
  // The same statement twice in a sentence ("局机关收到…40 件，局属单位收到…120 件") is a
  // breakdown by subject: no one of them is the table's figure.
  const seen = new Map<string, number>();
  const keyOf = (st: Statement) =>
    `${st.view.block.keySpan.start}|${st.si}|${st.spec.name}|${st.parent?.token.start ?? ''}`;
  const keys = statements.map(keyOf);
  for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  statements.forEach((st, i) => {
    if (st.otherYear !== undefined || !st.figures.length || st.matched.length) return;
    if (st.parent && !st.parent.matched.length) return;
    if (seen.get(keys[i])! > 1) return;
    out.push(mismatch(report, st));
  });
  return out;
}

function mismatch(report: Report, st: Statement): Finding {
  const { view, token, spec } = st;
  const stated = written(view, token);
  const unit = token.unit;
  const [first, ...others] = distinct(st.figures);
  const names = st.together?.map((x) => x.name);
  const nameZh = names ? `${names.slice(0, -1).join('、')}及${names[names.length - 1]}` : spec.name;
  const nameEn = names ? names.join(' + ') : spec.name;
  const bd = breakdown(first);
  const v = shownValue(first);
  const alsoZh = others.map((f) => `，也不等于${f.name['zh-CN']}的 ${shownValue(f)['zh-CN']}`).join('');
  const alsoEn = others.map((f) => `, nor ${f.name.en} = ${shownValue(f).en}`).join('');
  const message = txt(
    `正文写${nameZh} ${stated} ${unit}，${first.name['zh-CN']}为 ${v['zh-CN']}${bd ? `（${bd}）` : ''}${alsoZh}`,
    `the text says ${nameEn} ${stated} ${unit}, but ${first.name.en} is ${v.en}${bd ? ` (${bd})` : ''}${alsoEn}`,
  );
  const fixes: Fix[] = [];
  [first, ...others].forEach((f, i) => {
    // The value the identities support, where a cell is wrong: writing the wrong cell's sum would copy the error.
    const fix = replaceNumberFix(report, view, token, formatDec(f.supported ?? f.value), i === 0);
    if (fix) fixes.push(fix);
  });
  return finding(spec.rule, docSpan(view, token.start, token.end), message, { related: relatedCells(first), fixes });
}

/** Figures with different values, in order. */
function distinct(figures: Figure[]): Figure[] {
  const out: Figure[] = [];
  for (const f of figures) if (!out.some((o) => eq(o.value, f.value))) out.push(f);
  return out;
}
