/**
 * Whether the source shows the whole report. An excerpt marks what it leaves out with a line
 * of dots (… or ...); a page or a text cut short ends in the middle of a sentence or of a table
 * row, with no signature. What the source does not show is written into the report as
 * 原文不完整, so that the check does not report it missing (core/unseen.ts): an evaluator
 * checking a page cut short sees what the page shows, not forty things it does not.
 */
import type { SectionDecl } from '../format';
import type { Block } from './blocks';
import { readCell } from './cells';
import { DATE_PATTERN } from './dateText';
import { ORGAN_END } from './metadata';
import { isPageNumber } from './normalize';
import { isChrome, type Outline } from './outline';

export interface Completeness {
  /** Why the start (title and preface) is not shown. */
  start?: string;
  /** Sections with text left out. */
  gaps: SectionDecl[];
  /** Why the end is not shown. */
  end?: string;
}

const OMISSION = /^(?:\.{3,}|…+|。{3,}|·{3,})$/u;
/** How a finished sentence, a signature line or a date ends. */
const FINISHED = /[。！？!?」』”’）)\]】]$/u;
const DATE_LINE = new RegExp(`(?:${DATE_PATTERN})\\s*[)）]?$`, 'u');
const NUMBERED = /^[（(]?[一二三四五六七八九十\d]+[)）、.．]/u;
/** Enough characters to tell a sentence broken off from a short line (“无”). */
const MIN_BROKEN = 6;

/** A line of dots only: text left out of an excerpt. */
export function isOmission(b: Block): boolean {
  return b.kind === 'line' && OMISSION.test(b.text.trim());
}

/** What the source does not show of the report the outline was read from. */
export function completeness(outline: Outline): Completeness {
  const gaps = outline.sections.filter((s) => s.blocks.some(isOmission)).map((s) => s.decl);
  const excerpt = gaps.length > 0 || outline.preface.some(isOmission);
  const out: Completeness = { gaps };
  const preface = outline.preface.filter((b) => !isOmission(b));
  // An excerpt that starts at a heading does not show whether the report had a title and a preface.
  if (excerpt && !outline.title.length && !preface.length) out.start = '没有标题和前言';
  if (!outline.signature) {
    const last = outline.sections.at(-1);
    const broken = last ? brokenOff(last.blocks) : undefined;
    if (broken) out.end = broken;
    else if (excerpt) out.end = '没有落款';
  }
  return out;
}

/** How the last block of a region breaks off, if it does. */
function brokenOff(blocks: Block[]): string | undefined {
  const content = blocks.filter((b) => {
    if (b.kind !== 'line') return true;
    const t = b.text.trim();
    return t !== '' && !isOmission(b) && !isPageNumber(t, true) && !isChrome(t);
  });
  const last = content.at(-1);
  if (!last) return undefined;
  if (last.kind === 'table') {
    const cells = (last.rows.at(-1) ?? []).map((c) => c.trim()).filter(Boolean);
    const cell = cells.at(-1);
    // A row that ends in a label has lost its numbers.
    return cell && readCell(cell).kind === 'label' ? `在表格的“${tail(cell)}”处中断` : undefined;
  }
  const t = last.text.trim();
  if (t.length < MIN_BROKEN || FINISHED.test(t) || DATE_LINE.test(t)) return undefined;
  // The signature's organ alone (a report that prints no date): no numbering, no clause marks.
  if (t.length <= 40 && ORGAN_END.test(t) && !/[，,。；;：:]/u.test(t) && !NUMBERED.test(t)) return undefined;
  return `在“${tail(t)}”处中断`;
}

const tail = (t: string) => (t.length > 16 ? `……${t.slice(-16)}` : t);
