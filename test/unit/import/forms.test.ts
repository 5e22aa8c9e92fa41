import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Block, Source } from '../../../server/src/core/import/blocks';
import { decodeBytes } from '../../../server/src/core/import/decode';
import { detectForm } from '../../../server/src/core/import/detect';
import { readHtml } from '../../../server/src/core/import/html';
import { chinesePunctuation, cleanText, isPageNumber } from '../../../server/src/core/import/normalize';
import { readTextForm, splitPipeRow } from '../../../server/src/core/import/text';

const show = (s: Source): string[] =>
  s.blocks.map((b: Block) =>
    b.kind === 'line' ? `${b.heading ? '#' : ''}${b.text}` : `T:${b.rows.map((r) => r.join('|')).join(' / ')}`,
  );

describe('import: HTML', () => {
  it('closes what pages leave open: <p> at the next block, <td> at the next cell, <tr> at the next row', () => {
    const s = readHtml('<p>一段<p>二段<table><tr><td>行政许可<td>5<tr><td>行政处罚<td>0</table><p>三段');
    assert.deepEqual(show(s), ['一段', '二段', 'T:行政许可|5 / 行政处罚|0', '三段']);
  });

  it('skips scripts, styles, comments, Word conditionals, navigation and hidden elements', () => {
    const s = readHtml(
      '<html><head><title>标题_网站</title><style>p{}</style></head><body><!--[if gte mso 9]><xml>x</xml><![endif]--><nav>首页</nav>' +
        '<script>if (a<b) document.write("<p>不是</p>")</script><p style="DISPLAY: none">隐藏</p><p>正文<o:p></o:p></p></body></html>',
    );
    assert.deepEqual(show(s), ['正文']);
    assert.equal(s.docTitle, '标题_网站');
  });

  it('decodes entities, keeps <br> as a line break and marks headings', () => {
    const s = readHtml(
      '<h2>一、总体情况</h2><p>&nbsp;&nbsp;甲&ldquo;乙&rdquo;&#20013;&#x6587;&amp;<br>第二行</p><p><strong>（一）主动公开</strong></p>',
    );
    assert.deepEqual(show(s), ['#一、总体情况', '甲“乙”中文&', '第二行', '#（一）主动公开']);
    assert.deepEqual(show(readHtml('<p>&unknown; &lt;</p>')), ['&unknown; <']);
  });

  it('splits a bold section heading from the text it runs into', () => {
    const s = readHtml(
      '<p><strong>一、总体情况</strong>2024年，本局稳步推进政务公开。</p><p><b>一是加强领导。</b>成立领导小组。</p>',
    );
    assert.deepEqual(show(s), ['#一、总体情况', '2024年，本局稳步推进政务公开。', '一是加强领导。成立领导小组。']);
  });

  it('reads a cell broken by <br> or <p> as one text; merged cells appear once', () => {
    const s = readHtml(
      '<table><tr><td rowspan="2">三、本年度办理结果</td><td><p>（二）部分公开</p><p>（区分处理的）</p></td><td>3</td></tr><tr><td>商业<br>企业</td><td>0</td></tr></table>',
    );
    assert.deepEqual(show(s), ['T:三、本年度办理结果|（二）部分公开（区分处理的）|3 / 商业企业|0']);
  });

  it('reads a layout table (tables inside, or prose only) as text', () => {
    const s = readHtml(
      '<table><tr><td><p>一、总体情况</p><table><tr><td>规章</td><td>0</td></tr></table></td></tr></table><table><tr><td>上一篇：某某</td><td>下一篇：某某</td></tr></table>',
    );
    assert.deepEqual(show(s), ['一、总体情况', 'T:规章|0', '上一篇：某某', '下一篇：某某']);
  });

  it('never throws on broken markup', () => {
    for (const src of [
      '<',
      '<p',
      '<table><td>1',
      '</div></p></table>',
      '<a href="x>y',
      '<![CDATA[x',
      '<!--',
      '<p>a</b></i>b',
    ]) {
      assert.doesNotThrow(() => readHtml(src), src);
    }
    // Tens of thousands of unclosed elements: no exhausted call stack.
    assert.doesNotThrow(() => readHtml(`<body>${'<div><span>字'.repeat(50000)}`));
  });
});

describe('import: text and Markdown', () => {
  it('reads | rows as tables, drops separator rows, and a blank line ends a table (a page break)', () => {
    const s = readTextForm('| a | b |\n|---|:--:|\n| 1 | 2 |\n\n| 3 | 4 |\n正文', false);
    assert.deepEqual(show(s), ['T:a|b / 1|2', 'T:3|4', '正文']);
  });

  it('splits | rows in the forms extractors write', () => {
    assert.deepEqual(splitPipeRow('| a | | b |', false), ['a', '', 'b']);
    assert.deepEqual(splitPipeRow('信息内容 |', false), ['信息内容']);
    assert.deepEqual(splitPipeRow('|', false), ['']);
    assert.deepEqual(splitPipeRow('| a \\| b | c |', true), ['a | b', 'c']);
  });

  it('Markdown: headings, emphasis, links, lists and setext headings', () => {
    const s = readTextForm(
      '# 标题\n\n**一、总体情况**\n\n正文[链接](http://x)和**重点**。\n\n- 条目\n\n小节\n---\n',
      true,
    );
    assert.deepEqual(show(s), ['#标题', '#一、总体情况', '正文链接和重点。', '条目', '#小节']);
  });

  it('Markdown: a table kept as raw HTML (merged cells) is read as HTML', () => {
    const s = readTextForm(
      '## 三、收到和处理政府信息公开申请情况\n\n<table>\n<tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>3</td></tr>\n<tr><td>（二）部分公开</td><td>0</td></tr>\n</table>\n\n后文',
      true,
    );
    assert.deepEqual(show(s), [
      '#三、收到和处理政府信息公开申请情况',
      'T:三、本年度办理结果|（一）予以公开|3 / （二）部分公开|0',
      '后文',
    ]);
  });

  it('marks indented lines and lines after blank lines', () => {
    const s = readTextForm('　　第一段第一行\n第一段第二行\n\n第二段', false);
    assert.deepEqual(
      s.blocks.map((b) => (b.kind === 'line' ? [b.gap, b.indent] : [])),
      [
        [true, true],
        [false, false],
        [true, false],
      ],
    );
  });
});

describe('import: characters, encodings and forms', () => {
  it('maps look-alike characters but keeps Chinese punctuation', () => {
    assert.equal(cleanText('⼀、本年新收（１２件），共計'), '一、本年新收（12件），共計');
    assert.equal(cleanText('政\u200b府\u00a0信息\ufeff'), '政府 信息');
    assert.equal(cleanText('⒈属于国家秘密'), '1.属于国家秘密');
    // Radicals that PDF extraction gives for whole characters, which NFKC leaves alone.
    assert.equal(cleanText('同⽐增⻓，⼈⺠⾄上，⻔户'), '同比增长，人民至上，门户');
  });

  it('writes half-width marks typed into Chinese sentences as full-width, not those of numbers', () => {
    assert.equal(
      chinesePunctuation('共收到 69 件,其中自然人 67 件;办结率 85.7%,其余(以下简称《条例》)'),
      '共收到 69 件，其中自然人 67 件；办结率 85.7%，其余（以下简称《条例》）',
    );
    assert.equal(chinesePunctuation('发布1,286条, a, b (c)'), '发布1,286条, a, b (c)');
  });

  it('recognises page numbers', () => {
    for (const p of ['- 3 -', '—3—', '第 3 页', '第3页 共12页', '3/12', 'Page 3 of 12'])
      assert.ok(isPageNumber(p, false), p);
    assert.ok(isPageNumber('3', true));
    assert.ok(!isPageNumber('3', false));
    assert.ok(!isPageNumber('2024年', true));
  });

  it('decodes UTF-8, GBK (declared or not) and UTF-16', () => {
    const gbk = Buffer.from([0xd5, 0xfe, 0xb8, 0xae]); // 政府
    assert.equal(decodeBytes(gbk), '政府');
    assert.equal(
      decodeBytes(Buffer.concat([Buffer.from('<meta charset="gb2312">'), gbk])),
      '<meta charset="gb2312">政府',
    );
    assert.equal(decodeBytes(Buffer.from('\ufeff政府', 'utf8')), '政府');
    assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('政府', 'utf16le')])), '政府');
    // One broken byte in a long UTF-8 text does not make it GBK.
    const text = '政府信息公开工作年度报告。'.repeat(30);
    assert.equal(
      decodeBytes(Buffer.concat([Buffer.from(text), Buffer.from([0xff]), Buffer.from(text)])),
      `${text}\ufffd${text}`,
    );
  });

  it('tells the form by name and content', () => {
    const form = (name: string, text: string) => {
      const d = detectForm(name, Buffer.from(text), () => text);
      return d.ok ? d.form : d.kind;
    };
    assert.equal(form('a.txt', '<html><body><p>x</p></body></html>'), 'html');
    assert.equal(form('a.htm', '纯文本'), 'html');
    assert.equal(form('a.md', '纯文本'), 'markdown');
    assert.equal(form('a', '## 一、总体情况\n\n| a | b |\n|---|---|'), 'markdown');
    assert.equal(form('a', '一、总体情况'), 'text');
    assert.equal(form('a.txt', '%PDF-1.4'), 'pdf');
    assert.equal(form('a.docx', 'PK\u0003\u0004'), 'docx');
  });
});
