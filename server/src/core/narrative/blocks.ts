/**
 * One narrative block as the narrative rules read it: the text, its normalised copy, its
 * numbers, sentences and paragraphs, and the way back to document offsets.
 */
import { txt, type Fix, type Span } from '../findings';
import type { Scalar } from 'yaml';
import type { Report, TextBlock } from '../model';
import { TextMemo } from '../memo';
import { numbersIn, writeLike, type NumberToken } from './numbers';
import { normalize, paragraphs, sentences, type Range } from './segments';

/** Everything read from a text alone: shared by every block with that text, never changed. */
export interface TextReading {
  text: string;
  norm: string;
  numbers: NumberToken[];
  sentences: Range[];
  paragraphs: Range[];
  /** The numbers of each sentence, in order. */
  inSentence: NumberToken[][];
  /** The paragraph of each sentence. */
  paragraphOf: Range[];
}

export interface BlockView extends TextReading {
  block: TextBlock;
  /** The shared reading itself: what the rules key their own per-text results by. */
  reading: TextReading;
}

/** A block with a text node: what the narrative reads. */
export type NarrativeBlock = TextBlock & { node: Scalar };

/** About twice the narrative of the longest real reports. */
const readings = new TextMemo<TextReading>(1_000_000);

/** By node first: an incremental parse hands back the same nodes for the entries that did not change. */
const byNode = new WeakMap<object, TextReading>();

export function blockViews(report: Report): BlockView[] {
  return narrativeBlocks(report).map(viewOf);
}

/** The blocks the narrative reads: the 前言 and the texts, those with words in them. */
export function narrativeBlocks(report: Report): NarrativeBlock[] {
  const blocks = report.preface ? [report.preface, ...report.texts] : report.texts;
  return blocks.filter((b): b is NarrativeBlock => !!b.node && !!b.text.trim());
}

/** One block as the narrative reads it. */
export function viewOf(block: NarrativeBlock): BlockView {
  let r = byNode.get(block.node);
  if (r?.text !== block.text) byNode.set(block.node, (r = readings.get(block.text, read)));
  // Written out: a spread copies through a slow generic path, once per block per check.
  return {
    block,
    reading: r,
    text: r.text,
    norm: r.norm,
    numbers: r.numbers,
    sentences: r.sentences,
    paragraphs: r.paragraphs,
    inSentence: r.inSentence,
    paragraphOf: r.paragraphOf,
  };
}

function read(text: string): TextReading {
  const norm = normalize(text);
  const numbers = numbersIn(text, norm);
  const sents = sentences(norm);
  const paras = paragraphs(norm);
  // One pass over sorted ranges: every lookup later is by sentence index.
  const inSentence: NumberToken[][] = sents.map(() => []);
  let k = 0;
  for (const t of numbers) {
    while (k < sents.length && sents[k].end <= t.start) k++;
    if (k < sents.length && t.start >= sents[k].start) inSentence[k].push(t);
  }
  let q = 0;
  const paragraphOf = sents.map((r) => {
    while (q < paras.length - 1 && paras[q].end <= r.start) q++;
    return paras[q] ?? { start: r.start, end: r.end };
  });
  return { text, norm, numbers, sentences: sents, paragraphs: paras, inSentence, paragraphOf };
}

/** Document offsets of characters [start, end) of the block's text. */
export function docSpan(view: BlockView, start: number, end: number): Span {
  const s = view.block.offsetAt(start);
  const e = end > start ? view.block.offsetAt(end - 1) + 1 : s;
  return { start: s, end: Math.max(s, e) };
}

/**
 * A fix that writes `plain` over a number, in the number's own style. None when the source
 * at the number's span is not the number's characters (an escape in a quoted scalar), so a
 * fix never edits the wrong text.
 */
export function replaceNumberFix(
  report: Report,
  view: BlockView,
  token: NumberToken,
  plain: string,
  preferred: boolean,
): Fix | undefined {
  const span = docSpan(view, token.start, token.end);
  const written = view.text.slice(token.start, token.end);
  if (report.text.slice(span.start, span.end) !== written) return undefined;
  const value = writeLike(token, plain);
  if (value === written) return undefined;
  return {
    title: txt(`将 ${written} 改为 ${value}`, `Change ${written} to ${value}`),
    edits: [{ ...span, text: value }],
    preferred,
    safe: false,
  };
}

/** The characters of a number as written, for messages. */
export function written(view: TextReading, token: NumberToken): string {
  return view.text.slice(token.start, token.end);
}

/** A fix that writes `value` over characters [start, end) of the block, when the source holds exactly them. */
export function replaceTextFix(
  report: Report,
  view: BlockView,
  start: number,
  end: number,
  value: string,
  preferred: boolean,
): Fix | undefined {
  const span = docSpan(view, start, end);
  const old = view.text.slice(start, end);
  if (report.text.slice(span.start, span.end) !== old || old === value) return undefined;
  return {
    title: txt(`将“${old}”改为“${value}”`, `Change "${old}" to "${value}"`),
    edits: [{ ...span, text: value }],
    preferred,
    safe: false,
  };
}
