/**
 * "Check All Reports in Workspace" (and a folder from the Explorer): every report file of the
 * folders checked without being opened, its findings published as diagnostics so that the
 * Problems panel lists them and the Explorer marks the files. The reports are one batch: each
 * is compared with the other organs' reports of the same year (copied-across-organs), with
 * its config file and last year's report, as `govreport check FOLDER` does. Open documents
 * are checked as they stand in the editor, with the batch's peers too.
 *
 * The batch is checked in worker threads, as the CLI checks it (shared/batchCheck.ts): the
 * files are read here, between yields to the event loop, and parsed and checked there, with
 * last year's report among them; their heaps go when the check ends, and the editor's requests
 * are answered meanwhile. It can be cancelled. Once run, the batch is kept current: a report
 * file created, changed or deleted, a config or settings change, checks it again in the
 * background; a document closed gets its file's diagnostics back.
 */
import { fileURLToPath } from 'node:url';
import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver';
import { type CheckOptions, checkReport, type Finding, lastYearKey, LineIndex, parseReport, type Peer } from '../core';
import { type BatchOutcome, type BatchText, checkBatch, workersFor } from '../shared/batchCheck';
import { toDiagnostic } from '../shared/convert';
import { CHECK_WORKSPACE_REQUEST, type CheckWorkspaceParams, type CheckWorkspaceResult } from '../shared/protocol';
import { readText } from '../shared/readFile';
import type { ServerContext } from './context';
import type { PreviousYearFinder } from './previousYear';
import { reportFiles, type FileEntry } from './workspaceFiles';

/** Files read or published between two yields to the event loop. */
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
  /** The reports checked: the closed ones' diagnostics published by the batch, the open ones' by the validator. */
  reports: Set<string>;
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
    if (this.batch?.reports.has(uri)) this.changed();
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
    const abort = new AbortController();
    // A token cancelled before the request ran never fires its event.
    if (token?.isCancellationRequested) abort.abort();
    const cancel = token?.onCancellationRequested(() => abort.abort());
    try {
      const entries = reportFiles(folders);
      // The files as read (open documents as they stand in the editor), in the order of `entries`.
      const read: { entry: FileEntry; open: boolean }[] = [];
      const texts: BatchText[] = [];
      const readAll = async (): Promise<BatchText[]> => {
        for (const [i, entry] of entries.entries()) {
          if (i % SLICE === 0) {
            await yieldNow();
            abort.signal.throwIfAborted();
            progress?.report(
              Math.round((i / entries.length) * 20),
              t ? `Reading ${i}/${entries.length}` : `正在读取 ${i}/${entries.length}`,
            );
          }
          const doc = this.ctx.documents.get(entry.uri);
          const r = doc
            ? { ok: true as const, text: doc.getText(), encoding: 'UTF-8' }
            : readText(entry.file, 'en', false);
          if (!r.ok) {
            this.notChecked(r.error);
            result.skipped++;
            continue;
          }
          texts.push({
            file: entry.file,
            text: r.text,
            encoding: r.encoding,
            options: this.deps.optionsFor(entry.uri),
          });
          read.push({ entry, open: !!doc });
        }
        return texts;
      };
      const outcome = await checkBatch(readAll, {
        // Off the editor's thread even for a few files; none for none.
        workers: entries.length ? Math.max(1, workersFor(entries.length)) : 0,
        locale: 'en',
        details: false,
        signal: abort.signal,
        progress: (done, total) =>
          progress?.report(
            20 + Math.round((done / total) * 75),
            t ? `Checking ${done}/${total}` : `正在检查 ${done}/${total}`,
          ),
      });
      const { results, peers } = outcome;
      const previous = this.batch;
      this.batch = { folders, peers, reports: new Set() };
      this.generation++;
      this.sayNotChecked(outcome);
      // Last year's report of a report without one in the batch may be outside it (a folder
      // checked from the Explorer, a document open from elsewhere): found as the editor finds it.
      const outside = this.deps.previousYear.keysOutside(new Set(read.map((x) => x.entry.uri)));
      // Each closed report's findings published; the open ones through the validator, with the batch's peers.
      for (const [i, { entry, open }] of read.entries()) {
        if (i % SLICE === 0) {
          await yieldNow();
          if (abort.signal.aborted) return cancelled(result);
        }
        const r = results[i];
        if (!('peer' in r)) {
          result.skipped++;
          continue;
        }
        result.files++;
        let findings: readonly Finding[];
        if (open) {
          const doc = this.ctx.documents.get(entry.uri);
          if (!doc) continue;
          this.deps.validate(entry.uri);
          findings = this.ctx.store.get(doc).findings;
        } else {
          const key = outcome.previous[i] === undefined ? lastYearKey(r) : undefined;
          findings =
            key !== undefined && outside.has(key)
              ? this.check(entry, texts[i].text, texts[i].encoding, peers)
              : this.publish(entry.uri, new LineIndex(texts[i].text), r.findings);
        }
        // An open one closed later has its file's findings published again (`closed`).
        this.batch.reports.add(entry.uri);
        for (const f of findings) {
          if (f.severity === 'error') result.errors++;
          else if (f.severity === 'warning') result.warnings++;
          else result.information++;
        }
      }
      // Files of the last batch that are gone (or no longer reports) lose their diagnostics.
      for (const uri of previous?.reports ?? [])
        if (!this.batch.reports.has(uri) && !this.ctx.documents.get(uri))
          void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
      // Open documents outside the folders checked are compared with the new batch too.
      for (const doc of this.ctx.documents.all())
        if (!read.some((x) => x.entry.uri === doc.uri)) this.deps.validate(doc.uri);
      return result;
    } catch (e) {
      if (abort.signal.aborted) return cancelled(result);
      this.ctx.connection.console.error(
        `govreport: checking the workspace failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
      throw e;
    } finally {
      cancel?.dispose();
      progress?.done();
    }
  }

  /**
   * Files not checked, said once each: refused by the parse (and then not used as last year's
   * report where their lines made them one), or their check failed.
   */
  private sayNotChecked({ results, guessed }: BatchOutcome): void {
    const lastYears = new Set(guessed);
    results.forEach((r, i) => {
      if ('failed' in r) this.ctx.connection.console.error(`govreport: checking ${r.failed}`);
      if (!('refused' in r)) return;
      this.notChecked(r.refused);
      if (lastYears.has(i)) this.ctx.connection.console.warn(`govreport: not used as last year's report: ${r.refused}`);
    });
  }

  /** A closed report's findings published as its diagnostics. */
  private publish(uri: string, lines: LineIndex, findings: readonly Finding[]): readonly Finding[] {
    const locale = this.ctx.locale();
    void this.ctx.connection.sendDiagnostics({
      uri,
      diagnostics: findings.map((f) => toDiagnostic(f, lines, locale, uri)),
    });
    return findings;
  }

  /** A closed report checked here, with last year's report as the editor finds it, and its diagnostics published. */
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
      return this.publish(entry.uri, report.lines, checkReport(report, options).findings);
    } catch (e) {
      this.ctx.connection.console.error(
        `govreport: checking ${entry.file} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
      return [];
    }
  }

  private notChecked(why: string): void {
    this.ctx.connection.console.warn(`govreport: not checked: ${why}`);
  }
}

function cancelled(result: CheckWorkspaceResult): CheckWorkspaceResult {
  return { ...result, cancelled: true };
}
