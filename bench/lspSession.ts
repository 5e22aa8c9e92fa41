/**
 * A language server driven over stdio the way an editor drives it, with every message
 * stamped on arrival so that a phase can be timed from the request to the answer or to the
 * notification it causes.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: any;
  result?: any;
  error?: { code: number; message: string };
}

interface Waiter {
  test: (m: Message) => boolean;
  resolve: (at: number, m: Message) => void;
}

export class LspSession {
  readonly proc: ChildProcessWithoutNullStreams;
  /** performance.now() when the process was spawned. */
  readonly spawnedAt: number;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (at: number, result: unknown) => void; reject: (e: Error) => void }
  >();
  private waiters: Waiter[] = [];
  private readonly listeners = new Map<string, (params: any) => void>();
  private stderr = '';
  private exited = false;

  /** `sections` answers workspace/configuration by section name; `nodeArgs` go to node, `args` to the server. */
  constructor(
    module: string,
    private readonly sections: Record<string, unknown>,
    nodeArgs: string[] = [],
    args: string[] = [],
  ) {
    this.spawnedAt = performance.now();
    this.proc = spawn(process.execPath, [...nodeArgs, module, ...args, '--stdio'], { stdio: 'pipe' });
    this.proc.stdout.on('data', (chunk: Buffer) => this.receive(performance.now(), chunk));
    this.proc.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.proc.on('exit', () => {
      this.exited = true;
      for (const p of this.pending.values()) p.reject(new Error(`server exited; stderr: ${this.stderr.slice(-2000)}`));
      this.pending.clear();
    });
  }

  get pid(): number {
    return this.proc.pid!;
  }

  /** Peak resident set size of the server process so far, in bytes (Linux /proc). */
  peakRss(): number | undefined {
    return this.status('VmHWM');
  }

  /** Resident set size of the server process now, in bytes. */
  rss(): number | undefined {
    return this.status('VmRSS');
  }

  private status(field: 'VmHWM' | 'VmRSS'): number | undefined {
    try {
      const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  private receive(at: number, chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const m = /Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'));
      if (!m) throw new Error('bad header');
      const end = headerEnd + 4 + Number(m[1]);
      if (this.buffer.length < end) return;
      const msg = JSON.parse(this.buffer.subarray(headerEnd + 4, end).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(end);
      this.dispatch(at, msg);
    }
  }

  private dispatch(at: number, msg: Message): void {
    if (msg.method !== undefined && msg.id !== undefined) {
      let result: unknown = null;
      if (msg.method === 'workspace/configuration')
        result = (msg.params.items as { section?: string }[]).map((i) => this.sections[i.section ?? ''] ?? null);
      this.write({ jsonrpc: '2.0', id: msg.id, result });
    }
    if (msg.method !== undefined) {
      this.listeners.get(msg.method)?.(msg.params);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(msg)) return true;
        w.resolve(at, msg);
        return false;
      });
      return;
    }
    const p = this.pending.get(msg.id as number);
    if (!p) return;
    this.pending.delete(msg.id as number);
    if (msg.error) p.reject(new Error(msg.error.message));
    else p.resolve(at, msg.result);
  }

  private write(msg: Message): void {
    if (this.exited) return;
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  /** Sends a request; resolves with the answer and the time it arrived. */
  request<T = any>(method: string, params: unknown, timeoutMs = 60_000): Promise<{ result: T; at: number }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer in ${timeoutMs} ms; stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (at, result) => {
          clearTimeout(timer);
          resolve({ result: result as T, at });
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  /** Calls `fn` with the params of every `method` notification from now on. */
  on(method: string, fn: (params: any) => void): void {
    this.listeners.set(method, fn);
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** A promise of the next message from the server (notification or request) that passes `test`, and when it came. */
  next(test: (m: Message) => boolean, what: string, timeoutMs = 60_000): Promise<{ msg: Message; at: number }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no ${what} within ${timeoutMs} ms; stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const waiter: Waiter = {
        test,
        resolve: (at, msg) => {
          clearTimeout(timer);
          resolve({ msg, at });
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** The next publishDiagnostics for `uri`, of `version` when the server sends versions. */
  diagnostics(uri: string, version: number | undefined, what = 'diagnostics'): Promise<{ msg: Message; at: number }> {
    return this.next(
      (m) =>
        m.method === 'textDocument/publishDiagnostics' &&
        m.params.uri === uri &&
        (version === undefined || m.params.version === version),
      `${what} of ${uri}`,
    );
  }

  /** Shuts down politely; resolves with the time the shutdown answer came. */
  async shutdown(): Promise<number> {
    const exit = new Promise<void>((resolve) => (this.exited ? resolve() : this.proc.once('exit', () => resolve())));
    const { at } = await this.request('shutdown', null, 10_000);
    this.notify('exit', null);
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
    await exit;
    clearTimeout(timer);
    return at;
  }

  kill(): void {
    if (!this.exited) this.proc.kill('SIGKILL');
  }
}
