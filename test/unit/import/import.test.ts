import assert from 'node:assert/strict';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { isScalar, type Node, type Pair } from 'yaml';
import { check } from '../../../server/src/core/check';
import { formatDec } from '../../../server/src/core/decimal';
import type { Finding } from '../../../server/src/core/findings';
import { importReport, type ImportResult } from '../../../server/src/core/import';
import type { Report } from '../../../server/src/core/model';
import { parseReport } from '../../../server/src/core/parse';
import { runCli } from '../../../server/src/cli/main';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'import');
const PUBLISHED = path.join(ROOT, 'test', 'fixtures', 'lvliang-2024.published.txt');
const EXAMPLE = path.join(ROOT, 'examples', 'lvliang-2024.report.yaml');

function importFile(file: string): Extract<ImportResult, { ok: true }> {
  const r = importReport(readFileSync(file), { name: path.basename(file) });
  assert.ok(r.ok, r.ok ? '' : `${file}: ${r.message.en}`);
  return r;
}

/** Every table cell of a report by row path and column, as its exact value or its text. */
function cells(report: Report): Map<string, string> {
  const out = new Map<string, string>();
  for (const [table, model] of report.tables)
    for (const [rowPath, row] of model.rows)
      row.cells.forEach((c, i) =>
        out.set(
          `${table}/${rowPath}#${row.decl.columns[i].label}`,
          c ? (c.value ? formatDec(c.value) : `text:${c.raw}`) : 'missing',
        ),
      );
  return out;
}

/** A finding's code with the kind of position it has: the top-level key it is in, on the key or in the value. */
function placed(report: Report, f: Finding): string {
  const pair = report.root?.items.find((p: Pair) => {
    const start = (p.key as Node).range![0];
    const end = (p.value as Node | null)?.range?.[2] ?? (p.key as Node).range![1];
    return f.span.start >= start && f.span.start <= end;
  });
  const key = pair && isScalar(pair.key) ? String(pair.key.value) : '(none)';
  const onKey = pair ? f.span.start < (pair.key as Node).range![1] : false;
  return `${f.code}@${key}:${onKey ? 'key' : 'value'}`;
}

describe('import: the published text of the example report', () => {
  const imported = importFile(PUBLISHED);
  const example = readFileSync(EXAMPLE, 'utf8');

  it('gives every table number of the hand-made example, cell by cell', () => {
    const got = cells(parseReport(imported.yaml));
    const want = cells(parseReport(example));
    assert.ok(want.size > 100, 'the example has its tables');
    assert.deepEqual([...got.keys()].sort(), [...want.keys()].sort());
    for (const [k, v] of want) assert.equal(got.get(k), v, k);
  });

  it('checks with the same findings as the example, at the same kind of position, and the misprinted label', () => {
    const all = check(imported.yaml);
    // The published table prints 本年度止件数 for 本年废止件数 (the example leaves this out).
    const misprints = all.findings.filter((f) => f.code === 'misprinted-label');
    assert.deepEqual(
      misprints.map((f) => f.message.en),
      [
        'the published report prints the label "本年废止件数" as "本年度止件数", which is not the label of 国办公开办函〔2021〕30号',
      ],
    );
    const a = { ...all, findings: all.findings.filter((f) => f.code !== 'misprinted-label') };
    const b = check(example);
    const codes = (r: ReturnType<typeof check>): string[] => r.findings.map((f) => f.code).sort();
    assert.deepEqual(codes(a), codes(b));
    for (const code of ['signed-before-year-end', 'missing-subsection']) assert.ok(codes(b).includes(code), code);
    assert.deepEqual(
      a.findings.map((f) => placed(a.report, f)).sort(),
      b.findings.map((f) => placed(b.report, f)).sort(),
    );
  });

  it('reads the metadata, the preface and the sub-sections of 总体情况', () => {
    const r = parseReport(imported.yaml);
    assert.equal(r.organ, '吕梁市人民政府办公室');
    assert.equal(r.organType, '部门');
    assert.equal(r.year, 2024);
    assert.equal(r.signed?.raw, '2024-01-08');
    assert.deepEqual([r.period?.start?.raw, r.period?.end?.raw], ['2024-01-01', '2024-12-31']);
    assert.match(r.preface!.text, /^本年度报告根据《中华人民共和国政府信息公开条例》/);
    const subs = r.texts.filter((t) => t.section?.key === '总体情况').map((t) => t.subKey);
    assert.deepEqual(subs, ['概述', '主动公开', '依申请公开', '解读回应', '平台建设']);
    // A paragraph broken by a page ("…食品药品监" / "管、涉农补贴…") is one paragraph again.
    assert.match(r.texts.find((t) => t.subKey === '主动公开')!.text, /食品药品监管、涉农补贴/);
    assert.deepEqual(
      imported.notices.map((n) => n.en.split(':')[0]),
      ['机关类型 inferred as 部门'],
    );
  });

  it('gives the narrative of the example, paragraph for paragraph', () => {
    const key = (t: Report['texts'][number]) => `${t.section?.key ?? '前言'}/${t.subKey ?? ''}`;
    const texts = (r: Report) => [r.preface!, ...r.texts].map((t) => [key(t), t.text]);
    assert.deepEqual(texts(parseReport(imported.yaml)), texts(parseReport(example)));
  });

  it('writes the printed title as the first comment, as the example does', () => {
    assert.equal(imported.yaml.split('\n')[0], example.split('\n')[0]);
  });

  it('writes tables like the example: column comments and aligned flow sequences', () => {
    assert.match(
      imported.yaml,
      /\n {2}# {15}\[本年制发件数, 本年废止件数, 现行有效件数\]\n {2}规章: {11}\[0, 0, 0\]\n {2}行政规范性文件: \[11, 2, 81\]\n/,
    );
    assert.match(
      imported.yaml,
      /\n {2}# {19}\[结果维持, 结果纠正, 其他结果, 尚未审结, 总计\]\n {2}行政复议: {11}\[0, 0, 0, 0, 0\]\n/,
    );
    assert.match(imported.yaml, /\n存在的主要问题及改进情况: \|-\n/);
  });
});

const GOLDEN: { input: string; expected: string }[] = [
  { input: 'pingchuan-2024.gbk.html', expected: 'pingchuan-2024.expected.report.yaml' },
  { input: 'fengyuan-2024.pdf.txt', expected: 'fengyuan-2024.expected.report.yaml' },
  { input: 'qinghe-2024.md', expected: 'qinghe-2024.expected.report.yaml' },
];

describe('import: fixtures in each form give their expected report files', () => {
  for (const g of GOLDEN) {
    it(`${g.input} → ${g.expected}`, () => {
      const r = importFile(path.join(FIXTURES, g.input));
      const file = path.join(FIXTURES, g.expected);
      // GOVREPORT_UPDATE_GOLDEN=1 rewrites the expected files; review the diff before committing.
      if (process.env.GOVREPORT_UPDATE_GOLDEN) writeFileSync(file, r.yaml);
      assert.equal(r.yaml, readFileSync(file, 'utf8'));
      const checked = check(r.yaml);
      assert.deepEqual(
        checked.findings.filter((f) =>
          ['yaml-syntax', 'duplicate-key', 'unknown-key', 'invalid-value'].includes(f.code),
        ),
        [],
      );
    });
  }

  it('HTML (GBK, page chrome, merged cells): metadata of a county government, published errors and unreadable cells kept', () => {
    const r = importFile(path.join(FIXTURES, 'pingchuan-2024.gbk.html'));
    assert.equal(r.form, 'html');
    const report = parseReport(r.yaml);
    assert.equal(report.organ, '平川县人民政府');
    assert.equal(report.organType, '本级政府');
    assert.equal(report.signed?.raw, '2025-03-20');
    assert.equal(report.published?.raw, '2025-03-25');
    const c = cells(report);
    assert.equal(c.get('主动公开政府信息情况/行政许可#本年处理决定数量'), '1532');
    assert.equal(c.get('主动公开政府信息情况/行政事业性收费#本年收费金额（单位：万元）'), '35.62');
    // （六）其他处理 printed as one row; （七）总计 printed 48 where its parts add to 49.
    assert.equal(c.get('收到和处理政府信息公开申请情况/本年度办理结果/其他处理#总计'), '2');
    assert.equal(c.get('收到和处理政府信息公开申请情况/本年度办理结果/总计#总计'), '48');
    assert.equal(c.get('收到和处理政府信息公开申请情况/本年度办理结果/不予公开/危及“三安全一稳定”#自然人'), 'text:"/"');
    assert.equal(
      c.get('收到和处理政府信息公开申请情况/本年度办理结果/不予公开/其他法律行政法规禁止公开#总计'),
      'text:""',
    );
    assert.equal(c.get('政府信息公开行政复议、行政诉讼情况/行政诉讼/未经复议直接起诉#尚未审结'), '1');
    const codes = new Set<string>(check(r.yaml).findings.map((f) => f.code));
    for (const code of ['row-total', 'group-as-row', 'cell-not-number']) assert.ok(codes.has(code), code);
    assert.ok(!codes.has('missing-row') && !codes.has('missing-section'));
    assert.doesNotMatch(r.yaml, /版权所有|ICP备|不是正文|分享到/);
    assert.ok(r.notices.some((n) => /blank cell/.test(n.en)));
  });

  it('text from a PDF (page break inside table 三, wrapped labels, section 四 in one run): every row found', () => {
    const r = importFile(path.join(FIXTURES, 'fengyuan-2024.pdf.txt'));
    assert.equal(r.form, 'text');
    const report = parseReport(r.yaml);
    assert.equal(report.organ, '丰源市生态环境局');
    assert.equal(report.year, 2024);
    const c = cells(report);
    assert.equal(c.get('收到和处理政府信息公开申请情况/本年新收政府信息公开申请数量#总计'), '28');
    assert.equal(c.get('收到和处理政府信息公开申请情况/本年度办理结果/部分公开#自然人'), '3');
    assert.equal(
      c.get('收到和处理政府信息公开申请情况/本年度办理结果/不予处理/要求行政机关确认或重新出具已获取信息#总计'),
      '0',
    );
    assert.equal(c.get('收到和处理政府信息公开申请情况/本年度办理结果/无法提供/本机关不掌握相关政府信息#总计'), '7');
    assert.equal(c.get('政府信息公开行政复议、行政诉讼情况/行政复议#总计'), '1');
    const codes = check(r.yaml).findings.map((f) => f.code);
    assert.deepEqual(
      codes.filter((x) => !x.startsWith('narrative-')),
      ['review-total'],
    );
    assert.deepEqual(
      r.notices.map((n) => n.en.split(':')[0]),
      ['机关类型 inferred as 部门'],
    );
  });

  it('Markdown: headings, tables with blank merged cells, a typo and a Chinese-numeral date', () => {
    const r = importFile(path.join(FIXTURES, 'qinghe-2024.md'));
    assert.equal(r.form, 'markdown');
    const report = parseReport(r.yaml);
    assert.equal(report.organ, '青禾区教育局');
    assert.equal(report.signed?.raw, '2025-01-20');
    assert.equal(report.published?.raw, '2025-01-24');
    const c = cells(report);
    assert.equal(c.get('收到和处理政府信息公开申请情况/本年度办理结果/无法提供/本机关不掌握相关政府信息#总计'), '4');
    assert.equal(c.get('主动公开政府信息情况/行政强制#本年处理决定数量'), 'text:"—"');
    assert.equal(c.get('政府信息公开行政复议、行政诉讼情况/行政诉讼/复议后起诉#总计'), '0');
    const subs = report.texts.filter((t) => t.section?.key === '总体情况').map((t) => t.subKey);
    assert.deepEqual(subs, ['概述', '主动公开', '依申请公开', '积极回应社会关切', '平台建设']);
  });
});

describe('import: input that is not a report', () => {
  const fails = (bytes: Uint8Array, name: string) => {
    const r = importReport(bytes, { name });
    assert.equal(r.ok, false);
    return r as Extract<ImportResult, { ok: false }>;
  };
  it('an empty file', () => {
    assert.equal(fails(readFileSync(path.join(FIXTURES, 'empty.txt')), 'empty.txt').reason, 'empty');
    assert.equal(fails(Buffer.from(' \n\u3000\n'), 'blank.txt').reason, 'empty');
  });
  it('a web page that only talks about annual reports', () => {
    const r = fails(readFileSync(path.join(FIXTURES, 'news-page.html')), 'news-page.html');
    assert.equal(r.reason, 'not-a-report');
    assert.match(r.message.en, /does not look like/);
  });
  it('a report in the 2019 trial format', () => {
    const r = fails(readFileSync(path.join(FIXTURES, 'legacy-2019.txt')), 'legacy-2019.txt');
    assert.equal(r.reason, 'legacy-format');
    assert.match(r.message['zh-CN'], /2019 年试行格式.*本年新制作数量/);
  });
  it('binary files, PDFs and legacy Word files', () => {
    const noise = Buffer.alloc(2048, 0);
    for (let i = 0; i < noise.length; i += 7) noise[i] = (i * 31) & 0xff;
    assert.equal(fails(noise, 'x.bin').reason, 'unsupported');
    // A PDF's text comes from the face's PDF reader (importPublished); without one it cannot be read.
    assert.match(fails(Buffer.from('%PDF-1.7\n%…'), 'r.pdf').message.en, /PDF, which cannot be read here/);
    assert.match(fails(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'r.doc').message.en, /\.docx/);
    assert.equal(fails(Buffer.from('PK\u0003\u0004garbage'), 'r.docx').reason, 'unsupported');
  });
  it('random prose with no structure', () => {
    const prose = '今天天气很好。我们去公园散步，看到很多人在锻炼身体。\n\n晚上回家吃饭。';
    assert.equal(fails(Buffer.from(prose), 'diary.txt').reason, 'not-a-report');
  });
});

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (s: string) => void (out.stdout += s),
      stderr: (s: string) => void (out.stderr += s),
      env: { LANG: 'en' } as NodeJS.ProcessEnv,
    },
  };
}

describe('govreport import', () => {
  it('prints the report on stdout and notices on stderr', async () => {
    const { out, io: cli } = io();
    assert.equal(await runCli(['import', path.join(FIXTURES, 'qinghe-2024.md')], cli), 0);
    assert.equal(out.stdout, readFileSync(path.join(FIXTURES, 'qinghe-2024.expected.report.yaml'), 'utf8'));
    assert.match(
      out.stderr,
      /^govreport import: warning: table "主动公开政府信息情况": 1 cell\(s\) that are not numbers/m,
    );
  });

  it('writes -o OUT atomically, refuses to replace it without --force', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-import-'));
    try {
      const target = path.join(dir, 'lvliang.report.yaml');
      const first = io();
      assert.equal(await runCli(['import', PUBLISHED, '-o', target], first.io), 0);
      assert.equal(first.out.stdout, '');
      assert.equal(readFileSync(target, 'utf8'), importFile(PUBLISHED).yaml);
      writeFileSync(target, 'mine');
      const again = io();
      assert.equal(await runCli(['import', PUBLISHED, '-o', target], again.io), 2);
      assert.match(again.out.stderr, /already exists \(use --force/);
      assert.equal(readFileSync(target, 'utf8'), 'mine');
      const forced = io();
      assert.equal(await runCli(['import', '--force', PUBLISHED, '--output', target], forced.io), 0);
      assert.notEqual(readFileSync(target, 'utf8'), 'mine');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('imports several files and folders into -o DIR, one report per input and a line for each', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-import-'));
    try {
      const inputs = path.join(dir, 'in');
      mkdirSync(path.join(inputs, 'deeper'), { recursive: true });
      copyFileSync(path.join(FIXTURES, 'qinghe-2024.md'), path.join(inputs, 'qinghe-2024.md'));
      copyFileSync(path.join(FIXTURES, 'legacy-2019.txt'), path.join(inputs, 'deeper', 'legacy-2019.txt'));
      writeFileSync(path.join(inputs, 'notes.yaml'), 'not a published form');
      // The same base name twice: the second gets its own file.
      copyFileSync(PUBLISHED, path.join(dir, 'qinghe-2024.txt'));
      const out = path.join(dir, 'out');
      const run = io();
      const code = await runCli(
        [
          'import',
          path.join(FIXTURES, 'pingchuan-2024.gbk.html'),
          inputs,
          path.join(dir, 'qinghe-2024.txt'),
          '-o',
          out,
        ],
        run.io,
      );
      // One input is not a 2021-format report: the others are still written, and the status says so.
      assert.equal(code, 2, run.out.stderr);
      assert.deepEqual(readdirSync(out).sort(), [
        'pingchuan-2024.gbk.report.yaml',
        'qinghe-2024-2.report.yaml',
        'qinghe-2024.report.yaml',
      ]);
      assert.equal(
        readFileSync(path.join(out, 'qinghe-2024.report.yaml'), 'utf8'),
        readFileSync(path.join(FIXTURES, 'qinghe-2024.expected.report.yaml'), 'utf8'),
      );
      const lines = run.out.stdout.trim().split('\n');
      assert.equal(lines.length, 5, run.out.stdout);
      assert.match(lines[0], /pingchuan-2024\.gbk\.html → .*pingchuan-2024\.gbk\.report\.yaml/);
      assert.match(run.out.stdout, /legacy-2019\.txt: not imported: this report follows the 2019 trial format/);
      assert.match(lines[4], /^4 file\(s\): 3 imported, 1 not imported$/);
      // Nothing is replaced without --force.
      const again = io();
      assert.equal(await runCli(['import', path.join(FIXTURES, 'qinghe-2024.md'), '-o', `${out}/`], again.io), 2);
      assert.match(again.out.stdout, /not written: .*already exists/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with a clear message for what is not a report, and for usage errors', async () => {
    for (const [args, pattern] of [
      [['import', path.join(FIXTURES, 'empty.txt')], /empty\.txt: the file is empty/],
      [
        ['import', path.join(FIXTURES, 'news-page.html')],
        /does not look like a government information disclosure annual report/,
      ],
      [['import', path.join(FIXTURES, 'legacy-2019.txt')], /2019 trial format/],
      [['import', path.join(FIXTURES, 'no-such-file.txt')], /cannot read: no such file/],
      [['import'], /no file given/],
      [['import', 'a.txt', 'b.txt'], /give a folder for the report files: -o DIR/],
    ] as const) {
      const { out, io: cli } = io();
      assert.equal(await runCli([...args], cli), 2, args.join(' '));
      assert.match(out.stderr, pattern);
      assert.equal(out.stdout, '');
    }
    assert.equal(existsSync(path.join(FIXTURES, 'no-such-file.txt')), false);
  });

  it('messages follow --locale', async () => {
    const { out, io: cli } = io();
    assert.equal(await runCli(['import', '--locale', 'zh-CN', path.join(FIXTURES, 'empty.txt')], cli), 2);
    assert.match(out.stderr, /文件是空的/);
  });
});
