/**
 * `govreport check`: reports and folders of reports, each with the config file that applies
 * to it (the nearest .govreport.yaml, or --config), paired with last year's report among
 * them and compared with the other organs' reports of the batch; findings printed as text,
 * LSP diagnostics (json), SARIF, CSV, JUnit or GitHub annotations; and for the evaluator a
 * summary page (or CSV) and an 审核意见 per report.
 */
import * as fs from 'node:fs';
import { append, type CheckOptions, type Locale, peerOf, withConfig } from '../core';
import { ConfigFiles, type LoadedConfig } from '../shared/configFile';
import { checkRead, read, uriOf, workersFor, type Checked, type Read } from '../shared/batchCheck';
import { Pairing } from '../shared/batchPairing';
import { readText, shown } from '../shared/readFile';
import { choice } from './args';
import { checkInWorkers, type Sink } from './checkWorkers';
import { UsageError } from './files';
import { filesIn, isDirectory } from './folders';
import { csvOutput } from './formats/csv';
import { githubOutput } from './formats/github';
import { junitOutput } from './formats/junit';
import { sarifOutput } from './formats/sarif';
import type { Command, Io } from './main';
import { jsonOutput, summary, textLines, type FileFindings } from './output';
import { writeSummary, type Summarized, type SummaryRequest } from './summaryOutput';

const REPORT_FILE = /\.report\.ya?ml$/i;
const FORMATS = ['text', 'json', 'sarif', 'csv', 'junit', 'github'] as const;
type Format = (typeof FORMATS)[number];

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

export const checkCommand: Command = {
  summary: 'check reports, and the reports in folders, and print every finding',
  usage:
    'govreport check [--format text|json|sarif|csv|junit|github] [--summary OUT.html|OUT.csv] [--opinions DIR] [--opinion-format docx|html] [--force] [--config FILE] [--previous FILE] [--locale zh-CN|en] FILE|FOLDER...',
  valued: ['--format', '--previous', '--config', '--summary', '--opinions', '--opinion-format'],
  booleans: ['--force'],
  async run(args, io, locale) {
    const format = choice(args, '--format', FORMATS, 'text');
    if (!args.files.length) throw new UsageError('no files given');
    const summaryRequest = summaryOptions(args.flags);
    // Only SARIF (fingerprints) and the summary read each report's details.
    const details = format === 'sarif' || summaryRequest !== undefined;
    const out = new Output(format, locale, io);

    // Folders become the report files in them; a folder without any is said so.
    const files: string[] = [];
    for (const f of args.files) {
      if (!isDirectory(f)) files.push(f);
      else {
        const found = filesIn(f, REPORT_FILE);
        if (!found.length) out.unreadable(`${shown(f)}: no report files (*.report.yaml) in this folder`);
        append(files, found);
      }
    }

    // The config of each file: --config for all, else the nearest one; its problems come first.
    const configs = new ConfigFiles();
    const given = args.flags.get('--config');
    const explicitConfig = typeof given === 'string' ? configs.load(given) : undefined;
    const configOf = (file: string): LoadedConfig | undefined => explicitConfig ?? configs.forFile(file);
    const baseOptions = new Map<LoadedConfig | undefined, CheckOptions>();
    const optionsOf = (file: string): CheckOptions => {
      const c = configOf(file);
      let o = baseOptions.get(c);
      if (!o) baseOptions.set(c, (o = withConfig({}, c && !c.error ? c.config : undefined)));
      return o;
    };
    for (const c of new Set(files.map(configOf))) if (c) out.config(c);

    const previousFile = args.flags.get('--previous');
    let explicit: Read | undefined;
    if (typeof previousFile === 'string') {
      const r = readText(previousFile, locale);
      if (!r.ok) {
        io.stderr(`govreport: ${r.error}\n`);
        return 2;
      }
      explicit = read(previousFile, r.text, r.encoding);
    }

    // One worker would only add its start to the same work: a batch that small is checked here.
    const workers = workersFor(files.length);
    if (workers > 1) await checkInWorkers(files, optionsOf, explicit, workers, out, locale, details);
    else {
      const reports: Read[] = [];
      for (const file of files) {
        const r = readText(file, locale);
        if (r.ok) reports.push(read(file, r.text, r.encoding));
        else out.unreadable(r.error);
      }
      // Every report of the batch, the same array for each, so its index is built once.
      const peers = reports.map((r) => peerOf(r.report, uriOf(r.file)));
      const pairs = new Pairing(reports, explicit, io.stderr);
      reports.forEach((r, i) => {
        const p = pairs.previous(i);
        const previous = p === 'explicit' ? explicit : p === undefined ? undefined : reports[p];
        out.file(r.file, r.report.lines, checkRead(r, optionsOf(r.file), previous, peers, details));
      });
    }
    let status = out.end();
    if (summaryRequest) {
      const written = await writeSummary(summaryRequest, out.checked, configOf, locale, io);
      if (!written) status = 2;
    }
    return status;
  },
};

/** What --summary, --opinions and --opinion-format ask for, refused before any work when it cannot be done. */
function summaryOptions(flags: Map<string, string | true>): SummaryRequest | undefined {
  const value = (name: string): string | undefined => {
    const v = flags.get(name);
    if (v === true || v === '') throw new UsageError(`${name} needs a value`);
    return v;
  };
  const file = value('--summary');
  const opinions = value('--opinions');
  const opinionFormat = choice({ flags, files: [] }, '--opinion-format', ['docx', 'html'] as const, 'docx');
  if (flags.has('--opinion-format') && !opinions) throw new UsageError('--opinion-format goes with --opinions DIR');
  if (!file && !opinions) return undefined;
  if (file && !/\.(?:html?|csv)$/i.test(file)) throw new UsageError('--summary writes .html or .csv: name the file so');
  const force = flags.has('--force');
  if (file && !force && fs.existsSync(file))
    throw new UsageError(`${shown(file)}: already exists (use --force to replace it)`);
  return { file, opinions, opinionFormat, force };
}

/** Findings printed as they come (text), or all at the end in the format asked for. */
class Output implements Sink {
  readonly results: FileFindings[] = [];
  /** The reports checked with their details, for the summary. */
  readonly checked: Summarized[] = [];
  private readonly unreadables: string[] = [];
  private configErrors = false;

  constructor(
    private readonly format: Format,
    private readonly locale: Locale,
    private readonly io: Io,
  ) {}

  note(s: string): void {
    this.io.stderr(s);
  }

  unreadable(error: string): void {
    this.unreadables.push(error);
    this.io.stderr(`govreport: ${error}\n`);
  }

  /** A config file used: one that cannot be read is said so; its problems are listed like findings. */
  config(c: LoadedConfig): void {
    if (c.error) {
      this.unreadable(`${c.error} (the reports under it are checked without it)`);
      return;
    }
    if (!c.problems.length) return;
    if (c.problems.some((p) => p.severity === 'error')) this.configErrors = true;
    this.add({ file: c.file, lines: c.lines, findings: c.problems, config: true });
  }

  file(file: string, lines: FileFindings['lines'], checked: Checked): void {
    if (checked.details) this.checked.push({ file, lines, findings: checked.findings, details: checked.details });
    this.add({ file, lines, findings: checked.findings, fingerprints: checked.details?.fingerprints });
  }

  private add(r: FileFindings): void {
    this.results.push(r);
    if (this.format === 'text') for (const line of textLines(r, this.locale)) this.io.stdout(line + '\n');
  }

  end(): number {
    const cwd = process.cwd();
    switch (this.format) {
      case 'text':
        this.io.stdout(summary(this.results, this.unreadables.length, this.locale) + '\n');
        break;
      case 'json':
        this.io.stdout(jsonOutput(this.results, this.locale) + '\n');
        break;
      case 'sarif':
        this.io.stdout(
          sarifOutput({
            results: this.results,
            unreadable: this.unreadables,
            locale: this.locale,
            version: VERSION,
            cwd,
          }) + '\n',
        );
        break;
      case 'csv':
        this.io.stdout(csvOutput(this.results, this.locale));
        break;
      case 'junit':
        this.io.stdout(junitOutput(this.results, this.unreadables, this.locale));
        break;
      case 'github':
        this.io.stdout(githubOutput(this.results, this.locale, cwd));
        break;
    }
    if (this.unreadables.length || this.configErrors) return 2;
    return this.results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  }
}
