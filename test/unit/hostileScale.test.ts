/**
 * The checker's work grows at most linearly with the input. For each shape that has made
 * parsers or checkers quadratic, the CPU time of a check at size n and at 4n is compared:
 * linear work takes about 4 times as long, quadratic about 16. The bound is generous (8),
 * each time is the best of a few runs, and a shape gets three tries before it fails, so a
 * busy machine does not fail the test while a quadratic path does every time.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core/check';
import { importReport, type PdfPage, type PdfText } from '../../server/src/core/import';
import { forgetTexts } from '../../server/src/core/memo';
import { EXAMPLE, ROOT } from './helpers';
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import * as path from 'node:path';
import { aliasBomb, assertSane } from './hostileInputs';
import { guessMeta } from '../../server/src/shared/batchPairing';
import { completionsAt } from '../../server/src/core/completion';
import { screenReport } from '../../server/src/core/limits';
import { LineIndex } from '../../server/src/core/lineIndex';
import { parseReport } from '../../server/src/core/parse';
import { suppressionFix } from '../../server/src/core/suppress';
import { renderHtml } from '../../server/src/core/render/html';
import { renderDocx } from '../../server/src/core/render/docx';

const FUZZ = Number(process.env.GOVREPORT_FUZZ) > 1;
const FACTOR = 4;
const BOUND = 8;

function cpuMs(f: () => void): number {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The best of a few runs, each reading every text afresh (the narrative remembers texts it has read). */
function best(text: string, runs: number, work: (text: string) => unknown): number {
  return Math.min(
    ...Array.from({ length: runs }, () => {
      forgetTexts();
      return cpuMs(() => work(text));
    }),
  );
}

/** The ratio of the times at n and FACTOR·n, measured until it is within the bound (three tries). */
function growth(
  make: (n: number) => string,
  n: number,
  work: (text: string) => unknown = check,
): { ratio: number; times: number[] } {
  const base = make(0).length;
  const small = make(n);
  const large = make(n * FACTOR);
  assert.ok(
    large.length - base >= (small.length - base) * (FACTOR - 0.5),
    'the larger input adds about FACTOR times as much',
  );
  work(small); // warm up
  let ratio = Infinity;
  let times: number[] = [];
  for (let attempt = 0; attempt < 3 && ratio >= BOUND; attempt++) {
    times = [best(small, 3, work), best(large, 2, work)];
    // Below a millisecond the clock says nothing: count it as a millisecond.
    ratio = times[1] / Math.max(1, times[0]);
  }
  return { ratio, times };
}

const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n');
const inSection = (body: string) => `${EXAMPLE}\n其他需要报告的事项:\n${body}\n`;
const OVERVIEW = / {2}概述: >-\n.*\n/;
/** The text of 总体情况 > 概述, which the narrative checks read. */
const inNarrative = (text: string) => EXAMPLE.replace(OVERVIEW, () => `  概述: |-\n${text}\n`);
const inTable = (rows: string) =>
  EXAMPLE.replace('  规章:           [0, 0, 0]\n', `  规章:           [0, 0, 0]\n${rows}\n`);

/** Shapes, each with a size that takes some tens of milliseconds. */
const SHAPES: { name: string; n: number; make: (n: number) => string }[] = [
  { name: 'keys in one mapping', n: 3000, make: (n) => inSection(lines(n, (i) => `  k${i}: ${i}`)) },
  {
    name: 'keys in one flow mapping',
    n: 2000,
    make: (n) => EXAMPLE.replace('[67, 2, 0, 0, 0, 0, 69]', `{${lines(n, (i) => `k${i}: ${i},`)}}`),
  },
  { name: 'one key repeated', n: 2000, make: (n) => inSection(lines(n, (i) => `  k: ${i}`)) },
  { name: 'top-level keys repeated', n: 1000, make: (n) => `${EXAMPLE}\n${lines(n, (i) => `机关: x${i}`)}` },
  { name: 'rows of a table', n: 1000, make: (n) => inTable(lines(n, (i) => `  行${i}: [${i}, 1, 2]`)) },
  { name: 'long unknown keys', n: 500, make: (n) => `${EXAMPLE}\n${lines(n, (i) => `${'收'.repeat(150)}${i}: 1`)}` },
  {
    name: 'suppressions and findings',
    n: 1000,
    make: (n) => `${EXAMPLE}\n${lines(n, (i) => `# govreport-disable-next-line duplicate-key\nzz${i}: 1`)}`,
  },
  {
    name: 'suppression comments in a row',
    n: 3000,
    make: (n) => `${EXAMPLE}\n${lines(n, () => '# govreport-disable-next-line unknown-key')}\nzz: 1`,
  },
  { name: 'flow nesting', n: 500, make: (n) => `${EXAMPLE}\n附加: ${'['.repeat(n)}${']'.repeat(n)}` },
  { name: 'block sequence nesting', n: 500, make: (n) => `${EXAMPLE}\n附加:\n${'- '.repeat(n)}1` },
  { name: 'alias levels', n: 200, make: (n) => `${EXAMPLE}\n${aliasBomb(n)}附加: *a${n - 1}\n` },
  { name: 'long digits in a cell', n: 20000, make: (n) => EXAMPLE.replace('[67, 2', `[${'9'.repeat(n)}, 2`) },
  {
    name: 'a long sentence of figures',
    n: 3200,
    make: (n) => inNarrative(`    收到申请 ${lines(n, (i) => `${i} 件办结 ${i} 件`).replace(/\n/g, ' ')}`),
  },
  {
    name: 'a long sentence of words',
    n: 2000,
    make: (n) => inNarrative(`    ${'收到申请 1 件办结 2 件来信'.repeat(n)}`),
  },
  {
    name: 'a long paragraph',
    n: 300,
    make: (n) => inNarrative(`    ${'本年度收到政府信息公开申请 69 件，办结 61 件，办结率 88.4%。'.repeat(n)}`),
  },
  {
    name: 'many short lines',
    n: 3000,
    make: (n) => inNarrative(lines(n, (i) => `    第${i}行，收到 ${i} 件，其中自然人 ${i} 件。`)),
  },
  { name: 'the example repeated', n: 10, make: (n) => lines(n, (i) => EXAMPLE.replace(/^([^\s#])/gm, `$1${i}`)) },
  {
    name: 'a sentence of many rates',
    n: 1000,
    make: (n) =>
      inNarrative(`    ${lines(n, (i) => `收到申请 ${i + 1} 件，办结 ${i + 1} 件，办结率 100%，`).replace(/\n/g, '')}`),
  },
  {
    name: 'a sentence of many changes after one count',
    n: 1000,
    make: (n) => inNarrative(`    共收到申请 100 件，${lines(n, (i) => `增长 ${i}%`).replace(/\n/g, '，')}`),
  },
  {
    name: 'a run of spaces on the line after a suppression comment',
    n: 20000,
    make: (n) => `${EXAMPLE}\n# govreport-disable-next-line unknown-key\nzz:${' '.repeat(n)}x\n`,
  },
];

describe('work grows linearly with the input', () => {
  for (const shape of SHAPES) {
    it(shape.name, () => {
      const n = FUZZ ? shape.n * 4 : shape.n;
      const { ratio, times } = growth(shape.make, n);
      assert.ok(
        ratio < BOUND,
        `${shape.name}: ${times[0].toFixed(1)} ms at n, ${times[1].toFixed(1)} ms at ${FACTOR}n: ×${ratio.toFixed(1)}`,
      );
    });
  }

  it('checks a 10 MB file', () => {
    const sentence = '本年度收到政府信息公开申请 69 件，其中自然人 67 件，办结率 88.4%。';
    const paragraph = `    ${sentence.repeat(40)}\n\n`;
    const text = inSection(`  概况: |-\n${paragraph.repeat(Math.ceil(10_000_000 / paragraph.length))}`);
    assert.ok(text.length >= 10_000_000);
    assertSane(text, check(text), '10 MB');
  });

  it('checks 10 MB of report entries', { skip: FUZZ ? false : 'with npm run fuzz' }, () => {
    let text = '';
    for (let i = 0; text.length < 10_000_000; i++) text += EXAMPLE.replace(/^([^\s#])/gm, `$1${i}`);
    assertSane(text, check(text), '10 MB of entries');
  });

  it('shows and exports a text of 150,000 paragraphs', { skip: FUZZ ? false : 'with npm run fuzz' }, async () => {
    const paragraphs = Array.from({ length: 150_000 }, (_, i) => `    第${i + 1}段。`);
    const result = check(inNarrative(paragraphs.join('\n\n')));
    assert.match(renderHtml(result, { marks: true }), /第150000段。/);
    assert.ok((await renderDocx(result, { marks: true })).length > 0);
  });
});

/** Paths that read text before or besides the check, each given a long run of spaces where its regular expressions look. */
const OTHER_PATHS: { name: string; n: number; make: (n: number) => string; work: (text: string) => unknown }[] = [
  {
    name: '机关 and 年度 read off the lines of a file (pairing, workspace files)',
    n: 20000,
    make: (n) => `机关: 某${' '.repeat(n)}局\n年度: 2024\n`,
    work: (text) => guessMeta('a.report.yaml', text),
  },
  {
    name: 'completion among keys beside a line of spaces',
    n: 20000,
    make: (n) => `主动公开政府信息情况:\n  规章${' '.repeat(n)}x\n  `,
    work: (text) => completionsAt(parseReport(text), text.length, 'zh-CN'),
  },
  {
    name: 'completion of a value after a run of spaces',
    n: 20000,
    make: (n) => `主动公开政府信息情况:\n  规章${' '.repeat(n)}#`,
    work: (text) => completionsAt(parseReport(text), text.length, 'zh-CN'),
  },
  {
    name: 'the quick fix that adds a code to a suppression comment',
    n: 20000,
    make: (n) => `# govreport-disable-next-line${' '.repeat(n)}x\nzz: 1\n`,
    work: (text) => {
      const f = check(text).findings.find((x) => x.code === 'unknown-key');
      return f && suppressionFix(text, new LineIndex(text), f);
    },
  },
  {
    name: 'screening a file before it is parsed',
    n: 200000,
    make: (n) => `机关: x\n${'附加: [[[a, b]], {c: d}]  # 注释 [[[\n'.repeat(n / 40)}`,
    work: screenReport,
  },
];

describe('other readers of untrusted text grow linearly', () => {
  for (const shape of OTHER_PATHS) {
    it(shape.name, () => {
      const n = FUZZ ? shape.n * 4 : shape.n;
      const { ratio, times } = growth(shape.make, n, shape.work);
      assert.ok(
        ratio < BOUND,
        `${shape.name}: ${times[0].toFixed(1)} ms at n, ${times[1].toFixed(1)} ms at ${FACTOR}n: ×${ratio.toFixed(1)}`,
      );
    });
  }
});

const PUBLISHED = readFileSync(path.join(ROOT, 'test', 'fixtures', 'lvliang-2024.published.txt'), 'utf8');
const wordParagraphs = (text: string) =>
  text
    .split('\n')
    .map((l) => `<w:p><w:r><w:t>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`)
    .join('');
/** A .docx whose word/document.xml has `body` in its w:body (made once per body). */
const docxOf = (() => {
  const made = new Map<string, Uint8Array>();
  return (body: string) => {
    let bytes = made.get(body);
    if (!bytes) {
      const xml = `<w:document xmlns:w="urn:w"><w:body>${body}</w:body></w:document>`;
      made.set(body, (bytes = zipSync({ 'word/document.xml': strToU8(xml) })));
    }
    return bytes;
  };
})();
/** Shapes of published reports for `govreport import`: text, Markdown and HTML. */
const IMPORTS: { name: string; n: number; make: (n: number) => { text: string; file: string } }[] = [
  {
    name: 'a paragraph of many lines',
    n: 2000,
    make: (n) => ({ text: `${PUBLISHED}\n${'项目    1    2    3\n'.repeat(n)}`, file: 'r.txt' }),
  },
  {
    name: 'a long line of spaces and marks',
    n: 20000,
    make: (n) => ({ text: `${PUBLISHED}\n收到${' '.repeat(n)},${' '.repeat(n)}件)`, file: 'r.txt' }),
  },
  {
    name: 'many numbered lines',
    n: 1000,
    make: (n) => ({ text: `${PUBLISHED}\n${'一、\n（一）\n1.\n'.repeat(n)}`, file: 'r.txt' }),
  },
  {
    name: 'a Markdown table',
    n: 1000,
    make: (n) => ({ text: `${PUBLISHED}\n| a | b |\n|---|---|\n${'| 1 | 2 |\n'.repeat(n)}`, file: 'r.md' }),
  },
  {
    name: 'nested HTML elements',
    n: 2000,
    make: (n) => ({ text: `<html><body>${'<div>'.repeat(n)}${PUBLISHED}${'</div>'.repeat(n)}`, file: 'r.html' }),
  },
  {
    name: 'section headings in a row',
    n: 4000,
    make: (n) => ({ text: `${'一、总体情况\n二、主动公开政府信息情况\n'.repeat(n)}${PUBLISHED}`, file: 'r.txt' }),
  },
  {
    name: 'the same sub-heading again and again',
    n: 3000,
    make: (n) => ({
      text: PUBLISHED.replace('一、总体情况\n', () => `一、总体情况\n${'（一）主动公开\n'.repeat(n)}`),
      file: 'r.txt',
    }),
  },
  {
    name: 'line breaks in one Word paragraph',
    n: 5000,
    make: (n) => ({
      text: `<w:p><w:r>${'<w:t>一、总体情况</w:t><w:br/>'.repeat(n)}</w:r></w:p>${wordParagraphs(PUBLISHED)}`,
      file: 'r.docx',
    }),
  },
  {
    name: 'a run of spaces where Markdown is looked for',
    n: 5000,
    make: (n) => ({ text: `${' '.repeat(n)}x\n${PUBLISHED}`, file: 'published' }),
  },
  {
    name: 'a Markdown heading with a run of spaces',
    n: 20000,
    make: (n) => ({ text: `${PUBLISHED}\n# 标${' '.repeat(n)}题\n`, file: 'r.md' }),
  },
  {
    name: 'HTML table cells',
    n: 1000,
    make: (n) => ({
      text: `<html><body><table>${'<tr><td>1</td><td>2</td></tr>'.repeat(n)}</table>${PUBLISHED}`,
      file: 'r.html',
    }),
  },
];

/**
 * A PDF's text as pdf.js gives it: `n` rows of table 三 with labels wrapped above and below
 * their numbers, `perPage` rows to a page (made once per size).
 */
const pdfOf = (() => {
  const made = new Map<string, Uint8Array>();
  const pages = new Map<string, PdfPage[]>();
  return (n: number, perPage: number): { bytes: Uint8Array; pdf: PdfText } => {
    const key = `${n}/${perPage}`;
    if (!pages.has(key)) {
      const out: PdfPage[] = [];
      for (let i = 0; i < n; i++) {
        if (i % perPage === 0) out.push({ width: 600, height: 40 * perPage + 100, items: [] });
        const page = out[out.length - 1];
        const y = page.height - 50 - 40 * (i % perPage);
        const item = (text: string, x: number, dy = 0) => ({ text, x, y: y + dy, width: 10 * text.length, size: 10 });
        page.items.push(item('（四）', 40, 4), item('1.本机关不掌握', 100, 12), item('相关政府信息', 100, -12));
        for (let k = 0; k < 7; k++) page.items.push(item(String(k), 300 + 30 * k));
      }
      pages.set(key, out);
      made.set(key, new TextEncoder().encode(`%PDF-1.7 ${key}`));
    }
    return { bytes: made.get(key)!, pdf: { ok: true, pages: pages.get(key)! } };
  };
})();

describe('import work grows linearly with the input', () => {
  for (const [name, n, perPage] of [
    ['table rows of a PDF over many pages', 1000, 40],
    ['table rows on one page of a PDF', 600, Infinity],
  ] as const)
    it(name, () => {
      const { ratio, times } = growth(
        (k) => 'x'.repeat(k),
        n,
        (text) => {
          const { bytes, pdf } = pdfOf(text.length, perPage);
          return importReport(bytes, { name: 'r.pdf', pdf });
        },
      );
      assert.ok(
        ratio < BOUND,
        `${name}: ${times[0].toFixed(1)} ms at n, ${times[1].toFixed(1)} ms at ${FACTOR}n: ×${ratio.toFixed(1)}`,
      );
    });
  for (const shape of IMPORTS) {
    it(shape.name, () => {
      const n = FUZZ ? shape.n * 4 : shape.n;
      const file = shape.make(0).file;
      const { ratio, times } = growth(
        (k) => shape.make(k).text,
        n,
        (text) => importReport(file.endsWith('.docx') ? docxOf(text) : new TextEncoder().encode(text), { name: file }),
      );
      assert.ok(
        ratio < BOUND,
        `${shape.name}: ${times[0].toFixed(1)} ms at n, ${times[1].toFixed(1)} ms at ${FACTOR}n: ×${ratio.toFixed(1)}`,
      );
    });
  }
});
