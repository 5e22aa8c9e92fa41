/**
 * Editor sessions against a fresh server process each: initialize, didOpen, typing in table
 * cells and in a paragraph (one didChange per keystroke, each waited for), codeAction, hover,
 * documentSymbol, shutdown; a fresh server's peak RSS; a bare initialize. Times in milliseconds.
 */
import { readFileSync } from 'node:fs';
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
  /** Node options for the server process: those the editor starts it with, and `--cpu-prof` to profile it. */
  nodeArgs?: string[];
  /** The server's own arguments before `--stdio`. */
  args?: string[];
}

/** What VS Code announces for the features used here. */
const CAPABILITIES = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
    },
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

/**
 * Starts the server, with `folder` as its workspace folder if given, and answers its
 * configuration; resolves with the session and the time to the initialize answer.
 */
export async function start(
  spec: ServerSpec,
  folder?: string,
): Promise<{ s: LspSession; initMs: number; incremental: boolean }> {
  const s = new LspSession(spec.module, spec.sections, spec.nodeArgs, spec.args);
  const configured = s.next((m) => m.method === 'workspace/configuration', 'workspace/configuration request');
  const root = folder ? pathToFileURL(folder).toString() : null;
  const { result, at } = await s.request('initialize', {
    processId: process.pid,
    locale: 'zh-CN',
    rootUri: root,
    workspaceFolders: root ? [{ uri: root, name: path.basename(folder!) }] : null,
    // With a folder, as VS Code: it watches the folder's files for the server.
    capabilities: root
      ? {
          ...CAPABILITIES,
          workspace: { ...CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } },
        }
      : CAPABILITIES,
  });
  const sync = result.capabilities.textDocumentSync;
  const kind = typeof sync === 'number' ? sync : sync?.change;
  s.notify('initialized', {});
  s.notify('workspace/didChangeConfiguration', { settings: spec.sections });
  await configured;
  return { s, initMs: at - s.spawnedAt, incremental: kind === 2 };
}

/** What a session does: keystrokes of each kind (an even number: every digit typed is taken out again) and requests of each kind. */
export interface Plan {
  keystrokes: { cellFinding: number; cellQuiet: number; text: number };
  requests: number;
}

/** The rows an editor session adds samples to, in the order they are printed. */
export const SESSION_ROWS = [
  'initialize',
  'didOpen',
  'first keystroke after didOpen (cell, findings change)',
  'keystroke: cell, findings change',
  'keystroke: cell, no finding changes',
  'keystroke: text',
  "codeAction: cursor's line",
  'codeAction: whole document',
  'hover',
  'documentSymbol',
  'round trip (unknown request)',
  'shutdown',
] as const;
export type SessionRow = (typeof SESSION_ROWS)[number];

/** Where a digit typed into a cell of table 三 breaks the row's sum: before 本年新收…'s first cell (67 → 167, then 267…). */
function findingCell(text: string): number {
  const at = text.indexOf('本年新收政府信息公开申请数量:');
  if (at < 0) throw new Error('本年新收政府信息公开申请数量 not in the input');
  return text.indexOf('[', at) + 1;
}

/** Where a digit changes no finding: the end of 行政规范性文件's row (81 → 811, then 812…), which takes part in no identity. */
function quietCell(text: string): number {
  const at = text.indexOf('行政规范性文件: [');
  if (at < 0) throw new Error('行政规范性文件 not in the input');
  return text.indexOf(']', at);
}

/** The digit of the `i`th keystroke into a cell: 1 first, then 2 to 9 and 1 again, in turn. */
const nextDigit = (i: number) => String((i % 9) + 1);

const messages = (diagnostics: any[]) => JSON.stringify(diagnostics.map((d) => [d.code, d.message]).sort());

/**
 * One fresh server process, one document: initialize, didOpen, then keystrokes with no pause
 * for warming up (the first one after didOpen is its own row), then requests, then shutdown.
 * `checkFindings`: fail unless the cell keystrokes meant to change findings change them.
 */
export async function editorSession(
  spec: ServerSpec,
  name: string,
  text: string,
  plan: Plan,
  checkFindings: boolean,
  inFolder?: { folder: string; file: string },
): Promise<Record<SessionRow, number[]>> {
  const samples = Object.fromEntries(SESSION_ROWS.map((r) => [r, [] as number[]])) as Record<SessionRow, number[]>;
  const { s, initMs, incremental } = await start(spec, inFolder?.folder);
  try {
    samples.initialize.push(initMs);
    const delay = spec.validationDelayMs;
    const file = inFolder ? path.join(inFolder.folder, inFolder.file) : path.join('/bench', `${name}.report.yaml`);
    const doc = new Doc(s, spec, pathToFileURL(file).toString(), text, incremental);
    samples.didOpen.push((await doc.open()) - delay);

    // A digit typed into a cell (67 → 167), then overwritten with the next digit at each keystroke
    // (267, 367, … 967, 167, …): every keystroke changes the findings, and the cell never holds a
    // value of the last eight keystrokes, so nothing is found again as it was a keystroke before
    // (typing and deleting the same digit would give the parser the texts of two keystrokes ago).
    const cell = findingCell(doc.text);
    for (let i = 0; i < plan.keystrokes.cellFinding; i++) {
      const before = messages(doc.diagnostics);
      const took = i === 0 ? await doc.edit(cell, cell, '1') : await doc.edit(cell, cell + 1, nextDigit(i));
      if (checkFindings && messages(doc.diagnostics) === before)
        throw new Error(`${spec.name}: the keystroke in 本年新收… changed no finding`);
      samples[
        i === 0 ? 'first keystroke after didOpen (cell, findings change)' : 'keystroke: cell, findings change'
      ].push(took - delay);
    }
    // The same in a cell of no identity: 81 → 811, 812, … 819, 811, …
    const quiet = quietCell(doc.text);
    for (let i = 0; i < plan.keystrokes.cellQuiet; i++) {
      const took = i === 0 ? await doc.edit(quiet, quiet, '1') : await doc.edit(quiet, quiet + 1, nextDigit(i));
      samples['keystroke: cell, no finding changes'].push(took - delay);
    }
    // Typing at the end of a paragraph about the middle of the file: the one with this sentence.
    let at = doc.text.indexOf('。', nearest(doc.text, '其余转入下一年度办理', doc.text.length / 2)) + 1;
    for (let i = 0; i < plan.keystrokes.text; i++) {
      const ch = TYPED[i % TYPED.length];
      samples['keystroke: text'].push((await doc.edit(at, at, ch)) - delay);
      at += ch.length;
    }

    const timed = async (method: string, params: unknown) => {
      const t0 = performance.now();
      const { at: answered } = await s.request(method, params);
      return answered - t0;
    };
    const td = { uri: doc.uri };
    // What VS Code sends as the caret moves: an empty range at the caret, with the diagnostics of its line.
    const caret = positionAt(doc.text, nearest(doc.text, '办结率', doc.text.length / 2));
    const onLine = doc.diagnostics.filter((d) => d.range.start.line <= caret.line && d.range.end.line >= caret.line);
    const whole = { start: { line: 0, character: 0 }, end: positionAt(doc.text, doc.text.length) };
    // One series after the other, as an editor asks: the caret's line again and again as it
    // moves, a whole document rarely (a request that large leaves garbage for the next to collect).
    for (let i = 0; i < plan.requests; i++)
      samples["codeAction: cursor's line"].push(
        await timed('textDocument/codeAction', {
          textDocument: td,
          range: { start: caret, end: caret },
          context: { diagnostics: onLine, triggerKind: 2 },
        }),
      );
    for (let i = 0; i < plan.requests; i++) {
      samples['codeAction: whole document'].push(
        await timed('textDocument/codeAction', {
          textDocument: td,
          range: whole,
          context: { diagnostics: doc.diagnostics, triggerKind: 2 },
        }),
      );
    }
    const hoverAt = positionAt(doc.text, doc.text.indexOf('  部分公开:') + 4);
    for (let i = 0; i < plan.requests; i++)
      samples.hover.push(await timed('textDocument/hover', { textDocument: td, position: hoverAt }));
    for (let i = 0; i < plan.requests; i++)
      samples.documentSymbol.push(await timed('textDocument/documentSymbol', { textDocument: td }));
    // The floor of any request: one the server does not know, answered with an error at once.
    for (let i = 0; i < plan.requests; i++) {
      const t0 = performance.now();
      const answered = await s.request('bench/unknownRequest', {}).then(
        (r) => r.at,
        () => performance.now(),
      );
      samples['round trip (unknown request)'].push(answered - t0);
    }

    const t0 = performance.now();
    samples.shutdown.push((await s.shutdown()) - t0);
    return samples;
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

/**
 * "Check All Reports in Workspace" over `folder` in a fresh server: the time to its answer, the
 * files it checked, the server's peak RSS (its worker threads included) and its RSS once it
 * has answered (what the check left it holding).
 */
export async function workspaceCheck(
  spec: ServerSpec,
  folder: string,
): Promise<{ ms: number; files: number; peakRss: number | undefined; rss: number | undefined }> {
  const { s } = await start(spec, folder);
  try {
    const t0 = performance.now();
    const { at, result } = await s.request('govreport/checkWorkspace', {}, 600_000);
    const peakRss = s.peakRss();
    const rss = s.rss();
    await s.shutdown();
    return { ms: at - t0, files: (result as { files: number }).files, peakRss, rss };
  } finally {
    s.kill();
  }
}

/**
 * What the editor gets while "Check All Reports in Workspace" runs over `folder`: `file` of the
 * folder open, a hover on one of its table keys asked again as soon as each is answered until
 * the check answers; the hovers' times. Apart from `workspaceCheck`, whose time they would load.
 */
export async function hoversDuringCheck(spec: ServerSpec, folder: string, file: string): Promise<number[]> {
  const { s, incremental } = await start(spec, folder);
  try {
    const doc = new Doc(
      s,
      spec,
      pathToFileURL(path.join(folder, file)).toString(),
      readFileSync(path.join(folder, file), 'utf8'),
      incremental,
    );
    await doc.open();
    const params = {
      textDocument: { uri: doc.uri },
      position: positionAt(doc.text, doc.text.indexOf('  部分公开:') + 4),
    };
    let checked = false;
    const check = s.request('govreport/checkWorkspace', {}, 600_000).then(() => (checked = true));
    const times: number[] = [];
    while (!checked) {
      const t0 = performance.now();
      const { at } = await s.request('textDocument/hover', params);
      times.push(at - t0);
    }
    await check;
    await s.shutdown();
    return times;
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
