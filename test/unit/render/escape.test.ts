/** Hostile report text stays text: no markup, attribute, style, link or script gets through. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { check } from '../../../server/src/core/check';
import { renderBody, renderHtml } from '../../../server/src/core/render';
import { PAGE_CSS, REPORT_CSS } from '../../../server/src/core/render/css';
import { escapeHtml } from '../../../server/src/core/render/escape';
import { HOSTILE, hostileReport } from './hostile';
import { parseTag } from './helpers';

const TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'main',
  'aside',
  'ul',
  'li',
  'header',
  'h1',
  'h2',
  'h3',
  'section',
  'p',
  'span',
  'div',
  'table',
  'colgroup',
  'col',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'footer',
]);
const ATTRIBUTES = new Set([
  'lang',
  'charset',
  'http-equiv',
  'content',
  'name',
  'class',
  'title',
  'data-start',
  'data-end',
  'data-line',
  'data-table',
  'colspan',
  'rowspan',
  'scope',
  'width',
]);

/** Every tag of the document in the renderer's strict form, with its text between tags free of markup. */
function assertStrict(html: string): void {
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
  assert.equal(styles.length, 1, 'exactly one style element');
  assert.equal(styles[0][1], REPORT_CSS + PAGE_CSS, 'the style is the renderer’s own');
  const rest = html.replace(styles[0][0], '').replace(/^<!DOCTYPE html>\n/, '');
  for (const token of rest.split(/(<[^<>]*>)/)) {
    if (!token.startsWith('<')) {
      assert.doesNotMatch(token, /[<>]/, `text with markup: ${token.slice(0, 80)}`);
      continue;
    }
    if (token.startsWith('</')) {
      assert.match(token, /^<\/[a-z0-9]+>$/);
      assert.ok(TAGS.has(token.slice(2, -1)), token);
      continue;
    }
    const tag = parseTag(token);
    assert.ok(tag, `not a plain tag: ${token.slice(0, 120)}`);
    assert.ok(TAGS.has(tag.name), `tag ${tag.name}`);
    for (const name of tag.attrs.keys()) assert.ok(ATTRIBUTES.has(name), `attribute ${name} on ${tag.name}`);
    for (const n of ['data-start', 'data-end', 'data-line', 'colspan', 'rowspan'])
      if (tag.attrs.has(n)) assert.match(tag.attrs.get(n)!, /^\d+$/);
  }
}

describe('render: hostile text', () => {
  const text = hostileReport();
  const result = check(text);

  it('the hostile report puts its strings where the renderer prints them', () => {
    const out = renderHtml(result, { marks: true });
    for (const h of HOSTILE) assert.ok(out.includes(escapeHtml(h)), `printed: ${h}`);
  });

  for (const marks of [true, false]) {
    it(`never produces markup from report text (marks ${marks ? 'on' : 'off'})`, () => {
      const out = renderHtml(result, { marks });
      assertStrict(out);
      assert.ok(out.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
      assert.ok(out.includes('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;'));
      assert.ok(out.includes('&lt;/style&gt;'));
      // Tags with their (escaped) attribute values left out: what remains is markup the renderer wrote.
      const tags = out
        .replace(/<style>[\s\S]*?<\/style>/, '')
        .match(/<[^<>]*>/g)!
        .join('\n')
        .replace(/="[^"]*"/g, '=""');
      assert.doesNotMatch(tags, /<script|<img|<a |<link|<iframe|<object|<svg|<base|href=|src=|style=|\son[a-z]+=/i);
    });
  }

  it('puts no report text in the head except the escaped title', () => {
    const head = /<head>([\s\S]*?)<\/head>/.exec(renderHtml(result, { marks: true }))![1];
    const title = /<title>([^<]*)<\/title>/.exec(head)![1];
    assert.ok(title.includes('&lt;script&gt;'));
    assert.equal(head.replace(/<title>[^<]*<\/title>/, '').includes('alert('), false);
  });

  it('keeps entities written in the report as the characters the author typed', () => {
    const out = renderBody(result, { marks: false });
    assert.ok(out.includes('&amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt; &amp;#60;'));
  });

  it('shows bidirectional overrides and control characters instead of obeying them', () => {
    const out = renderBody(result, { marks: false });
    assert.ok(out.includes('abc[U+202E]cba[U+202C]'));
    assert.ok(out.includes('nul[U+0000]bell[U+0007]'));
    assert.doesNotMatch(out, /[\u202a-\u202e\u2066-\u2069\u0000-\u0008]/);
  });

  it('allows its own style only, by hash, and nothing else', () => {
    const out = renderHtml(result, { marks: true });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(out)![1];
    const hash = createHash('sha256')
      .update(REPORT_CSS + PAGE_CSS, 'utf8')
      .digest('base64');
    assert.equal(
      csp,
      `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; base-uri 'none'; form-action 'none'`,
    );
    assert.ok(out.indexOf('Content-Security-Policy') < out.indexOf('<title>'), 'the policy comes before any content');
  });

  it('escapes each of the five HTML characters', () => {
    assert.equal(
      escapeHtml(`<a href="x" onclick='y'>&amp;</a>`),
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });
});
