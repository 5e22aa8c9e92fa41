/**
 * The format is declared once: a copy of the 2021 declaration with one more applicant column
 * in table 三, named by `格式:`, is read, checked, completed, described by the schema and
 * printed with the new column, with no other change to the code.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { check } from '../../../server/src/core/check';
import { completionsAt } from '../../../server/src/core/completion';
import { FORMAT_2021, tableByRole, type ColumnDecl, type FormatDecl } from '../../../server/src/core/format';
import { importText } from '../../../server/src/core/import';
import { renderBody, renderHtml } from '../../../server/src/core/render/html';
import { jsonSchema } from '../../../server/src/core/schema';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BASE = readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'base-2024.report.yaml'), 'utf8');

/** The 2021 declaration with 境外申请人 before 总计 in table 三 (structuredClone keeps shared arrays shared). */
function withColumn(): FormatDecl {
  const copy = structuredClone(FORMAT_2021);
  copy.id = '2021-test';
  const table = tableByRole(copy, 'requests')!;
  const columns: ColumnDecl[] = table.items[0].columns;
  const column: ColumnDecl = { label: '境外申请人', short: '境外', kind: 'count', unit: '件' };
  columns.splice(columns.length - 1, 0, column);
  for (const g of table.columnGroups)
    if (g.columns.includes('总计')) g.columns.splice(g.columns.length - 1, 0, column.label);
  return copy;
}

const FORMAT = withColumn();
const FORMATS = [FORMAT_2021, FORMAT];

/** The example report in the new format: every row of table 三 gets a 境外申请人 of 0, and one row 2. */
function report(): string {
  const lines = BASE.replace('格式: 2021', `格式: ${FORMAT.id}`).split('\n');
  const start = lines.findIndex((l) => l.startsWith('收到和处理政府信息公开申请情况:'));
  const end = lines.findIndex((l, i) => i > start && /^\S/.test(l));
  for (let i = start; i < end; i++) lines[i] = lines[i].replace(/, (\d+)\]$/, ', 0, $1]');
  return lines
    .join('\n')
    .replace(
      '本年新收政府信息公开申请数量:  [120, 30, 2, 1, 3, 4, 0, 160]',
      '本年新收政府信息公开申请数量:  [120, 30, 2, 1, 3, 4, 2, 162]',
    )
    .replace(
      '结转下年度继续办理:            [7, 3, 1, 1, 1, 1, 0, 14]',
      '结转下年度继续办理:            [7, 3, 1, 1, 1, 1, 2, 16]',
    )
    .replace('共收到政府信息公开申请 160 件', '共收到政府信息公开申请 162 件')
    .replace('法人或其他组织 40 件', '法人或其他组织 40 件，境外申请人 2 件')
    .replace('结转下年度继续办理 14 件', '结转下年度继续办理 16 件')
    .replace('同比增长 28%，', '');
}

describe('a column added to a copy of the declaration', () => {
  it('is selected by 格式 and read: eight cells, no finding on a consistent report', () => {
    const result = check(report(), { formats: FORMATS });
    assert.equal(result.report.format, FORMAT);
    const row = result.report.tables.get('收到和处理政府信息公开申请情况')!.rows.get('本年新收政府信息公开申请数量')!;
    assert.equal(row.cells.length, 8);
    assert.deepEqual(
      result.findings.map((f) => `${f.code} ${f.message.en}`),
      [],
    );
  });

  it('counts in the arithmetic: the total must include it', () => {
    const text = report().replace('[120, 30, 2, 1, 3, 4, 2, 162]', '[120, 30, 2, 1, 3, 4, 2, 160]');
    const codes = check(text, { formats: FORMATS }).findings.map((f) => f.code);
    assert.ok(codes.includes('row-total'), codes.join(' '));
    const missing = report().replace('[120, 30, 2, 1, 3, 4, 2, 162]', '[120, 30, 2, 1, 3, 4, 162]');
    assert.ok(check(missing, { formats: FORMATS }).findings.some((f) => f.code === 'missing-cell'));
  });

  it('is offered by completion: a new row has eight zeros', () => {
    const text = report().replace(
      '  上年结转政府信息公开申请数量:  [5, 1, 0, 0, 0, 0, 0, 6]\n',
      '  上年结转政府信息公开申请数量: \n',
    );
    const result = check(text, { formats: FORMATS });
    const at = text.indexOf('上年结转政府信息公开申请数量: ') + '上年结转政府信息公开申请数量: '.length;
    const labels = completionsAt(result.report, at, 'zh-CN').map((c) => c.label);
    assert.ok(labels.includes('[0, 0, 0, 0, 0, 0, 0, 0]'), labels.join(' | '));
  });

  it('is in the JSON Schema: rows of table 三 have eight items', () => {
    const text = JSON.stringify(jsonSchema(FORMAT));
    assert.match(text, /"minItems":8/);
    assert.match(text, /"境外申请人"/);
  });

  it('is imported: the published page of such a report reads back with the column', () => {
    const page = renderHtml(check(report(), { formats: FORMATS }), { marks: false, locale: 'zh-CN' });
    const imported = importText(page, { name: 'published.html', format: FORMAT });
    assert.ok(imported.ok, imported.ok ? '' : imported.message.en);
    const result = check(imported.yaml, { formats: FORMATS });
    assert.equal(result.report.format, FORMAT);
    const row = result.report.tables.get('收到和处理政府信息公开申请情况')!.rows.get('本年新收政府信息公开申请数量')!;
    assert.deepEqual(
      row.cells.map((c) => c?.value && Number(c.value.units)),
      [120, 30, 2, 1, 3, 4, 2, 162],
    );
    assert.deepEqual(
      result.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.message.en}`),
      [],
    );
  });

  it('is printed: the column header and the value are in the form', () => {
    const html = renderBody(check(report(), { formats: FORMATS }), { marks: true, theme: 'export', locale: 'zh-CN' });
    assert.match(html, />境外申请人</);
    assert.match(html, />162</);
  });
});
