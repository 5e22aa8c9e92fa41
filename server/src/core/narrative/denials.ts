/**
 * "未收到因政府信息公开引发的行政复议和行政诉讼案件" against table 四: a sentence that says
 * there were none, above a table that lists some.
 */
import { finding } from '../codes';
import { formatDec } from '../decimal';
import { txt, type Finding } from '../findings';
import { columnByRole, tableByRole, type FormatDecl } from '../format';
import type { Report } from '../model';
import { docSpan, type BlockView, type TextReading } from './blocks';
import { memoize } from '../memo';
import { figure, relatedCells, type Figure } from './figures';

/** Words that make the sentence deny something else about the cases (corrections, losses). */
const ABOUT_OUTCOMES = /纠错|纠正|败诉|撤销|确认违法|被判|维持|审结|结果|决定|起诉后|经复议/;

interface Kinds {
  /** The table's top-level kinds of case with their words and paths. */
  kinds: { words: string; path: string }[];
  /** 未/没有/无 … 行政复议 [和 行政诉讼]: the gap holds no number and no clause break. */
  before: RegExp;
  /** 行政复议 [和 行政诉讼] … 均为 0 / 均未发生. */
  after: RegExp;
  /** The readings of each text, by sentence. */
  denied: (view: TextReading) => { sentence: number; at: number; kind: string }[];
}

/** The common start of the kinds' words ("行政"), which a second kind may leave out ("行政复议和诉讼"). */
function commonPrefix(words: string[]): string {
  let p = words[0] ?? '';
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

const built = new WeakMap<FormatDecl, Kinds | null>();

function kindsOf(format: FormatDecl): Kinds | undefined {
  let k = built.get(format);
  if (k === undefined) {
    const table = tableByRole(format, 'reviews');
    const kinds = (table?.items ?? []).filter((i) => i.words).map((i) => ({ words: i.words!, path: i.key }));
    if (!kinds.length) k = null;
    else {
      const prefix = commonPrefix(kinds.map((x) => x.words));
      const rests = kinds.map((x) => x.words.slice(prefix.length));
      const KIND = `(${kinds.map((x) => x.words).join('|')})`;
      const AND = '(?:和|及|或|与|以及|、)\\s*(?:被提起|提起|被申请|申请)?\\s*';
      const SECOND = `(?:\\s*(?:申请|案件)?\\s*${AND}(?:${prefix})?(${rests.join('|')}))?`;
      const before = new RegExp(
        `(?:未|没有|无|不存在)(?:\\s*(?:收到|发生|出现|产生|有|涉及|办理|被))*([^，。；！？\\d]{0,24}?)${KIND}${SECOND}`,
        'dg',
      );
      const after = new RegExp(
        `${KIND}${SECOND}(?:案件|情况|数量|数)?\\s*(?:均|都|皆|也)?\\s*(?:为\\s*(?:0|零)(?![.\\d])|未发生|没有发生|未收到|没有)`,
        'dg',
      );
      const topic = table?.proseTopic ? new RegExp(table.proseTopic) : undefined;
      k = {
        kinds,
        before,
        after,
        denied: memoize((view: TextReading) => deniedIn(view, before, after, prefix, topic)),
      };
    }
    built.set(format, k);
  }
  return k ?? undefined;
}

/** Whether a text says there was no case of some kind: only then does table 四 bear on it. */
export function deniesCases(format: FormatDecl, view: TextReading): boolean {
  return (kindsOf(format)?.denied(view).length ?? 0) > 0;
}

export function checkDenials(report: Report, views: BlockView[]): Finding[] {
  const out: Finding[] = [];
  const kinds = kindsOf(report.format);
  const table = tableByRole(report.format, 'reviews');
  if (!kinds || !table) return out;
  // Looked up for a text that denies a kind of case only: most texts deny none.
  const figureOf = (k: Kinds['kinds'][number]) => {
    const item = table.items.find((i) => i.key === k.path)!;
    const total = columnByRole(item.columns, 'total');
    return total < 0 ? undefined : figure(report, table.key, [k.path], [total]);
  };
  for (const view of views) {
    let sentence = -1;
    let seen = new Set<number>();
    for (const d of kinds.denied(view.reading)) {
      if (d.sentence !== sentence) {
        sentence = d.sentence;
        seen = new Set();
      }
      const kind = kinds.kinds.find((k) => k.words.endsWith(d.kind));
      const fig = kind && figureOf(kind);
      // "None" agrees with a total printed wrong over parts that are all zero: the arithmetic reports that cell.
      if (!fig || fig.undecided || fig.value.units === 0n || fig.supported?.units === 0n) continue;
      if (seen.has(d.at)) continue;
      seen.add(d.at);
      out.push(denial(view, d.at, d.kind, kind.words, fig));
    }
  }
  return out;
}

/** Per text: where it says there was no case of a kind, by sentence, whatever the table says. */
function deniedIn(view: TextReading, before: RegExp, after: RegExp, prefix: string, topic: RegExp | undefined) {
  const out: { sentence: number; at: number; kind: string }[] = [];
  view.sentences.forEach((sentence, si) => {
    const text = view.norm.slice(sentence.start, sentence.end);
    if (topic && !topic.test(text)) return;
    for (const re of [before, after]) {
      for (const m of text.matchAll(re)) {
        const gap = re === before ? m[1] : '';
        const clauseRest = text.slice(m.index! + m[0].length).split(/[，。；]/)[0];
        if (ABOUT_OUTCOMES.test(gap) || ABOUT_OUTCOMES.test(clauseRest)) continue;
        const groups = re === before ? [2, 3] : [1, 2];
        for (const g of groups) {
          const kind = m[g];
          if (!kind) continue;
          let at = sentence.start + m.indices![g]![0];
          // A second kind written without the shared start ("复议" of "行政复议和诉讼") is pointed at with it when it is there.
          if (prefix && !kind.startsWith(prefix) && view.norm.slice(at - prefix.length, at) === prefix)
            at -= prefix.length;
          out.push({ sentence: si, at, kind });
        }
      }
    }
  });
  return out;
}

/** `written` is what the text has at `at`: the kind's words, or their end without the shared start. */
function denial(view: BlockView, at: number, written: string, word: string, fig: Figure): Finding {
  const length = view.norm.startsWith(word, at) ? word.length : written.length;
  const v = formatDec(fig.value);
  return finding(
    'narrative-reviews',
    docSpan(view, at, at + length),
    txt(
      `正文说没有${word}，但${fig.name['zh-CN']}为 ${v}`,
      `the text says there was no ${word}, but ${fig.name.en} is ${v}`,
    ),
    { related: relatedCells(fig) },
  );
}
