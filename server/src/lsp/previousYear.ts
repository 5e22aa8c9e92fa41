/**
 * Last year's report for the checks across years, in the editor: the report of the same
 * 机关 and 年度 − 1 among the open documents and the *.report.yaml / *.report.yml files of
 * the workspace folders (read with node fs; an open document wins over its file). A
 * document is re-checked when its last year's report changes, opens, closes or appears.
 */
import { fileURLToPath } from 'node:url';
import type { Connection, InitializeParams, TextDocuments } from 'vscode-languageserver';
import { DidChangeWatchedFilesNotification } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  isLastYearOf,
  lastYearKey,
  pairingKey,
  parseReport,
  parseScreenedReport,
  type PreviousReport,
  readHeader,
  type Report,
} from '../core';
import { readText, refusedError } from '../shared/readFile';
import { reportFiles, type FileEntry } from './workspaceFiles';
import type { ServerContext } from './context';

export interface FoundPrevious {
  previous: PreviousReport;
  /** Changes whenever the previous report (or which one it is) changes. */
  key: string;
}

interface Parsed {
  /** Document version or file modification stamp the report was read at. */
  stamp: string;
  report: Report;
}

interface Header {
  stamp: string;
  organ?: string;
  year?: number;
  /** Its pairing key (pairing.ts), compared with the key last year's report of a document has. */
  key?: string;
}

/** How long a walk of the folders is trusted when no file watcher tells of changes. */
const WALK_TTL_MS = 2000;
/**
 * Workspace files kept parsed, the most recently used: last year's reports of the open
 * documents, found again at every keystroke. Kept all, a folder of 1,000 reports looked at one
 * by one held some 400 MB.
 */
const FILE_REPORTS_KEPT = 16;

export class PreviousYearFinder {
  private folders: string[] = [];
  private files: FileEntry[] = [];
  private walkedAt = -Infinity;
  /** Open documents' reports, by URI. */
  private readonly parsed = new Map<string, Parsed>();
  /** Workspace files' reports, by URI, least recently used first. */
  private readonly fileReports = new Map<string, Parsed>();
  private readonly headers = new Map<string, Header>();
  /** Which previous report each document was last checked with. */
  private readonly usedBy = new Map<string, string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private watch = false;
  /** Open documents are parsed by the report store once registered: incrementally, and once for the check and this. */
  private parseOpen = (doc: TextDocument): Report => parseReport(doc.getText());
  /** Where a workspace file that is skipped is said to be (the client's output channel, once registered). */
  private log = (_message: string): void => undefined;
  /** Files already said to be skipped, by stamp: said once, not at every lookup. */
  private readonly skipped = new Map<string, string>();

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  /** What the finder holds, for the memory checks of long sessions. */
  get held(): { lastYearFiles: number } {
    return { lastYearFiles: this.fileReports.size };
  }

  /** Reads the workspace folders and whether the client can watch files for us. */
  initialize(params: InitializeParams): void {
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = uris.flatMap((u) => (u.startsWith('file:') ? [fileURLToPath(u)] : []));
    if (!uris.length && params.rootPath) this.folders = [params.rootPath];
    this.watch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.walkedAt = -Infinity;
  }

  /** The files of the workspace are to be read again (one was created, changed or deleted). */
  invalidate(): void {
    this.walkedAt = -Infinity;
  }

  find(uri: string, report: Report): FoundPrevious | undefined {
    const found = report.year !== undefined && report.organ ? this.lookUp(uri, report) : undefined;
    if (!found) {
      this.usedBy.delete(uri);
      return undefined;
    }
    this.usedBy.set(uri, found.uri);
    return { previous: { report: found.report, uri: found.uri }, key: `${found.uri}@${found.stamp}` };
  }

  /** Last year's report of `report`: an open document first, else a file of the workspace. */
  private lookUp(self: string, report: Report): { uri: string; stamp: string; report: Report } | undefined {
    const open = new Set(this.documents.keys());
    for (const uri of open) {
      if (uri === self) continue;
      const p = this.openReport(uri);
      if (p && isLastYearOf(p.report, report)) return { uri, ...p };
    }
    // The files' headers by their pairing key: at every keystroke, without normalising every organ's name again.
    const want = lastYearKey(report);
    if (want === undefined) return undefined;
    for (const entry of this.workspaceFiles()) {
      if (entry.uri === self || open.has(entry.uri)) continue;
      if (this.header(entry).key !== want) continue;
      const p = this.fileReport(entry);
      if (p && isLastYearOf(p.report, report)) return { uri: entry.uri, ...p };
    }
    return undefined;
  }

  /** Open documents whose check may depend on `uri`: they use it, or it is of their organ and the year before. */
  dependents(uri: string): string[] {
    const changed = this.openReport(uri)?.report;
    return this.documents.keys().filter((other) => {
      if (other === uri) return false;
      if (this.usedBy.get(other) === uri) return true;
      const r = this.openReport(other)?.report;
      return !!changed && !!r && isLastYearOf(changed, r);
    });
  }

  /** Wires the finder to the documents, the file watcher and the validation of dependents. */
  register(ctx: ServerContext, validate: (uri: string) => void): void {
    this.parseOpen = (doc) => ctx.store.report(doc);
    this.log = (message) => ctx.connection.console.warn(message);
    const later = (uri: string) => {
      for (const dep of this.dependents(uri)) {
        clearTimeout(this.timers.get(dep));
        this.timers.set(
          dep,
          setTimeout(() => {
            this.timers.delete(dep);
            validate(dep);
          }, ctx.settings().validate.debounceMs),
        );
      }
    };
    this.documents.onDidOpen((e) => later(e.document.uri));
    this.documents.onDidChangeContent((e) => later(e.document.uri));
    this.documents.onDidClose((e) => {
      this.parsed.delete(e.document.uri);
      this.usedBy.delete(e.document.uri);
      // It may have been saved: its file is read again.
      this.invalidate();
      // Its file (if any) stands for it now.
      for (const dep of this.documents.keys().filter((d) => this.usedBy.get(d) === e.document.uri)) validate(dep);
    });
    this.documents.onDidSave(() => this.invalidate());
  }

  /** Asks the client to tell of report files and config files created, changed or deleted (when it can). */
  watchFiles(connection: Connection): void {
    if (!this.watch) return;
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{report.yaml,report.yml}' }, { globPattern: '**/.govreport.yaml' }],
      })
      .catch(() => {
        // Not watched after all: walk again now and then.
        this.watch = false;
      });
  }

  private openReport(uri: string): Parsed | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const stamp = `v${doc.version}`;
    const cached = this.parsed.get(uri);
    if (cached?.stamp === stamp) return cached;
    const p = { stamp, report: this.parseOpen(doc) };
    this.parsed.set(uri, p);
    return p;
  }

  private header(entry: FileEntry): Header {
    const cached = this.headers.get(entry.uri);
    if (cached?.stamp === entry.stamp) return cached;
    const h: Header = { stamp: entry.stamp };
    const text = this.readFile(entry);
    if (text !== undefined) {
      // Read from the top-level lines, so that a large workspace is not parsed whole.
      const { organ, year } = readHeader(text);
      if (organ && year) Object.assign(h, { organ, year });
      else {
        // Keys written otherwise (quoted, numbered): read the file properly.
        const r = this.parseFile(entry, text);
        Object.assign(h, { organ: r?.organ, year: r?.year });
      }
    }
    h.key = pairingKey(h);
    this.headers.set(entry.uri, h);
    return h;
  }

  private fileReport(entry: FileEntry): Parsed | undefined {
    const cached = this.fileReports.get(entry.uri);
    if (cached?.stamp === entry.stamp) {
      this.keep(entry.uri, cached);
      return cached;
    }
    const text = this.readFile(entry);
    const report = text === undefined ? undefined : this.parseFile(entry, text);
    if (!report) return undefined;
    return this.keep(entry.uri, { stamp: entry.stamp, report });
  }

  /**
   * The pairing keys of the reports outside `uris` (open documents, workspace files by their
   * 机关 and 年度 lines): where last year's report of a report of a batch checked apart may be.
   */
  keysOutside(uris: ReadonlySet<string>): Set<string> {
    const keys = new Set<string>();
    const add = (key: string | undefined) => key !== undefined && keys.add(key);
    for (const uri of this.documents.keys()) {
      const p = uris.has(uri) ? undefined : this.openReport(uri);
      if (p) add(pairingKey(p.report));
    }
    for (const entry of this.workspaceFiles())
      if (!uris.has(entry.uri) && !this.documents.get(entry.uri)) add(this.header(entry).key);
    return keys;
  }

  private keep(uri: string, p: Parsed): Parsed {
    this.fileReports.delete(uri);
    this.fileReports.set(uri, p);
    if (this.fileReports.size > FILE_REPORTS_KEPT) this.fileReports.delete(this.fileReports.keys().next().value!);
    return p;
  }

  /**
   * A workspace file's text: bounded, decoded as the CLI decodes, its lines screened; undefined
   * for a file that cannot be a report. Its nesting is screened by the parse, when it is parsed
   * at all: most files are only looked at for their 机关 and 年度 lines.
   */
  private readFile(entry: FileEntry): string | undefined {
    const read = readText(entry.file, 'en', false);
    if (!read.ok) return this.skip(entry, read.error);
    if (read.encoding !== 'UTF-8') this.note(entry, `read ${entry.file} as ${read.encoding}`);
    return read.text;
  }

  /** The parse of a workspace file, which must not take the server down whatever it holds. */
  private parseFile(entry: FileEntry, text: string): Report | undefined {
    try {
      const r = parseScreenedReport(text);
      return 'refused' in r ? this.skip(entry, refusedError(entry.file, text, r.refused, 'en')) : r;
    } catch (e) {
      return this.skip(entry, `${entry.file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private skip(entry: FileEntry, why: string): undefined {
    this.note(entry, `not used as last year's report: ${why}`);
    return undefined;
  }

  private note(entry: FileEntry, message: string): void {
    if (this.skipped.get(entry.uri + message) === entry.stamp) return;
    this.skipped.set(entry.uri + message, entry.stamp);
    this.log(`govreport: ${message}`);
  }

  /**
   * The report files of the workspace folders. With a file watcher they are walked again
   * only when it tells of a change; without one, at most every WALK_TTL_MS.
   */
  private workspaceFiles(): FileEntry[] {
    const now = performance.now();
    if (this.walkedAt !== -Infinity && (this.watch || now - this.walkedAt < WALK_TTL_MS)) return this.files;
    this.files = reportFiles(this.folders);
    this.walkedAt = now;
    return this.files;
  }
}
