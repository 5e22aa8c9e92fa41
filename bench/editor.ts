/**
 * One editor session against one server and one input: initialize, didOpen, typing in a
 * paragraph and in a table cell (one didChange per keystroke, each waited for), codeAction,
 * hover, documentSymbol, shutdown. Times are in milliseconds.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspSession } from './lspSession';

export interface ServerSpec {
  name: string;
  module: string;
  languageId: string;
  /** Answers to workspace/configuration, also sent with didChangeConfiguration. */
  sections: Record<string, unknown>;
  /** A fixed delay between a change and its validation that the server does not let clients set. */
  validationDelayMs: number;
  /** Whether publishDiagnostics carries the document version. */
  versioned: boolean;
  /** Extra node options for the server process (`--cpu-prof` to profile it). */
  nodeArgs?: string[];
}

export interface Counts {
  opens: number;
  keystrokes: number;
  requests: number;
}

export type Samples = Record<string, number[]>;

export interface SessionResult {
  samples: Samples;
  /** VmHWM at the end of the session. */
  peakRssEnd?: number;
  /** For ours: the check time the server reports per keystroke (govreport/checked). */
  serverCheckMs: number[];
}

/** What VS Code announces for the features used here. */
const CAPABILITIES = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
  },
};

const TYPED = '全年共开展政务公开业务培训12次，参训人员300人次。';

export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

/** An open document kept in step with the server, edited one keystroke at a time. */
class Doc {
  version = 1;
  diagnostics: any[] = [];
  constructor(
    private readonly s: LspSession,
    private readonly spec: ServerSpec,
    readonly uri: string,
    public text: string,
    private readonly incremental: boolean,
  ) {}

  /** Opens it; resolves with the milliseconds to its first diagnostics. */
  async open(): Promise<number> {
    const published = this.s.diagnostics(this.uri, this.spec.versioned ? this.version : undefined);
    const t0 = performance.now();
    this.s.notify('textDocument/didOpen', {
      textDocument: { uri: this.uri, languageId: this.spec.languageId, version: this.version, text: this.text },
    });
    const { msg, at } = await published;
    this.diagnostics = msg.params.diagnostics;
    return at - t0;
  }

  /** Replaces [start, end) with `insert`; resolves with the milliseconds to the new diagnostics. */
  async edit(start: number, end: number, insert: string): Promise<number> {
    const range = { start: positionAt(this.text, start), end: positionAt(this.text, end) };
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    this.version++;
    const published = this.s.diagnostics(this.uri, this.spec.versioned ? this.version : undefined);
    const t0 = performance.now();
    const contentChanges = this.incremental ? [{ range, text: insert }] : [{ text: this.text }];
    this.s.notify('textDocument/didChange', { textDocument: { uri: this.uri, version: this.version }, contentChanges });
    const { msg, at } = await published;
    this.diagnostics = msg.params.diagnostics;
    return at - t0;
  }

  close(): void {
    this.s.notify('textDocument/didClose', { textDocument: { uri: this.uri } });
  }
}

/** Starts the server and answers its configuration; resolves with the session and the time to the initialize answer. */
export async function start(spec: ServerSpec): Promise<{ s: LspSession; initMs: number; incremental: boolean }> {
  const s = new LspSession(spec.module, spec.sections, spec.nodeArgs);
  const configured = s.next((m) => m.method === 'workspace/configuration', 'workspace/configuration request');
  const { result, at } = await s.request('initialize', {
    processId: process.pid,
    locale: 'zh-CN',
    rootUri: null,
    workspaceFolders: null,
    capabilities: CAPABILITIES,
  });
  const sync = result.capabilities.textDocumentSync;
  const kind = typeof sync === 'number' ? sync : sync?.change;
  s.notify('initialized', {});
  s.notify('workspace/didChangeConfiguration', { settings: spec.sections });
  await configured;
  return { s, initMs: at - s.spawnedAt, incremental: kind === 2 };
}

/** The example with a row short of a cell: a finding every server reports once its schema is loaded. */
function probeText(text: string): string {
  return text.replace('[67, 2, 0, 0, 0, 0, 69]', '[67, 2, 0, 0, 0, 69]');
}

export async function editorSession(
  spec: ServerSpec,
  name: string,
  text: string,
  counts: Counts,
): Promise<SessionResult> {
  const samples: Samples = {
    initialize: [],
    didOpen: [],
    'keystroke: text': [],
    'keystroke: table': [],
    codeAction: [],
    hover: [],
    documentSymbol: [],
    'round trip (unknown request)': [],
    shutdown: [],
  };
  const serverCheckMs: number[] = [];
  const { s, initMs, incremental } = await start(spec);
  try {
    samples.initialize.push(initMs);
    const uri = (n: string) => pathToFileURL(path.join('/bench', `${n}.report.yaml`)).toString();
    const delay = spec.validationDelayMs;

    // Warm up on a copy until its diagnostics show the schema (or the checker) at work.
    const probe = new Doc(s, spec, uri(`${name}-probe`), probeText(text), incremental);
    await probe.open();
    for (let i = 0; probe.diagnostics.length === 0; i++) {
      if (i === 20) throw new Error(`${spec.name}: no diagnostics on the probe document`);
      await probe.edit(probe.text.length, probe.text.length, '\n');
    }
    for (let i = 0; i < 5; i++) await probe.edit(probe.text.length, probe.text.length, i % 2 ? '#' : '\n');
    probe.close();

    for (let i = 0; i < counts.opens; i++) {
      const d = new Doc(s, spec, uri(`${name}-open-${i}`), text, incremental);
      samples.didOpen.push((await d.open()) - delay);
      d.close();
    }

    const doc = new Doc(s, spec, uri(name), text, incremental);
    await doc.open();

    s.on('govreport/checked', (p: { elapsedMs: number }) => serverCheckMs.push(p.elapsedMs));
    // Typing at the end of a paragraph about the middle of the file.
    const anchor = '其余转入下一年度办理。';
    let at = nearest(doc.text, anchor, doc.text.length / 2) + anchor.length;
    for (let i = 0; i < counts.keystrokes; i++) {
      const ch = TYPED[i % TYPED.length];
      samples['keystroke: text'].push((await doc.edit(at, at, ch)) - delay);
      at += ch.length;
    }
    s.on('govreport/checked', () => undefined);
    // A digit typed into a table cell and taken out again.
    const row = doc.text.indexOf(']', doc.text.indexOf('行政规范性文件: ['));
    for (let i = 0; i < counts.keystrokes; i++) {
      const ms = i % 2 === 0 ? await doc.edit(row, row, '1') : await doc.edit(row, row + 1, '');
      samples['keystroke: table'].push(ms - delay);
    }

    const rateAt = doc.text.indexOf('办结率');
    const line = positionAt(doc.text, rateAt).line;
    const range = { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
    const context = {
      diagnostics: doc.diagnostics.filter((d) => d.range.start.line <= line && d.range.end.line >= line),
      triggerKind: 2,
    };
    const hoverAt = positionAt(doc.text, doc.text.indexOf('  部分公开:') + 4);
    const timed = async (method: string, params: unknown) => {
      const t0 = performance.now();
      const { at: answered } = await s.request(method, params);
      return answered - t0;
    };
    const td = { uri: doc.uri };
    for (let i = 0; i < counts.requests; i++)
      samples.codeAction.push(await timed('textDocument/codeAction', { textDocument: td, range, context }));
    for (let i = 0; i < counts.requests; i++)
      samples.hover.push(await timed('textDocument/hover', { textDocument: td, position: hoverAt }));
    for (let i = 0; i < counts.requests; i++)
      samples.documentSymbol.push(await timed('textDocument/documentSymbol', { textDocument: td }));
    // The floor of any request: one the server does not know, answered with an error at once.
    for (let i = 0; i < counts.requests; i++) {
      const t0 = performance.now();
      const answered = await s.request('bench/unknownRequest', {}).then(
        (r) => r.at,
        () => performance.now(),
      );
      samples['round trip (unknown request)'].push(answered - t0);
    }

    const rssEnd = s.peakRss();
    const t0 = performance.now();
    samples.shutdown.push((await s.shutdown()) - t0);
    return { samples, peakRssEnd: rssEnd, serverCheckMs };
  } finally {
    s.kill();
  }
}

/**
 * Peak RSS of a fresh server with one document open: initialize, open, its diagnostics and
 * a hover (which makes yaml-language-server load and apply the schema), then VmHWM.
 */
export async function memorySession(spec: ServerSpec, text: string): Promise<number | undefined> {
  const { s, incremental } = await start(spec);
  try {
    const doc = new Doc(
      s,
      spec,
      pathToFileURL(path.join('/bench', 'memory.report.yaml')).toString(),
      text,
      incremental,
    );
    await doc.open();
    await s.request('textDocument/hover', {
      textDocument: { uri: doc.uri },
      position: positionAt(text, text.indexOf('  部分公开:') + 4),
    });
    const rss = s.peakRss();
    await s.shutdown();
    return rss;
  } finally {
    s.kill();
  }
}

/** Extra initialize and shutdown samples: a fresh process each, shut down at once. */
export async function initializeOnly(spec: ServerSpec): Promise<{ initMs: number; shutdownMs: number }> {
  const { s, initMs } = await start(spec);
  try {
    const t0 = performance.now();
    return { initMs, shutdownMs: (await s.shutdown()) - t0 };
  } finally {
    s.kill();
  }
}

/** The occurrence of `needle` closest to `offset`. */
function nearest(text: string, needle: string, offset: number): number {
  let best = -1;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1))
    if (best < 0 || Math.abs(i - offset) < Math.abs(best - offset)) best = i;
  if (best < 0) throw new Error(`"${needle}" not in the input`);
  return best;
}
