/** Bytes ⇄ text (core/encoding.ts) and the screening of files before they are parsed (core/limits.ts). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { decodeText, encodeText } from '../../server/src/core/encoding';
import { LIMITS, screenReport } from '../../server/src/core/limits';
import { EXAMPLE, ROOT } from './helpers';

const fixture = (name: string) => readFileSync(path.join(ROOT, 'test', 'fixtures', 'encodings', name));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('takes the encoding from a byte-order mark, a declared charset, or whether the bytes are UTF-8', () => {
    const cases: [Uint8Array, string, boolean][] = [
      [utf8(EXAMPLE), 'UTF-8', false],
      [new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(EXAMPLE)]), 'UTF-8', true],
      [fixture('utf16le.report.yaml'), 'UTF-16LE', true],
      [new Uint8Array([0xfe, 0xff, 0x67, 0x3a]), 'UTF-16BE', true],
      [fixture('gbk.report.yaml'), 'GB18030', false],
      [new Uint8Array([...utf8('<meta charset="gbk">'), 0xc4, 0xea]), 'GB18030', false],
    ];
    for (const [bytes, encoding, bom] of cases) {
      const d = decodeText(bytes);
      assert.deepEqual([d.encoding, d.bom, d.invalid], [encoding, bom, undefined]);
    }
    assert.equal(decodeText(fixture('gbk.report.yaml')).text, decodeText(fixture('utf16le.report.yaml')).text);
    assert.equal(decodeText(new Uint8Array([0xfe, 0xff, 0x67, 0x3a])).text, '机');
  });

  it('says where bytes did not decode: a stray byte in a UTF-8 file is not a GBK file', () => {
    const d = decodeText(fixture('stray-byte.report.yaml'));
    assert.equal(d.encoding, 'UTF-8');
    assert.equal(d.invalid?.count, 1);
    assert.equal(d.text[d.invalid!.offset], '\ufffd');
    assert.equal(d.text.slice(d.invalid!.offset - 4, d.invalid!.offset), '(caf');
    // A literal U+FFFD is text, not a byte that failed.
    assert.equal(decodeText(utf8('机关: \ufffd')).invalid, undefined);
  });
});

describe('encodeText', () => {
  it('writes back the bytes it read, in every encoding', () => {
    for (const name of ['gbk.report.yaml', 'utf16le.report.yaml', 'ziranziyuan-2023.gbk.report.yaml']) {
      const bytes = fixture(name);
      const d = decodeText(bytes);
      assert.deepEqual(encodeText(d.text, d.encoding, d.bom), new Uint8Array(bytes), name);
    }
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(EXAMPLE)]);
    assert.deepEqual(encodeText(EXAMPLE, 'UTF-8', true), bom);
  });

  it('writes every character GB18030 holds so that it reads back the same, and refuses one it does not', () => {
    let text = '';
    for (let c = 0x80; c <= 0xffff; c++) if (c < 0xd800 || c > 0xdfff) text += String.fromCharCode(c);
    text += '𠀀😀';
    const decoder = new TextDecoder('gb18030');
    const refused: string[] = [];
    for (const ch of text) {
      const bytes = encodeText(ch, 'GB18030', false);
      if (!bytes) refused.push(ch);
      else assert.equal(decoder.decode(bytes), ch, `U+${ch.codePointAt(0)!.toString(16)}`);
    }
    // Only the code points the decoder itself never produces: U+FFFD and a few private-use ones.
    assert.ok(
      refused.length < 30 && refused.includes('\ufffd'),
      refused.map((c) => c.codePointAt(0)!.toString(16)).join(),
    );
    assert.equal(encodeText('a\ud800b', 'UTF-8', false), undefined);
    assert.equal(encodeText('a\udc00', 'UTF-16LE', true), undefined);
  });
});

describe('screenReport', () => {
  it('lets any report through', () => {
    assert.equal(screenReport(EXAMPLE), undefined);
    assert.equal(screenReport(EXAMPLE.replace(/\n/g, '\r')), undefined);
  });

  it('counts nesting as YAML reads it: brackets in quotes, comments and block text are text', () => {
    const deep = '['.repeat(LIMITS.nesting + 1);
    for (const text of [`a: "${deep}"\n`, `a: '${deep}'\n`, `a: 1 # ${deep}\n`, `a: |\n  ${deep}\nb: 1\n`])
      assert.equal(screenReport(text), undefined, text.slice(0, 12));
    const flow = screenReport(`a: 1\nb: ${deep}`);
    // The key's `:` is a level too: the 64th bracket after it is one too many.
    assert.equal(flow?.offset, 5 + 3 + LIMITS.nesting - 1);
    assert.match(flow!.message.en, /nested more than 64 levels deep/);
    const block = screenReport(`a:\n${'- '.repeat(LIMITS.nesting + 1)}1\n`);
    assert.ok(block && /nested/.test(block.message.en));
    assert.equal(screenReport(`a:\n${'- '.repeat(LIMITS.nesting - 2)}1\n`), undefined);
  });

  it('refuses a line longer than any report has, where it passes the limit', () => {
    const r = screenReport(`a: 1\r\nb: ${'x'.repeat(LIMITS.lineLength)}\r\n`);
    assert.equal(r?.offset, 6 + LIMITS.lineLength);
    assert.match(r!.message['zh-CN'], /此行超过 65536 个字符/);
  });
});
