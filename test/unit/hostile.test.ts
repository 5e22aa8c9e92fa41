/**
 * The checker on hostile and broken files: it always returns, its findings lie inside the
 * document with ranges a client can use, odd numbers are reported rather than rounded, and
 * the editor features answer on the same inputs.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { deflateRawSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { check, checkReport } from '../../server/src/core/check';
import { screenReport } from '../../server/src/core/limits';
import { parseScreenedReport } from '../../server/src/core/parse';
import { readText } from '../../server/src/shared/readFile';
import { completionsAt } from '../../server/src/core/completion';
import { MAX_EXACT } from '../../server/src/core/decimal';
import { hoverAt } from '../../server/src/core/hover';
import { importReport } from '../../server/src/core/import';
import { MAX_DOCUMENT_XML } from '../../server/src/core/import/docx';
import { inlayHints } from '../../server/src/core/inlayHints';
import { foldingRanges, outline, selectionSpans, type OutlineNode } from '../../server/src/core/outline';
import { ChunkCache } from '../../server/src/core/yamlChunks';
import { EXAMPLE } from './helpers';
import { ODD_NUMBERS, aliasBomb, assertSane, decodeUtf8, encodeUtf8, hostileCorpus, withCell } from './hostileInputs';

describe('hostile files', () => {
  for (const { name, text } of hostileCorpus()) {
    it(`checks: ${name}`, () => {
      const result = check(text);
      assertSane(text, result, name);
      // The same text through a document's chunk cache, twice (the second reuses pieces).
      const cache = new ChunkCache();
      check(EXAMPLE, {}, cache);
      const first = check(text, {}, cache);
      const second = check(text, {}, cache);
      assertSane(text, second, `${name} (cached)`);
      // Where YAML gives up on nesting depends on the stack left at the call: only then may they differ.
      const exhausted = [result, first, second].some((r) =>
        r.report.doc.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION'),
      );
      if (!exhausted) {
        assert.deepEqual(first.findings, result.findings, 'incremental parse agrees');
        assert.deepEqual(second.findings, result.findings, 'cached pieces agree');
      }
    });
  }

  it('answers outline, folding, selection, hover, completion and hints on every one', () => {
    for (const { name, text } of hostileCorpus()) {
      const { report } = check(text);
      const inside = (s: { start: number; end: number }, what: string) =>
        assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${name}: ${what} [${s.start}, ${s.end})`);
      const walk = (n: OutlineNode): void => {
        inside(n.span, 'outline');
        inside(n.selection, 'outline selection');
        n.children.forEach(walk);
      };
      outline(report).forEach(walk);
      for (const f of foldingRanges(report))
        assert.ok(
          f.startLine <= f.endLine && f.endLine < report.lines.lineCount,
          `${name}: fold ${f.startLine}-${f.endLine}`,
        );
      for (const h of inlayHints(report, { start: 0, end: text.length }, 'zh-CN'))
        inside({ start: h.offset, end: h.offset }, 'hint');
      for (const at of new Set([0, 1, text.length >> 1, text.length - 1, text.length].filter((o) => o >= 0))) {
        for (const s of selectionSpans(report, at)) inside(s, 'selection');
        const hover = hoverAt(report, at, 'en');
        if (hover) inside(hover.span, 'hover');
        for (const c of completionsAt(report, at, 'zh-CN')) inside(c.range, 'completion');
      }
    }
  });

  it('reads invalid UTF-8 from a file the way it checks it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-hostile-'));
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...encodeUtf8('机关: 吕梁'),
      0xc3,
      0x28,
      0xa0,
      0xa1,
      0xf0,
      0x28,
      0x8c,
      0x28,
      0x0a,
      ...encodeUtf8('年度: 2024\n'),
      0xed,
      0xa0,
      0x80,
      0xff,
    ]);
    const file = path.join(dir, 'bad.report.yaml');
    writeFileSync(file, bytes);
    const read = readText(file);
    assert.ok(read.ok);
    assert.equal(read.text, decodeUtf8(bytes));
    assert.ok(read.text.startsWith('机关: 吕梁\ufffd('), 'bad sequences become U+FFFD and the BOM is gone');
    assertSane(read.text, check(read.text), 'invalid UTF-8');
  });
});

describe('a file screened by its own parse (govreport check in worker threads)', () => {
  it('is refused where the screen refuses it, and otherwise read as parseReport reads it', () => {
    const refusedToo = [`深: ${'['.repeat(100)}\n`, `${'- '.repeat(100)}x\n`, `长: ${'x'.repeat(70_000)}\n`];
    const texts = [...hostileCorpus().map((c) => c.text), EXAMPLE, `${EXAMPLE}---\n二: 1\n`, ...refusedToo];
    for (const text of texts) {
      const screened = parseScreenedReport(text);
      const refused = screenReport(text);
      if (refusedToo.includes(text)) assert.ok(refused);
      if (refused) {
        assert.deepEqual(screened, { refused });
        continue;
      }
      assert.ok(!('refused' in screened));
      assert.deepEqual(screened.doc.errors, check(text).report.doc.errors);
      assert.deepEqual(checkReport(screened).findings, check(text).findings);
    }
  });
});

describe('numbers YAML reads oddly', () => {
  for (const value of ODD_NUMBERS) {
    it(`a cell written ${value} is reported, not taken as a number`, () => {
      const { text, at } = withCell(value);
      // On the cell's text (a tag YAML cannot apply is a syntax error there).
      const found = check(text).findings.filter((f) => f.span.start < at + value.length && f.span.end > at);
      assert.ok(
        found.some((f) => ['cell-not-number', 'number-too-large', 'yaml-syntax'].includes(f.code)),
        `findings at the cell: ${found.map((f) => f.code).join(', ') || 'none'}`,
      );
    });
  }

  it('integers beyond 2^53 are exact in the arithmetic and reported as beyond the exact range', () => {
    const big = (MAX_EXACT + 2n).toString(); // 9007199254740993: a double would read …992
    const near = (MAX_EXACT + 1n).toString();
    assert.equal(Number(big), Number(near), 'the two are one double');
    const text = EXAMPLE.replace('[67, 2, 0, 0, 0, 0, 69]', `[${big}, 0, 0, 0, 0, 0, ${near}]`);
    const findings = check(text).findings;
    const at = text.indexOf(big);
    assert.ok(findings.some((f) => f.code === 'number-too-large' && f.span.start === at));
    assert.ok(
      findings.some((f) => f.code === 'row-total'),
      'the total differs by one and is caught',
    );
    const exact = check(EXAMPLE.replace('[67, 2, 0, 0, 0, 0, 69]', `[${big}, 0, 0, 0, 0, 0, ${big}]`)).findings;
    assert.ok(!exact.some((f) => f.code === 'row-total' && f.span.start === at), 'equal totals are equal');
  });

  for (const year of ['0x7E8', '0o3750', '2.024e3', '2024.0', '2024.00000000000000001', '+2024']) {
    it(`年度 written ${year} is reported, not read as 2024`, () => {
      const text = EXAMPLE.replace('年度: 2024', `年度: ${year}`);
      const r = check(text);
      assert.equal(r.report.year, undefined);
      assert.ok(r.findings.some((f) => f.code === 'invalid-value' && text.slice(f.span.start, f.span.end) === year));
    });
  }

  it('年度 written 2024 is taken as it is', () => {
    const r = check(EXAMPLE);
    assert.equal(r.report.year, 2024);
    assert.ok(
      !r.findings.some(
        (f) => f.code === 'invalid-value' && f.span.start === EXAMPLE.indexOf('2024', EXAMPLE.indexOf('年度:')),
      ),
    );
  });

  it('a huge number in the text is compared exactly with the table', () => {
    const stated = '共收到和办理政府信息公开申请 69 件';
    assert.ok(EXAMPLE.includes(stated));
    const text = EXAMPLE.replace(stated, '共收到和办理政府信息公开申请 9007199254740993 件').replace(
      '[67, 2, 0, 0, 0, 0, 69]',
      '[9007199254740992, 0, 0, 0, 0, 0, 9007199254740992]',
    );
    const at = text.indexOf('9007199254740993');
    const f = check(text).findings.find((x) => x.span.start === at);
    assert.ok(f, 'the stated number differs from the table by one and is reported');
  });
});

describe('aliases and duplicate keys', () => {
  it('an alias bomb is never expanded', () => {
    const text = EXAMPLE + '\n' + aliasBomb() + '附加: *a9\n';
    const r = check(text);
    assertSane(text, r, 'alias bomb');
    assert.ok(r.findings.some((f) => f.code === 'unknown-key'));
  });

  it('finds the duplicate keys yaml finds, in one pass', () => {
    const key = fc.constantFrom(
      'a',
      'b',
      '1',
      '1.0',
      '0x1',
      '.nan',
      '.NaN',
      'null',
      '~',
      '"a"',
      "'b'",
      'true',
      'True',
      '"1"',
      '!!str 1',
      '&x a',
      '*x',
      '[a]',
      '{a: 1}',
      '',
      '0',
      '-0',
      '0.0',
    );
    const map = fc.array(key, { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(map, fc.boolean(), fc.boolean(), (keys, flow, nested) => {
        const body = flow
          ? `{${keys.map((k, i) => `${k}: ${i}`).join(', ')}}`
          : keys.map((k, i) => `${k}: ${i}`).join('\n');
        const text = nested ? `外层:\n  内层: ${flow ? body : '\n' + body.replace(/^/gm, '    ')}\n` : body + '\n';
        const theirs = parseDocument(text, { uniqueKeys: true }).errors.filter(
          (e) => e.code === 'DUPLICATE_KEY',
        ).length;
        const ours = check(text).findings.filter((f) => f.code === 'duplicate-key' && /YAML/.test(f.message.en)).length;
        assert.equal(ours, theirs, text);
      }),
      { seed: 20261127, numRuns: 400 },
    );
  });
});

/** A zip archive of deflated members, as Word writes a .docx. */
function zip(members: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(members)) {
    const data = deflateRawSync(content, { level: 1 });
    const fileName = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(Math.min(content.length, 0xffffffff), 22);
    local.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(Math.min(content.length, 0xffffffff), 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    central.push(entry, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

describe('hostile published reports to import', () => {
  const document = (body: string, padding = 0) =>
    Buffer.concat([
      Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}`,
      ),
      Buffer.alloc(padding, 0x20),
      Buffer.from('</w:body></w:document>'),
    ]);
  const paragraphs = readFileSync(path.join(__dirname, '..', 'fixtures', 'lvliang-2024.published.txt'), 'utf8')
    .split('\n')
    .map((l) => `<w:p><w:r><w:t>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`)
    .join('');

  it('imports a .docx of the published report (the archive reader works)', () => {
    const r = importReport(zip({ 'word/document.xml': document(paragraphs) }), { name: 'r.docx' });
    assert.ok(r.ok, r.ok ? '' : r.message.en);
  });

  /** The published report's paragraphs repeated up to `size` bytes of document.xml. */
  const documentOfSize = (size: number) => {
    const empty = document('').length;
    const unit = Buffer.byteLength(paragraphs);
    const n = Math.floor((size - empty) / unit);
    return document(paragraphs.repeat(n), size - empty - n * unit);
  };

  it('reads a .docx whose text is just under the limit in bounded memory', () => {
    const xml = documentOfSize(MAX_DOCUMENT_XML - 1);
    assert.equal(xml.length, MAX_DOCUMENT_XML - 1);
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-docx-'));
    writeFileSync(path.join(dir, 'big.docx'), zip({ 'word/document.xml': xml }));
    // The import runs with a heap far smaller than the document held as text and tree would need.
    const r = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=160',
        path.join(__dirname, '..', '..', 'server', 'out', 'cli.js'),
        'import',
        '--locale',
        'en',
        path.join(dir, 'big.docx'),
        '-o',
        path.join(dir, 'big.report.yaml'),
      ],
      { encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stderr.slice(-500));
    assert.match(readFileSync(path.join(dir, 'big.report.yaml'), 'utf8'), /^机关: 吕梁市人民政府办公室$/m);
  });

  it('refuses a .docx whose text is over the limit, whatever size the archive declares', () => {
    const over = zip({ 'word/document.xml': documentOfSize(MAX_DOCUMENT_XML + 1) });
    // The sizes in the archive claim a small member: the inflated bytes are counted, not believed.
    const lying = Buffer.from(over);
    lying.writeUInt32LE(1000, 22);
    lying.writeUInt32LE(1000, lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
    for (const bytes of [over, lying]) {
      const r = importReport(bytes, { name: 'big.docx' });
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.message.en, /more than 16 MiB/);
    }
  });

  it('refuses a .docx that inflates to more than any report (a zip bomb) instead of reading it all', () => {
    const bomb = zip({ 'word/document.xml': document(paragraphs, 100 * 1024 * 1024) });
    assert.ok(bomb.length < 1024 * 1024, `${bomb.length} bytes on disk`);
    const r = importReport(bomb, { name: 'bomb.docx' });
    assert.equal(r.ok, false);
  });
});
