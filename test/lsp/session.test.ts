/**
 * The server over a long, badly behaved session: unknown methods, malformed messages,
 * out-of-order and reused versions, edits past the end of the document, cancelled requests
 * and a client that goes away. It must keep answering, never leave the squiggles of an old
 * text, and exit cleanly when its client is gone.
 */
import assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { check } from '../../server/src/core/check';
import { toDiagnostic } from '../../server/src/shared/convert';
import { LspClient, ROOT, SERVER, fileUri, type PublishDiagnostics } from './lspClient';

const EXAMPLE = readFileSync(path.join(ROOT, 'examples', 'lvliang-2024.report.yaml'), 'utf8');

interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

const frame = (m: unknown) => {
  const body = Buffer.from(JSON.stringify(m), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
};

/**
 * The server at the level of the wire: several messages in one write (so they arrive
 * together), raw bytes, and the process itself. Answers the server's own requests with null.
 */
class Wire {
  readonly proc: ChildProcess;
  readonly received: Message[] = [];
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: string | null }>;
  private buffer = Buffer.alloc(0);
  private waiters: { test: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  private id = 1;

  constructor(args: string[] = ['--stdio']) {
    this.proc = spawn(process.execPath, [SERVER, ...args], { stdio: 'pipe' });
    this.exited = new Promise((resolve) => this.proc.once('exit', (code, signal) => resolve({ code, signal })));
    this.proc.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
    this.proc.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.proc.stdin!.on('error', () => undefined);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const m = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(end + 4 + length);
      if (m.method && m.id !== undefined) this.send({ jsonrpc: '2.0', id: m.id, result: null });
      this.received.push(m);
      this.waiters = this.waiters.filter((w) => !(w.test(m) && (w.resolve(m), true)));
    }
  }

  /** Writes the messages (or raw bytes) in one chunk. */
  send(...messages: (Message | Buffer)[]): void {
    this.proc.stdin!.write(Buffer.concat(messages.map((m) => (Buffer.isBuffer(m) ? m : frame(m)))));
  }

  request(method: string, params: unknown): Message {
    return { jsonrpc: '2.0', id: `r${this.id++}`, method, params };
  }

  notification(method: string, params: unknown): Message {
    return { jsonrpc: '2.0', method, params };
  }

  /** The first message, received already or later, that passes the test. */
  waitFor(test: (m: Message) => boolean, what: string, timeoutMs = 15_000): Promise<Message> {
    const seen = this.received.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ${what} within ${timeoutMs} ms; stderr: ${this.stderr}`)),
        timeoutMs,
      );
      this.waiters.push({ test, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  answer(req: Message): Promise<Message> {
    return this.waitFor((m) => m.id === req.id && m.method === undefined, `answer to ${req.method}`);
  }

  async call(method: string, params: unknown): Promise<Message> {
    const req = this.request(method, params);
    this.send(req);
    return this.answer(req);
  }

  /** Diagnostics published after the `from`-th message for a document version. */
  diagnostics(uri: string, version: number, from = 0): Promise<PublishDiagnostics> {
    const test = (m: Message) =>
      m.method === 'textDocument/publishDiagnostics' &&
      (m.params as PublishDiagnostics).uri === uri &&
      (m.params as PublishDiagnostics).version === version;
    const late = this.received.slice(from).find(test);
    return late
      ? Promise.resolve(late.params as PublishDiagnostics)
      : this.waitFor((m) => test(m) && this.received.indexOf(m) >= from, `diagnostics ${uri} v${version}`).then(
          (m) => m.params as PublishDiagnostics,
        );
  }

  /** The last diagnostics published for a document. */
  lastDiagnostics(uri: string): PublishDiagnostics | undefined {
    const all = this.received.filter(
      (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as PublishDiagnostics).uri === uri,
    );
    return all[all.length - 1]?.params as PublishDiagnostics | undefined;
  }

  async initialize(processId: number | null = process.pid): Promise<void> {
    const init = this.request('initialize', {
      processId,
      rootUri: null,
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: { settings: { validate: { debounceMs: 0 } } },
    });
    this.send(init);
    await this.answer(init);
    this.send(this.notification('initialized', {}));
  }

  open(uri: string, text: string, version: number): Message {
    return this.notification('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): Message {
    return this.notification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  async dispose(): Promise<void> {
    if (this.proc.exitCode === null && this.proc.signalCode === null) {
      this.send(this.request('shutdown', null));
      this.send(this.notification('exit', null));
      const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
      await this.exited;
      clearTimeout(timer);
    }
  }
}

/** The diagnostics the server must publish for a text. */
function expected(uri: string, text: string) {
  const r = check(text);
  return r.findings.map((f) => toDiagnostic(f, r.report.lines, 'zh-CN', uri));
}

const strip = (ds: PublishDiagnostics['diagnostics']) =>
  ds.map((d) => ({ code: d.code, range: d.range, message: d.message }));
const sameAs = (got: PublishDiagnostics, uri: string, text: string) =>
  assert.deepEqual(strip(got.diagnostics), strip(expected(uri, text) as PublishDiagnostics['diagnostics']));

const small = (organ: string) => `格式: 2021\n机关: ${organ}\n年度: 2024\n`;

describe('a long and badly behaved session', () => {
  let wire: Wire;
  before(async () => {
    wire = new Wire();
    await wire.initialize();
  });
  after(() => wire.dispose());

  it('answers unknown requests with MethodNotFound and ignores unknown notifications', async () => {
    for (const method of [
      'govreport/noSuchThing',
      'textDocument/noSuchThing',
      '$/noSuchThing',
      'govreport/debug/memory',
    ]) {
      const answer = await wire.call(method, {});
      assert.equal(answer.error?.code, -32601, `${method}: ${JSON.stringify(answer)}`);
    }
    wire.send(wire.notification('govreport/noSuchThing', { x: 1 }), wire.notification('$/noSuchThing', null));
    const uri = fileUri('unknown.report.yaml');
    wire.send(wire.open(uri, EXAMPLE, 1));
    sameAs(await wire.diagnostics(uri, 1), uri, EXAMPLE);
  });

  it('survives malformed messages and parameters', async () => {
    const uri = fileUri('malformed.report.yaml');
    const body = Buffer.from('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{', 'utf8');
    wire.send(
      wire.notification('textDocument/didOpen', null),
      wire.notification('textDocument/didOpen', { textDocument: { uri } }),
      wire.notification('textDocument/didChange', {
        textDocument: { uri: fileUri('never-opened.report.yaml'), version: 2 },
        contentChanges: [{ text: 'x' }],
      }),
      wire.notification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: null }],
      }),
      wire.notification('textDocument/didClose', { textDocument: { uri: fileUri('never-opened.report.yaml') } }),
      Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]),
    );
    for (const [method, params] of [
      ['textDocument/hover', null],
      [
        'textDocument/hover',
        { textDocument: { uri: fileUri('never-opened.report.yaml') }, position: { line: 0, character: 0 } },
      ],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: null }],
      ['textDocument/completion', { textDocument: {}, position: { line: -1, character: 'x' } }],
      ['textDocument/documentSymbol', {}],
    ] as const) {
      const answer = await wire.call(method, params);
      assert.ok(answer.error === undefined || typeof answer.error.code === 'number', `${method} answered`);
    }
    wire.send(wire.open(uri, EXAMPLE, 3));
    sameAs(await wire.diagnostics(uri, 3), uri, EXAMPLE);
  });

  it('checks the text it has, whatever order the versions come in', async () => {
    const uri = fileUri('versions.report.yaml');
    const doc = TextDocument.create(uri, 'govreport', 1, small('一'));
    wire.send(wire.open(uri, doc.getText(), 1));
    sameAs(await wire.diagnostics(uri, 1), uri, doc.getText());
    // Out of order: version 5, then 3, then 4. Each is applied as it comes.
    let from = wire.received.length;
    for (const [version, organ] of [
      [5, '五'],
      [3, '三'],
      [4, '四'],
    ] as const) {
      wire.send(wire.change(uri, version, [{ text: small(organ) + '未知键: 1\n'.repeat(version) }]));
    }
    const last = small('四') + '未知键: 1\n'.repeat(4);
    sameAs(await wire.diagnostics(uri, 4, from), uri, last);
    // A version number used again for another text is checked again.
    from = wire.received.length;
    wire.send(wire.change(uri, 4, [{ text: EXAMPLE }]));
    sameAs(await wire.diagnostics(uri, 4, from), uri, EXAMPLE);
    // Opened again without a close, with an old version number and another text.
    from = wire.received.length;
    wire.send(wire.open(uri, small('再'), 1));
    sameAs(await wire.diagnostics(uri, 1, from), uri, small('再'));
    // What the other features see is the new text too.
    const symbols = await wire.call('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      (symbols.result as { name: string }[]).map((s) => s.name),
      ['格式', '机关', '年度'],
    );
  });

  it('applies edits with ranges past the end, reversed or inside a line break as the client would', async () => {
    const uri = fileUri('ranges.report.yaml');
    let doc = TextDocument.create(uri, 'govreport', 1, EXAMPLE.replace(/\n/g, '\r\n'));
    wire.send(wire.open(uri, doc.getText(), 1));
    await wire.diagnostics(uri, 1);
    const pos = (line: number, character: number) => ({ line, character });
    const edits: TextDocumentContentChangeEvent[][] = [
      [{ range: { start: pos(1_000_000, 5), end: pos(2_000_000, 0) }, text: '\n附加: 1' }],
      [{ range: { start: pos(3, 1_000_000), end: pos(3, 2_000_000) }, text: ' # 注' }],
      [{ range: { start: pos(8, 4), end: pos(6, 0) }, text: '' }],
      [{ range: { start: pos(2, 0), end: pos(2, 999) }, text: '机关: 改\r' }],
      [{ range: { start: pos(-1, -1), end: pos(0, 0) }, text: '# 头\n' }],
      [{ range: { start: pos(0, 0), end: pos(1_000_000, 0) }, text: EXAMPLE }],
    ];
    let version = 1;
    for (const changes of edits) {
      version++;
      doc = TextDocument.update(doc, changes, version);
      const from = wire.received.length;
      wire.send(wire.change(uri, version, changes));
      sameAs(await wire.diagnostics(uri, version, from), uri, doc.getText());
    }
    assert.equal(doc.getText(), EXAMPLE);
  });

  it('honours $/cancelRequest for the expensive requests', async () => {
    const uri = fileUri('cancel.report.yaml');
    const big = Array.from({ length: 150 }, (_, i) => EXAMPLE.replace(/^([^\s#])/gm, `$1${i}`)).join('\n');
    wire.send(wire.open(uri, EXAMPLE, 1));
    await wire.diagnostics(uri, 1);
    const td = { textDocument: { uri } };
    const range = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };
    const requests = [
      wire.request('textDocument/codeAction', {
        ...td,
        range,
        context: { diagnostics: [], only: ['source.fixAll.govreport'] },
      }),
      wire.request('textDocument/codeAction', { ...td, range, context: { diagnostics: [] } }),
      wire.request('textDocument/documentSymbol', td),
      wire.request('textDocument/foldingRange', td),
      wire.request('textDocument/completion', { ...td, position: { line: 3, character: 0 } }),
      wire.request('textDocument/hover', { ...td, position: { line: 3, character: 0 } }),
      wire.request('textDocument/inlayHint', { ...td, range }),
      wire.request('textDocument/selectionRange', { ...td, positions: [{ line: 3, character: 1 }] }),
    ];
    // A change the server needs a while to check, the requests, and their cancellations, in one write:
    // by the time the server reads the requests, they are cancelled.
    wire.send(
      wire.change(uri, 2, [{ text: big }]),
      ...requests,
      ...requests.map((r) => wire.notification('$/cancelRequest', { id: r.id })),
    );
    for (const r of requests) {
      const answer = await wire.answer(r);
      assert.equal(answer.error?.code, -32800, `${r.method} is cancelled: ${JSON.stringify(answer).slice(0, 200)}`);
    }
    // Not cancelled, the same request is answered.
    const fixAll = await wire.call('textDocument/codeAction', {
      ...td,
      range,
      context: { diagnostics: [], only: ['source.fixAll.govreport'] },
    });
    assert.equal(fixAll.error, undefined);
    assert.ok(Array.isArray(fixAll.result));
  });

  it('closing leaves no squiggles, also when a check was pending', async () => {
    const uri = fileUri('closing.report.yaml');
    wire.send(
      wire.open(uri, EXAMPLE, 1),
      wire.change(uri, 2, [{ text: small('x') + '未知: 1\n' }]),
      wire.notification('textDocument/didClose', { textDocument: { uri } }),
    );
    await wire.waitFor(
      (m) =>
        m.method === 'textDocument/publishDiagnostics' &&
        (m.params as PublishDiagnostics).uri === uri &&
        (m.params as PublishDiagnostics).version === undefined,
      'the clearing diagnostics',
    );
    // Still answering afterwards, and what was closed stays clear.
    await wire.call('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.deepEqual(wire.lastDiagnostics(uri)?.diagnostics, []);
  });

  it('never wrote a stack trace', () => {
    assert.doesNotMatch(wire.stderr, /^[ \t]+at /m);
  });
});

describe('a client that goes away', () => {
  const exitsCleanly = async (
    server: { exited: Promise<{ code: number | null; signal: string | null }>; stderr: string },
    what: string,
  ) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: the server is still running`)), 20_000)),
    );
    const { code, signal } = await Promise.race([server.exited, timeout]);
    clearTimeout(timer);
    // 0 after a shutdown request, 1 without one (the LSP's rule), never a signal or a crash.
    assert.equal(signal, null, what);
    assert.ok(code === 0 || code === 1, `${what}: exit code ${code}`);
    assert.doesNotMatch(server.stderr, /Error|^[ \t]+at /m, what);
  };

  it('exits when its input closes', async () => {
    const wire = new Wire();
    await wire.initialize();
    wire.send(wire.open(fileUri('gone.report.yaml'), EXAMPLE, 1));
    await wire.diagnostics(fileUri('gone.report.yaml'), 1);
    wire.proc.stdin!.end();
    await exitsCleanly(wire, 'stdin closed');
  });

  it('exits when the process that started it is gone', async () => {
    const parent = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const wire = new Wire();
    try {
      await wire.initialize(parent.pid!);
      parent.kill('SIGKILL');
      await exitsCleanly(wire, 'parent killed');
    } finally {
      parent.kill('SIGKILL');
      await wire.dispose();
    }
  });

  it('exits when its IPC channel is cut (how VS Code runs it)', async () => {
    const child: ChildProcess = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const server = {
      exited: new Promise<{ code: number | null; signal: string | null }>((resolve) =>
        child.once('exit', (code, signal) => resolve({ code, signal })),
      ),
      stderr: '',
    };
    child.stderr!.on('data', (c: Buffer) => (server.stderr += c.toString()));
    const answered = new Promise<unknown>((resolve) => child.on('message', resolve));
    child.send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { processId: process.pid, rootUri: null, capabilities: {} },
    });
    await answered;
    child.disconnect();
    await exitsCleanly(server, 'IPC disconnected');
  });
});

describe('a hostile workspace', () => {
  it("does not read a report file too large to be one (last year's report is looked for among them)", async () => {
    const fixtures = path.join(ROOT, 'test', 'fixtures', 'crossyear');
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-ws-'));
    copyFileSync(path.join(fixtures, 'ziranziyuan-2024.report.yaml'), path.join(dir, 'ziranziyuan-2024.report.yaml'));
    const lastYear = readFileSync(path.join(fixtures, 'ziranziyuan-2023.report.yaml'), 'utf8');
    const cross = (ds: PublishDiagnostics['diagnostics']) => ds.filter((d) => d.code.startsWith('cross-year-')).length;
    const diagnostics = async () => {
      const client = new LspClient();
      try {
        await client.initialize({ rootUri: fileUri(dir), settings: { validate: { debounceMs: 0 } } });
        const uri = fileUri(path.join(dir, 'ziranziyuan-2024.report.yaml'));
        client.open(uri, readFileSync(path.join(dir, 'ziranziyuan-2024.report.yaml'), 'utf8'), 1);
        return (await client.diagnostics(uri, 1, 30_000)).diagnostics;
      } finally {
        await client.dispose();
      }
    };
    writeFileSync(path.join(dir, 'ziranziyuan-2023.report.yaml'), lastYear);
    assert.ok(cross(await diagnostics()) > 0, "last year's report of ordinary size is read");
    // The same report with 17 MB of comment after it.
    writeFileSync(
      path.join(dir, 'ziranziyuan-2023.report.yaml'),
      lastYear + ('#' + ' '.repeat(1023) + '\n').repeat(17 * 1024),
    );
    assert.equal(cross(await diagnostics()), 0);
  });
});
