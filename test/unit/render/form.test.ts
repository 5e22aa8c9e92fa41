/** The form variant of the rendering: the preview's HTML with the address of every value cell and text. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findText } from '../../../server/src/core/addresses';
import { check } from '../../../server/src/core/check';
import { renderBody, renderHtml } from '../../../server/src/core/render';
import { reportSkeleton } from '../../../server/src/core/skeleton';
import { variant } from '../helpers';
import { htmlTables, parseTag } from './helpers';

const result = check(variant('[67, 2, 0, 0, 0, 0, 69]', '[67, 2, 0, 0, 0, 0, 70]'));
const form = renderBody(result, { marks: true, theme: 'preview', form: true });
const preview = renderBody(result, { marks: true, theme: 'preview' });

describe('the form', () => {
  it('gives every value cell its table, row and column, and the cell it names is the one it shows', () => {
    let cells = 0;
    for (const t of htmlTables(form)) {
      for (const row of t.rows)
        for (const c of row.cells) {
          if (c.name !== 'td') continue;
          cells++;
          const path = c.attrs.get('data-row');
          assert.ok(path, `a value cell of ${t.key} without its row`);
          const cell = result.report.tables.get(t.key)!.rows.get(path)!.cells[Number(c.attrs.get('data-col'))]!;
          assert.deepEqual(
            [Number(c.attrs.get('data-start')), Number(c.attrs.get('data-end'))],
            [cell.span.start, cell.span.end],
          );
          assert.equal(c.text, cell.raw);
        }
    }
    // Table 二's ten cells, table 三's 25 rows of 7, table 四's fifteen.
    assert.equal(cells, 10 + 25 * 7 + 15);
  });

  it('wraps each text in an element naming its section and sub-section, the 前言 and a table 说明 included', () => {
    const withNote = check(
      variant(
        '收到和处理政府信息公开申请情况:\n',
        '收到和处理政府信息公开申请情况:\n  说明: 本表数据截至 12 月 31 日。\n',
      ),
    );
    const html = renderBody(withNote, { marks: true, theme: 'preview', form: true });
    const parts = [...html.matchAll(/<div class="text[^"]*"[^>]*>/g)].map((m) => parseTag(m[0])!.attrs);
    assert.equal(parts.length, withNote.report.texts.length + 1, 'the texts and the 前言');
    const addresses = parts.map((a) => ({ section: a.get('data-section'), sub: a.get('data-sub') }));
    for (const a of addresses) assert.ok(findText(withNote.report, a), JSON.stringify(a));
    assert.deepEqual(addresses[0], { section: undefined, sub: undefined }, 'the 前言');
    assert.ok(addresses.some((a) => a.section === '收到和处理政府信息公开申请情况' && a.sub === undefined));
  });

  it('shows an empty text, so that there is something to click and type into', () => {
    const html = renderBody(check(reportSkeleton({ organ: '某局', organType: '部门', year: 2024 })), {
      marks: true,
      theme: 'preview',
      form: true,
    });
    const empty = [...html.matchAll(/<div class="text empty"[^>]*>\n<\/div>/g)];
    assert.equal(empty.length, 7, 'the five topics of 总体情况, 五 and 六');
  });

  it('marks the same findings as the preview, and the export is as it was', () => {
    const titles = (html: string) => [...html.matchAll(/title="([^"]*)"/g)].map((m) => m[1]).sort();
    assert.deepEqual(titles(form), titles(preview));
    assert.ok(titles(form).some((t) => t.includes('row-total')));
    const page = renderHtml(result, { marks: true });
    assert.doesNotMatch(page + preview, /data-row=|data-section=|class="text/);
  });
});
