/**
 * Hostile and broken reports for the robustness tests (unit and LSP): a fixed corpus of the
 * shapes that break parsers, mutations of the example for property tests, and the checks
 * every result must pass whatever the input.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../../server/src/core/check';
import { applyEdits } from '../../server/src/core/edits';
import { isRuleCode } from '../../server/src/core/codes';
import { toDiagnostic } from '../../server/src/shared/convert';
import { EXAMPLE } from './helpers';

/** Bytes → text as the CLI reads a file (and VS Code opens one): bad sequences become U+FFFD, a BOM is dropped. */
export function decodeUtf8(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export const encodeUtf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Numbers YAML reads in ways a table must not take silently. */
export const ODD_NUMBERS = [
  '1e308',
  '-1e308',
  '1e-400',
  '.nan',
  '.NaN',
  '.inf',
  '-.inf',
  '0x10',
  '0o17',
  '1_000',
  '9007199254740993',
  '99999999999999999999999999',
  '1.5e3',
  '0.1e1',
  '.5',
  '1.',
  '!!float 3',
  '!!int "7"',
];

/** A cell holding `value` in the 本年新收 row of the example. */
export function withCell(value: string): { text: string; at: number } {
  const row = '[67, 2, 0, 0, 0, 0, 69]';
  const text = EXAMPLE.replace(row, `[${value}, 2, 0, 0, 0, 0, 69]`);
  return { text, at: text.indexOf(`[${value},`) + 1 };
}

/** Ten levels of ten aliases each: 10^10 nodes if anything expanded them. */
export function aliasBomb(levels = 10): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${new Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  return lines.join('\n') + '\n';
}

/** The example with `extra` appended as one more top-level entry's value (or lines). */
const withTail = (extra: string) => `${EXAMPLE}\n${extra}`;

function blockNesting(depth: number): string {
  let s = '附加:\n';
  for (let i = 0; i < depth; i++) s += `${' '.repeat(i + 2)}k${i}:\n`;
  return s;
}

/** Named inputs, each a known way to trip a YAML reader or a checker; all under a megabyte or so. */
export function hostileCorpus(): { name: string; text: string }[] {
  const lines = EXAMPLE.split('\n');
  const cases: { name: string; text: string }[] = [
    { name: 'empty', text: '' },
    { name: 'white space only', text: ' \n\t\n\r\n' },
    { name: 'comments only', text: '# a\n# b\n' },
    { name: 'a scalar', text: '报告' },
    { name: 'a sequence', text: '- 1\n- 2\n' },
    { name: 'flow at the top', text: '{机关: x, 年度: 2024' },
    {
      name: 'lone indicators',
      text: [':', '-', '?', '&', '*', '!', '|', '>', '%', '@', '`', '"', "'", '[', ']', '{', '}', ',', '#'].join('\n'),
    },
    { name: 'tabs for indentation', text: EXAMPLE.replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2)) },
    { name: 'tabs after keys', text: EXAMPLE.replace(/: /g, ':\t') },
    { name: 'CRLF', text: EXAMPLE.replace(/\n/g, '\r\n') },
    { name: 'CR only', text: EXAMPLE.replace(/\n/g, '\r') },
    { name: 'mixed line ends', text: lines.map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join('') },
    { name: 'BOM', text: '\ufeff' + EXAMPLE },
    { name: 'BOM on every line', text: EXAMPLE.replace(/\n/g, '\n\ufeff') },
    { name: 'NUL bytes', text: EXAMPLE.replace(/0/g, '\0') },
    { name: 'NUL in keys', text: EXAMPLE.replace(/^(\S)/gm, '\0$1') },
    { name: 'control characters', text: EXAMPLE.replace(/，/g, '\u0007\u001b[31m\u007f') },
    {
      name: 'invalid UTF-8',
      text: decodeUtf8(
        new Uint8Array([
          ...encodeUtf8(EXAMPLE.slice(0, 600)),
          0xff,
          0xfe,
          0xc3,
          0x28,
          0xe2,
          0x82,
          0xf0,
          0x9f,
          0x92,
          ...encodeUtf8(EXAMPLE.slice(600)),
        ]),
      ),
    },
    { name: 'lone surrogates', text: EXAMPLE.replace(/年/g, '\ud800年\udc00') },
    { name: 'astral characters', text: EXAMPLE.replace(/机关/g, '𠮷😀机关') },
    { name: 'bidi and zero-width', text: EXAMPLE.replace(/：/g, '\u202e\u200b\u2066') },
    { name: 'line and paragraph separators', text: EXAMPLE.replace(/。/g, '\u2028\u2029。') },
    { name: 'truncated mid-line', text: EXAMPLE.slice(0, EXAMPLE.indexOf('[67, 2') + 4) },
    { name: 'truncated mid-character', text: decodeUtf8(encodeUtf8(EXAMPLE).subarray(0, 2001)) },
    { name: 'unclosed quote', text: EXAMPLE.replace('机关: 吕梁', '机关: "吕梁') },
    { name: 'unclosed flow', text: EXAMPLE.replace('[67, 2, 0, 0, 0, 0, 69]', '[67, 2, 0, {0: [0') },
    { name: 'document markers', text: `%YAML 1.2\n---\n${EXAMPLE}\n...\n---\n${EXAMPLE}` },
    { name: 'a second document', text: `${EXAMPLE}\n---\n机关: 另一个\n` },
    { name: 'directive only', text: '%TAG ! tag:example.com,2000:\n' },
    { name: 'duplicate top-level keys', text: `${EXAMPLE}\n机关: 又一个\n年度: 2023\n总体情况: x\n` },
    {
      name: 'duplicate rows',
      text: EXAMPLE.replace('  规章:           [0, 0, 0]', '  规章: [0, 0, 0]\n  规章: [1, 1, 1]\n  "规章": [2, 2, 2]'),
    },
    {
      name: 'duplicate keys in a flow map',
      text: EXAMPLE.replace('[67, 2, 0, 0, 0, 0, 69]', '{自然人: 1, 自然人: 2, 1: a, 1.0: b, .nan: c, .nan: d}'),
    },
    {
      name: 'tags',
      text: EXAMPLE.replace('机关: 吕梁', '机关: !!binary 吕梁')
        .replace('[67, 2', '!!seq [!!str 67, !custom 2')
        .replace('年度: 2024', '年度: !!timestamp 2024'),
    },
    { name: 'unknown tag on a section', text: EXAMPLE.replace('总体情况:', '总体情况: !foo') },
    {
      name: 'anchors and aliases',
      text: EXAMPLE.replace('规章:           [0, 0, 0]', '规章: &row [0, 0, 0]')
        .replace('行政许可:       [0]', '行政许可: *row')
        .replace('行政处罚:       [0]', '行政处罚: *nowhere'),
    },
    { name: 'alias as a key', text: EXAMPLE.replace('行政强制:       [0]', '*row : [0]') },
    {
      name: 'alias to a whole section',
      text: EXAMPLE.replace('主动公开政府信息情况:', '主动公开政府信息情况: &sec').replace(
        '\n其他需要报告的事项',
        '\n其他需要报告的事项2: *sec\n其他需要报告的事项',
      ),
    },
    { name: 'merge keys', text: EXAMPLE.replace('  行政许可:       [0]', '  <<: {行政许可: [1]}\n  <<: *x') },
    { name: 'alias bomb', text: aliasBomb() },
    { name: 'alias bomb in a report', text: withTail(aliasBomb()) + '附加: *a9\n' },
    {
      name: 'alias bomb in a cell',
      text: aliasBomb() + EXAMPLE.replace('[67, 2, 0, 0, 0, 0, 69]', '[*a9, *a9, 0, 0, 0, 0, *a9]'),
    },
    { name: 'complex keys', text: withTail('? [a, b]\n: 1\n? {c: d}\n: 2\n? |\n  block\n: 3\n') },
    {
      name: 'odd numbers in cells',
      text: EXAMPLE.replace('[67, 2, 0, 0, 0, 0, 69]', `[${ODD_NUMBERS.slice(0, 7).join(', ')}]`),
    },
    { name: 'odd numbers as the year', text: EXAMPLE.replace('年度: 2024', '年度: 0x7E8') },
    {
      name: 'odd numbers as dates',
      text: EXAMPLE.replace('落款日期: 2024-01-08', '落款日期: 2024.10').replace('{起: 2024-01-01', '{起: 1e308'),
    },
    {
      name: 'huge numbers in the text',
      text: EXAMPLE.replace(
        '共收到和办理政府信息公开申请 69 件',
        '共收到和办理政府信息公开申请 99999999999999999999 件',
      ),
    },
    { name: 'deep flow nesting', text: withTail(`附加: ${'['.repeat(8000)}${']'.repeat(8000)}`) },
    { name: 'deep flow nesting, unclosed', text: withTail(`附加: ${'{a: ['.repeat(3000)}`) },
    {
      name: 'deep nesting in a cell',
      text: EXAMPLE.replace('[67, 2, 0, 0, 0, 0, 69]', `${'['.repeat(5000)}1${']'.repeat(5000)}`),
    },
    { name: 'deep block sequence', text: withTail(`附加:\n${'- '.repeat(5000)}1`) },
    { name: 'deep block mapping', text: withTail(blockNesting(600)) },
    { name: 'very long line', text: withTail(`其他需要报告的事项: ${'公开'.repeat(300_000)}`) },
    { name: 'very long key', text: withTail(`${'键'.repeat(200_000)}: 1`) },
    { name: 'very long number', text: EXAMPLE.replace('[67, 2', `[${'9'.repeat(100_000)}, 2`) },
    { name: 'very long comment', text: withTail('#' + 'x'.repeat(500_000)) },
    {
      name: 'many suppressions',
      text: withTail('# govreport-disable-next-line unknown-key, no-such-rule\nzz: 1\n'.repeat(500)),
    },
    { name: 'a suppression at the end', text: EXAMPLE + '\n# govreport-disable-next-line row-total' },
  ];
  return cases;
}

/** Small pieces that change how YAML reads what follows them. */
export const HOSTILE_TOKENS = [
  '\t',
  '\r',
  '\r\n',
  '\n',
  '\0',
  '\ufeff',
  '\ud800',
  '\udfff',
  '\u2028',
  '\u202e',
  '😀',
  ' ',
  '  ',
  ': ',
  ':',
  '- ',
  '? ',
  '#',
  ' #',
  '&a ',
  '*a',
  '*b ',
  '!!str ',
  '!t ',
  '!<tag:x> ',
  '<<: ',
  '|',
  '>-',
  '"',
  "'",
  '\\',
  '[',
  ']',
  '{',
  '}',
  ', ',
  '%YAML 1.2\n',
  '---\n',
  '...\n',
  '--- ',
  '@',
  '`',
  ...ODD_NUMBERS,
  '-0',
  '+5',
  '00012',
  '１２',
  '1,234',
  '四',
  '# govreport-disable-next-line row-total',
  '# govreport-disable unknown-key',
  '总计',
  '其中',
  '办结率 100%',
  '件',
  '年度: 2024\n',
];

/**
 * What every check result must satisfy, whatever the input: spans inside the document,
 * known rule codes and severities, messages in both languages, fixes that apply, and
 * LSP ranges that a client can use (lines that exist, characters within them).
 */
export function assertSane(text: string, result: CheckResult, label = ''): void {
  const n = text.length;
  const inside = (s: { start: number; end: number }, what: string) => {
    assert.ok(
      Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= n,
      `${label}: ${what} [${s.start}, ${s.end}) outside 0..${n}`,
    );
  };
  assert.equal(result.report.text, text);
  const doc = TextDocument.create('file:///x.report.yaml', 'govreport', 1, text);
  const lineLength = (line: number) => result.report.lines.lineEnd(line) - result.report.lines.lineStart(line);
  assert.equal(result.report.lines.lineCount, doc.lineCount, `${label}: lines counted as an LSP client counts them`);
  const validRange = (
    r: { start: { line: number; character: number }; end: { line: number; character: number } },
    what: string,
  ) => {
    for (const p of [r.start, r.end]) {
      assert.ok(p.line >= 0 && p.line < doc.lineCount, `${label}: ${what} line ${p.line} of ${doc.lineCount}`);
      assert.ok(
        p.character >= 0 && p.character <= lineLength(p.line),
        `${label}: ${what} character ${p.character} beyond line ${p.line} (${lineLength(p.line)})`,
      );
    }
    assert.ok(
      r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character),
      `${label}: ${what} ends before it starts`,
    );
  };
  for (const f of result.findings) {
    const what = `${f.code}`;
    assert.ok(isRuleCode(f.code), `${label}: unknown rule code ${f.code}`);
    assert.ok(['error', 'warning', 'information', 'hint'].includes(f.severity), `${label}: severity ${f.severity}`);
    assert.ok(f.message['zh-CN'] && f.message.en, `${label}: ${what} has a message in both languages`);
    inside(f.span, what);
    for (const r of f.related ?? []) if (!r.uri) inside(r.span, `${what} related`);
    for (const fix of f.fixes ?? []) {
      for (const e of fix.edits) inside(e, `${what} fix edit`);
      assert.equal(typeof applyEdits(text, fix.edits), 'string');
    }
    for (const locale of ['zh-CN', 'en'] as const) {
      const d = toDiagnostic(f, result.report.lines, locale, doc.uri);
      validRange(d.range, what);
      // The client reads the range as the same characters (an offset inside a CRLF can only be its line's end).
      for (const [p, o] of [
        [d.range.start, f.span.start],
        [d.range.end, f.span.end],
      ] as const) {
        const back = doc.offsetAt(p);
        assert.ok(
          back === o || (back === o - 1 && text[o - 1] === '\r' && text[o] === '\n'),
          `${label}: ${what} offset ${o} comes back as ${back}`,
        );
      }
      for (const r of d.relatedInformation ?? [])
        if (r.location.uri === doc.uri) validRange(r.location.range, `${what} related`);
    }
  }
}
