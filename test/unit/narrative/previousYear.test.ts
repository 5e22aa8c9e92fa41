/** Finding last year's report among the files of the workspace folders (server/src/lsp/previousYear.ts). */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { InitializeParams } from 'vscode-languageserver';
import { parseReport } from '../../../server/src/core/parse';
import { PreviousYearFinder } from '../../../server/src/lsp/previousYear';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'crossyear');
const TEXT_2023 = readFileSync(path.join(FIXTURES, 'ziranziyuan-2023.report.yaml'), 'utf8');
const REPORT_2024 = parseReport(readFileSync(path.join(FIXTURES, 'ziranziyuan-2024.report.yaml'), 'utf8'));

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'govreport-prev-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function finder(dir: string, watch = true): PreviousYearFinder {
  const f = new PreviousYearFinder(new TextDocuments(TextDocument));
  f.initialize({
    processId: null,
    rootUri: null,
    workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: watch } } },
  } as InitializeParams);
  return f;
}

const self = 'file:///elsewhere/this.report.yaml';

describe("last year's report among the workspace files", () => {
  it("finds the same organ's report on the year before, in a nested folder, and not another organ's", () => {
    const dir = workspace({
      'a/other.report.yaml': TEXT_2023.replace('机关: 某县自然资源局', '机关: 某县交通运输局'),
      'b/c/last.report.yml': TEXT_2023,
    });
    const found = finder(dir).find(self, REPORT_2024);
    assert.equal(found?.previous.uri, pathToFileURL(path.join(dir, 'b/c/last.report.yml')).toString());
    assert.equal(found?.previous.report.year, 2023);
  });

  it('reads keys written otherwise (quoted, with spaces in the organ name)', () => {
    const dir = workspace({
      'last.report.yaml': TEXT_2023.replace('机关: 某县自然资源局', '"机关": 某县 自然资源局').replace(
        '年度: 2023',
        '"年度": 2023',
      ),
    });
    assert.ok(finder(dir).find(self, REPORT_2024));
  });

  it('does not look into node_modules or hidden folders, nor at files not named *.report.yaml', () => {
    const dir = workspace({
      'node_modules/x/last.report.yaml': TEXT_2023,
      '.git/last.report.yaml': TEXT_2023,
      'last.yaml': TEXT_2023,
    });
    assert.equal(finder(dir).find(self, REPORT_2024), undefined);
  });

  it('sees a file created later once told of the change, and a new key when it changes', () => {
    const dir = workspace({});
    const f = finder(dir);
    assert.equal(f.find(self, REPORT_2024), undefined);
    writeFileSync(path.join(dir, 'last.report.yaml'), TEXT_2023);
    assert.equal(f.find(self, REPORT_2024), undefined, 'with a watcher, the walk is trusted until told otherwise');
    f.invalidate();
    const first = f.find(self, REPORT_2024);
    assert.ok(first);
    writeFileSync(path.join(dir, 'last.report.yaml'), TEXT_2023 + '# 更正\n');
    f.invalidate();
    const second = f.find(self, REPORT_2024);
    assert.ok(second && second.key !== first.key);
  });

  it('does not take the document itself', () => {
    const dir = workspace({ 'last.report.yaml': TEXT_2023 });
    const uri = pathToFileURL(path.join(dir, 'last.report.yaml')).toString();
    assert.equal(finder(dir).find(uri, REPORT_2024), undefined);
  });
});
