/** Helpers for the language-feature tests: a client with an editor's capabilities, positions, snippets. */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/main';
import { LspClient, ROOT, fileUri, type Diagnostic } from './lspClient';

export const EXAMPLE_PATH = path.join(ROOT, 'examples', 'lvliang-2024.report.yaml');
export const EXAMPLE = readFileSync(EXAMPLE_PATH, 'utf8');

/** What VS Code announces for the features under test. */
export const EDITOR_CAPABILITIES = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    inlayHint: { refreshSupport: true },
  },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    completion: {
      completionItem: { snippetSupport: true, insertTextModeSupport: { valueSet: [1, 2] } },
      contextSupport: true,
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { lineFoldingOnly: true },
    selectionRange: {},
    inlayHint: {},
  },
};

/** What `govreport check --format json FOLDER` prints in Chinese: each file's diagnostics. */
export async function cliDiagnostics(dir: string): Promise<{ file: string; diagnostics: Diagnostic[] }[]> {
  let out = '';
  await runCli(['check', '--format', 'json', dir], {
    stdout: (s) => (out += s),
    stderr: () => undefined,
    env: { LANG: 'zh_CN.UTF-8' },
  });
  return JSON.parse(out) as { file: string; diagnostics: Diagnostic[] }[];
}

/** Diagnostics as both faces give them: the link to a rule's documentation differs (a file of the extension or of the CLI). */
export const comparable = (ds: Diagnostic[]) => ds.map(({ codeDescription: _, ...d }) => d);

/** A workspace with a copy of the batch of test/fixtures/batch (tests change it), opened by a server with the editor's capabilities and a file watcher. */
export async function batchWorkspace(
  capabilities: object = {},
): Promise<{ dir: string; client: LspClient; close(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'govreport-batch-'));
  cpSync(path.join(ROOT, 'test', 'fixtures', 'batch'), dir, { recursive: true });
  const client = new LspClient();
  await client.initialize({
    rootUri: fileUri(dir),
    capabilities: {
      ...EDITOR_CAPABILITIES,
      workspace: { ...EDITOR_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } },
      ...capabilities,
    },
    settings: { validate: { debounceMs: 0 } },
  });
  return {
    dir,
    client,
    close: async () => {
      await client.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Starts a server as the editor would, in a locale, with settings. */
export async function startEditor(
  locale = 'zh-CN',
  settings: Record<string, unknown> = { validate: { debounceMs: 0 } },
): Promise<{ client: LspClient; capabilities: Record<string, any> }> {
  const client = new LspClient();
  try {
    const { capabilities } = await client.initialize({
      locale,
      settings,
      capabilities: EDITOR_CAPABILITIES,
      initializationOptions: { locale, settings },
    });
    return { client, capabilities };
  } catch (e) {
    await client.dispose();
    throw e;
  }
}

let counter = 0;
/** Opens a text under a fresh URI and waits for its first diagnostics. */
export async function openDoc(client: LspClient, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = fileUri(path.join(ROOT, `test-${process.pid}-${++counter}.report.yaml`));
  client.open(uri, text, 1);
  const { diagnostics } = await client.diagnostics(uri, 1);
  return { uri, diagnostics };
}

/** The position of `needle` (its `nth` occurrence) plus `delta` characters, in UTF-16 units. */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (#${nth}) not in the text`);
  }
  return positionAt(text, at + delta);
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

export function offsetAt(text: string, p: Position): number {
  const lines = text.split('\n');
  let o = 0;
  for (let i = 0; i < p.line; i++) o += lines[i].length + 1;
  return o + p.character;
}

export function textOf(text: string, r: Range): string {
  return text.slice(offsetAt(text, r.start), offsetAt(text, r.end));
}

/** A text with `‸` marking the cursor: the text without it, and the cursor's position. */
export function cursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf('‸');
  if (at < 0) throw new Error('no ‸ in the text');
  return { text: marked.slice(0, at) + marked.slice(at + 1), position: positionAt(marked, at) };
}

/** A snippet as the editor inserts it when the user accepts every default. */
export function expandSnippet(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length) {
      out += snippet[++i];
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    const rest = snippet.slice(i);
    const simple = /^\$\d+/.exec(rest);
    const choice = /^\$\{\d+\|([^,|]*)(?:,[^|]*)?\|\}/.exec(rest);
    const placeholder = /^\$\{\d+:/.exec(rest);
    if (simple) i += simple[0].length - 1;
    else if (choice) {
      out += choice[1];
      i += choice[0].length - 1;
    } else if (placeholder) {
      // The default runs to the matching unescaped `}`.
      let j = i + placeholder[0].length;
      let value = '';
      while (j < snippet.length && snippet[j] !== '}') {
        if (snippet[j] === '\\') j++;
        value += snippet[j++];
      }
      out += value;
      i = j;
    } else out += c;
  }
  return out;
}

/** Applies one text edit. */
export function applyEdit(text: string, edit: { range: Range; newText: string }): string {
  return text.slice(0, offsetAt(text, edit.range.start)) + edit.newText + text.slice(offsetAt(text, edit.range.end));
}
