/**
 * `npm run bench`: the built GovReport server against yaml-language-server with the project's
 * JSON Schema, and `govreport check` over a batch of reports against a parse-only run, each
 * turn of ours followed by a turn of theirs so that the machine's load falls on both alike.
 * Ours alone besides: a report of the batch edited in the batch's folder (last year's report
 * found among its files), and Check All Reports in Workspace over the folder beside the CLI.
 * Every figure is set beside floors measured in the same run (a bare `parseDocument` of the
 * same text, a bare `node` start, a parse-only batch) and the targets are ratios. Prints the
 * table that goes into docs/performance.md and writes the samples to bench/results/.
 * Options: --quick (fewer samples), --batch N (reports in the batch), --profile DIR (our server
 * runs with --cpu-prof, its profiles written to DIR), --only-batch (only the batch rows: the
 * check and the parse-only run, printed with every sample; nothing written to bench/results/).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { parseDocument } from 'yaml';
import { check } from '../server/src/core/check';
import { renderBody } from '../server/src/core/render';
import {
  editorSession,
  initializeOnly,
  memorySession,
  SESSION_ROWS,
  workspaceCheck,
  hoversDuringCheck,
  type Plan,
  type ServerSpec,
} from './editor';
import { DATA, writeInputs } from './inputs';
import { SERVER_NODE_OPTIONS, serverArgs } from '../server/src/shared/serverStart';
import { mb, median, ms, p95, table } from './stats';

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const batchArg = args.indexOf('--batch');
const BATCH = batchArg >= 0 ? Number(args[batchArg + 1]) : 1000;
const profileArg = args.indexOf('--profile');
const PROFILE_DIR = profileArg >= 0 ? path.resolve(args[profileArg + 1]) : undefined;
const onlyBatch = args.includes('--only-batch');

const THEIRS_VERSION = (
  JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

const OURS: ServerSpec = {
  name: 'govreport',
  module: path.join(ROOT, 'server', 'out', 'server.js'),
  languageId: 'govreport',
  sections: { govreport: { validate: { debounceMs: 0 } } },
  validationDelayMs: 0,
  versioned: true,
  // Started as the VS Code client starts it, with a code cache of its own.
  nodeArgs: [...SERVER_NODE_OPTIONS, ...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [])],
  args: serverArgs(path.join(DATA, 'code-cache')),
};

const THEIRS: ServerSpec = {
  name: 'yaml-language-server',
  module: path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'),
  languageId: 'yaml',
  sections: {
    yaml: {
      schemas: { [pathToFileURL(path.join(ROOT, 'schemas', 'govreport.schema.json')).toString()]: '*.report.yaml' },
      validate: true,
      hover: true,
      completion: true,
      format: { enable: false },
      // No catalogue download: the run stays offline and times only the project's schema.
      schemaStore: { enable: false },
    },
  },
  // yamlSettings.validationDelayMs (1.19.2 and 1.25.0 alike): every open and change waits this long; no setting changes it.
  validationDelayMs: 200,
  versioned: false,
};

/** Sessions per server and input (each a fresh process), and what each does. */
const SESSIONS = quick ? 3 : 10;
const PLANS: Record<string, { ours: Plan; theirs: Plan }> = {
  example: {
    ours: {
      keystrokes: { cellFinding: quick ? 12 : 30, cellQuiet: quick ? 6 : 10, text: quick ? 12 : 30 },
      requests: 10,
    },
    theirs: { keystrokes: { cellFinding: quick ? 4 : 8, cellQuiet: 2, text: quick ? 4 : 8 }, requests: 10 },
  },
  long: {
    ours: { keystrokes: { cellFinding: quick ? 8 : 20, cellQuiet: quick ? 4 : 6, text: quick ? 8 : 20 }, requests: 10 },
    theirs: { keystrokes: { cellFinding: quick ? 4 : 6, cellQuiet: 2, text: quick ? 4 : 6 }, requests: 5 },
  },
};
/** Sessions of ours on a report of the batch, opened in the batch's folder with last year's report in it. */
const FOLDER_SESSIONS = quick ? 2 : 5;
/**
 * As on the example, without the quiet cell: with last year's report every cell of the tables
 * takes part in a finding (the stock across years, a table the same as last year's).
 */
const FOLDER_PLAN: Plan = { ...PLANS.example.ours, keystrokes: { ...PLANS.example.ours.keystrokes, cellQuiet: 0 } };
const INIT_RUNS = quick ? 4 : 12;
const MEMORY_RUNS = quick ? 2 : 4;
const CLI_RUNS = quick ? 2 : 5;
const PARSES_PER_SESSION = { example: 20, long: 4 } as Record<string, number>;
const IN_PROCESS_RUNS = quick ? 20 : 100;

/** How the CLI chooses its workers (server/src/cli/checkCommand.ts): one per 64 files, at most 4, at most one per core. */
function cliWorkers(files: number): number {
  const n = Math.min(os.availableParallelism(), 4, Math.floor(files / 64));
  return n > 1 ? n : 1;
}

const TARGETS = {
  keystrokeVsTheirs: 0.25,
  keystrokeVsParse: { example: 1, long: 0.3 } as Record<string, number>,
  codeActionLineLongMs: 1,
  initializeVsNode: 1.3,
  rssVsTheirs: 0.7,
  checkVsParseOnly: 1.3,
};

function machine() {
  const cpus = os.cpus();
  return {
    nproc: os.availableParallelism(),
    cpu: cpus[0]?.model ?? '?',
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

function timeInProcess(runs: number, fn: () => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** A bare node start: spawning `node -e 0` to its exit. */
function nodeStart(): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    p.on('error', reject);
    p.on('exit', () => resolve(performance.now() - t0));
  });
}

function timedRun(argv: string[], cwd: string): { ms: number; status: number | null } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, argv, { cwd, stdio: 'ignore' });
  return { ms: performance.now() - t0, status: r.status };
}

/**
 * The batch rows: `govreport check`, the parse-only run and (unless `withWorkspace` is false)
 * Check All Reports in Workspace in a fresh server over the batch's folder, in turn.
 */
async function batchRuns(inputs: ReturnType<typeof writeInputs>, parseOnly: string, withWorkspace: boolean) {
  const workers = cliWorkers(inputs.batch.length);
  process.stderr.write(
    `govreport check, the parse-only run${withWorkspace ? ' and the workspace check' : ''} over ${inputs.batch.length} reports, ${workers} workers, ×${CLI_RUNS}…\n`,
  );
  const cli: number[] = [];
  const parsed: number[] = [];
  const workspace: number[] = [];
  const workspaceRss: number[] = [];
  const workspaceRssAfter: number[] = [];
  const hovers: number[] = [];
  const cliStatus = new Set<number | null>();
  for (let i = 0; i < CLI_RUNS; i++) {
    const c = timedRun([path.join(ROOT, 'server', 'out', 'cli.js'), 'check', ...inputs.batch], inputs.batchDir);
    cli.push(c.ms);
    cliStatus.add(c.status);
    const p = timedRun([parseOnly, '--workers', String(workers), ...inputs.batch], inputs.batchDir);
    if (p.status !== 0) throw new Error(`the parse-only run exited with ${p.status}`);
    parsed.push(p.ms);
    if (!withWorkspace) continue;
    const w = await workspaceCheck(OURS, inputs.batchDir);
    if (w.files !== inputs.batch.length) throw new Error(`the workspace check checked ${w.files} files`);
    workspace.push(w.ms);
    workspaceRss.push(w.peakRss ?? NaN);
    workspaceRssAfter.push(w.rss ?? NaN);
    hovers.push(...(await hoversDuringCheck(OURS, inputs.batchDir, inputs.withLastYear)));
  }
  return { workers, cli, parsed, cliStatus, workspace, workspaceRss, workspaceRssAfter, hovers };
}

async function main(): Promise<void> {
  const started = new Date();
  const startedLoad = os.loadavg();
  const log = (s: string) => process.stderr.write(s + '\n');
  const inputs = writeInputs(BATCH);
  const texts: Record<string, string> = { example: inputs.example, long: inputs.long };
  const parseOnly = path.join(DATA, 'parseOnly.js');
  // Bundled as scripts/build.mjs bundles the CLI: both sides of the batch row are plain bundled JavaScript.
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'parseOnly.ts')],
    outfile: parseOnly,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  log(
    `inputs: example ${Buffer.byteLength(inputs.example)} B, long ${Buffer.byteLength(inputs.long)} B (${inputs.long.length} UTF-16 units), batch of ${inputs.batch.length} in ${path.relative(ROOT, inputs.batchDir)}`,
  );

  if (onlyBatch) {
    const { workers, cli, parsed } = await batchRuns(inputs, parseOnly, false);
    const load = os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' / ');
    console.log(
      `${inputs.batch.length} files, ${workers} workers, load average ${startedLoad.map((x) => x.toFixed(2)).join(' / ')} at the start, ${load} at the end`,
    );
    console.log(`check      ${ms(median(cli))} ms (${cli.map(ms).join(', ')})`);
    console.log(`parse only ${ms(median(parsed))} ms (${parsed.map(ms).join(', ')})`);
    console.log(`ratio      ${(median(cli) / median(parsed)).toPrecision(3)}`);
    return;
  }

  type Rows = Record<string, number[]>;
  const sides = { ours: OURS, theirs: THEIRS } as const;
  const lat: Record<'ours' | 'theirs', Record<string, Rows>> = { ours: {}, theirs: {} };
  const parse: Record<string, number[]> = {};
  for (const name of Object.keys(texts)) {
    lat.ours[name] = {};
    lat.theirs[name] = {};
    parse[name] = [];
    // Once, so the floor is the parse of code already compiled, as in a server that has run a while.
    parseDocument(texts[name]);
  }
  // The code cache our server keeps, as after its first run in an editor: written by one session not counted.
  log('a first session of ours, which writes its code cache…');
  await editorSession(OURS, 'example', texts.example, PLANS.example.ours, true);
  for (let i = 0; i < SESSIONS; i++) {
    for (const name of Object.keys(texts)) {
      log(`session ${i + 1}/${SESSIONS} on ${name}: ours, theirs, parse floor…`);
      for (const side of ['ours', 'theirs'] as const) {
        const got = await editorSession(sides[side], name, texts[name], PLANS[name][side], side === 'ours');
        for (const [row, s] of Object.entries(got)) (lat[side][name][row] ??= []).push(...s);
      }
      parse[name].push(...timeInProcess(PARSES_PER_SESSION[name], () => parseDocument(texts[name])));
    }
  }

  // A report opened in the batch's folder, as an evaluator or an office with several years opens
  // one: last year's report is found among the folder's files, and the checks across years run.
  const folderText = readFileSync(path.join(inputs.batchDir, inputs.withLastYear), 'utf8');
  const folder = { rows: {} as Rows, parse: [] as number[] };
  parseDocument(folderText);
  for (let i = 0; i < FOLDER_SESSIONS; i++) {
    log(`session ${i + 1}/${FOLDER_SESSIONS} on ${inputs.withLastYear} in the batch's folder: ours, parse floor…`);
    const got = await editorSession(OURS, 'folder', folderText, FOLDER_PLAN, true, {
      folder: inputs.batchDir,
      file: inputs.withLastYear,
    });
    for (const [row, s] of Object.entries(got)) (folder.rows[row] ??= []).push(...s);
    folder.parse.push(...timeInProcess(PARSES_PER_SESSION.example, () => parseDocument(folderText)));
  }

  log(`initialize ×${INIT_RUNS} each: ours, theirs, node -e 0…`);
  // Every process started counts: the sessions' and these, which alternate with a bare node start.
  const init = {
    ours: Object.values(lat.ours).flatMap((r) => r.initialize),
    theirs: Object.values(lat.theirs).flatMap((r) => r.initialize),
    node: [] as number[],
  };
  for (let i = 0; i < INIT_RUNS; i++) {
    init.ours.push((await initializeOnly(OURS)).initMs);
    init.theirs.push((await initializeOnly(THEIRS)).initMs);
    init.node.push(await nodeStart());
  }

  log(`peak RSS ×${MEMORY_RUNS}: a fresh server with one document open…`);
  const rss: Record<'ours' | 'theirs', Record<string, number[]>> = { ours: {}, theirs: {} };
  for (let i = 0; i < MEMORY_RUNS; i++)
    for (const name of Object.keys(texts))
      for (const side of ['ours', 'theirs'] as const)
        (rss[side][name] ??= []).push((await memorySession(sides[side], texts[name])) ?? NaN);

  const { workers, cli, parsed, cliStatus, workspace, workspaceRss, workspaceRssAfter, hovers } = await batchRuns(
    inputs,
    parseOnly,
    true,
  );

  log('in process: check without a cache, renderBody…');
  const inProcess: Record<string, number[]> = {};
  for (const [name, text] of Object.entries(texts)) {
    const runs = name === 'long' ? Math.ceil(IN_PROCESS_RUNS / 10) : IN_PROCESS_RUNS;
    inProcess[`check, no cache, in process|${name}`] = timeInProcess(runs, () => check(text));
  }
  const checked = check(inputs.example);
  inProcess['renderBody (preview), in process|example'] = timeInProcess(IN_PROCESS_RUNS, () =>
    renderBody(checked, { marks: true, theme: 'preview', locale: 'zh-CN' }),
  );

  // ---- the table -------------------------------------------------------------------------
  /** A row of the table by its columns; a column not given is blank. */
  interface Row {
    measure: string;
    input: string;
    ours: string;
    p95?: string;
    theirs?: string;
    theirsP95?: string;
    floor?: string;
    vsTheirs?: string;
    vsFloor?: string;
    targets?: string;
  }
  const rows: string[][] = [];
  const add = (r: Row) =>
    rows.push([
      r.measure,
      r.input,
      r.ours,
      r.p95 ?? '',
      r.theirs ?? '',
      r.theirsP95 ?? '',
      r.floor ?? '',
      r.vsTheirs ?? '',
      r.vsFloor ?? '',
      r.targets ?? '',
    ]);
  const verdicts: string[] = [];
  const verdict = (ok: boolean, what: string) => {
    verdicts.push(`${ok ? 'met    ' : 'NOT MET'}  ${what}`);
    return ok ? 'met' : 'NOT MET';
  };
  // Three digits, so that a printed ratio never looks met when it is not (0.251 is not 0.25).
  const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? (a / b).toPrecision(3) : '–');
  for (const name of Object.keys(texts)) {
    const floor = median(parse[name]);
    for (const row of SESSION_ROWS) {
      if (row === 'initialize') continue;
      const o = lat.ours[name][row] ?? [];
      const t = lat.theirs[name][row] ?? [];
      const keystroke = row.includes('keystroke');
      const vsParse = keystroke || row === 'didOpen';
      const checks: string[] = [];
      if (keystroke) {
        const r = median(o) / median(t);
        checks.push(
          `≤ ${TARGETS.keystrokeVsTheirs}× LS ${verdict(r <= TARGETS.keystrokeVsTheirs, `${row}, ${name}: ${ratio(median(o), median(t))}× yaml-language-server (≤ ${TARGETS.keystrokeVsTheirs})`)}`,
        );
        const limit = TARGETS.keystrokeVsParse[name];
        const p = median(o) / floor;
        checks.push(
          `≤ ${limit}× parse ${verdict(p <= limit, `${row}, ${name}: ${ratio(median(o), floor)}× a bare parse (≤ ${limit})`)}`,
        );
      }
      if (row === "codeAction: cursor's line" && name === 'long')
        checks.push(
          `≤ ${TARGETS.codeActionLineLongMs} ms ${verdict(median(o) <= TARGETS.codeActionLineLongMs, `${row}, ${name}: ${ms(median(o))} ms (≤ ${TARGETS.codeActionLineLongMs} ms)`)}`,
        );
      add({
        measure: row,
        input: name,
        ours: ms(median(o)),
        p95: ms(p95(o)),
        theirs: ms(median(t)),
        theirsP95: ms(p95(t)),
        floor: vsParse ? ms(floor) : '',
        vsTheirs: ratio(median(o), median(t)),
        vsFloor: vsParse ? ratio(median(o), floor) : '',
        targets: checks.join('; '),
      });
    }
    add({
      measure: 'parseDocument, in process (the parse floor)',
      input: name,
      ours: ms(floor),
      p95: ms(p95(parse[name])),
    });
  }
  // Ours only: yaml-language-server has no last year's report to find.
  const folderFloor = median(folder.parse);
  for (const row of SESSION_ROWS) {
    const o = folder.rows[row] ?? [];
    if ((row !== 'didOpen' && !row.includes('keystroke')) || !o.length) continue;
    add({
      measure: row,
      input: `folder (${inputs.batch.length})`,
      ours: ms(median(o)),
      p95: ms(p95(o)),
      floor: ms(folderFloor),
      vsFloor: ratio(median(o), folderFloor),
    });
  }
  const initRatio = median(init.ours) / median(init.node);
  add({
    measure: 'initialize (floor: node -e 0)',
    input: '',
    ours: ms(median(init.ours)),
    p95: ms(p95(init.ours)),
    theirs: ms(median(init.theirs)),
    theirsP95: ms(p95(init.theirs)),
    floor: ms(median(init.node)),
    vsTheirs: ratio(median(init.ours), median(init.theirs)),
    vsFloor: ratio(median(init.ours), median(init.node)),
    targets: `≤ ${TARGETS.initializeVsNode}× node ${verdict(initRatio <= TARGETS.initializeVsNode, `initialize: ${ratio(median(init.ours), median(init.node))}× a bare node start (≤ ${TARGETS.initializeVsNode})`)}`,
  });
  for (const name of Object.keys(texts)) {
    const o = median(rss.ours[name]);
    const t = median(rss.theirs[name]);
    add({
      measure: 'peak RSS, fresh server, document open (MiB)',
      input: name,
      ours: mb(o),
      theirs: mb(t),
      vsTheirs: ratio(o, t),
      targets:
        name === 'example'
          ? `≤ ${TARGETS.rssVsTheirs}× LS ${verdict(o / t <= TARGETS.rssVsTheirs, `peak RSS, example open: ${ratio(o, t)}× yaml-language-server (≤ ${TARGETS.rssVsTheirs})`)}`
          : '',
    });
  }
  add({
    measure: `govreport check, ${inputs.batch.length} files, ${workers} workers (floor: parse only)`,
    input: 'batch',
    ours: ms(median(cli)),
    p95: ms(p95(cli)),
    floor: ms(median(parsed)),
    vsFloor: ratio(median(cli), median(parsed)),
    targets: `≤ ${TARGETS.checkVsParseOnly}× parse ${verdict(median(cli) / median(parsed) <= TARGETS.checkVsParseOnly, `govreport check over ${inputs.batch.length} reports: ${ratio(median(cli), median(parsed))}× a parse-only run with ${workers} workers (≤ ${TARGETS.checkVsParseOnly})`)}`,
  });
  add({
    measure: `Check All Reports in Workspace, ${inputs.batch.length} files, one server (floor: govreport check)`,
    input: 'batch',
    ours: ms(median(workspace)),
    p95: ms(p95(workspace)),
    floor: ms(median(cli)),
    vsFloor: ratio(median(workspace), median(cli)),
  });
  add({
    measure: 'peak RSS, server during Check All Reports in Workspace (MiB)',
    input: 'batch',
    ours: mb(median(workspaceRss)),
  });
  add({
    measure: 'RSS, server when Check All Reports in Workspace has answered (MiB)',
    input: 'batch',
    ours: mb(median(workspaceRssAfter)),
  });
  add({
    measure: `hover while Check All Reports in Workspace runs (${hovers.length} hovers)`,
    input: 'batch',
    ours: ms(median(hovers)),
    p95: ms(p95(hovers)),
  });
  add({
    measure: 'hover while Check All Reports in Workspace runs: the longest',
    input: 'batch',
    ours: ms(hovers.reduce((a, b) => Math.max(a, b), 0)),
  });
  for (const [key, s] of Object.entries(inProcess)) {
    const [measure, input] = key.split('|');
    add({ measure, input, ours: ms(median(s)), p95: ms(p95(s)) });
  }

  const info = { ...machine(), loadavgAtStart: startedLoad, loadavgAtEnd: os.loadavg() };
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  console.log(
    `\n${started.toISOString().slice(0, 16).replace('T', ' ')} UTC${quick ? ', --quick' : ''}; ${info.nproc} × ${info.cpu}, ${info.memoryGiB} GiB, ${info.platform}, Node ${info.node}`,
  );
  console.log(
    `load average (1 / 5 / 15 min): ${load(startedLoad)} at the start, ${load(info.loadavgAtEnd)} at the end`,
  );
  console.log(
    `LS = yaml-language-server ${THEIRS_VERSION} with schemas/govreport.schema.json, its fixed ${THEIRS.validationDelayMs} ms validation delay subtracted from didOpen and keystrokes; ${SESSIONS} fresh processes per server and input, ours and LS in turn`,
  );
  console.log('times in ms, median and p95 (nearest rank); floor: a bare parseDocument of the same text in process\n');
  console.log(
    table(['measure', 'input', 'ours', 'p95', 'LS', 'p95', 'floor', 'ours/LS', 'ours/floor', 'targets'], rows),
  );
  console.log(`\ntargets:\n${verdicts.map((v) => `  ${v}`).join('\n')}`);
  const odd = [...cliStatus].filter((s) => s !== 0 && s !== 1);
  if (odd.length) console.log(`\ngovreport check exited with ${odd.join(', ')}`);

  const dir = path.join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const raw = {
    machine: info,
    quick,
    theirs: { version: THEIRS_VERSION, delayMs: THEIRS.validationDelayMs },
    inputs: {
      exampleBytes: Buffer.byteLength(inputs.example),
      longBytes: Buffer.byteLength(inputs.long),
      batch: inputs.batch.length,
    },
    sessions: lat,
    parseFloor: parse,
    initialize: init,
    peakRssFresh: rss,
    cli: { workers, check: cli, parseOnly: parsed, status: [...cliStatus] },
    folder: { file: inputs.withLastYear, sessions: folder.rows, parseFloor: folder.parse },
    workspaceCheck: { ms: workspace, peakRss: workspaceRss, rssAfter: workspaceRssAfter, hovers },
    inProcess,
    targets: verdicts,
  };
  const json = JSON.stringify(raw, null, 1);
  writeFileSync(path.join(dir, `${stamp}.json`), json);
  writeFileSync(path.join(dir, 'latest.json'), json);
  log(`\nsamples: ${path.relative(ROOT, path.join(dir, `${stamp}.json`))}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
