/** `govreport check [--format text|json] [--locale zh-CN|en] [--previous FILE] FILE...` */
import { availableParallelism } from 'node:os';
import { isMainThread, workerData } from 'node:worker_threads';
import { checkReport, type Finding, type LineIndex } from '../core';
import { choice } from './args';
import { Pairing } from './checkPairing';
import { checkInWorkers, optionsFor, read, serve, type Read, type Sink, type WorkerData } from './checkWorkers';
import { readText } from '../shared/readFile';
import { UsageError } from './files';
import type { Command, Io } from './main';
import { jsonOutput, summary, textLines, type FileFindings } from './output';

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
      const r = readText(given, locale);
      if (!r.ok) {
        io.stderr(`govreport: ${r.error}\n`);
        return 2;
      }
      explicit = read(given, r.text, r.encoding);
    }
    const out = new Output(format, locale, io);
    const workers = CAN_FORK
      ? Math.min(availableParallelism(), MAX_WORKERS, Math.floor(args.files.length / FILES_PER_WORKER))
      : 1;
    if (workers > 1) return checkInWorkers(args.files, explicit, workers, out, locale).then(() => out.end());
    const reports: Read[] = [];
    for (const file of args.files) {
      const r = readText(file, locale);
      if (r.ok) reports.push(read(file, r.text, r.encoding));
      else out.unreadable(r.error);
    }
    const pairs = new Pairing(reports, explicit, io.stderr);
    reports.forEach((r, i) => {
      const p = pairs.previous(i);
      const previous = p === 'explicit' ? explicit : p === undefined ? undefined : reports[p];
      out.file(r.file, r.report.lines, checkReport(r.report, optionsFor(r, previous)).findings);
    });
    return out.end();
  },
};

/** Findings printed as they come, in the order of the files, and the summary or JSON at the end. */
class Output implements Sink {
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
