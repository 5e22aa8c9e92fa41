/** The Word export: a valid package whose tables have the form's cells, numbers and merges. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { check } from '../../../server/src/core/check';
import { buildPrinted } from '../../../server/src/core/render';
import { renderDocx } from '../../../server/src/core/render/docx';
import { EXAMPLE, variant } from '../helpers';
import { readZipMember } from '../../../server/src/core/import/zip';
import { visualGrid, wordTables } from './helpers';
import { hostileReport } from './hostile';

/** A part of the archive as text (read with the importer's zip reader), if it is there. */
type Part = (name: string) => string | undefined;

async function documentXml(text: string, marks = false): Promise<{ part: Part; xml: string; bytes: Uint8Array }> {
  const bytes = await renderDocx(check(text), { marks });
  const part: Part = (name) => {
    const data = readZipMember(bytes, name);
    return data && Buffer.from(data).toString('utf8');
  };
  return { part, xml: part('word/document.xml')!, bytes };
}

/** Is `soffice` (LibreOffice) on PATH? */
function soffice(): string | undefined {
  for (const name of ['soffice', 'libreoffice']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}

describe('render: Word (.docx)', () => {
  it('is a zip with the parts of a Word document', async () => {
    const { part } = await documentXml(EXAMPLE);
    for (const name of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml'])
      assert.ok(part(name) !== undefined, name);
    assert.match(part('[Content_Types].xml')!, /wordprocessingml\.document\.main\+xml/);
  });

  it('has the title, the six section headings in order and the 落款', async () => {
    const { xml } = await documentXml(EXAMPLE);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    const at = (s: string) => {
      const i = text.indexOf(s);
      assert.ok(i >= 0, s);
      return i;
    };
    const order = [
      '吕梁市人民政府办公室',
      '2024年政府信息公开工作年度报告',
      '本年度报告根据',
      '一、总体情况',
      '（一）主动公开',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
      '2024年1月8日',
    ].map(at);
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
    );
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/, 'A4 page');
  });

  it('has the three tables with the same cells, numbers and merges as the printed form', async () => {
    const { xml } = await documentXml(EXAMPLE);
    const word = wordTables(xml);
    const printed = buildPrinted(check(EXAMPLE));
    const grids = printed.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'table' ? [b.grid] : []));
    assert.equal(word.length, 3);
    grids.forEach((g, t) => {
      const expected = g.rows.map((r) =>
        r.cells.map((c) => ({ text: c.text, colspan: c.colspan, rowspan: c.rowspan })),
      );
      assert.deepEqual(word[t], expected, `table ${g.key}`);
      // Every row covers the whole grid.
      assert.ok(
        visualGrid(word[t]).every((r) => r.length === g.columns && r.every(Boolean)),
        `table ${g.key} is rectangular`,
      );
    });
  });

  it('merges the header cells with gridSpan and vMerge as on the form', async () => {
    const { xml } = await documentXml(EXAMPLE);
    const [, three, four] = wordTables(xml);
    assert.deepEqual(
      three[0].map((c) => [c.text.slice(0, 6), c.colspan, c.rowspan]),
      [
        ['（本列数据的', 3, 3],
        ['申请人情况', 7, 1],
      ],
    );
    assert.deepEqual(
      three[1].map((c) => [c.text, c.colspan, c.rowspan]),
      [
        ['自然人', 1, 2],
        ['法人或其他组织', 5, 1],
        ['总计', 1, 2],
      ],
    );
    const results = three.flat().find((c) => c.text === '三、本年度办理结果')!;
    assert.equal(results.rowspan, 22);
    assert.deepEqual(
      four[0].map((c) => [c.text, c.colspan]),
      [
        ['行政复议', 5],
        ['行政诉讼', 10],
      ],
    );
    const table3 = /<w:tbl>[\s\S]*?<\/w:tbl>/g;
    const second = [...xml.matchAll(table3)][1][0];
    assert.equal(
      (second.match(/<w:vMerge w:val="restart"\/>/g) ?? []).length,
      8,
      'note, 自然人, 总计 and five row groups start merges',
    );
    assert.ok((second.match(/<w:vMerge w:val="continue"\/>/g) ?? []).length > 30);
    assert.match(second, /<w:tblHeader\/>/, 'header rows repeat on each page');
  });

  it('carries the numbers of the file, and shades marked cells only when asked', async () => {
    const text = variant(
      '本年新收政府信息公开申请数量:  [67, 2, 0, 0, 0, 0, 69]',
      '本年新收政府信息公开申请数量:  [67, 2, 0, 0, 0, 0, 70]',
    );
    const plain = await documentXml(text, false);
    const marked = await documentXml(text, true);
    const row = wordTables(plain.xml)[1][3].map((c) => c.text);
    assert.deepEqual(row, ['一、本年新收政府信息公开申请数量', '67', '2', '0', '0', '0', '0', '70']);
    assert.doesNotMatch(plain.xml, /w:fill="F6CDD3"/);
    const cellOf = (xml: string, value: string) =>
      [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]).find((c) => c.includes(`>${value}</w:t>`))!;
    assert.match(cellOf(marked.xml, '70'), /<w:shd w:fill="F6CDD3"/);
    assert.doesNotMatch(cellOf(marked.xml, '67'), /<w:shd/);
  });

  it('keeps hostile text as text and writes no control character into the XML', async () => {
    const { xml, part } = await documentXml(hostileReport(), true);
    assert.ok(xml.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.doesNotMatch(xml, /<script|<w:hyperlink|r:id="rId\d+"[^>]*TargetMode/);
    assert.doesNotMatch(xml, /[\u0000-\u0008\v\f\u000e-\u001f]/);
    assert.ok(xml.includes('nul[U+0000]bell[U+0007]'));
    // Every character is one XML 1.0 allows (U+FFFE, U+FFFF and lone surrogates are not).
    assert.doesNotMatch(xml, /[\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    assert.ok(xml.includes('nonchar[U+FFFE][U+FFFF] half[U+D800]'));
    const rels = part('word/_rels/document.xml.rels') ?? '';
    assert.doesNotMatch(rels, /External/, 'no external relationship');
  });

  it('renders a broken report with empty tables', async () => {
    const { xml } = await documentXml('机关: [unclosed\n');
    const tables = wordTables(xml);
    assert.equal(tables.length, 3);
    assert.ok(tables[1].slice(3).every((r) => r.filter((c) => /^\d+$/.test(c.text)).length === 0));
  });

  it('converts to PDF with LibreOffice when it is installed', async (t) => {
    const office = soffice();
    if (!office) {
      t.skip('LibreOffice (soffice) is not on PATH: the PDF conversion check did not run');
      return;
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-docx-'));
    try {
      const file = path.join(dir, 'report.docx');
      writeFileSync(file, (await documentXml(EXAMPLE)).bytes);
      const r = spawnSync(
        office,
        [
          '--headless',
          '--norestore',
          `-env:UserInstallation=file://${dir}/profile`,
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          file,
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      assert.equal(r.status, 0, r.stderr);
      assert.ok(readdirSync(dir).includes('report.pdf'), r.stdout + r.stderr);
      assert.equal(readFileSync(path.join(dir, 'report.pdf')).subarray(0, 5).toString(), '%PDF-');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
