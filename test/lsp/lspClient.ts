/**
 * A minimal LSP client over stdio for tests: spawns the built server, frames JSON-RPC,
 * answers the server's requests (workspace/configuration) and lets tests wait for events.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const SERVER = path.resolve(__dirname, '..', '..', 'server', 'out', 'server.js');
export const ROOT = path.resolve(__dirname, '..', '..');

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  source: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: Diagnostic['range'] }; message: string }[];
  codeDescription?: { href: string };
  /** What the server keeps for its own code actions (the finding's place). */
  data?: unknown;
}

export interface PublishDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

type Waiter = { test: (m: Message) => boolean; resolve: (m: Message) => void };

export class LspClient {
  private readonly proc: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private waiters: Waiter[] = [];
  /** Every notification received, in order. */
  readonly notifications: Message[] = [];
  /** Every request the server made of the client (workspace/configuration, refreshes…), in order. */
  readonly requests: Message[] = [];
  /** Settings returned for workspace/configuration requests (section `govreport`). */
  settings: unknown = {};
  /** Other configuration sections, for other servers run with this client (e.g. `yaml`). */
  sections: Record<string, unknown> = {};
  stderr = '';
  private exited = false;

  /** Runs `module` (the GovReport server unless another is given) with `args`, and Node with `nodeOptions`. */
  constructor(args: string[] = ['--stdio'], module = SERVER, nodeOptions: readonly string[] = []) {
    this.proc = spawn(process.execPath, [...nodeOptions, module, ...args], { stdio: 'pipe' });
    this.proc.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.proc.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.proc.on('exit', () => {
      this.exited = true;
      for (const p of this.pending.values()) p.reject(new Error(`server exited; stderr: ${this.stderr}`));
      this.pending.clear();
    });
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: (\d+)/i.exec(header);
      if (!m) throw new Error(`bad header: ${header}`);
      const length = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(msg: Message): void {
    if (msg.method && msg.id !== undefined) {
      this.answer(msg);
      // A request is an event too: waitFor(m => m.method === 'workspace/inlayHint/refresh').
      this.requests.push(msg);
      this.wake(msg);
      return;
    }
    if (msg.method) {
      this.notifications.push(msg);
      this.wake(msg);
      return;
    }
    const p = this.pending.get(msg.id as number);
    if (!p) return;
    this.pending.delete(msg.id as number);
    if (msg.error) p.reject(Object.assign(new Error(msg.error.message), { code: msg.error.code }));
    else p.resolve(msg.result);
  }

  private wake(msg: Message): void {
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(msg)) return true;
      w.resolve(msg);
      return false;
    });
  }

  private answer(msg: Message): void {
    let result: unknown = null;
    if (msg.method === 'workspace/configuration') {
      const items = (msg.params as { items: { section?: string }[] }).items;
      result = items.map((i) => (i.section === 'govreport' ? this.settings : (this.sections[i.section ?? ''] ?? null)));
    }
    this.write({ jsonrpc: '2.0', id: msg.id, result });
  }

  write(msg: Message): void {
    if (this.exited) return;
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  request<T = unknown>(method: string, params: unknown, timeoutMs = 10000): Promise<T> {
    return this.sent<T>(method, params, timeoutMs).answer;
  }

  /** A request and its id, which a `$/cancelRequest` names. */
  sent<T = unknown>(method: string, params: unknown, timeoutMs = 10000): { id: number; answer: Promise<T> } {
    const id = this.nextId++;
    const answer = new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer in ${timeoutMs} ms; stderr: ${this.stderr}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
    return { id, answer };
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first notification (already received or coming) that passes the test. */
  waitFor(test: (m: Message) => boolean, timeoutMs = 10000, what = 'notification'): Promise<Message> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no ${what} within ${timeoutMs} ms; stderr: ${this.stderr}`));
      }, timeoutMs);
      const waiter: Waiter = {
        test,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Waits for the diagnostics of a document version (or any version when omitted). */
  async diagnostics(uri: string, version?: number, timeoutMs = 10000): Promise<PublishDiagnostics> {
    const m = await this.waitFor(
      (n) =>
        n.method === 'textDocument/publishDiagnostics' &&
        (n.params as PublishDiagnostics).uri === uri &&
        (version === undefined || (n.params as PublishDiagnostics).version === version),
      timeoutMs,
      `diagnostics for ${uri}${version === undefined ? '' : ` v${version}`}`,
    );
    return m.params as PublishDiagnostics;
  }

  async initialize(
    options: {
      locale?: string;
      settings?: unknown;
      rootUri?: string | null;
      capabilities?: unknown;
      initializationOptions?: unknown;
    } = {},
  ): Promise<{ capabilities: Record<string, unknown> }> {
    if (options.settings !== undefined) this.settings = options.settings;
    const result = await this.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      locale: options.locale ?? 'zh-CN',
      rootUri: options.rootUri ?? null,
      workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'workspace' }] : null,
      capabilities: options.capabilities ?? {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
      initializationOptions: options.initializationOptions,
    });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1, languageId = 'govreport'): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Sends the server SIGTERM and waits for it to exit. */
  async terminate(): Promise<void> {
    if (this.exited) return;
    const exit = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    this.proc.kill('SIGTERM');
    await exit;
  }

  /** Shuts the server down politely, then makes sure the process is gone. */
  async dispose(): Promise<void> {
    if (!this.exited) {
      const exit = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
      try {
        await this.request('shutdown', null, 3000);
        this.notify('exit', null);
      } catch {
        // Already gone or hung: killed below.
      }
      const timer = setTimeout(() => this.proc.kill('SIGKILL'), 3000);
      await exit;
      clearTimeout(timer);
    }
  }
}

export function fileUri(p: string): string {
  return pathToFileURL(path.resolve(p)).toString();
}
