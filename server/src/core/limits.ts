/**
 * Bounds on a file GovReport reads by itself rather than because the user opened it: a file
 * named to the command line, or a workspace file read while looking for last year's report.
 * Such a file is screened before it is parsed, in time linear in its length; one that cannot
 * be a report (far larger, longer lines or deeper nesting than any report has) is refused with
 * a message and its position, never parsed: parsing 8 MB of `[[[[…` takes more memory than a
 * process has. docs/security.md lists the limits and what the user sees when one is hit.
 */
import { CST, Lexer } from 'yaml';
import { txt, type Text } from './findings';

export const LIMITS = {
  /** A report is some tens of kilobytes; a workspace file over this is not read at all. */
  reportBytes: 16 * 1024 * 1024,
  /** A published report to import: a Word file may carry images. */
  importBytes: 64 * 1024 * 1024,
  /** Characters on one line: the longest paragraph of a real report is about a thousand. */
  lineLength: 64 * 1024,
  /** Levels of nesting on one line (flow collections, and `- `/`? `/`: ` indicators): a report has two or three. */
  nesting: 64,
} as const;

export interface Refusal {
  /** Where the limit was hit (UTF-16 offset into the text). */
  offset: number;
  message: Text;
}

/** Why the text cannot be a report, or undefined when it may be parsed. */
export function screenReport(text: string): Refusal | undefined {
  return screenLines(text) ?? deepNesting(text);
}

/**
 * The screen without its nesting: size and line length, read at memory speed. The nesting is
 * then screened by `nestingScreen` on the tokens of the parse itself (`parseScreened` of
 * parse.ts), where a file would otherwise be lexed twice.
 */
export function screenLines(text: string): Refusal | undefined {
  if (text.length > LIMITS.reportBytes)
    return {
      offset: LIMITS.reportBytes,
      message: txt(
        `文件超过 ${mb(LIMITS.reportBytes)} MB，不是报告文件，未读取`,
        `the file is over ${mb(LIMITS.reportBytes)} MB: not a report, not read`,
      ),
    };
  return longLine(text);
}

const mb = (bytes: number) => bytes / 1024 / 1024;

function longLine(text: string): Refusal | undefined {
  let start = 0;
  const tooLong = (end: number): Refusal | undefined =>
    end - start > LIMITS.lineLength
      ? {
          offset: start + LIMITS.lineLength,
          message: txt(
            `此行超过 ${LIMITS.lineLength} 个字符，不是报告文件，未读取`,
            `this line is over ${LIMITS.lineLength} characters long: not a report, not read`,
          ),
        }
      : undefined;
  // \r alone also ends a line (as in LineIndex); without one, indexOf finds the breaks fastest.
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      const r = tooLong(i);
      if (r) return r;
      start = i + 1;
    }
    return tooLong(text.length);
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\n' && c !== '\r') continue;
    const r = tooLong(i);
    if (r) return r;
    start = i + 1;
  }
  return tooLong(text.length);
}

/**
 * The YAML nesting of the text, measured with yaml's own lexer (which knows quotes, comments
 * and block scalars, where brackets are only text) and abandoned at the first level too deep.
 */
function deepNesting(text: string): Refusal | undefined {
  const screen = nestingScreen();
  for (const token of new Lexer().lex(text)) {
    const refused = screen(token);
    if (refused) return refused;
  }
  return undefined;
}

/** Follows the nesting of yaml's lexer tokens, given in order: the refusal at the first token too deep. */
export function nestingScreen(): (token: string) => Refusal | undefined {
  let offset = 0;
  let flow = 0;
  let onLine = 0;
  return (token) => {
    const type = CST.tokenType(token);
    if (type === 'flow-seq-start' || type === 'flow-map-start') flow++;
    else if (type === 'flow-seq-end' || type === 'flow-map-end') flow = Math.max(0, flow - 1);
    else if (type === 'newline') onLine = 0;
    else if (flow === 0 && (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind'))
      onLine++;
    if (flow + onLine > LIMITS.nesting)
      return {
        offset,
        message: txt(
          `嵌套超过 ${LIMITS.nesting} 层，不是报告文件，未读取`,
          `nested more than ${LIMITS.nesting} levels deep: not a report, not read`,
        ),
      };
    // The lexer's control tokens (document, scalar, flow error) stand for no characters of the text.
    if (type !== 'doc-mode' && type !== 'scalar' && type !== 'flow-error-end') offset += token.length;
    return undefined;
  };
}
