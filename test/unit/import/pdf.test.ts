/**
 * PDF import: a real published PDF, the example printed to PDF by Chromium from the project's
 * own HTML export (test/fixtures/pdf/make.mjs), a scanned PDF, damaged ones, and the layout
 * reader on pieces of text placed by hand.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { check } from '../../../server/src/core/check';
import { importPublished, importReport, type ImportResult } from '../../../server/src/core/import';
import { readPdfPages, type PdfPage, type PdfTextItem } from '../../../server/src/core/import/pdf';
import type { Report } from '../../../server/src/core/model';
import { parseReport } from '../../../server/src/core/parse';
import { MAX_PDF_BYTES, readPdfText } from '../../../server/src/shared/pdf/pdfText';
import { EXAMPLE, ROOT } from '../helpers';

const CMAPS = path.join(ROOT, 'node_modules', 'pdfjs-dist', 'cmaps');
const readPdf = (b: Uint8Array) => readPdfText(b, { cMapDir: CMAPS });
const fixture = (...p: string[]) => readFileSync(path.join(ROOT, 'test', 'fixtures', ...p));
const REAL = fixture('real', '淮安市洪泽区人民政府_2024.pdf');
const PRINTED = fixture('pdf', 'lvliang-2024.pdf');
const SCANNED = fixture('pdf', 'scanned.pdf');

async function imported(bytes: Uint8Array, name: string): Promise<ImportResult & { ok: true }> {
  const r = await importPublished(bytes, { name, readPdf });
  assert.ok(r.ok, r.ok ? '' : r.message.en);
  return r as ImportResult & { ok: true };
}

/** Every row of every table as its cells' source text, by table and row path. */
function rowsOf(report: Report): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, table] of report.tables)
    for (const [p, row] of table.rows) out[`${key}/${p}`] = row.cells.map((c) => c?.raw ?? '?');
  return out;
}

describe('import: PDF', () => {
  it('reads the published PDF of 淮安市洪泽区人民政府 with every table number as printed', async () => {
    const r = await imported(REAL, '淮安市洪泽区人民政府_2024.pdf');
    const rows = rowsOf(parseReport(r.yaml));
    const t3 = '收到和处理政府信息公开申请情况';
    const zeros = ['0', '0', '0', '0', '0', '0', '0'];
    const only = (n: string) => [n, '0', '0', '0', '0', '0', n];
    assert.deepEqual(rows, {
      '主动公开政府信息情况/规章': ['0', '0', '0'],
      '主动公开政府信息情况/行政规范性文件': ['3', '0', '8'],
      '主动公开政府信息情况/行政许可': ['9487'],
      '主动公开政府信息情况/行政处罚': ['2776'],
      '主动公开政府信息情况/行政强制': ['84'],
      '主动公开政府信息情况/行政事业性收费': ['7545'],
      [`${t3}/本年新收政府信息公开申请数量`]: only('95'),
      [`${t3}/上年结转政府信息公开申请数量`]: zeros,
      [`${t3}/本年度办理结果/予以公开`]: only('50'),
      [`${t3}/本年度办理结果/部分公开`]: only('9'),
      [`${t3}/本年度办理结果/不予公开/属于国家秘密`]: zeros,
      [`${t3}/本年度办理结果/不予公开/其他法律行政法规禁止公开`]: zeros,
      [`${t3}/本年度办理结果/不予公开/危及“三安全一稳定”`]: only('1'),
      [`${t3}/本年度办理结果/不予公开/保护第三方合法权益`]: zeros,
      [`${t3}/本年度办理结果/不予公开/属于三类内部事务信息`]: zeros,
      [`${t3}/本年度办理结果/不予公开/属于四类过程性信息`]: only('1'),
      [`${t3}/本年度办理结果/不予公开/属于行政执法案卷`]: only('1'),
      [`${t3}/本年度办理结果/不予公开/属于行政查询事项`]: zeros,
      [`${t3}/本年度办理结果/无法提供/本机关不掌握相关政府信息`]: only('31'),
      [`${t3}/本年度办理结果/无法提供/没有现成信息需要另行制作`]: only('1'),
      [`${t3}/本年度办理结果/无法提供/补正后申请内容仍不明确`]: zeros,
      [`${t3}/本年度办理结果/不予处理/信访举报投诉类申请`]: only('1'),
      [`${t3}/本年度办理结果/不予处理/重复申请`]: zeros,
      [`${t3}/本年度办理结果/不予处理/要求提供公开出版物`]: zeros,
      [`${t3}/本年度办理结果/不予处理/无正当理由大量反复申请`]: zeros,
      [`${t3}/本年度办理结果/不予处理/要求行政机关确认或重新出具已获取信息`]: zeros,
      [`${t3}/本年度办理结果/其他处理`]: zeros,
      [`${t3}/本年度办理结果/总计`]: only('95'),
      [`${t3}/结转下年度继续办理`]: zeros,
      '政府信息公开行政复议、行政诉讼情况/行政复议': ['1', '1', '0', '0', '2'],
      '政府信息公开行政复议、行政诉讼情况/行政诉讼/未经复议直接起诉': ['1', '0', '0', '0', '1'],
      '政府信息公开行政复议、行政诉讼情况/行政诉讼/复议后起诉': ['2', '0', '1', '0', '3'],
    });
    // Its known defects (test/fixtures/real/README.md), all reported.
    const codes: string[] = check(r.yaml).findings.map((f) => f.code);
    for (const code of ['narrative-requests', 'group-as-row', 'misprinted-label', 'missing-field'])
      assert.ok(codes.includes(code), code);
  });

  it('reads the example printed to PDF from its HTML export back to its numbers and findings', async () => {
    const r = await imported(PRINTED, 'lvliang-2024.pdf');
    const back = parseReport(r.yaml);
    const example = parseReport(EXAMPLE);
    assert.deepEqual(rowsOf(back), rowsOf(example));
    assert.deepEqual(
      [back.organ, back.year, back.organType, back.signed?.raw],
      ['吕梁市人民政府办公室', 2024, '部门', '2024-01-08'],
    );
    const findings = (yaml: string) =>
      check(yaml)
        .findings.map((f) => `${f.code} ${f.message.en}`)
        .sort();
    assert.deepEqual(findings(r.yaml), findings(EXAMPLE));
    // Nothing left over: no comment of unplaced text, no notice but the inferred 机关类型.
    assert.doesNotMatch(r.yaml, /未能归入表格/);
    assert.deepEqual(
      r.notices.map((n) => n.en.split(':')[0]),
      ['机关类型 inferred as 部门'],
    );
  });

  it('says that a scanned PDF has no text instead of importing nothing', async () => {
    const r = await importPublished(SCANNED, { name: 'scanned.pdf', readPdf });
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.reason, 'scanned');
      assert.match(r.message.en, /no text layer.*no OCR/);
    }
  });

  it('says that a damaged PDF cannot be read, and refuses one beyond the size limit unread', async () => {
    for (const bytes of [
      PRINTED.subarray(0, 3000),
      Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage'),
      Buffer.concat([PRINTED.subarray(0, 800), Buffer.alloc(4000, 0x41)]),
    ]) {
      const r = await importPublished(bytes, { name: 'broken.pdf', readPdf });
      assert.equal(r.ok, false);
      if (!r.ok) assert.equal(r.reason, 'unreadable', r.message.en);
    }
    const huge = new Uint8Array(MAX_PDF_BYTES + 1);
    huge.set(new TextEncoder().encode('%PDF-1.7\n'));
    const r = await importPublished(huge, { name: 'huge.pdf', readPdf });
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.message.en, /larger than 64 MiB/);
  });
});

describe('import: the PDF layout reader', () => {
  const item = (text: string, x: number, y: number, size = 10): PdfTextItem => ({
    text,
    x,
    y,
    size,
    width: [...text].length * size,
  });
  const page = (items: PdfTextItem[]): PdfPage => ({ width: 600, height: 800, items });
  const show = (pages: PdfPage[]) =>
    readPdfPages(pages).blocks.map((b) =>
      b.kind === 'line' ? b.text : `T: ${b.rows.map((r) => r.join('|')).join(' / ')}`,
    );

  it('joins the lines of a paragraph, across a page too, and drops page numbers and running titles', () => {
    const body = (t: string, x: number, y: number) => item(t, x, y);
    const pages = [
      page([
        item('某局2024年政府信息公开工作年度报告', 100, 770),
        body('一、总体情况', 70, 700),
        body('本年度本局主动公开政府信息一百条，', 70, 680),
        body('其中规范性文件十件，政策解读五条。', 50, 660),
        body('依申请公开工作稳步推进，全年共收到', 70, 640),
        body('- 1 -', 280, 30),
      ]),
      page([
        item('某局2024年政府信息公开工作年度报告', 100, 770),
        body('申请五件，均按时答复。', 50, 700),
        body('- 2 -', 280, 30),
      ]),
    ];
    // The width of the lines: the right edge they reach when wrapped.
    for (const p of pages) for (const i of p.items) if (i.text.length >= 17) i.width = 500 - i.x;
    assert.deepEqual(show(pages), [
      '某局2024年政府信息公开工作年度报告',
      '一、总体情况',
      '本年度本局主动公开政府信息一百条，其中规范性文件十件，政策解读五条。',
      '依申请公开工作稳步推进，全年共收到申请五件，均按时答复。',
    ]);
  });

  it('reads table rows, with a label wrapped above and below its numbers, and a group label beside them', () => {
    const pages = [
      page([
        item('（四）', 50, 515),
        item('1.本机关不掌握相关政府信息', 100, 520),
        ...['45', '2', '47'].map((n, i) => item(n, 400 + 40 * i, 520)),
        item('无法提供', 50, 500),
        item('2.没有现成信息需要', 100, 508),
        ...['3', '0', '3'].map((n, i) => item(n, 400 + 40 * i, 500)),
        item('另行制作', 100, 493),
        item('3.补正后申请内容仍不明确', 100, 478),
        ...['0', '0', '0'].map((n, i) => item(n, 400 + 40 * i, 478)),
      ]),
    ];
    assert.deepEqual(show(pages), [
      'T: （四）|1.本机关不掌握相关政府信息|45|2|47 / 无法提供|2.没有现成信息需要另行制作|3|0|3 / 3.补正后申请内容仍不明确|0|0|0',
    ]);
  });
});

describe('import: hostile PDF text', () => {
  it('reads a page of 300,000 pieces in one line, or of 20,000 lines, without failing', () => {
    const line: PdfPage = { width: 600, height: 800, items: [] };
    for (let i = 0; i < 300_000; i++) line.items.push({ text: String(i % 10), x: i * 20, y: 400, width: 6, size: 10 });
    const lines: PdfPage = { width: 600, height: 20_000 * 14, items: [] };
    for (let i = 0; i < 20_000; i++)
      lines.items.push({ text: i % 2 ? '行政许可' : '1', x: i % 2 ? 50 : 300, y: i * 14, width: 40, size: 10 });
    for (const page of [line, lines]) {
      const r = importReport(new TextEncoder().encode('%PDF-1.7'), { name: 'r.pdf', pdf: { ok: true, pages: [page] } });
      // Neither is a report: refused with a message, not a crash.
      assert.equal(r.ok, false);
    }
  });
});

describe('govreport import: PDF', () => {
  const cli = path.join(ROOT, 'server', 'out', 'cli.js');
  const run = (command: string, ...args: string[]) =>
    spawnSync(process.execPath, [cli, command, '--locale', 'en', ...args], { encoding: 'utf8' });

  it('reads a PDF with the bundled reader and its character maps, and prints only the report on stdout', () => {
    const r = spawnSync(
      process.execPath,
      [cli, 'import', path.join(ROOT, 'test', 'fixtures', 'pdf', 'lvliang-2024.pdf')],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^# 吕梁市人民政府办公室 2024年政府信息公开工作年度报告\n/);
    assert.match(r.stdout, /\n {2}行政规范性文件: +\[11, 2, 81\]\n/);
    assert.doesNotMatch(r.stderr, /Warning|DOMMatrix|canvas/);
  });

  it('exits 2 with a clear message and writes nothing for a scanned or a damaged PDF', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-pdf-'));
    const out = path.join(dir, 'out.report.yaml');
    const damaged = path.join(dir, 'damaged.pdf');
    writeFileSync(damaged, PRINTED.subarray(0, 3000));
    for (const [file, message] of [
      [path.join(ROOT, 'test', 'fixtures', 'pdf', 'scanned.pdf'), /scanned\.pdf: this PDF has no text layer/],
      [damaged, /damaged\.pdf: this PDF is damaged or not a valid PDF/],
    ] as const) {
      const r = run('import', file, '-o', out);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(existsSync(out), false);
    }
  });
});
