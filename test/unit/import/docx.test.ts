import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { leafRows, type TableSectionDecl } from '../../../server/src/core/format';
import { importReport } from '../../../server/src/core/import';
import { readZipMember } from '../../../server/src/core/import/zip';
import type { Report } from '../../../server/src/core/model';
import { parseReport } from '../../../server/src/core/parse';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const example = parseReport(readFileSync(path.join(ROOT, 'examples', 'lvliang-2024.report.yaml'), 'utf8'));

const cell = (text: string, span: { rowSpan?: number; columnSpan?: number } = {}) =>
  new TableCell({ children: [new Paragraph(text)], ...span });
const values = (report: Report, table: string, row: string) =>
  report.tables
    .get(table)!
    .rows.get(row)!
    .cells.map((c) => c!.raw);
const p = (text: string, heading = false) =>
  new Paragraph(heading ? { text, heading: HeadingLevel.HEADING_2 } : { text });

/** Table 二 as the form prints it: a clause heading over each group of rows. */
function table2(r: Report): Table {
  const t = '主动公开政府信息情况';
  const rows: TableRow[] = [];
  const clause = (name: string, header: string[], keys: string[]) => {
    rows.push(new TableRow({ children: [cell(name, { columnSpan: 4 })] }));
    rows.push(
      new TableRow({
        children: [cell('信息内容'), ...header.map((h) => cell(h, { columnSpan: header.length === 1 ? 3 : 1 }))],
      }),
    );
    for (const k of keys)
      rows.push(
        new TableRow({
          children: [cell(k), ...values(r, t, k).map((v) => cell(v, { columnSpan: header.length === 1 ? 3 : 1 }))],
        }),
      );
  };
  clause('第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数'], ['规章', '行政规范性文件']);
  clause('第二十条第（五）项', ['本年处理决定数量'], ['行政许可']);
  clause('第二十条第（六）项', ['本年处理决定数量'], ['行政处罚', '行政强制']);
  clause('第二十条第（八）项', ['本年收费金额（单位：万元）'], ['行政事业性收费']);
  return new Table({ rows });
}

/** Table 三 with the form's merged header and row labels (rowSpan over each group). */
function table3(r: Report, decl: TableSectionDecl): Table {
  const t = decl.key;
  const rows: TableRow[] = [
    new TableRow({
      children: [
        cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { columnSpan: 3, rowSpan: 3 }),
        cell('申请人情况', { columnSpan: 7 }),
      ],
    }),
    new TableRow({
      children: [
        cell('自然人', { rowSpan: 2 }),
        cell('法人或其他组织', { columnSpan: 5 }),
        cell('总计', { rowSpan: 2 }),
      ],
    }),
    new TableRow({ children: ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((h) => cell(h)) }),
  ];
  const leaves = leafRows(decl);
  const numbers = (path: string) => values(r, t, path).map((v) => cell(v));
  rows.push(
    new TableRow({
      children: [
        cell('一、本年新收政府信息公开申请数量', { columnSpan: 3 }),
        ...numbers('本年新收政府信息公开申请数量'),
      ],
    }),
  );
  rows.push(
    new TableRow({
      children: [
        cell('二、上年结转政府信息公开申请数量', { columnSpan: 3 }),
        ...numbers('上年结转政府信息公开申请数量'),
      ],
    }),
  );
  const results = leaves.filter((l) => l.path.startsWith('本年度办理结果/'));
  let first = true;
  let group = '';
  for (const leaf of results) {
    const children: TableCell[] = [];
    if (first) children.push(cell('三、本年度办理结果', { rowSpan: results.length }));
    first = false;
    const g = leaf.groups[1];
    if (!g) children.push(cell(leaf.decl.number + leaf.decl.label, { columnSpan: 2 }));
    else {
      if (g.key !== group) children.push(cell(g.number + g.key, { rowSpan: g.items.length }));
      children.push(cell(leaf.decl.number + leaf.decl.label));
    }
    group = g?.key ?? '';
    rows.push(new TableRow({ children: [...children, ...numbers(leaf.path)] }));
  }
  rows.push(
    new TableRow({ children: [cell('四、结转下年度继续办理', { columnSpan: 3 }), ...numbers('结转下年度继续办理')] }),
  );
  return new Table({ rows });
}

/** Table 四 as the form prints it: one row of fifteen numbers under a two-level header. */
function table4(r: Report): Table {
  const t = '政府信息公开行政复议、行政诉讼情况';
  const heads = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return new Table({
    rows: [
      new TableRow({ children: [cell('行政复议', { columnSpan: 5 }), cell('行政诉讼', { columnSpan: 10 })] }),
      new TableRow({
        children: [
          ...heads.map((h) => cell(h, { rowSpan: 2 })),
          cell('未经复议直接起诉', { columnSpan: 5 }),
          cell('复议后起诉', { columnSpan: 5 }),
        ],
      }),
      new TableRow({ children: [...heads, ...heads].map((h) => cell(h)) }),
      new TableRow({
        children: ['行政复议', '行政诉讼/未经复议直接起诉', '行政诉讼/复议后起诉'].flatMap((k) =>
          values(r, t, k).map((v) => cell(v)),
        ),
      }),
    ],
  });
}

async function exampleAsDocx(inLayoutTable = false): Promise<Buffer> {
  const r = example;
  const text = (key: string) => r.texts.filter((t) => t.section?.key === key);
  const overview = text('总体情况');
  const numerals = ['一', '二', '三', '四', '五', '六', '七'];
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: `${r.organ}${r.year}年政府信息公开工作年度报告`, heading: HeadingLevel.TITLE }),
    p(r.preface!.text),
    p('一、总体情况', true),
    ...overview.flatMap((b, i) =>
      b.subKey === '概述' ? [p(b.text)] : [p(`（${numerals[i - 1]}）${b.subKey}`), p(b.text)],
    ),
    p('二、主动公开政府信息情况', true),
    table2(r),
    p('三、收到和处理政府信息公开申请情况', true),
    table3(r, r.tables.get('收到和处理政府信息公开申请情况')!.decl),
    p('四、政府信息公开行政复议、行政诉讼情况', true),
    table4(r),
    p('五、存在的主要问题及改进情况', true),
    ...text('存在的主要问题及改进情况')[0]
      .text.split(/\n\n/)
      .map((t) => p(t)),
    p('六、其他需要报告的事项', true),
    p(text('其他需要报告的事项')[0].text),
    p(r.organ!),
    p('2024年1月8日'),
  ];
  // Some templates put the whole document in one table cell, for its borders.
  const body = inLayoutTable
    ? [new Table({ rows: [new TableRow({ children: [new TableCell({ children })] })] })]
    : children;
  return Packer.toBuffer(new Document({ sections: [{ children: body }] }));
}

describe('import: Word (.docx)', () => {
  it('reads a report laid out as the form, merged cells included, with every number of the source', async () => {
    const bytes = await exampleAsDocx();
    const r = importReport(bytes, { name: 'lvliang.docx' });
    assert.ok(r.ok, r.ok ? '' : r.message.en);
    assert.equal(r.form, 'docx');
    const got = parseReport(r.yaml);
    for (const [key, table] of example.tables) {
      for (const [rowPath, row] of table.rows) {
        assert.deepEqual(
          values(got, key, rowPath),
          row.cells.map((c) => c!.raw),
          `${key}/${rowPath}`,
        );
      }
    }
    assert.equal(got.organ, '吕梁市人民政府办公室');
    assert.equal(got.signed?.raw, '2024-01-08');
    assert.deepEqual(
      got.texts.filter((t) => t.section?.key === '总体情况').map((t) => t.subKey),
      example.texts.filter((t) => t.section?.key === '总体情况').map((t) => t.subKey),
    );
    assert.deepEqual(
      r.notices.map((n) => n.en.split(':')[0]),
      ['机关类型 inferred as 部门'],
    );
  });

  it('reads a report laid out inside one table cell', async () => {
    const r = importReport(await exampleAsDocx(true), { name: 'framed.docx' });
    assert.ok(r.ok, r.ok ? '' : r.message.en);
    const got = parseReport(r.yaml);
    for (const [key, table] of example.tables)
      for (const rowPath of table.rows.keys())
        assert.deepEqual(values(got, key, rowPath), values(example, key, rowPath), rowPath);
    assert.equal(got.sections.length, 6);
    assert.deepEqual(
      r.notices.map((n) => n.en.split(':')[0]),
      ['机关类型 inferred as 部门'],
    );
  });

  it('reads stored and deflated zip members, and fails cleanly on a broken archive', () => {
    const name = 'word/document.xml';
    const data = Buffer.from('<w:document/>');
    for (const [method, body] of [
      [0, data],
      [8, deflateRawSync(data)],
    ] as const) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(method, 8);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(data.length, 22);
      local.writeUInt16LE(name.length, 26);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(method, 10);
      central.writeUInt32LE(body.length, 20);
      central.writeUInt32LE(data.length, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE(0, 42);
      const cdStart = local.length + name.length + body.length;
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(1, 8);
      end.writeUInt16LE(1, 10);
      end.writeUInt32LE(central.length + name.length, 12);
      end.writeUInt32LE(cdStart, 16);
      const zip = Buffer.concat([local, Buffer.from(name), body, central, Buffer.from(name), end]);
      assert.equal(Buffer.from(readZipMember(zip, name)!).toString(), '<w:document/>');
      assert.equal(readZipMember(zip, 'word/other.xml'), undefined);
      // Members are read from their local headers: a damaged directory at the end does not matter,
      // a member cut short does.
      assert.equal(Buffer.from(readZipMember(zip.subarray(0, zip.length - 5), name)!).toString(), '<w:document/>');
      assert.equal(readZipMember(zip.subarray(0, local.length + name.length + body.length - 3), name), undefined);
    }
  });
});
