/** A report whose every printed text is hostile: markup, event handlers, style breakouts, links, bidi tricks. */

export const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "' onmouseover='alert(3)",
  '</style><script>alert(4)</script>',
  '<a href="javascript:alert(5)">点我</a> javascript:alert(6)',
  '<style>body{background:url(https://example.invalid/x.png)}</style>',
  '<link rel="stylesheet" href="https://example.invalid/x.css">',
  '<iframe src="https://example.invalid/"></iframe><!-- <![CDATA[ ]]> -->',
  '&lt;b&gt;bold&lt;/b&gt; &#60;',
  'abc\u202ecba\u202c',
  'nul\u0000bell\u0007',
  // Not allowed in XML 1.0: Word calls a document holding them corrupt.
  'nonchar\ufffe\uffff half\ud800',
];

/** YAML double-quoted scalar (JSON's escapes are valid YAML). */
const q = (s: string) => JSON.stringify(s);

export function hostileReport(): string {
  const [script, img, quote, style, link, css, linkTag, iframe, entities, bidi, controls] = HOSTILE;
  const all = HOSTILE.join(' ');
  const row = (n: number) => `[${Array.from({ length: n }, (_, i) => q(HOSTILE[i % HOSTILE.length])).join(', ')}]`;
  return [
    '格式: 2021',
    `机关: ${q(script + img)}`,
    '年度: 2024',
    `落款日期: ${q(style)}`,
    `前言: ${q(all)}`,
    '总体情况:',
    `  概述: ${q(quote + link)}`,
    `  ${q(css)}: ${q(linkTag)}`,
    `  ${q(iframe)}: ${q(entities + ' ' + bidi + ' ' + controls)}`,
    '主动公开政府信息情况:',
    `  规章: ${row(3)}`,
    `  ${q(script)}: [1, 2, 3]`,
    '收到和处理政府信息公开申请情况:',
    `  本年新收政府信息公开申请数量: ${row(7)}`,
    `  上年结转政府信息公开申请数量: {自然人: ${q(img)}, ${q(style)}: 1}`,
    '政府信息公开行政复议、行政诉讼情况:',
    `  行政复议: ${row(5)}`,
    `存在的主要问题及改进情况: ${q(all)}`,
    `其他需要报告的事项: ${q(controls + bidi)}`,
    '',
  ].join('\n');
}
