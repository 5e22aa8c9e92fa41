/**
 * `--format junit`: the JUnit XML that CI servers show as test results. A test suite per
 * file, a failing test case per finding (its type the severity, as ESLint's JUnit output
 * has it), one passing case for a file with none, and an error case for a file that could
 * not be read.
 */
import type { Locale } from '../../core';
import type { FileFindings } from '../output';

/** Characters XML 1.0 does not allow (controls, lone surrogates, U+FFFE/FFFF), shown as \uXXXX. */
const NOT_XML =
  /[\u0000-\u0008\v\f\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SPECIAL = /[&<>"']/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xmlText(s: string): string {
  return s
    .replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(SPECIAL, (c) => ENTITY[c]);
}

export function junitOutput(results: readonly FileFindings[], unreadable: readonly string[], locale: Locale): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const r of results) {
    const name = xmlText(r.file);
    const cases = r.findings.map((f) => {
      const p = r.lines.positionAt(f.span.start);
      const where = `${p.line + 1}:${p.character + 1}`;
      const message = f.message[locale];
      return [
        `    <testcase classname="${name}" name="${xmlText(`${f.code} ${where}`)}" time="0">`,
        `      <failure type="${f.severity}" message="${xmlText(message)}">${xmlText(`${r.file}:${where}: ${f.severity} ${f.code}: ${message}`)}</failure>`,
        '    </testcase>',
      ].join('\n');
    });
    if (!cases.length) cases.push(`    <testcase classname="${name}" name="govreport" time="0"/>`);
    tests += cases.length;
    failures += r.findings.length;
    suites.push(
      `  <testsuite name="${name}" tests="${cases.length}" failures="${r.findings.length}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  for (const why of unreadable) {
    tests++;
    suites.push(
      `  <testsuite name="${xmlText(why)}" tests="1" failures="0" errors="1" skipped="0" time="0">\n    <testcase classname="govreport" name="read" time="0">\n      <error message="${xmlText(why)}"/>\n    </testcase>\n  </testsuite>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="govreport" tests="${tests}" failures="${failures}" errors="${unreadable.length}" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
