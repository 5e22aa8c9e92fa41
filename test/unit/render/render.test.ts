/** The HTML renderer: the form's structure, every table row and column, merged headers, marks and sources. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../../server/src/core/check';
import { FORMAT_2021, leafRows, tableSections } from '../../../server/src/core/format';
import { renderBody, renderHtml } from '../../../server/src/core/render';
import { EXAMPLE, variant } from '../helpers';
import { htmlTables, parseTag, visualGrid, type HtmlCell, type HtmlTable } from './helpers';

const html = renderHtml(check(EXAMPLE), { marks: true });
const plain = renderHtml(check(EXAMPLE), { marks: false });
const tables = htmlTables(html);
const table = (key: string): HtmlTable => tables.find((t) => t.key === key)!;
const texts = (cells: HtmlCell[]) => cells.map((c) => c.text);
/** The rows of the example's table, as the file writes them. */
const yamlRow = (label: string): string[] => {
  const m = new RegExp(`^\\s*${label.replace(/[()（）“”]/g, '.')}:\\s*\\[([^\\]]*)\\]`, 'm').exec(EXAMPLE);
  if (!m) throw new Error(`no row ${label} in the example`);
  return m[1].split(',').map((s) => s.trim());
};

describe('render: the document', () => {
  it('is a complete standalone document with the title, 前言, six sections and the 落款', () => {
    assert.match(html, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
    assert.match(html, /<title>吕梁市人民政府办公室2024年政府信息公开工作年度报告<\/title>/);
    assert.match(
      html,
      /<h1><span class="organ"[^>]*>吕梁市人民政府办公室<\/span><span class="subject"[^>]*>2024年政府信息公开工作年度报告<\/span><\/h1>/,
    );
    const headings = [...html.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1]);
    assert.deepEqual(headings, [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    assert.match(html, /<section class="preface">\n<p[^>]*><span class="s"[^>]*>本年度报告根据/);
    assert.match(
      html,
      /<footer class="signature">\n<p class="organ"[^>]*>吕梁市人民政府办公室<\/p>\n<p class="date[^"]*"[^>]*>2024年1月8日<\/p>/,
    );
    assert.doesNotMatch(html, /<script|<link|<img|src=|href=/i);
  });

  it('numbers the 总体情况 sub-sections （一）（二）… and prints 概述 as an untitled lead paragraph', () => {
    const part = /一、总体情况<\/h2>([\s\S]*?)<\/section>/.exec(html)![1];
    assert.deepEqual(
      [...part.matchAll(/<h3[^>]*>([^<]*)<\/h3>/g)].map((m) => m[1]),
      ['（一）主动公开', '（二）依申请公开', '（三）解读回应', '（四）政府信息公开平台建设'],
    );
    // The lead paragraph comes before the first sub-heading.
    assert.match(part, /^\n<p[^>]*><span class="s"[^>]*>2024 年，吕梁市人民政府办公室以习近平/);
  });

  it('prints a text written over several lines as one paragraph per line, sentences without gaps', () => {
    const part = /五、存在的主要问题及改进情况<\/h2>([\s\S]*?)<\/section>/.exec(html)![1];
    const paras = [...part.matchAll(/<p[^>]*>(.*?)<\/p>/g)].map((m) => m[1].replace(/<[^<>]+>/g, ''));
    assert.equal(paras.length, 5);
    assert.equal(paras[1], '2025年，市政府办公室将着重做好以下工作：');
    assert.match(paras[0], /^一年来，.*取得了一些成绩，但仍有不少问题和差距。一是/);
  });

  it('writes the 落款日期 in Chinese form whatever form the file uses', () => {
    const out = renderHtml(check(variant('落款日期: 2024-01-08', '落款日期: 2025年1月8日')), { marks: false });
    assert.match(out, /<p class="date"[^>]*>2025年1月8日<\/p>/);
    const iso = renderHtml(check(variant('落款日期: 2024-01-08', '落款日期: 2025-01-20')), { marks: false });
    assert.match(iso, /<p class="date"[^>]*>2025年1月20日<\/p>/);
  });

  it('has print rules for A4 and a CJK font stack', () => {
    assert.match(html, /@page \{ size: A4;/);
    assert.match(html, /@media print/);
    assert.match(html, /"仿宋_GB2312"/);
    assert.match(html, /"Noto Serif CJK SC"/);
  });
});

describe('render: table 二 (主动公开政府信息情况)', () => {
  const t = table('主动公开政府信息情况');

  it('groups the rows under their 第二十条 clauses, each with its column headers', () => {
    assert.deepEqual(
      t.rows.map((r) => texts(r.cells)),
      [
        ['第二十条第（一）项'],
        ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
        ['规章', ...yamlRow('规章')],
        ['行政规范性文件', ...yamlRow('行政规范性文件')],
        ['第二十条第（五）项'],
        ['信息内容', '本年处理决定数量'],
        ['行政许可', ...yamlRow('行政许可')],
        ['第二十条第（六）项'],
        ['信息内容', '本年处理决定数量'],
        ['行政处罚', ...yamlRow('行政处罚')],
        ['行政强制', ...yamlRow('行政强制')],
        ['第二十条第（八）项'],
        ['信息内容', '本年收费金额（单位：万元）'],
        ['行政事业性收费', ...yamlRow('行政事业性收费')],
      ],
    );
  });

  it('is four columns wide: clause rows span all, a single number spans three', () => {
    for (const row of t.rows)
      assert.equal(
        row.cells.reduce((n, c) => n + c.colspan, 0),
        4,
        texts(row.cells).join('|'),
      );
    const clause = t.rows[0].cells[0];
    assert.equal(clause.colspan, 4);
    assert.equal(t.rows[6].cells[1].colspan, 3);
  });
});

describe('render: table 三 (收到和处理政府信息公开申请情况)', () => {
  const t = table('收到和处理政府信息公开申请情况');
  const grid = visualGrid(t.rows.map((r) => r.cells));
  const decl = tableSections(FORMAT_2021).find((s) => s.key === t.key)!;
  const leaves = leafRows(decl);

  it('has the official header: the 勾稽关系 note, 申请人情况 over all, 法人或其他组织 over its five columns', () => {
    const [r0, r1, r2] = t.rows.map((r) => r.cells);
    assert.deepEqual(
      r0.map((c) => [c.text, c.colspan, c.rowspan]),
      [
        ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3],
        ['申请人情况', 7, 1],
      ],
    );
    assert.deepEqual(
      r1.map((c) => [c.text, c.colspan, c.rowspan]),
      [
        ['自然人', 1, 2],
        ['法人或其他组织', 5, 1],
        ['总计', 1, 2],
      ],
    );
    assert.deepEqual(texts(r2), ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    assert.equal(
      t.rows.slice(0, 3).every((r) => r.cells.every((c) => c.name === 'th')),
      true,
    );
    assert.match(html, /<thead>\n<tr><th colspan="3" rowspan="3" class="corner">/);
  });

  it('every value column sits under its full header path', () => {
    const paths = [3, 4, 5, 6, 7, 8, 9].map((col) =>
      [0, 1, 2].map((r) => grid[r][col].text).filter((s, i, a) => a.indexOf(s) === i),
    );
    assert.deepEqual(paths, [
      ['申请人情况', '自然人'],
      ['申请人情况', '法人或其他组织', '商业企业'],
      ['申请人情况', '法人或其他组织', '科研机构'],
      ['申请人情况', '法人或其他组织', '社会公益组织'],
      ['申请人情况', '法人或其他组织', '法律服务机构'],
      ['申请人情况', '法人或其他组织', '其他'],
      ['申请人情况', '总计'],
    ]);
  });

  it('has one line per declared row, with its full label path and the numbers of the file', () => {
    const body = grid.slice(3);
    assert.equal(body.length, leaves.length);
    body.forEach((line, i) => {
      assert.equal(line.length, 10, `row ${i} is 10 columns wide`);
      const labels = line
        .slice(0, 3)
        .map((c) => c.text)
        .filter((s, k, a) => a.indexOf(s) === k);
      const leaf = leaves[i];
      assert.deepEqual(labels, [...leaf.groups.map((g) => g.number + g.label), leaf.decl.number + leaf.decl.label]);
      assert.deepEqual(
        line.slice(3).map((c) => c.text),
        yamlRow(leaf.decl.key),
      );
    });
  });

  it('merges the group labels over their rows', () => {
    const spans = t.rows
      .flatMap((r) => r.cells)
      .filter((c) => c.rowspan > 1 && c.name === 'th' && c.attrs.get('class')?.includes('label'));
    assert.deepEqual(
      spans.map((c) => [c.text, c.rowspan]),
      [
        ['三、本年度办理结果', 22],
        ['（三）不予公开', 8],
        ['（四）无法提供', 3],
        ['（五）不予处理', 5],
        ['（六）其他处理', 3],
      ],
    );
    const colspans = t.rows
      .slice(3)
      .flatMap((r) => r.cells)
      .filter((c) => c.name === 'th' && c.colspan > 1)
      .map((c) => [c.text, c.colspan]);
    assert.deepEqual(colspans, [
      ['一、本年新收政府信息公开申请数量', 3],
      ['二、上年结转政府信息公开申请数量', 3],
      ['（一）予以公开', 2],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 2],
      ['（七）总计', 2],
      ['四、结转下年度继续办理', 3],
    ]);
  });

  it('states the unit', () => {
    assert.match(html, /data-table="收到和处理政府信息公开申请情况">\n<p class="unit">单位：件<\/p>/);
  });
});

describe('render: table 四 (行政复议、行政诉讼)', () => {
  const t = table('政府信息公开行政复议、行政诉讼情况');
  const grid = visualGrid(t.rows.map((r) => r.cells));
  const columns = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

  it('has 行政复议 over five columns and 行政诉讼 over its two groups', () => {
    assert.deepEqual(
      t.rows[0].cells.map((c) => [c.text, c.colspan, c.rowspan]),
      [
        ['行政复议', 5, 1],
        ['行政诉讼', 10, 1],
      ],
    );
    assert.deepEqual(
      t.rows[1].cells.map((c) => [c.text, c.colspan, c.rowspan]),
      [...columns.map((c) => [c, 1, 2]), ['未经复议直接起诉', 5, 1], ['复议后起诉', 5, 1]],
    );
    assert.deepEqual(texts(t.rows[2].cells), [...columns, ...columns]);
  });

  it('puts all fifteen numbers on one line under their header paths', () => {
    assert.equal(grid.length, 4);
    assert.ok(grid.every((r) => r.length === 15));
    const path = (col: number) =>
      [0, 1, 2]
        .map((r) => grid[r][col].text)
        .filter((s, i, a) => a.indexOf(s) === i)
        .join('/');
    assert.equal(path(0), '行政复议/结果维持');
    assert.equal(path(9), '行政诉讼/未经复议直接起诉/总计');
    assert.equal(path(10), '行政诉讼/复议后起诉/结果维持');
    const text = variant('复议后起诉:       [0, 0, 0, 0, 0]', '复议后起诉:       [1, 2, 3, 4, 10]');
    const values = visualGrid(htmlTables(renderHtml(check(text), { marks: false }))[2].rows.map((r) => r.cells))[3].map(
      (c) => c.text,
    );
    assert.deepEqual(values, ['0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '1', '2', '3', '4', '10']);
  });
});

describe('render: source positions', () => {
  it('gives every cell, sentence and heading from the file its offsets and line', () => {
    const result = check(EXAMPLE);
    const out = renderBody(result, { marks: false });
    let n = 0;
    for (const m of out.matchAll(/<(td|th|span|h1|h2|h3|p|tr|section)\b[^>]*>/g)) {
      const tag = parseTag(m[0]);
      if (!tag?.attrs.has('data-start')) continue;
      n++;
      const start = Number(tag.attrs.get('data-start'));
      const end = Number(tag.attrs.get('data-end'));
      assert.ok(start <= end && end <= EXAMPLE.length);
      assert.equal(Number(tag.attrs.get('data-line')), result.report.lines.positionAt(start).line);
    }
    assert.ok(n > 300, `${n} elements with a source`);
    // A value cell's source is exactly its number; a row label starts at its key.
    assert.match(out, /<td class="value" data-start="(\d+)" data-end="(\d+)"[^>]*>67<\/td>/);
    for (const m of out.matchAll(/<td class="value" data-start="(\d+)" data-end="(\d+)"[^>]*>([^<]*)<\/td>/g))
      assert.equal(EXAMPLE.slice(+m[1], +m[2]), m[3]);
    for (const m of out.matchAll(/<th[^>]*class="label" data-start="(\d+)"[^>]*>([^<]*)<\/th>/g)) {
      const key = m[2]
        .replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/, '')
        .replace(/（区分处理的.*/, '');
      assert.ok(EXAMPLE.startsWith(key, +m[1]), `label ${m[2]} at its key`);
    }
  });

  it('maps a sentence of a folded text to its characters in the file', () => {
    const out = renderBody(check(EXAMPLE), { marks: false });
    const m =
      /<span class="s" data-start="(\d+)" data-end="(\d+)"[^>]*>全年度收到网民来信 2819 件，办结 2348 件，办结率 85\.7%，其余转入下一年度办理。<\/span>/.exec(
        out,
      );
    assert.ok(m);
    assert.equal(
      EXAMPLE.slice(+m[1], +m[2]),
      '全年度收到网民来信 2819 件，办结 2348 件，办结率 85.7%，其余转入下一年度办理。',
    );
  });
});

describe('render: marks', () => {
  const broken = variant(
    '本年新收政府信息公开申请数量:  [67, 2, 0, 0, 0, 0, 69]',
    '本年新收政府信息公开申请数量:  [67, 2, 0, 0, 0, 0, 70]',
  );

  it('marks the cell of a finding with its colour and message, and the date', () => {
    const out = renderHtml(check(broken), { marks: true });
    const cell = /<td class="value mark mark-error" title="([^"]*)"[^>]*>70<\/td>/.exec(out);
    assert.ok(cell, 'the wrong total is marked');
    assert.match(cell[1], /错误（row-total）：/);
    assert.match(
      out,
      /<p class="date mark mark-error" title="错误（signed-before-year-end）：落款日期 2024年1月8日 早于/,
    );
    assert.match(out, /<aside class="findings-summary"><p>共 \d+ 个错误/);
  });

  it('marks a heading for a finding on its key and uses the locale asked for', () => {
    const out = renderHtml(check(EXAMPLE), { marks: true, locale: 'en' });
    assert.match(
      out,
      /<h2 class="mark mark-warning" title="information \(missing-subsection\): &quot;总体情况&quot; has no part on &quot;政府信息管理&quot;[^"]*\nwarning \(missing-subsection\): [^"]*&quot;监督保障&quot;/,
    );
  });

  it('marks a sentence for a finding inside a text', () => {
    const text = variant(
      '其他需要报告的事项: |-\n  本机关 2024 年度未收取政府信息公开信息处理费。',
      '其他需要报告的事项: |-\n  本报告依据国办公开办函〔2019〕60号编制。本机关 2024 年度未收取政府信息公开信息处理费。',
    );
    const out = renderHtml(check(text), { marks: true });
    assert.match(
      out,
      /<span class="s mark mark-warning" title="警告（legacy-format-cited）[^"]*"[^>]*>本报告依据国办公开办函〔2019〕60号编制。<\/span><span class="s" /,
    );
  });

  it('lists findings that no printed element shows', () => {
    const text = variant('统计期限: {起: 2024-01-01, 止: 2024-12-31}', '统计期限: {起: 2023-01-01, 止: 2024-12-31}');
    const out = renderHtml(check(text), { marks: true });
    assert.match(
      out,
      /<li class="mark-error" data-start="\d+" data-end="\d+" data-line="9">第 10 行：错误（period-year）/,
    );
  });

  it('prints no mark, title or summary with marks off', () => {
    const out = renderHtml(check(broken), { marks: false });
    assert.doesNotMatch(out, /class="[^"]*\bmark\b|title="|findings-summary"|<aside/);
    assert.doesNotMatch(plain, /<aside|title="/);
  });

  it('uses the theme asked for', () => {
    assert.match(
      renderBody(check(EXAMPLE), { marks: false, theme: 'preview' }),
      /^<main class="report theme-preview" lang="zh-CN">/,
    );
    assert.match(plain, /<main class="report theme-export" lang="zh-CN">/);
    assert.match(html, /--vscode-editor-background/);
  });
});

describe('render: reports with errors', () => {
  it('prints missing rows and cells as empty cells', () => {
    const text = variant(/\n {2}上年结转政府信息公开申请数量: [^\n]*/, '').replace(
      '予以公开:                    [7, 0, 0, 0, 0, 0, 7]',
      '予以公开:                    [7, 0, 0]',
    );
    const t = htmlTables(renderHtml(check(text), { marks: true }))[1];
    const grid = visualGrid(t.rows.map((r) => r.cells));
    const row = (label: string) => grid.find((r) => r.some((c) => c.text === label))!;
    assert.deepEqual(
      row('二、上年结转政府信息公开申请数量')
        .slice(3)
        .map((c) => c.text),
      ['', '', '', '', '', '', ''],
    );
    assert.ok(
      row('二、上年结转政府信息公开申请数量')
        .slice(3)
        .every((c) => c.attrs.get('class') === 'value missing' && !c.attrs.has('data-start')),
    );
    assert.deepEqual(
      row('（一）予以公开')
        .slice(3)
        .map((c) => c.text),
      ['7', '0', '0', '', '', '', ''],
    );
    // The missing row's finding is shown on the row itself, not on the neighbour its span points at.
    const label = row('二、上年结转政府信息公开申请数量')[0];
    assert.equal(label.attrs.get('class'), 'label mark mark-error');
    assert.match(
      label.attrs.get('title')!,
      /^错误（missing-row）：“收到和处理政府信息公开申请情况”缺少行“二、上年结转政府信息公开申请数量”$/,
    );
    assert.doesNotMatch(row('一、本年新收政府信息公开申请数量')[0].attrs.get('title') ?? '', /missing-row/);
  });

  it('prints every table empty for a file with no tables, and for an empty or broken file', () => {
    for (const text of [
      '',
      '机关: 某某局\n年度: 2024\n',
      ':\n  - [',
      '- a list\n- not a report\n',
      '机关: [unclosed\n年度: {',
    ]) {
      const out = renderHtml(check(text), { marks: true });
      const ts = htmlTables(out);
      assert.equal(ts.length, 3, JSON.stringify(text));
      assert.equal(visualGrid(ts[1].rows.map((r) => r.cells)).length, 3 + 25);
      assert.ok(
        ts.every((t) =>
          t.rows
            .flatMap((r) => r.cells)
            .filter((c) => c.name === 'td')
            .every((c) => c.text === ''),
        ),
      );
    }
  });

  it('prints a group written as one row (an older layout) as that row', () => {
    const text = EXAMPLE.replace(
      /\n {4}不予公开:\n(?: {6}[^\n]*\n){8}/,
      '\n    不予公开:                    [0, 0, 0, 0, 0, 0, 0]\n',
    );
    assert.notEqual(text, EXAMPLE);
    const t = htmlTables(renderHtml(check(text), { marks: true }))[1];
    const cell = t.rows.flatMap((r) => r.cells).find((c) => c.text === '（三）不予公开')!;
    assert.equal(cell.colspan, 2);
    assert.equal(cell.rowspan, 1);
    const group = t.rows.flatMap((r) => r.cells).find((c) => c.text === '三、本年度办理结果')!;
    assert.equal(group.rowspan, 22 - 8 + 1);
  });
});
