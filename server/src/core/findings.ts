/** The one finding type behind the editor squiggle, the CLI line and the JSON output. */
import type { RuleCode } from './codes';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: Locale[] = ['zh-CN', 'en'];

/** A text in both languages; the face that shows it picks one. */
export interface Text {
  'zh-CN': string;
  en: string;
}

export const txt = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Offsets into the document text, in UTF-16 code units (JavaScript string indices). */
export interface Span {
  start: number;
  end: number;
}

/** A new span `by` characters later (a copy: findings of an earlier check may hold the old one). */
export const shifted = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });

export interface Edit extends Span {
  text: string;
}

export interface Fix {
  title: Text;
  edits: Edit[];
  /** The fix the editor offers first. */
  preferred?: boolean;
  /** Needs no judgement: part of fix-all (`source.fixAll.govreport`, `govreport fix`). */
  safe: boolean;
  /** The key the fix writes into a mapping (`keyClaim`): fix-all makes one fix per key, so as not to write it twice. */
  writesKey?: string;
  /**
   * Where the editor puts the caret once the fix is made, as an offset into the text of
   * `edits[0]`: in what the fix added for the author to write (an empty text's quotes).
   */
  caret?: number;
}

/** What `Fix.writesKey` holds: a mapping, by the offset where it starts, and a key by its official label. */
export function keyClaim(mapStart: number, label: string): string {
  return `${mapStart}:${label}`;
}

export interface Related {
  span: Span;
  message: Text;
  /** Another file (cross-year checks); the document itself when absent. */
  uri?: string;
  /** With `uri`: the line/character range in that file (`span` is then its offsets). */
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface Finding {
  code: RuleCode;
  severity: Severity;
  span: Span;
  message: Text;
  related?: Related[];
  fixes?: Fix[];
  /**
   * For a part the file lacks (a missing row): its declared path, `table/row path`, so the
   * printed form can show the finding where the part belongs rather than at `span`.
   */
  subject?: string;
}

/** English for `en`, `en-US`, `en_US.UTF-8` and the like; Chinese otherwise. */
export function pickLocale(value: string | undefined): Locale {
  return value && /^en(?:$|[-_.@])/i.test(value) ? 'en' : 'zh-CN';
}
