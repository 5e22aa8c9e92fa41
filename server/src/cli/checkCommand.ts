/** `govreport check [--format text|json] [--locale zh-CN|en] [--previous FILE] FILE...` */
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { checkReport } from '../core/check';
import type { Finding } from '../core/findings';
import { LineIndex } from '../core/lineIndex';
import type { Report } from '../core/model';
import { sameOrgan, type PreviousReport } from '../core/narrative';
import { parseReport } from '../core/parse';
import { choice } from './args';
import { UsageError, readText } from './files';
import type { Command, Io } from './main';
import { jsonOutput, summary, textLines, type FileFindings } from './output';

/** What pairing a report with last year's needs to know of each file. */
interface Meta {
  file: string;
  year?: number;
  organ?: string;
}

interface Read extends Meta {
  report: Report;
}

/** Files per worker below which a worker costs more (loading the bundle) than it saves. */
const FILES_PER_WORKER = 64;
const MAX_WORKERS = 4;
/** Workers load this file again, so only the bundle can start them; from sources (tests) the check stays on one thread. */
const CAN_FORK = __filename.endsWith('.js');

export const checkCommand: Command = {
  summary: 'check reports and print every finding',
  usage: 'govreport check [--format text|json] [--locale zh-CN|en] [--previous FILE] FILE...',
  valued: ['--format', '--previous'],
  booleans: [],
  run(args, io, locale) {
    if (!isMainThread && (workerData as WorkerData | undefined)?.govreportCheck) return serve(workerData as WorkerData);
    const format = choice(args, '--format', ['text', 'json'] as const, 'text');
    if (!args.files.length) throw new UsageError('no files given');
    const given = args.flags.get('--previous');
    let explicit: Read | undefined;
    if (typeof given === 'string') {
      const r = readText(given);
      if (!r.ok) {
        io.stderr(`govreport: ${r.error}\n`);
        return 2;
      }
      explicit = read(given, r.text);
    }
    const out = new Output(format, locale, io);
    const workers = CAN_FORK ? Math.min(availableParallelism(), MAX_WORKERS, Math.floor(args.files.length / FILES_PER_WORKER)) : 1;
    if (workers > 1) return checkInWorkers(args.files, explicit, workers, out);
    const reports: Read[] = [];
    for (const file of args.files) {
      const r = readText(file);
      if (r.ok) reports.push(read(file, r.text));
      else out.unreadable(r.error);
    }
    const pairs = new Pairing(reports, explicit, io.stderr);
    reports.forEach((r, i) => {
      const p = pairs.previous(i);
      const previous = p === 'explicit' ? explicit : p === undefined ? undefined : reports[p];
      out.file(r.file, r.report.lines, checkReport(r.report, previous ? { previous: asPrevious(previous) } : {}).findings);
    });
    return out.end();
  },
};

function read(file: string, text: string): Read {
  const report = parseReport(text);
  return { file, report, year: report.year, organ: report.organ };
}

function asPrevious(p: Read): PreviousReport {
  return { report: p.report, uri: pathToFileURL(path.resolve(p.file)).toString() };
}

/** Findings printed as they come, in the order of the files, and the summary or JSON at the end. */
class Output {
  private readonly results: FileFindings[] = [];
  private unreadableCount = 0;

  constructor(
    private readonly format: 'text' | 'json',
    private readonly locale: 'zh-CN' | 'en',
    private readonly io: Io,
  ) {}

  note(s: string): void {
    this.io.stderr(s);
  }

  unreadable(error: string): void {
    this.unreadableCount++;
    this.io.stderr(`govreport: ${error}\n`);
  }

  file(file: string, lines: LineIndex, findings: Finding[]): void {
    const r = { file, lines, findings };
    this.results.push(r);
    if (this.format === 'text') for (const line of textLines(r, this.locale)) this.io.stdout(line + '\n');
  }

  end(): number {
    if (this.format === 'json') this.io.stdout(jsonOutput(this.results, this.locale) + '\n');
    else this.io.stdout(summary(this.results, this.unreadableCount, this.locale) + '\n');
    if (this.unreadableCount) return 2;
    return this.results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  }
}

/**
 * Last year's report for each report: `--previous`, or the first report among the files of
 * the same organ and the year before. Organs are compared once per pair of names written,
 * not once per pair of files.
 */
class Pairing {
  private readonly byYear = new Map<number, number[]>();
  private readonly same = new Map<string, Map<string, boolean>>();

  constructor(
    private readonly all: Meta[],
    private readonly explicit: Meta | undefined,
    private readonly stderr: (s: string) => void,
  ) {
    all.forEach((m, i) => {
      if (m.year === undefined) return;
      const list = this.byYear.get(m.year);
      if (list) list.push(i);
      else this.byYear.set(m.year, [i]);
    });
  }

  /** The position of last year's report among the files, or `explicit`; notes on stderr what a given `--previous` does not match. */
  previous(i: number): number | 'explicit' | undefined {
    const r = this.all[i];
    const year = r.year;
    if (year === undefined) return undefined;
    const explicit = this.explicit;
    if (explicit) {
      if (explicit.year !== year - 1) {
        this.stderr(`govreport: ${explicit.file} is a report on ${explicit.year ?? '?'}, not on ${year - 1}: ${r.file} is checked without it\n`);
        return undefined;
      }
      if (!sameOrgan(explicit.organ, r.organ)) this.stderr(`govreport: ${explicit.file} is of ${explicit.organ ?? '?'}, ${r.file} of ${r.organ ?? '?'}; compared anyway\n`);
      return 'explicit';
    }
    return this.byYear.get(year - 1)?.find((j) => j !== i && this.sameOrgan(this.all[j].organ, r.organ));
  }

  private sameOrgan(a: string | undefined, b: string | undefined): boolean {
    if (a === undefined || b === undefined) return false;
    let row = this.same.get(a);
    if (!row) this.same.set(a, (row = new Map()));
    let v = row.get(b);
    if (v === undefined) row.set(b, (v = sameOrgan(a, b)));
    return v;
  }
}

// ---- worker threads ----------------------------------------------------------------------
// Each worker reads and parses its share of the files and says what pairing needs; the main
// thread pairs them as above and the workers then check the files, each its own share first,
// parsing a file or last year's report itself when another worker read it. Findings are
// printed in the order of the files.

interface WorkerData {
  govreportCheck: true;
  previous?: string;
}

/** A file to check and, when there is one, last year's report (`index` absent for --previous). */
interface Job {
  index: number;
  file: string;
  previous?: { index?: number; file: string };
}

type ToWorker = { type: 'read'; files: { index: number; file: string }[] } | { type: 'check'; jobs: Job[] } | { type: 'done' };
type FromWorker = { type: 'read'; metas: ({ index: number; ok: true; year?: number; organ?: string } | { index: number; ok: false; error: string })[] } | { type: 'checked'; index: number; text: string; findings: Finding[] } | { type: 'more' };

/** Files handed to a worker at a time: a few milliseconds of work each. */
const BATCH = 8;

async function checkInWorkers(files: string[], explicit: Read | undefined, count: number, out: Output): Promise<number> {
  const data: WorkerData = { govreportCheck: true, previous: explicit?.file };
  const workers = Array.from({ length: count }, () => new Worker(__filename, { argv: ['check'], workerData: data, stdout: false }));
  const failed = new Promise<never>((_, reject) => {
    for (const w of workers) {
      w.on('error', reject);
      w.on('exit', (code) => code !== 0 && reject(new Error(`check worker exited with ${code}`)));
    }
  });
  failed.catch(() => undefined);
  try {
    // Contiguous shares: a worker's files are read from disk together.
    const share = Math.ceil(files.length / count);
    const owner = files.map((_, i) => Math.floor(i / share));
    const metas = await Promise.race([
      Promise.all(
        workers.map((w, k) => {
          const mine = files.map((file, index) => ({ index, file })).filter((f) => owner[f.index] === k);
          const reply = next(w);
          post(w, { type: 'read', files: mine });
          return reply;
        }),
      ),
      failed,
    ]);
    const byIndex = new Map(metas.flatMap((m) => (m.type === 'read' ? m.metas : [])).map((x) => [x.index, x]));
    const readable: (Meta & { index: number })[] = [];
    files.forEach((file, index) => {
      const x = byIndex.get(index)!;
      if (x.ok) readable.push({ file, index, year: x.year, organ: x.organ });
      else out.unreadable(x.error);
    });
    // Notes about --previous go to stderr just before the file's findings, as on one thread.
    const notes: string[][] = readable.map(() => []);
    let current = 0;
    const pairs = new Pairing(readable, explicit, (s) => notes[current].push(s));
    const queues: Job[][] = workers.map(() => []);
    readable.forEach((r, i) => {
      current = i;
      const p = pairs.previous(i);
      const previous = p === 'explicit' ? { file: explicit!.file } : p === undefined ? undefined : { index: readable[p].index, file: readable[p].file };
      queues[owner[r.index]].push({ index: r.index, file: r.file, previous });
    });
    const results = new Map<number, { text: string; findings: Finding[] }>();
    let cursor = 0;
    const flush = () => {
      while (cursor < readable.length && results.has(readable[cursor].index)) {
        const r = readable[cursor];
        const { text, findings } = results.get(r.index)!;
        results.delete(r.index);
        for (const n of notes[cursor]) out.note(n);
        out.file(r.file, new LineIndex(text), findings);
        cursor++;
      }
    };
    // Each worker takes its own files first, a few at a time; one that runs out takes the
    // last files of the longest other queue (parsing them itself), so both finish together.
    const take = (k: number): Job[] => {
      if (queues[k].length) return queues[k].splice(0, BATCH);
      const longest = queues.reduce((a, q) => (q.length > a.length ? q : a));
      return longest.splice(Math.max(0, longest.length - BATCH));
    };
    await Promise.race([
      new Promise<void>((resolve) => {
        workers.forEach((w, k) => {
          w.on('message', (m: FromWorker) => {
            if (m.type === 'checked') {
              results.set(m.index, m);
              flush();
              if (cursor === readable.length) resolve();
            } else if (m.type === 'more') {
              const jobs = take(k);
              if (jobs.length) post(w, { type: 'check', jobs });
            }
          });
          const jobs = take(k);
          if (jobs.length) post(w, { type: 'check', jobs });
        });
        if (!readable.length) resolve();
      }),
      failed,
    ]);
    for (const w of workers) post(w, { type: 'done' });
    return out.end();
  } finally {
    for (const w of workers) void w.terminate();
  }
}

function post(w: Worker, m: ToWorker): void {
  w.postMessage(m);
}

function next(w: Worker): Promise<FromWorker> {
  return new Promise((resolve) => w.once('message', resolve));
}

/** The worker's side: read and parse its files, then check them with last year's reports. */
function serve(data: WorkerData): Promise<number> {
  // yaml reads process.env.LOG_TOKENS once per token it parses, and process.env is an object
  // of interceptors (a getenv per read): a plain copy, this thread's own, makes that free.
  process.env = { ...process.env };
  const port = parentPort!;
  const reports = new Map<number, Read>();
  let explicit: Read | undefined;
  const reportOf = (p: { index?: number; file: string }): Read | undefined => {
    if (p.index === undefined) {
      if (!explicit && data.previous) {
        const r = readText(data.previous);
        if (r.ok) explicit = read(data.previous, r.text);
      }
      return explicit;
    }
    let r = reports.get(p.index);
    if (!r) {
      const t = readText(p.file);
      if (!t.ok) return undefined;
      reports.set(p.index, (r = read(p.file, t.text)));
    }
    return r;
  };
  return new Promise((resolve) => {
    port.on('message', (m: ToWorker) => {
      if (m.type === 'read') {
        const metas = m.files.map(({ index, file }) => {
          const t = readText(file);
          if (!t.ok) return { index, ok: false as const, error: t.error };
          const r = read(file, t.text);
          reports.set(index, r);
          return { index, ok: true as const, year: r.year, organ: r.organ };
        });
        port.postMessage({ type: 'read', metas } satisfies FromWorker);
      } else if (m.type === 'check') {
        for (const job of m.jobs) {
          const r = reportOf(job);
          if (!r) throw new Error(`${job.file}: could not be read again`);
          const p = job.previous && reportOf(job.previous);
          const findings = checkReport(r.report, p ? { previous: asPrevious(p) } : {}).findings;
          port.postMessage({ type: 'checked', index: job.index, text: r.report.text, findings } satisfies FromWorker);
        }
        port.postMessage({ type: 'more' } satisfies FromWorker);
      } else {
        port.close();
        resolve(0);
      }
    });
  });
}
