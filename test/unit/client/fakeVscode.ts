/**
 * Just enough of the `vscode` API to drive the preview's wiring in a unit test: commands,
 * a webview panel that records its HTML and messages, text documents and editors, events.
 * Installed as the `vscode` module before the preview code is loaded.
 */
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';

const ZH_BUNDLE = JSON.parse(
  readFileSync(path.join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'),
) as Record<string, string>;

type Listener<T> = (e: T) => unknown;

export class Emitter<T> {
  private listeners: Listener<T>[] = [];
  event = (l: Listener<T>) => {
    this.listeners.push(l);
    return { dispose: () => (this.listeners = this.listeners.filter((x) => x !== l)) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(p: string): Uri {
    return new Uri('file', p);
  }
  static parse(s: string): Uri {
    const m = /^(\w+):\/\/(.*)$/.exec(s);
    if (!m) throw new Error(`not a URI: ${s}`);
    return new Uri(m[1], m[2]);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, path.posix.join(base.path, ...parts));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  constructor(
    readonly start: Position,
    readonly end: Position,
  ) {}
}

export class FakeDocument {
  version = 1;
  readonly languageId = 'govreport';
  constructor(
    readonly uri: Uri,
    private text: string,
  ) {}
  get fileName(): string {
    return this.uri.fsPath;
  }
  getText(): string {
    return this.text;
  }
  get lineCount(): number {
    return this.text.split('\n').length;
  }
  setText(text: string): void {
    this.text = text;
    this.version++;
  }
  positionAt(offset: number): Position {
    const before = this.text.slice(0, offset).split('\n');
    return new Position(before.length - 1, before[before.length - 1].length);
  }
  offsetAt(p: Position): number {
    const lines = this.text.split('\n');
    return lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  }
}

export interface Posted {
  type: string;
  seq?: number;
  uri?: string;
  body?: string;
  offset?: number;
  line?: number;
}

export class FakeWebview {
  html = '';
  options: unknown;
  readonly cspSource = 'https://fake.vscode-resource';
  readonly posted: Posted[] = [];
  readonly postEvent = new Emitter<Posted>();
  readonly received = new Emitter<unknown>();
  onDidReceiveMessage = this.received.event;
  asWebviewUri(uri: Uri): Uri {
    return Uri.parse(`https://fake.vscode-resource${uri.path}`);
  }
  postMessage(m: Posted): Promise<boolean> {
    this.posted.push(m);
    this.postEvent.fire(m);
    return Promise.resolve(true);
  }
  /** The first message (already posted or to come) that matches, or a failure after `ms`. */
  next(match: (m: Posted) => boolean, ms = 5000): Promise<Posted> {
    const found = this.posted.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        sub.dispose();
        reject(
          new Error(
            `no matching message within ${ms} ms; posted: ${JSON.stringify(this.posted.map((p) => ({ ...p, body: p.body?.length })))}`,
          ),
        );
      }, ms);
      const sub = this.postEvent.event((m) => {
        if (!match(m)) return;
        clearTimeout(timer);
        sub.dispose();
        resolve(m);
      });
    });
  }
}

export class FakePanel {
  readonly webview = new FakeWebview();
  title = '';
  iconPath: unknown;
  visible = true;
  viewColumn = 2;
  disposed = false;
  readonly viewState = new Emitter<unknown>();
  readonly disposal = new Emitter<void>();
  onDidChangeViewState = this.viewState.event;
  onDidDispose = this.disposal.event;
  constructor(
    readonly viewType: string,
    readonly showOptions: unknown,
  ) {}
  reveal(): void {}
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disposal.fire();
  }
}

export interface Fake {
  module: Record<string, unknown>;
  commands: Map<string, (...args: unknown[]) => unknown>;
  serializers: Map<string, { deserializeWebviewPanel(panel: unknown, state: unknown): Promise<void> }>;
  panels: FakePanel[];
  documents: FakeDocument[];
  shown: { doc: FakeDocument; options: { selection?: Range } }[];
  /** The ranges editors were scrolled to, and how (revealRange). */
  revealed: { range: Range; how: number }[];
  config: Record<string, unknown>;
  /** The bytes of files on "disk", by URI (workspace.fs.readFile). */
  files: Map<string, Uint8Array>;
  activeEditor: { document: FakeDocument; selection?: { active: Position } } | undefined;
  events: {
    activeEditor: Emitter<unknown>;
    change: Emitter<{ document: FakeDocument }>;
    selection: Emitter<{ textEditor: { document: FakeDocument }; selections: { active: Position }[] }>;
    visibleRanges: Emitter<{ textEditor: { document: FakeDocument }; visibleRanges: Range[] }>;
    configuration: Emitter<{ affectsConfiguration(s: string): boolean }>;
  };
}

export function fakeVscode(): Fake {
  const fake: Fake = {
    module: {},
    commands: new Map(),
    serializers: new Map(),
    panels: [],
    documents: [],
    shown: [],
    revealed: [],
    config: { 'preview.throttleMs': 0 },
    files: new Map(),
    activeEditor: undefined,
    events: {
      activeEditor: new Emitter(),
      change: new Emitter(),
      selection: new Emitter(),
      visibleRanges: new Emitter(),
      configuration: new Emitter(),
    },
  };
  const disposable = { dispose() {} };
  fake.module = {
    Uri,
    Position,
    Range,
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    TextEditorRevealType: { InCenterIfOutsideViewport: 2, AtTop: 3 },
    env: { language: 'zh-cn' },
    // As VS Code does for a zh-cn display language: the extension's bundle, then the arguments.
    l10n: {
      t: (message: string, ...args: unknown[]) =>
        (ZH_BUNDLE[message] ?? message).replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)])),
    },
    commands: {
      registerCommand: (id: string, f: (...args: unknown[]) => unknown) => {
        fake.commands.set(id, f);
        return disposable;
      },
      executeCommand: () => Promise.resolve(),
    },
    window: {
      get activeTextEditor() {
        return fake.activeEditor;
      },
      get visibleTextEditors() {
        const revealRange = (range: Range, how: number) => fake.revealed.push({ range, how });
        return fake.activeEditor ? [{ ...fake.activeEditor, viewColumn: 1, revealRange }] : [];
      },
      createWebviewPanel: (viewType: string, _title: string, showOptions: unknown) => {
        const p = new FakePanel(viewType, showOptions);
        fake.panels.push(p);
        return p;
      },
      registerWebviewPanelSerializer: (
        viewType: string,
        s: { deserializeWebviewPanel(panel: unknown, state: unknown): Promise<void> },
      ) => {
        fake.serializers.set(viewType, s);
        return disposable;
      },
      showTextDocument: (doc: FakeDocument, options: { selection?: Range }) => {
        fake.shown.push({ doc, options });
        return Promise.resolve({ document: doc, revealRange() {} });
      },
      showWarningMessage: () => Promise.resolve(undefined),
      showInformationMessage: () => Promise.resolve(undefined),
      onDidChangeActiveTextEditor: fake.events.activeEditor.event,
      onDidChangeTextEditorSelection: fake.events.selection.event,
      onDidChangeTextEditorVisibleRanges: fake.events.visibleRanges.event,
    },
    workspace: {
      getConfiguration: () => ({
        get: (key: string, fallback?: unknown) => (key in fake.config ? fake.config[key] : fallback),
      }),
      openTextDocument: (uri: Uri) => {
        const doc = fake.documents.find((d) => d.uri.toString() === uri.toString());
        return doc ? Promise.resolve(doc) : Promise.reject(new Error(`no document ${uri.toString()}`));
      },
      onDidChangeTextDocument: fake.events.change.event,
      onDidChangeConfiguration: fake.events.configuration.event,
      fs: {
        readFile: (uri: Uri) => {
          const bytes = fake.files.get(uri.toString());
          return bytes ? Promise.resolve(bytes) : Promise.reject(new Error(`no file ${uri.toString()}`));
        },
      },
    },
  };
  return fake;
}

/** Makes `require('vscode')` return the fake (the preview modules are loaded after this). */
export function installVscode(fake: Fake): void {
  const m = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = m._load;
  m._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? fake.module : load.call(this, request, ...rest);
  };
}
