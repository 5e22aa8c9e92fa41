/** The preview's pieces that do not need VS Code: its page (CSP, nonce) and the render throttle. */
import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { contentSecurityPolicy, previewShell } from '../../../client/src/preview/shell';
import { Throttle } from '../../../client/src/preview/throttle';
import { check } from '../../../server/src/core/check';
import { renderBody } from '../../../server/src/core/render';
import { EXAMPLE } from '../helpers';
import { parseTag } from '../render/helpers';

describe('preview page', () => {
  const page = previewShell({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: 'bm9uY2Utb2YtdGhlLXRlc3Q=',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.css',
    body: renderBody(check(EXAMPLE), { marks: true, theme: 'preview' }),
    seq: 3,
    uri: 'file:///reports/a"b<c>.report.yaml',
    lang: 'zh-CN',
  });

  it('allows nothing but its own media and the nonce', () => {
    assert.equal(
      contentSecurityPolicy('https://x.example', 'N'),
      "default-src 'none'; style-src https://x.example 'nonce-N'; script-src 'nonce-N'; base-uri 'none'; form-action 'none'",
    );
    const meta = parseTag(/<meta http-equiv="Content-Security-Policy"[^>]*>/.exec(page)![0])!;
    assert.equal(
      meta.attrs.get('content'),
      contentSecurityPolicy('https://file+.vscode-resource.vscode-cdn.net', 'bm9uY2Utb2YtdGhlLXRlc3Q='),
    );
  });

  it('has one script, the media script, carrying the nonce, and no inline script or handler', () => {
    const scripts = [...page.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0][1], '', 'no inline code');
    const tag = parseTag(/<script\b[^>]*>/.exec(scripts[0][0])![0])!;
    assert.equal(tag.attrs.get('nonce'), 'bm9uY2Utb2YtdGhlLXRlc3Q=');
    assert.equal(tag.attrs.get('src'), 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.js');
    assert.doesNotMatch(page.replace(/<style[\s\S]*?<\/style>/, ''), /\son[a-z]+=|javascript:/i);
    assert.match(page, /<style nonce="bm9uY2Utb2YtdGhlLXRlc3Q=">\n\.report \{/);
  });

  it('carries the render number and the report URI, escaped', () => {
    assert.match(
      page,
      /<div id="govreport-preview" data-seq="3" data-uri="file:\/\/\/reports\/a&quot;b&lt;c&gt;\.report\.yaml"><main class="report theme-preview marks"/,
    );
  });
});

describe('preview throttle', () => {
  it('runs at once when idle, then at most once per interval with the latest state', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    let clock = 0;
    let state = 0;
    const seen: number[] = [];
    const throttle = new Throttle(
      () => seen.push(state),
      () => 200,
      () => clock,
    );
    const advance = (ms: number) => {
      clock += ms;
      t.mock.timers.tick(ms);
    };
    state = 1;
    throttle.schedule();
    advance(0);
    assert.deepEqual(seen, [1], 'the first change renders immediately');
    for (let i = 2; i <= 6; i++) {
      state = i;
      throttle.schedule();
      advance(30);
    }
    assert.deepEqual(seen, [1], 'changes within the interval wait');
    advance(50);
    assert.deepEqual(seen, [1, 6], 'one render at the end of the interval, of the latest state');
    advance(1000);
    assert.deepEqual(seen, [1, 6]);
    state = 7;
    throttle.schedule();
    throttle.cancel();
    advance(500);
    assert.deepEqual(seen, [1, 6], 'a cancelled render never runs');
    throttle.schedule();
    assert.equal(throttle.pending, true);
    throttle.flush();
    assert.deepEqual(seen, [1, 6, 7]);
    assert.equal(throttle.pending, false);
  });

  it('reads the interval each time, so a settings change applies at once', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      let clock = 0;
      let interval = 1000;
      let runs = 0;
      const throttle = new Throttle(
        () => runs++,
        () => interval,
        () => clock,
      );
      throttle.schedule();
      mock.timers.tick(0);
      interval = 10;
      throttle.schedule();
      clock += 10;
      mock.timers.tick(10);
      assert.equal(runs, 2);
    } finally {
      mock.timers.reset();
    }
  });
});
