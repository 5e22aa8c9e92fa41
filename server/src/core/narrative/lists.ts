/**
 * 其中 (包括, 包含) lists against their total, per unit (件 with 件, 元 with 元): "解读材料 39
 * 条，其中图解 35 条，文字解读 2 条，新闻发布会解读 2 条". Parts that add up to more than
 * their total cannot all be parts: a warning. A list that falls short is held to its total only
 * when it is exhaustive: it names a known partition (自然人 and 法人或其他组织) or ends with a
 * catch-all (其他, 其余); a list with 等 names examples only. An item outside the total's scope
 * (上年结转…) ends the list, and a run of items that makes the total ends it too (what follows
 * is a second breakdown of the same total).
 */
import { add, eq, cmp, formatDec, ZERO, type Dec } from '../decimal';
import { txt, type Finding, type Related } from '../findings';
import { finding } from '../codes';
import { docSpan, written, type BlockView, type TextReading } from './blocks';
import { memoize } from '../memo';
import type { NumberToken } from './numbers';
import { clauseStart } from './segments';
import type { Statement } from './statements';

/** An item that is not part of the total: carried over, a comparison, a sum of its own. */
const OUT_OF_SCOPE = /结转|上一?年|去年|同比|较|比上|另有|另外|此外|累计|占/;
const SUM_WORDS = /共计|合计|总计/;
const RESULT_KIND = /予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|办结|结转/;
/** Words that open a list of the parts of the figure before them. */
const LIST_OPENER = /其中|包括|包含/;
const LIST_OPENER_AT = /^(?:其中|包括|包含)$/;
/** Items that describe an attribute several items can share (the same conference attended by two officials). */
const OVERLAPPING = /出席|参加|参与|涉及|覆盖|同时/;
const CATCH_ALL = /其他|其它|其余|剩余|余下/;
/** Units of quantities that add up (not dates, durations or rates). */
const LIST_UNITS = (unit: string) =>
  unit !== '' && !/^(?:[年月日号天倍%‰]|个工作日|工作日|个百分点|百分点)$/.test(unit);

interface Item {
  token: NumberToken;
  label: string;
}

export function checkLists(views: BlockView[], statements: Statement[]): Finding[] {
  const out: Finding[] = [];
  const byToken = new Map(statements.map((s) => [s.token, s]));
  for (const view of views) {
    for (const l of listsOf(view.reading)) {
      // A total read as the requests received, with results among its parts: a list of outcomes, not of the total.
      if (l.ofResults && byToken.get(l.total)?.spec.kind === 'received') continue;
      out.push(l.make(view));
    }
  }
  return out;
}

/** Per text: the lists that do not make their total, whatever the tables say. */
const listsOf = memoize((view: TextReading) => {
  const out: { total: NumberToken; ofResults: boolean; make: (view: BlockView) => Finding }[] = [];
  view.sentences.forEach((sentence, si) => {
    const text = view.norm;
    const opener = LIST_OPENER.exec(text.slice(sentence.start, sentence.end));
    if (!opener) return;
    const k = sentence.start + opener.index;
    const all = itemsAfter(view, view.inSentence[si], k + opener[0].length);
    // An item out of the total's scope ends the list, unless the total counts it after all; a
    // sum (共计…) ends it when it restates the items before it, and is an item otherwise.
    let running: Dec = ZERO;
    const cut = all.findIndex((i) => {
      const restates = SUM_WORDS.test(i.label) && eq(running, i.token.value);
      running = add(running, i.token.value);
      return OUT_OF_SCOPE.test(i.label) || restates;
    });
    const items = cut < 0 ? all : all.slice(0, cut);
    if (items.length < 2) return;
    // The list's own text: 等 anywhere in it means it names examples only.
    const last = items[items.length - 1].token;
    const listText = text.slice(k, Math.min(sentence.end, last.after + 2));
    if (/等/.test(listText)) return;
    // The total stands outside brackets: "3607 件（市政府 349 件…）" totals 3607, not a bracketed share.
    const before = outsideBrackets(view.norm, sentence.start, k, view.inSentence[si]).filter((t) => !t.percent);
    const previous = before.length === 0 && si > 0 ? view.inSentence[si - 1] : undefined;
    for (const unit of new Set(items.map((i) => i.token.unit))) {
      const parts = items.filter((i) => i.token.unit === unit);
      if (parts.length < 2 || parts.some((p) => p.token.approx)) continue;
      const total = totalFor(unit, before, previous);
      if (!total || total.approx) continue;
      const whole = all.filter((i) => i.token.unit === unit);
      const make = judge(view, total, parts, whole, opener[0]);
      if (make) out.push({ total, ofResults: parts.some((p) => RESULT_KIND.test(p.label)), make });
    }
  });
  return out;
});

const OPEN = new Set(['（', '【', '[']);
const CLOSE = new Set(['）', '】', ']']);

/** The numbers between `from` and `to` that no bracket opened after `from` encloses. */
function outsideBrackets(text: string, from: number, to: number, numbers: NumberToken[]): NumberToken[] {
  const out: NumberToken[] = [];
  let depth = 0;
  let p = from;
  for (const token of numbers) {
    if (token.start < from || token.start >= to) continue;
    for (; p < token.start; p++) {
      if (OPEN.has(text[p])) depth++;
      else if (CLOSE.has(text[p]) && depth > 0) depth--;
    }
    if (depth === 0) out.push(token);
  }
  return out;
}

/**
 * Counts after 其中 to the end of the sentence, outside brackets opened after it, up to another
 * 其中; a first ；-clause that already holds two items of one unit is the whole list (what follows the ；
 * is another figure: "发布信息 4583 条，其中 A 2107 条，B 672 条；通过微博发布 6012 条").
 */
function itemsAfter(view: TextReading, numbers: NumberToken[], from: number): Item[] {
  const items: Item[] = [];
  let depth = 0;
  let p = from;
  let firstClause = true;
  for (const token of numbers) {
    if (token.start < from) continue;
    // Walk the text up to this number once: bracket depth, the first ；, a nested 其中.
    for (; p < token.start; p++) {
      const c = view.norm[p];
      if (OPEN.has(c)) depth++;
      else if (CLOSE.has(c) && depth > 0) depth--;
      else if (c === '；' && depth === 0 && firstClause) {
        if (items.some((a, i) => items.some((b, j) => j > i && a.token.unit === b.token.unit))) return items;
        firstClause = false;
      } else if (items.length && LIST_OPENER_AT.test(view.norm.slice(p, p + 2))) return items;
    }
    if (token.percent || !LIST_UNITS(token.unit) || depth > 0) continue;
    const label = view.norm.slice(clauseStart(view.norm, token.start, from), token.start).replace(/\s+/g, '');
    items.push({ token, label });
  }
  return items;
}

/** The total of a unit: the last such count before 其中, or for a sentence that starts with 其中 the one such count of the sentence before. */
function totalFor(unit: string, before: NumberToken[], previous: NumberToken[] | undefined): NumberToken | undefined {
  if (!previous) return before.filter((t) => t.unit === unit).pop();
  const candidates = previous.filter((t) => t.unit === unit && !t.percent);
  return candidates.length === 1 ? candidates[0] : undefined;
}

function judge(
  view: TextReading,
  total: NumberToken,
  parts: Item[],
  whole: Item[],
  opener: string,
): ((block: BlockView) => Finding) | undefined {
  // Any run of items from the first that makes the total: the items after it are outside its scope.
  let running: Dec = ZERO;
  for (const item of whole) {
    running = add(running, item.token.value);
    if (eq(running, total.value)) return undefined;
  }
  const sum = parts.reduce((acc, p) => add(acc, p.token.value), ZERO);
  const over = cmp(sum, total.value) > 0;
  const partition = knownPartition(parts) || CATCH_ALL.test(parts[parts.length - 1].label);
  if (!over && !partition) return undefined;
  const unit = total.unit;
  const terms = parts.map((p) => written(view, p.token)).join(' + ');
  const shown = written(view, total);
  return (block) => {
    const related: Related[] = parts.map((p) => ({
      span: docSpan(block, p.token.start, p.token.end),
      message: txt(
        `${p.label || '一项'} ${written(view, p.token)} ${unit}`,
        `${p.label || 'item'} ${written(view, p.token)} ${unit}`,
      ),
    }));
    const f = finding(
      'narrative-list-sum',
      docSpan(block, total.start, total.end),
      txt(
        `总数 ${shown} ${unit}与“${opener}”各项之和不符：${terms} = ${formatDec(sum)} ${unit}${over ? '，各项之和比总数还多' : ''}`,
        `the total ${shown} ${unit} differs from the sum of the items after ${opener}: ${terms} = ${formatDec(sum)} ${unit}${over ? ', more than the total' : ''}`,
      ),
      { related },
    );
    // Attributes that can overlap (出席, 参加…) are not exclusive parts: their sum may exceed the total.
    if (over && !partition && parts.some((p) => OVERLAPPING.test(p.label))) f.severity = 'information';
    return f;
  };
}

/** Applicants: 自然人 with 法人或其他组织 (or its five kinds) make up every request. */
function knownPartition(parts: Item[]): boolean {
  const has = (re: RegExp) => parts.some((p) => re.test(p.label));
  return has(/自然人/) && has(/法人|组织|企业|机构/);
}
