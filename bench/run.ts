/**
 * `npm run bench`: the built GovReport server against yaml-language-server with the project's
 * JSON Schema, on the same inputs in the same run; `govreport check` over a batch of reports;
 * the preview renderer and a bare parse in process. Prints a table and writes the samples
 * to bench/results/. Options: --quick (fewer samples), --batch N (reports in the batch),
 * --profile DIR (our server runs with --cpu-prof, its profiles written to DIR).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { check } from '../server/src/core/check';
import { renderBody } from '../server/src/core/render';
import {
  editorSession,
  initializeOnly,
  memorySession,
  type Counts,
  type ServerSpec,
  type SessionResult,
} from './editor';
import { writeInputs } from './inputs';
import { mb, median, ms, p95, table } from './stats';

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const batchArg = args.indexOf('--batch');
const BATCH = batchArg >= 0 ? Number(args[batchArg + 1]) : 1000;
const profileArg = args.indexOf('--profile');
const PROFILE_DIR = profileArg >= 0 ? path.resolve(args[profileArg + 1]) : undefined;

const OURS: ServerSpec = {
  name: 'govreport',
  module: path.join(ROOT, 'server', 'out', 'server.js'),
  languageId: 'govreport',
  sections: { govreport: { validate: { debounceMs: 0 } } },
  validationDelayMs: 0,
  versioned: true,
  nodeArgs: PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
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
  // yamlSettings.validationDelayMs in yaml-language-server 1.19.2: every open and change waits this long.
  validationDelayMs: 200,
  versioned: false,
};

const COUNTS: Record<string, { ours: Counts; theirs: Counts }> = {
  example: {
    ours: { opens: quick ? 10 : 40, keystrokes: quick ? 20 : 100, requests: quick ? 10 : 40 },
    theirs: { opens: quick ? 5 : 20, keystrokes: quick ? 10 : 30, requests: quick ? 10 : 30 },
  },
  long: {
    ours: { opens: quick ? 4 : 12, keystrokes: quick ? 20 : 60, requests: quick ? 5 : 20 },
    theirs: { opens: quick ? 3 : 8, keystrokes: quick ? 6 : 16, requests: quick ? 5 : 10 },
  },
};
const INIT_RUNS = quick ? 4 : 12;
const MEMORY_RUNS = quick ? 1 : 3;
const CLI_RUNS = quick ? 2 : 5;
const IN_PROCESS_RUNS = quick ? 20 : 100;

const TARGETS: Record<string, number> = {
  'initialize|example': 150,
  'didOpen|example': 30,
  'keystroke: text|example': 3,
  'keystroke: table|example': 3,
  'keystroke: text|long': 30,
  'keystroke: table|long': 30,
};
const RATIO_TARGET = 0.2;
const RSS_TARGET_MB = 60;
const CLI_TARGET_MS = 3000;

function machine() {
  const cpus = os.cpus();
  return {
    nproc: os.availableParallelism(),
    cpu: cpus[0]?.model ?? '?',
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadavg: os.loadavg(),
  };
}

function timeInProcess(runs: number, fn: () => void): number[] {
  for (let i = 0; i < Math.min(10, runs); i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

async function main(): Promise<void> {
  const startedLoad = os.loadavg();
  const inputs = writeInputs(BATCH);
  const texts: Record<string, string> = { example: inputs.example, long: inputs.long };
  const log = (s: string) => process.stderr.write(s + '\n');
  log(
    `inputs: example ${Buffer.byteLength(inputs.example)} B, long ${Buffer.byteLength(inputs.long)} B (${inputs.long.length} UTF-16 units), batch of ${inputs.batch.length} in ${path.relative(ROOT, inputs.batchDir)}`,
  );

  const sessions: Record<string, Record<string, SessionResult>> = { ours: {}, theirs: {} };
  const init: Record<string, number[]> = { ours: [], theirs: [] };
  const shutdown: Record<string, number[]> = { ours: [], theirs: [] };
  const memory: Record<string, Record<string, number[]>> = {
    ours: { example: [], long: [] },
    theirs: { example: [], long: [] },
  };
  for (const [side, spec] of [
    ['ours', OURS],
    ['theirs', THEIRS],
  ] as const) {
    for (const name of Object.keys(texts)) {
      log(`${spec.name}: editor session on ${name}…`);
      sessions[side][name] = await editorSession(spec, name, texts[name], COUNTS[name][side]);
    }
    log(`${spec.name}: peak RSS of a fresh server with one document open…`);
    for (let i = 0; i < MEMORY_RUNS; i++) memory[side].example.push((await memorySession(spec, texts.example)) ?? NaN);
    memory[side].long.push((await memorySession(spec, texts.long)) ?? NaN);
    log(`${spec.name}: initialize ×${INIT_RUNS}…`);
    for (let i = 0; i < INIT_RUNS; i++) {
      const r = await initializeOnly(spec);
      init[side].push(r.initMs);
      shutdown[side].push(r.shutdownMs);
    }
    for (const r of Object.values(sessions[side])) {
      init[side].push(...r.samples.initialize);
      shutdown[side].push(...r.samples.shutdown);
    }
  }

  log(`govreport check over ${inputs.batch.length} reports ×${CLI_RUNS}…`);
  const cli: number[] = [];
  let cliStatus: number | null = null;
  for (let i = 0; i < CLI_RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [path.join(ROOT, 'server', 'out', 'cli.js'), 'check', ...inputs.batch], {
      cwd: inputs.batchDir,
      stdio: 'ignore',
    });
    cli.push(performance.now() - t0);
    cliStatus = r.status;
  }

  log('in process: parseDocument, check, renderBody…');
  const inProcess: Record<string, number[]> = {};
  for (const [name, text] of Object.entries(texts)) {
    const runs = name === 'long' ? Math.ceil(IN_PROCESS_RUNS / 10) : IN_PROCESS_RUNS;
    inProcess[`parseDocument (floor)|${name}`] = timeInProcess(runs, () => parseDocument(text));
    inProcess[`check, no cache|${name}`] = timeInProcess(runs, () => check(text));
  }
  const checked = check(inputs.example);
  inProcess['renderBody (preview)|example'] = timeInProcess(IN_PROCESS_RUNS, () =>
    renderBody(checked, { marks: true, theme: 'preview', locale: 'zh-CN' }),
  );

  // ---- the table -------------------------------------------------------------------------
  const rows: string[][] = [];
  const unmet: string[] = [];
  const verdict = (ok: boolean, what: string) => {
    if (!ok) unmet.push(what);
    return ok ? 'met' : 'NOT MET';
  };
  const phases = [
    'initialize',
    'didOpen',
    'keystroke: text',
    'keystroke: table',
    'codeAction',
    'hover',
    'documentSymbol',
    'round trip (unknown request)',
    'shutdown',
  ];
  for (const name of Object.keys(texts)) {
    for (const phase of phases) {
      // Starting and stopping do not depend on the document: one row, from every process started.
      const perProcess = (side: 'ours' | 'theirs') => (phase === 'initialize' ? init[side] : shutdown[side]);
      const once = phase === 'initialize' || phase === 'shutdown';
      const ours = once ? (name === 'example' ? perProcess('ours') : []) : sessions.ours[name].samples[phase];
      const theirs = once ? (name === 'example' ? perProcess('theirs') : []) : sessions.theirs[name].samples[phase];
      if (!ours.length) continue;
      const ratio = median(ours) / median(theirs);
      const target = TARGETS[`${phase}|${name}`];
      const checks: string[] = [];
      if (target !== undefined)
        checks.push(
          `≤ ${target} ms: ${verdict(median(ours) <= target, `${phase} on ${name}: ${ms(median(ours))} ms > ${target} ms`)}`,
        );
      checks.push(
        `ratio ≤ ${RATIO_TARGET}: ${verdict(ratio <= RATIO_TARGET, `${phase} on ${name}: ratio ${ratio.toFixed(3)} > ${RATIO_TARGET}`)}`,
      );
      rows.push([
        phase,
        name,
        ms(median(ours)),
        ms(p95(ours)),
        ms(median(theirs)),
        ms(p95(theirs)),
        ratio.toFixed(3),
        checks.join('; '),
      ]);
    }
  }
  for (const name of Object.keys(texts)) {
    const o = sessions.ours[name];
    const t = sessions.theirs[name];
    const mo = median(memory.ours[name]);
    const mt = median(memory.theirs[name]);
    const target =
      name === 'example'
        ? `; ≤ ${RSS_TARGET_MB} MB: ${verdict(mo <= RSS_TARGET_MB * 2 ** 20, `peak RSS with the example open: ${mb(mo)} MB > ${RSS_TARGET_MB} MB`)}`
        : '';
    rows.push([
      'peak RSS, fresh server, document open (MB)',
      name,
      mb(mo),
      '',
      mb(mt),
      '',
      (mo / mt).toFixed(3),
      `(not a phase)${target}`,
    ]);
    rows.push([
      'peak RSS, end of the session above (MB)',
      name,
      mb(o.peakRssEnd),
      '',
      mb(t.peakRssEnd),
      '',
      ((o.peakRssEnd ?? NaN) / (t.peakRssEnd ?? NaN)).toFixed(3),
      '(not a phase)',
    ]);
    const c = o.serverCheckMs;
    if (c.length)
      rows.push([
        'check time in the server, text keystroke',
        name,
        ms(median(c)),
        ms(p95(c)),
        '',
        '',
        '',
        '(govreport/checked)',
      ]);
  }
  rows.push([
    `govreport check, ${inputs.batch.length} files, wall`,
    'batch',
    ms(median(cli)),
    ms(p95(cli)),
    '',
    '',
    '',
    `≤ ${CLI_TARGET_MS} ms: ${verdict(median(cli) <= CLI_TARGET_MS, `govreport check over ${inputs.batch.length} reports: ${ms(median(cli))} ms > ${CLI_TARGET_MS} ms`)}`,
  ]);
  for (const [key, s] of Object.entries(inProcess)) {
    const [what, name] = key.split('|');
    rows.push([`${what}, in process`, name, ms(median(s)), ms(p95(s)), '', '', '', '']);
  }

  const info = { ...machine(), loadavgAtStart: startedLoad, loadavgAtEnd: os.loadavg() };
  console.log(
    `\n${info.nproc} × ${info.cpu}, ${info.memoryGiB} GiB, Node ${info.node}; load average at start ${startedLoad.map((x) => x.toFixed(2)).join(' ')}, at end ${info.loadavgAtEnd.map((x) => x.toFixed(2)).join(' ')}`,
  );
  console.log(
    `times in ms (median, p95); theirs = yaml-language-server 1.19.2 with schemas/govreport.schema.json, its fixed ${THEIRS.validationDelayMs} ms validation delay subtracted from didOpen and keystrokes\n`,
  );
  console.log(table(['phase', 'input', 'ours', 'p95', 'theirs', 'p95', 'ours/theirs', 'targets'], rows));
  console.log(unmet.length ? `\nnot met:\n${unmet.map((u) => `  - ${u}`).join('\n')}` : '\nevery target met');
  if (cliStatus !== 0 && cliStatus !== 1) console.log(`\ngovreport check exited with ${cliStatus}`);

  const dir = path.join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const raw = {
    machine: info,
    quick,
    inputs: {
      exampleBytes: Buffer.byteLength(inputs.example),
      longBytes: Buffer.byteLength(inputs.long),
      batch: inputs.batch.length,
    },
    theirsDelayMs: THEIRS.validationDelayMs,
    initialize: init,
    shutdown,
    peakRssFresh: memory,
    sessions,
    cli: { samples: cli, status: cliStatus },
    inProcess,
    unmet,
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
