/**
 * A batch of reports checked in worker threads: `govreport check` over many files, and Check
 * All Reports in Workspace in the server, which keeps the editor's thread and heap free.
 * Pairing a report with last year's needs the 机关 and 年度 of every file before any is
 * checked; the caller's thread reads them off their lines (a guess), so that each file is
 * parsed once, in the worker that checks it. Reports linked as last year's and this year's
 * go to the same worker, oldest first, and it keeps a report only until the reports that need
 * it are checked. The full parse of each file confirms its guess; a file whose last year's
 * report turns out to be another is checked again, with the right one. The worker's parse
 * also screens the file's nesting (the caller screens only its size and lines), so each file
 * is lexed once.
 *
 * Text two organs of the batch share needs every report of the batch (its peers): each
 * worker sends back the peer of each report it checked (organ, year, sentences: small), and
 * a report that shares enough with another organ's, as `acrossOrgans` finds over the peers
 * alone, is checked again with the batch's peers; for every other report that finds nothing
 * more, so its findings stand.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, parentPort } from 'node:worker_threads';
import {
  acrossOrgans,
  checkDetails,
  checkReport,
  type CheckDetails,
  type CheckOptions,
  type Finding,
  type Locale,
  parseReport,
  parseScreenedReport,
  type Peer,
  peerOf,
  type PreviousReport,
  type Report,
} from '../core';
import { Pairing, guessMeta, type Meta } from './batchPairing';
import { startWorker } from './workers';
import { readText, refusedError } from './readFile';

export interface Read extends Meta {
  report: Report;
  /** The encoding the file was read in. */
  encoding: string;
}

export function read(file: string, text: string, encoding: string): Read {
  const report = parseReport(text);
  return { file, report, year: report.year, organ: report.organ, encoding };
}

/** A file's text not screened for nesting yet (`readText` without it): read, or why it is refused. */
function readScreened(file: string, text: string, encoding: string, locale: Locale): Read | { refused: string } {
  const report = parseScreenedReport(text);
  if ('refused' in report) return { refused: refusedError(file, text, report.refused, locale) };
  return { file, report, year: report.year, organ: report.organ, encoding };
}

export const uriOf = (file: string): string => pathToFileURL(path.resolve(file)).toString();

export function asPrevious(p: Read): PreviousReport {
  return { report: p.report, uri: uriOf(p.file) };
}

/** A report checked: its findings, and what SARIF and the summary need beside them when asked for. */
export interface Checked {
  findings: Finding[];
  details?: CheckDetails;
}

/**
 * Checks a report read from a file with the options of its config (`base`), last year's
 * report if any and the peers of its batch; `details` when the output needs them (their
 * fingerprints hash every finding's text: most of their cost, which plain findings do not need).
 */
export function checkRead(
  r: Read,
  base: CheckOptions,
  previous: Read | undefined,
  peers: readonly Peer[] | undefined,
  details: boolean,
): Checked {
  const options: CheckOptions = {
    ...base,
    decoding: { used: r.encoding },
    ...(previous ? { previous: asPrevious(previous) } : {}),
    ...(peers ? { peers } : {}),
  };
  const result = checkReport(r.report, options);
  return { findings: result.findings, ...(details ? { details: checkDetails(result, options) } : {}) };
}

/** Whether the batch's peers give a report findings: whether it must be checked with them. */
export function sharesWithPeers(peer: Peer, peers: readonly Peer[], base: CheckOptions): boolean {
  return acrossOrgans(peer, peers, base.reuseThreshold).length > 0;
}

export interface WorkerData {
  /** Whether the output needs each report's details (`checkDetails`). */
  details: boolean;
  /** The --previous file, read again by each worker that needs it. */
  previous?: string;
  /** For the message of a file refused by the parse's screen. */
  locale: Locale;
}

/** One file to check: its text, and last year's report among the files checked before it here, or --previous. */
interface Job {
  index: number;
  file: string;
  text: string;
  encoding: string;
  /** The options of its config file. */
  options: CheckOptions;
  previous?: Previous;
  /** How many later jobs take this report as last year's. */
  uses: number;
}

/** A report checked again, with the batch's peers: last year's report comes with it (the worker that had it may not). */
interface Recheck {
  index: number;
  file: string;
  text: string;
  encoding: string;
  options: CheckOptions;
  previous?: { file: string; text: string; encoding: string } | 'explicit';
}

type ToWorker =
  | { type: 'check'; jobs: Job[] }
  | { type: 'peers'; peers: Peer[] }
  | { type: 'recheck'; jobs: Recheck[] }
  | { type: 'done' };
interface WorkerResult extends Checked {
  year?: number;
  organ?: string;
  peer: Peer;
}

/** A file the parse refused (too deeply nested): why, at its position. */
interface Refused {
  refused: string;
}

/** A file whose check threw (a bug): the file and the stack, in place of its findings. */
interface Failed {
  failed: string;
}

/** What became of a file of the batch. */
export type BatchResult = WorkerResult | Refused | Failed;

/** The results of a batch of jobs, in one message (a message costs more than copying a report's findings). */
interface FromWorker {
  type: 'checked';
  results: ({ index: number } & BatchResult)[];
}

/** Files handed to a worker at a time, at the least: a few milliseconds of work. */
const BATCH = 8;

/** Reports compared with the batch's peers between two yields to the event loop. */
const YIELD_EVERY = 64;
/** Files per worker below which a worker costs more (loading its bundle) than it saves. */
const FILES_PER_WORKER = 64;
const MAX_WORKERS = 4;
/** The workers' bundle, beside the bundle that starts them; from sources (tests) there is none. */
const WORKER_SCRIPT = path.join(__dirname, 'checkWorker.js');

/** How many workers a batch of `files` reports is worth: one per FILES_PER_WORKER files, at most one per core; 0 without their bundle. */
export function workersFor(files: number): number {
  if (!existsSync(WORKER_SCRIPT)) return 0;
  return Math.min(availableParallelism(), MAX_WORKERS, Math.floor(files / FILES_PER_WORKER));
}

/** A report of the batch: its file, its text as read and the options of its config. */
export interface BatchText {
  file: string;
  text: string;
  encoding: string;
  options: CheckOptions;
}

export interface BatchSettings {
  workers: number;
  /** --previous: last year's report of every report. */
  explicit?: Read;
  /** For the message of a file refused by the parse's screen. */
  locale: Locale;
  /** Whether the results need each report's details (`checkDetails`). */
  details: boolean;
  /** Ends the check: the workers are stopped, and the promise rejects. */
  signal?: AbortSignal;
  /** Reports checked so far, of all, as the workers answer. */
  progress?(done: number, total: number): void;
}

/** What the batch found, by the position of each text. */
export interface BatchOutcome {
  results: BatchResult[];
  /** What a --previous that does not match a report says of it (on stderr in the CLI). */
  notes: string[][];
  /** Every report's peer (a file refused or whose check failed has none). */
  peers: Peer[];
  /** Last year's report of each as guessed from the lines (a file the parse refused was not used). */
  guessed: Previous[];
  /** Last year's report of each as parsed: the one it was checked with. */
  previous: Previous[];
}

/** Last year's report of a report: its position among the batch's texts, or --previous. */
export type Previous = number | 'explicit' | undefined;

/** Checks the texts `read` gives, read while the workers start (loading their bundle takes a while). */
export async function checkBatch(
  read: () => BatchText[] | Promise<BatchText[]>,
  settings: BatchSettings,
): Promise<BatchOutcome> {
  const { explicit, signal } = settings;
  signal?.throwIfAborted();
  const pool = startWorkers(settings);
  try {
    const texts = await read();
    const guessedMeta = texts.map((t) => guessMeta(t.file, t.text));
    const guessedPairs = new Pairing(guessedMeta, explicit);
    const guessed = guessedMeta.map((_, i) => guessedPairs.previous(i));
    const results = await runJobs(
      pool,
      batches(texts, guessed).map((jobs) => ({ type: 'check', jobs })),
      signal,
      settings.progress,
    );

    // The metadata as parsed: where a report's last year's report is another than guessed, or
    // where it shares text with another organ's report of the batch, it is checked again.
    const checked = (i: number): WorkerResult | undefined => {
      const r = results[i];
      return 'peer' in r ? r : undefined;
    };
    const parsed: Meta[] = texts.map((t, i) => ({ file: t.file, year: checked(i)?.year, organ: checked(i)?.organ }));
    const peers = texts.flatMap((_, i) => checked(i)?.peer ?? []);
    const notes: string[][] = [];
    const pairs = new Pairing(parsed, explicit, (s) => notes[notes.length - 1].push(s));
    const previous: Previous[] = [];
    const again: Recheck[] = [];
    for (const [i, t] of texts.entries()) {
      // The comparison with the batch's peers takes a while over hundreds of reports: the
      // language server answers the editor meanwhile.
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
      notes.push([]);
      const r = checked(i);
      const p = (previous[i] = pairs.previous(i));
      if (!r || (p === guessed[i] && !sharesWithPeers(r.peer, peers, t.options))) continue;
      const prev =
        typeof p === 'number' ? { file: texts[p].file, text: texts[p].text, encoding: texts[p].encoding } : p;
      again.push({ index: i, file: t.file, text: t.text, encoding: t.encoding, options: t.options, previous: prev });
    }
    signal?.throwIfAborted();
    if (again.length) {
      for (const w of pool.workers) post(w, { type: 'peers', peers });
      const queue: ToWorker[] = [];
      for (let i = 0; i < again.length; i += BATCH) queue.push({ type: 'recheck', jobs: again.slice(i, i + BATCH) });
      const redone = await runJobs(pool, queue, signal);
      for (const r of again) results[r.index] = redone[r.index];
    }
    for (const w of pool.workers) post(w, { type: 'done' });
    return { results, notes, peers, guessed, previous };
  } finally {
    for (const w of pool.workers) void w.terminate();
  }
}

/**
 * The jobs in batches: each group of reports linked as last year's and this year's in one
 * batch, oldest first (so that a worker has last year's report when it needs it), small
 * groups together up to BATCH files, the largest groups first.
 */
function batches(texts: BatchText[], previous: Previous[]): Job[][] {
  const root = texts.map((_, i) => i);
  const find = (i: number): number => (root[i] === i ? i : (root[i] = find(root[i])));
  const uses = texts.map(() => 0);
  previous.forEach((p, i) => {
    if (typeof p !== 'number') return;
    uses[p]++;
    root[find(i)] = find(p);
  });
  const groups = new Map<number, number[]>();
  texts.forEach((_, i) => {
    const g = groups.get(find(i));
    if (g) g.push(i);
    else groups.set(find(i), [i]);
  });
  // Oldest first within a group: last year's report is always an earlier year.
  const depth = (i: number): number => (typeof previous[i] === 'number' ? 1 + depth(previous[i] as number) : 0);
  const ordered = [...groups.values()]
    .map((g) =>
      g
        .map((i) => ({ i, d: depth(i) }))
        .sort((a, b) => a.d - b.d || a.i - b.i)
        .map((x) => x.i),
    )
    .sort((a, b) => b.length - a.length);
  const out: Job[][] = [];
  let current: Job[] = [];
  for (const group of ordered) {
    current.push(
      ...group.map((i) => ({
        index: i,
        file: texts[i].file,
        text: texts[i].text,
        encoding: texts[i].encoding,
        options: texts[i].options,
        previous: previous[i],
        uses: uses[i],
      })),
    );
    if (current.length >= BATCH) {
      out.push(current);
      current = [];
    }
  }
  if (current.length) out.push(current);
  return out;
}

interface Pool {
  workers: Worker[];
  /** Rejects when a worker fails; listened to from the start, so no failure goes unhandled. */
  failed: Promise<never>;
}

function startWorkers({ workers: count, explicit, details, locale }: BatchSettings): Pool {
  const data: WorkerData = { details, locale, previous: explicit?.file };
  const workers = Array.from({ length: count }, () => startWorker(WORKER_SCRIPT, { workerData: data }));
  const failed = new Promise<never>((_, reject) => {
    for (const w of workers) {
      w.on('error', reject);
      w.on('exit', (code) => code !== 0 && reject(new Error(`check worker exited with ${code}`)));
    }
  });
  failed.catch(() => undefined);
  return { workers, failed };
}

/** Runs the batches on the workers, each taking the next batch when it is done with one. */
async function runJobs(
  { workers, failed }: Pool,
  queue: ToWorker[],
  signal?: AbortSignal,
  progress?: BatchSettings['progress'],
): Promise<BatchResult[]> {
  signal?.throwIfAborted();
  const total = queue.reduce((n, b) => n + ('jobs' in b ? b.jobs.length : 0), 0);
  const results: BatchResult[] = [];
  const listeners: [Worker, (m: FromWorker) => void][] = [];
  let abort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    abort = () => reject(signal?.reason);
    signal?.addEventListener('abort', abort, { once: true });
  });
  const finished = new Promise<void>((resolve) => {
    let done = 0;
    if (!total) resolve();
    for (const w of workers) {
      const listener = (m: FromWorker) => {
        const next = queue.shift();
        if (next) post(w, next);
        for (const r of m.results) results[r.index] = r;
        done += m.results.length;
        progress?.(done, total);
        if (done === total) resolve();
      };
      w.on('message', listener);
      listeners.push([w, listener]);
      const first = queue.shift();
      if (first) post(w, first);
    }
  });
  try {
    await Promise.race([finished, failed, aborted]);
  } finally {
    signal?.removeEventListener('abort', abort!);
    for (const [w, listener] of listeners) w.off('message', listener);
  }
  return results;
}

function post(w: Worker, m: ToWorker): void {
  w.postMessage(m);
}

/** The worker's side: check each job with last year's report, kept only as long as later jobs need it. */
export function serve(data: WorkerData): void {
  // yaml reads process.env.LOG_TOKENS once per token it parses, and process.env is an object
  // of interceptors (a getenv per read): a plain copy, this thread's own, makes that free.
  process.env = { ...process.env };
  const port = parentPort!;
  const kept = new Map<number, { read: Read; uses: number }>();
  let explicit: Read | undefined;
  let peers: Peer[] | undefined;
  const explicitRead = (): Read | undefined => {
    if (!explicit && data.previous) {
      const r = readText(data.previous);
      if (r.ok) explicit = read(data.previous, r.text, r.encoding);
    }
    return explicit;
  };
  let out: FromWorker['results'] = [];
  const send = (index: number, r: Read, checked: Checked) =>
    out.push({
      index,
      ...checked,
      // `check` prints no fixes: their edits (whole sections of YAML for a missing one) are not copied across threads.
      findings: checked.findings.map(({ fixes: _fixes, ...f }) => f),
      year: r.year,
      organ: r.organ,
      peer: peerOf(r.report, uriOf(r.file)),
    });
  /** A job's check, whose failure is its file's answer instead of the end of the thread and the batch. */
  const guarded = (job: { index: number; file: string }, work: () => void) => {
    try {
      work();
    } catch (e) {
      out.push({ index: job.index, failed: `${job.file}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` });
    }
  };
  port.on('message', (m: ToWorker) => {
    if (m.type === 'done') {
      // Nothing else keeps the thread: it ends.
      port.close();
      return;
    }
    if (m.type === 'peers') {
      peers = m.peers;
      return;
    }
    if (m.type === 'recheck') {
      for (const job of m.jobs)
        guarded(job, () => {
          const prev =
            job.previous === 'explicit'
              ? explicitRead()
              : job.previous && read(job.previous.file, job.previous.text, job.previous.encoding);
          const r = read(job.file, job.text, job.encoding);
          send(job.index, r, checkRead(r, job.options, prev, peers, data.details));
        });
    } else {
      for (const job of m.jobs) {
        let prev: Read | undefined;
        if (job.previous === 'explicit') prev = explicitRead();
        else if (job.previous !== undefined) {
          // None when last year's file was refused or failed: the report is then checked again without it.
          const k = kept.get(job.previous);
          prev = k?.read;
          if (k && --k.uses === 0) kept.delete(job.previous);
        }
        guarded(job, () => {
          const r = readScreened(job.file, job.text, job.encoding, data.locale);
          if ('refused' in r) {
            out.push({ index: job.index, refused: r.refused });
            return;
          }
          // Without the batch's peers: those they concern are checked again once all are known.
          const checked = checkRead(r, job.options, prev, undefined, data.details);
          if (job.uses) kept.set(job.index, { read: r, uses: job.uses });
          send(job.index, r, checked);
        });
      }
    }
    port.postMessage({ type: 'checked', results: out } satisfies FromWorker);
    out = [];
  });
}
