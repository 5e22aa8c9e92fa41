/**
 * Text copied from last year's report, over LSP: with both reports in the workspace folder, the
 * 2024 report's section 五 that repeats the 2023 report's is found, pointing at last year's file.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient, ROOT, fileUri, type PublishDiagnostics } from './lspClient';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'rules');
const PROBLEMS_2024 =
  '存在的问题主要是政策解读形式还不够丰富。2025 年，本局将继续深化政务公开工作，进一步丰富解读形式，提升公开质效。';
const PROBLEMS_2023 = '存在的问题主要是政策解读形式还不够丰富。2024 年，本局将进一步丰富解读形式。';
const LONG = (y: number) =>
  `存在的问题主要是政策解读形式还不够丰富，政务新媒体更新频率不高，基层政务公开标准化规范化水平有待提升。${y} 年，本局将继续深化政务公开工作，进一步丰富解读形式，加强政务新媒体管理，提升公开质效。`;

describe('text copied from last year, over LSP', () => {
  let client: LspClient;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'govreport-copied-'));
    const read = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
    writeFileSync(path.join(dir, '2023.report.yaml'), read('base-2023.report.yaml').replace(PROBLEMS_2023, LONG(2024)));
    writeFileSync(path.join(dir, '2024.report.yaml'), read('base-2024.report.yaml').replace(PROBLEMS_2024, LONG(2025)));
    client = new LspClient();
    await client.initialize({ rootUri: fileUri(dir), settings: { validate: { debounceMs: 0 } } });
  });
  after(() => client.dispose());

  it('finds section 五 repeating the 2023 report, with the sentences in that file', async () => {
    const uri = fileUri(path.join(dir, '2024.report.yaml'));
    client.open(uri, readFileSync(path.join(dir, '2024.report.yaml'), 'utf8'), 1);
    const { diagnostics } = (await client.diagnostics(uri, 1)) as PublishDiagnostics;
    const copied = diagnostics.filter((d) => d.code === 'copied-text');
    assert.equal(copied.length, 1);
    assert.match(copied[0].message, /“存在的主要问题及改进情况”有 100% 的文字与 2023 年度报告相同/);
    const there = copied[0].relatedInformation!.map((r) => r.location.uri);
    assert.deepEqual([...new Set(there)], [fileUri(path.join(dir, '2023.report.yaml'))]);
  });

  it('an edit of this year’s section 五 into new text makes it go', async () => {
    const uri = fileUri(path.join(dir, '2024.report.yaml'));
    const text = readFileSync(path.join(dir, '2024.report.yaml'), 'utf8');
    const start = text.indexOf(LONG(2025));
    const lines = text.slice(0, start).split('\n');
    const range = {
      start: { line: lines.length - 1, character: lines[lines.length - 1].length },
      end: { line: lines.length - 1, character: lines[lines.length - 1].length + LONG(2025).length },
    };
    client.change(uri, 2, [
      {
        range,
        text: '本年度政务新媒体账号整合后，更新频次仍不均衡。2025 年，本局将建立新媒体内容审核台账，按月通报更新情况。',
      },
    ]);
    const { diagnostics } = (await client.diagnostics(uri, 2)) as PublishDiagnostics;
    assert.ok(!diagnostics.some((d) => d.code === 'copied-text'));
  });
});
