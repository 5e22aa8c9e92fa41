/**
 * `govreport check` over many files in worker threads. Pairing a report with last year's
 * needs the 机关 and 年度 of every file before any is checked; the main thread reads them off
 * their lines (a guess), so that each file is parsed once, in the worker that checks it. Reports linked as last year's and this year's go to the same worker, oldest
 * first, and it keeps a report only until the reports that need it are checked. The full
 * parse of each file confirms its guess; a file whose last year's report turns out to be
 * another is checked again on the main thread. Findings are printed in the order of the files.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, parentPort } from 'node:worker_threads';
import {
  checkReport,
  type CheckOptions,
  type Finding,
  LineIndex,
  type Locale,
  parseReport,
  type PreviousReport,
  type Report,
} from '../core';
import { Pairing, guessMeta, type Meta } from './checkPairing';
import { readText } from '../shared/readFile';

export interface Read extends Meta {
  report: Report;
  /** The encoding the file was read in. */
  encoding: string;
}

export function read(file: string, text: string, encoding: string): Read {
  const report = parseReport(text);
  return { file, report, year: report.year, organ: report.organ, encoding };
}

/** The check's options for a report read from a file, with last year's report if any. */
export function optionsFor(r: Read, previous: Read | undefined): CheckOptions {
  return { decoding: { used: r.encoding }, ...(previous ? { previous: asPrevious(previous) } : {}) };
}

export function asPrevious(p: Read): PreviousReport {
  return { report: p.report, uri: pathToFileURL(path.resolve(p.file)).toString() };
}

/** Where the findings go, in the order of the files. */
export interface Sink {
  note(s: string): void;
  unreadable(error: string): void;
  file(file: string, lines: LineIndex, findings: Finding[]): void;
}

export interface WorkerData {
  govreportCheck: true;
  /** The --previous file, read again by each worker that needs it. */
  previous?: string;
}

/** One file to check: its text, and last year's report among the files checked before it here, or --previous. */
interface Job {
  index: number;
  file: string;
  text: string;
  encoding: string;
  previous?: number | 'explicit';
  /** How many later jobs take this report as last year's. */
  uses: number;
}

type ToWorker = { type: 'check'; jobs: Job[] } | { type: 'done' };
type FromWorker =
  { type: 'checked'; index: number; findings: Finding[]; year?: number; organ?: string } | { type: 'more' };

/** Files handed to a worker at a time, at the least: a few milliseconds of work. */
const BATCH = 8;
/** Young generation of a worker: parse trees die young; on the 1,000-report batch this was a few per cent faster than the default. */
const YOUNG_GENERATION_MB = 16;

export async function checkInWorkers(
  files: string[],
  explicit: Read | undefined,
  count: number,
  sink: Sink,
  locale: Locale,
): Promise<void> {
  // Started first: loading the bundle in each worker overlaps reading the files here.
  const pool = startWorkers(count, explicit);
  let results: Awaited<ReturnType<typeof runJobs>>;
  const texts: { file: string; text: string; encoding: string }[] = [];
  let previous: (number | 'explicit' | undefined)[];
  try {
    for (const file of files) {
      const r = readText(file, locale);
      if (r.ok) texts.push({ file, text: r.text, encoding: r.encoding });
      else sink.unreadable(r.error);
    }
    const guessed = texts.map((t) => guessMeta(t.file, t.text));
    const guessedPairs = new Pairing(guessed, explicit);
    previous = guessed.map((_, i) => guessedPairs.previous(i));
    results = await runJobs(pool, batches(texts, previous));
  } finally {
    for (const w of pool.workers) void w.terminate();
  }

  // The metadata as parsed: where a report's last year's report is another than guessed, it is checked again here.
  const parsed: Meta[] = texts.map((t, i) => ({ file: t.file, year: results[i].year, organ: results[i].organ }));
  let notes: string[] = [];
  const pairs = new Pairing(parsed, explicit, (s) => notes.push(s));
  texts.forEach((t, i) => {
    notes = [];
    const p = pairs.previous(i);
    let findings = results[i].findings;
    if (p !== previous[i]) {
      const prev =
        p === 'explicit'
          ? explicit
          : p === undefined
            ? undefined
            : read(texts[p].file, texts[p].text, texts[p].encoding);
      const r = read(t.file, t.text, t.encoding);
      findings = checkReport(r.report, optionsFor(r, prev)).findings;
    }
    for (const n of notes) sink.note(n);
    sink.file(t.file, new LineIndex(t.text), findings);
  });
}

/**
 * The jobs in batches: each group of reports linked as last year's and this year's in one
 * batch, oldest first (so that a worker has last year's report when it needs it), small
 * groups together up to BATCH files, the largest groups first.
 */
function batches(
  texts: { file: string; text: string; encoding: string }[],
  previous: (number | 'explicit' | undefined)[],
): Job[][] {
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

function startWorkers(count: number, explicit: Read | undefined): Pool {
  const data: WorkerData = { govreportCheck: true, previous: explicit?.file };
  const workers = Array.from(
    { length: count },
    () =>
      new Worker(__filename, {
        argv: ['check'],
        workerData: data,
        stdout: false,
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      }),
  );
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
  queue: Job[][],
): Promise<{ findings: Finding[]; year?: number; organ?: string }[]> {
  const total = queue.reduce((n, b) => n + b.length, 0);
  const results: { findings: Finding[]; year?: number; organ?: string }[] = [];
  const finished = new Promise<void>((resolve) => {
    let done = 0;
    if (!total) resolve();
    for (const w of workers) {
      w.on('message', (m: FromWorker) => {
        if (m.type === 'checked') {
          results[m.index] = m;
          if (++done === total) resolve();
        } else {
          const next = queue.shift();
          if (next) post(w, { type: 'check', jobs: next });
        }
      });
      const first = queue.shift();
      if (first) post(w, { type: 'check', jobs: first });
    }
  });
  await Promise.race([finished, failed]);
  for (const w of workers) post(w, { type: 'done' });
  return results;
}

function post(w: Worker, m: ToWorker): void {
  w.postMessage(m);
}

/** The worker's side: check each job with last year's report, kept only as long as later jobs need it. */
export function serve(data: WorkerData): Promise<number> {
  // yaml reads process.env.LOG_TOKENS once per token it parses, and process.env is an object
  // of interceptors (a getenv per read): a plain copy, this thread's own, makes that free.
  process.env = { ...process.env };
  const port = parentPort!;
  const kept = new Map<number, { read: Read; uses: number }>();
  let explicit: Read | undefined;
  const explicitRead = (): Read | undefined => {
    if (!explicit && data.previous) {
      const r = readText(data.previous);
      if (r.ok) explicit = read(data.previous, r.text, r.encoding);
    }
    return explicit;
  };
  return new Promise((resolve) => {
    port.on('message', (m: ToWorker) => {
      if (m.type === 'done') {
        port.close();
        resolve(0);
        return;
      }
      for (const job of m.jobs) {
        const r = read(job.file, job.text, job.encoding);
        let prev: Read | undefined;
        if (job.previous === 'explicit') prev = explicitRead();
        else if (job.previous !== undefined) {
          const k = kept.get(job.previous)!;
          prev = k.read;
          if (--k.uses === 0) kept.delete(job.previous);
        }
        const findings = checkReport(r.report, optionsFor(r, prev)).findings;
        if (job.uses) kept.set(job.index, { read: r, uses: job.uses });
        port.postMessage({
          type: 'checked',
          index: job.index,
          findings,
          year: r.year,
          organ: r.organ,
        } satisfies FromWorker);
      }
      port.postMessage({ type: 'more' } satisfies FromWorker);
    });
  });
}
