/**
 * SARIF 2.1.0, what code-scanning services and editors read: one run, every rule with its
 * title, documentation and help link, one result per finding with its rule, level, region
 * (UTF-16 columns, as the findings count), the part of the form as a logical location, the
 * related places, and a fingerprint that does not change when unrelated lines move.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODES, CONFIG_CODES, RULE_CODES, groupOf, isRuleCode, ruleOf, type Locale, type Severity } from '../../core';
import { RULES_DOC, docLink } from '../../shared/convert';
import type { FileFindings } from '../output';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** A file as a URI: relative to the folder the command ran in where it lies there, else absolute. */
function artifactUri(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const full = path.resolve(cwd, file);
  const rel = path.relative(cwd, full);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel))
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(full).href };
}

function ruleDescriptor(code: string, locale: Locale): Record<string, unknown> {
  if (isRuleCode(code)) {
    const about = ruleOf(code)?.docs[code].about[locale];
    return {
      id: code,
      shortDescription: { text: CODES[code].title[locale] },
      ...(about ? { fullDescription: { text: about }, help: { text: about } } : {}),
      helpUri: docLink(code, locale),
      defaultConfiguration: { level: LEVEL[CODES[code].severity] },
      properties: { tags: [groupOf(code) ?? 'govreport'] },
    };
  }
  const info = CONFIG_CODES[code as keyof typeof CONFIG_CODES];
  return {
    id: code,
    shortDescription: { text: info?.title[locale] ?? code },
    helpUri: docLink(code, locale),
    defaultConfiguration: { level: LEVEL[info?.severity ?? 'error'] },
    properties: { tags: ['config'] },
  };
}

export interface SarifInput {
  results: readonly FileFindings[];
  /** Files that could not be read, with why. */
  unreadable: readonly string[];
  locale: Locale;
  version: string;
  cwd: string;
}

export function sarifOutput({ results, unreadable, locale, version, cwd }: SarifInput): string {
  const used = new Set(results.flatMap((r) => r.findings.map((f) => f.code)));
  const codes = [...RULE_CODES, ...Object.keys(CONFIG_CODES).filter((c) => used.has(c))];
  const index = new Map(codes.map((c, i) => [c, i]));
  const sarifResults = results.flatMap((r) => {
    const location = artifactUri(r.file, cwd);
    return r.findings.map((f, i) => {
      const start = r.lines.positionAt(f.span.start);
      const end = r.lines.positionAt(f.span.end);
      const result: Record<string, unknown> = {
        ruleId: f.code,
        ruleIndex: index.get(f.code),
        level: LEVEL[f.severity],
        message: { text: f.message[locale] },
        locations: [
          {
            physicalLocation: {
              artifactLocation: location,
              region: {
                startLine: start.line + 1,
                startColumn: start.character + 1,
                endLine: end.line + 1,
                endColumn: end.character + 1,
              },
            },
          },
        ],
      };
      const fp = r.fingerprints?.[i];
      if (fp) result.partialFingerprints = { 'govreport/v1': fp };
      const related = (f.related ?? []).map((rel, k) => {
        const range =
          rel.uri && rel.range
            ? rel.range
            : { start: r.lines.positionAt(rel.span.start), end: r.lines.positionAt(rel.span.end) };
        const artifact = rel.uri ? { uri: rel.uri } : location;
        return {
          id: k + 1,
          message: { text: rel.message[locale] },
          physicalLocation: {
            artifactLocation: artifact,
            region: {
              startLine: range.start.line + 1,
              startColumn: range.start.character + 1,
              endLine: range.end.line + 1,
              endColumn: range.end.character + 1,
            },
          },
        };
      });
      if (related.length) result.relatedLocations = related;
      return result;
    });
  });
  const cwdUri = pathToFileURL(path.resolve(cwd) + path.sep).href;
  const configErrors = results.some((r) => r.config && r.findings.some((f) => f.severity === 'error'));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'govreport',
            version,
            informationUri: RULES_DOC[locale],
            rules: codes.map((c) => ruleDescriptor(c, locale)),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: cwdUri } },
        invocations: [
          {
            executionSuccessful: !unreadable.length && !configErrors,
            toolExecutionNotifications: unreadable.map((text) => ({ level: 'error', message: { text } })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
