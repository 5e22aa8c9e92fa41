/**
 * "Check All Reports in Workspace" (and a folder from the Explorer): every report file of the
 * folders checked without being opened, its findings published as diagnostics so that the
 * Problems panel lists them and the Explorer marks the files. The reports are one batch: each
 * is compared with the other organs' reports of the same year (copied-across-organs), with
 * its config file and last year's report, as `govreport check FOLDER` does. Open documents
 * are checked as they stand in the editor, with the batch's peers too.
 *
 * Two passes keep memory to one parsed report at a time: the first reads each file and keeps
 * its text and its peer (organ, year, sentences), the second parses and checks each, an
 * organ's reports year by year, each handed on as next year's last year's report. The
 * work yields to the event loop between files, so the editor's requests are answered
 * meanwhile, and it can be cancelled. Once run, the batch is kept current: a report file
 * created, changed or deleted, a config or settings change, checks it again in the
 * background; a document closed gets its file's diagnostics back.
 */
import { fileURLToPath } from 'node:url';
import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver';
import {
  byOrganAndYear,
  type CheckOptions,
  checkReport,
  type Finding,
  parseReport,
  parseScreenedReport,
  type Peer,
  peerOf,
  type Report,
} from '../core';
import { toDiagnostic } from '../shared/convert';
import { CHECK_WORKSPACE_REQUEST, type CheckWorkspaceParams, type CheckWorkspaceResult } from '../shared/protocol';
import { readText, refusedError } from '../shared/readFile';
import type { ServerContext } from './context';
import type { PreviousYearFinder } from './previousYear';
import { reportFiles, type FileEntry } from './workspaceFiles';

/** Files read or checked between two yields to the event loop. */
const SLICE = 8;
/** How long after a change of files the batch is checked again: saves come in bursts. */
const RERUN_MS = 300;

export interface WorkspaceCheckDeps {
  /** The settings' options with the document's config applied (without peers or last year's report). */
  optionsFor(uri: string): CheckOptions;
  previousYear: PreviousYearFinder;
  /** Checks an open document again and publishes its diagnostics. */
  validate(uri: string): void;
}

interface Batch {
  /** The folders it covers, as paths. */
  folders: string[];
  peers: Peer[];
  /** Files whose diagnostics the batch published (closed files). */
  published: Set<string>;
}

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceCheck {
  private workspaceFolders: string[] = [];
  private batch: Batch | undefined;
  private running: Promise<CheckWorkspaceResult> | undefined;
  private rerun: NodeJS.Timeout | undefined;
  /** Bumped when the batch changes: the options of open documents carry its peers. */
  generation = 0;

  constructor(
    private readonly ctx: ServerContext,
    private readonly deps: WorkspaceCheckDeps,
  ) {}

  initialize(folders: string[]): void {
    this.workspaceFolders = folders;
  }

  /** The batch's peers, for open documents; none before a workspace check. */
  peers(): readonly Peer[] | undefined {
    return this.batch?.peers;
  }

  register(): void {
    this.ctx.connection.onRequest(
      CHECK_WORKSPACE_REQUEST,
      async (params: CheckWorkspaceParams, token: CancellationToken): Promise<CheckWorkspaceResult> => {
        const folders = params.folders?.length
          ? params.folders.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u))
          : this.workspaceFolders;
        const progress =
          params.workDoneToken !== undefined
            ? this.ctx.connection.window.attachWorkDoneProgress(params.workDoneToken)
            : undefined;
        // One run at a time: a second request waits for the first and then runs.
        while (this.running) await this.running.catch(() => undefined);
        this.running = this.run(folders, token, progress);
        try {
          return await this.running;
        } finally {
          this.running = undefined;
        }
      },
    );
  }

  /** Report files, the config or the settings changed: check the batch again soon. */
  changed(): void {
    if (!this.batch) return;
    clearTimeout(this.rerun);
    this.rerun = setTimeout(() => {
      this.rerun = undefined;
      const batch = this.batch;
      if (!batch) return;
      if (this.running) {
        void this.running.finally(() => this.changed());
        return;
      }
      this.running = this.run(batch.folders);
      void this.running.finally(() => (this.running = undefined));
    }, RERUN_MS);
  }

  /** A document was closed: if it is a report of the batch, its file's findings stand for it again. */
  closed(uri: string): void {
    if (this.batch?.published.has(uri)) this.changed();
  }

  private async run(
    folders: string[],
    token?: CancellationToken,
    progress?: WorkDoneProgressReporter,
  ): Promise<CheckWorkspaceResult> {
    const result: CheckWorkspaceResult = {
      files: 0,
      errors: 0,
      warnings: 0,
      information: 0,
      skipped: 0,
      cancelled: false,
    };
    const t = this.ctx.locale() === 'en';
    progress?.begin('GovReport', 0, t ? 'Finding reports…' : '正在查找报告…', true);
    try {
      const entries = reportFiles(folders);
      // Pass 1: each report's text and its peer.
      const texts: {
        entry: FileEntry;
        text: string;
        encoding?: string;
        organ?: string;
        year?: number;
        open: boolean;
      }[] = [];
      const peers: Peer[] = [];
      for (const [i, entry] of entries.entries()) {
        if (i % SLICE === 0) {
          await yieldNow();
          if (token?.isCancellationRequested) return cancelled(result);
          progress?.report(
            Math.round((i / entries.length) * 30),
            t ? `Reading ${i}/${entries.length}` : `正在读取 ${i}/${entries.length}`,
          );
        }
        const doc = this.ctx.documents.get(entry.uri);
        const read = doc ? { text: doc.getText(), report: this.ctx.store.report(doc) } : this.read(entry);
        if (!read) {
          result.skipped++;
          continue;
        }
        const { report, ...rest } = read;
        texts.push({ entry, ...rest, organ: report.organ, year: report.year, open: !!doc });
        peers.push(peerOf(report, entry.uri));
      }
      const previous = this.batch;
      this.batch = { folders, peers, published: new Set() };
      this.generation++;
      // Pass 2: each closed report checked and published; the open ones through the validator.
      // An organ's reports year by year: last year's has just been parsed, and is handed on.
      for (const [i, { entry, text, encoding, open }] of byOrganAndYear(texts, (x) => x).entries()) {
        if (i % SLICE === 0) {
          await yieldNow();
          if (token?.isCancellationRequested) return cancelled(result);
          progress?.report(
            30 + Math.round((i / texts.length) * 70),
            t ? `Checking ${i}/${texts.length}` : `正在检查 ${i}/${texts.length}`,
          );
        }
        result.files++;
        let findings: readonly Finding[];
        if (open) {
          const doc = this.ctx.documents.get(entry.uri);
          if (!doc) continue;
          this.deps.validate(entry.uri);
          findings = this.ctx.store.get(doc).findings;
        } else {
          findings = this.check(entry, text, encoding, peers);
          this.batch.published.add(entry.uri);
        }
        for (const f of findings) {
          if (f.severity === 'error') result.errors++;
          else if (f.severity === 'warning') result.warnings++;
          else result.information++;
        }
      }
      // Files of the last batch that are gone (or no longer reports) lose their diagnostics.
      for (const uri of previous?.published ?? [])
        if (!this.batch.published.has(uri) && !this.ctx.documents.get(uri))
          void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
      // Open documents outside the folders checked are compared with the new batch too.
      for (const doc of this.ctx.documents.all())
        if (!texts.some((x) => x.entry.uri === doc.uri)) this.deps.validate(doc.uri);
      return result;
    } finally {
      progress?.done();
    }
  }

  /** A closed report checked from its file and its diagnostics published. */
  private check(
    entry: FileEntry,
    text: string,
    encoding: string | undefined,
    peers: readonly Peer[],
  ): readonly Finding[] {
    try {
      const report = parseReport(text);
      const found = this.deps.previousYear.find(entry.uri, report);
      const options: CheckOptions = {
        ...this.deps.optionsFor(entry.uri),
        decoding: { used: encoding },
        peers,
        ...(found ? { previous: found.previous } : {}),
      };
      const result = checkReport(report, options);
      this.deps.previousYear.offer(entry, report);
      const locale = this.ctx.locale();
      const diagnostics = result.findings.map((f) => toDiagnostic(f, report.lines, locale, entry.uri));
      void this.ctx.connection.sendDiagnostics({ uri: entry.uri, diagnostics });
      return result.findings;
    } catch (e) {
      this.ctx.connection.console.error(
        `govreport: checking ${entry.file} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
      return [];
    }
  }

  /**
   * A report file's text, bounded, decoded and screened like every file the server reads
   * itself, and its report: the nesting is screened by this parse, so the file is lexed once.
   */
  private read(entry: FileEntry): { text: string; encoding: string; report: Report } | undefined {
    const read = readText(entry.file, 'en', false);
    if (!read.ok) return this.notChecked(read.error);
    const report = parseScreenedReport(read.text);
    if ('refused' in report) return this.notChecked(refusedError(entry.file, read.text, report.refused, 'en'));
    return { text: read.text, encoding: read.encoding, report };
  }

  private notChecked(why: string): undefined {
    this.ctx.connection.console.warn(`govreport: not checked: ${why}`);
    return undefined;
  }
}

function cancelled(result: CheckWorkspaceResult): CheckWorkspaceResult {
  return { ...result, cancelled: true };
}
