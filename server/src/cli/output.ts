/** The CLI's output of findings: one line each (text), LSP diagnostics (json), and the summary line. */
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { LineIndex, Locale, Severity } from '../core';
import { toDiagnostic, type Reported } from '../shared/convert';
import { shown } from '../shared/readFile';

export interface FileFindings {
  file: string;
  lines: LineIndex;
  findings: readonly Reported[];
  /** One per finding (`fingerprints` of the core), for the formats that carry them. */
  fingerprints?: readonly string[];
  /** A config file's problems rather than a report's findings. */
  config?: boolean;
}

const NAMES: Record<Locale, Record<Severity, string>> = {
  'zh-CN': { error: '错误', warning: '警告', information: '提示', hint: '建议' },
  en: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' },
};

/** One line per finding; a line break in the file's name or in text quoted from the report is escaped, so nothing can forge a line. */
export function textLines(r: FileFindings, locale: Locale): string[] {
  return r.findings.map((f) => {
    const p = r.lines.positionAt(f.span.start);
    return shown(`${r.file}:${p.line + 1}:${p.character + 1}: ${f.severity} ${f.code}: ${f.message[locale]}`);
  });
}

/**
 * `failed`: files that could not be read (or, for fix, written); each was named on stderr.
 * Config files are not counted as files; their problems are counted with the findings.
 */
export function summary(results: readonly FileFindings[], failed: number, locale: Locale): string {
  const count = (s: Severity) => results.reduce((n, r) => n + r.findings.filter((f) => f.severity === s).length, 0);
  const [e, w, i] = [count('error'), count('warning'), count('information') + count('hint')];
  const files = results.filter((r) => !r.config).length;
  if (locale === 'en') {
    const parts = [`${e} error${e === 1 ? '' : 's'}`, `${w} warning${w === 1 ? '' : 's'}`, `${i} information`];
    return `${parts.join(', ')} in ${files} file${files === 1 ? '' : 's'}${failed ? `; ${failed} file${failed === 1 ? '' : 's'} failed (see above)` : ''}`;
  }
  const names = NAMES['zh-CN'];
  return `${files} 个文件：${e} 个${names.error}，${w} 个${names.warning}，${i} 个${names.information}${failed ? `；${failed} 个文件处理失败（见上文）` : ''}`;
}

export function fileUri(file: string): string {
  return pathToFileURL(path.resolve(file)).toString();
}

export function jsonOutput(results: readonly FileFindings[], locale: Locale): string {
  return JSON.stringify(
    results.map((r) => ({
      file: r.file,
      diagnostics: r.findings.map((f) => toDiagnostic(f, r.lines, locale, fileUri(r.file))),
    })),
    null,
    2,
  );
}
