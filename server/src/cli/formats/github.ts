/**
 * `--format github`: GitHub Actions workflow commands, one annotation per finding
 * (`::error file=…,line=…,col=…::message`), shown on the lines of the report in a pull request.
 */
import * as path from 'node:path';
import type { Locale, Severity } from '../../core';
import type { FileFindings } from '../output';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** A message: `%`, CR and LF encoded, so that it stays one command. */
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** A property value: also `:` and `,`, which end it. */
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function githubOutput(results: readonly FileFindings[], locale: Locale, cwd: string): string {
  const out: string[] = [];
  for (const r of results) {
    const rel = path.relative(cwd, path.resolve(cwd, r.file));
    const file = (rel && !rel.startsWith('..') ? rel : path.resolve(cwd, r.file)).split(path.sep).join('/');
    for (const f of r.findings) {
      const s = r.lines.positionAt(f.span.start);
      const e = r.lines.positionAt(f.span.end);
      const props = [
        `file=${property(file)}`,
        `line=${s.line + 1}`,
        `col=${s.character + 1}`,
        `endLine=${e.line + 1}`,
        `endColumn=${e.character + 1}`,
        `title=${property(`govreport ${f.code}`)}`,
      ];
      out.push(`::${COMMAND[f.severity]} ${props.join(',')}::${data(f.message[locale])}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}
