/**
 * The floor of `govreport check` over many files: the same work split the same way, minus the
 * checking. The main thread starts the workers, reads every file and hands them out eight at a
 * time; each worker only runs `yaml`'s `parseDocument` on each text and answers per file, as the
 * CLI's workers (server/src/shared/batchCheck.ts) answer with findings. Bundled by run.ts with
 * esbuild like the CLI, so that both are plain bundled JavaScript.
 *
 * node parseOnly.js --workers N FILE...
 */
import { readFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { parseDocument } from 'yaml';

/** As in the CLI: files per message, and the workers' young generation. */
const BATCH = 8;
const YOUNG_GENERATION_MB = 16;

type ToWorker = { type: 'parse'; jobs: { index: number; text: string }[] } | { type: 'done' };
type FromWorker = { type: 'parsed'; index: number; errors: number } | { type: 'more' };

function serve(): void {
  // What the CLI's workers do too: yaml reads process.env.LOG_TOKENS per token.
  process.env = { ...process.env };
  const port = parentPort!;
  port.on('message', (m: ToWorker) => {
    if (m.type === 'done') return port.close();
    for (const job of m.jobs)
      port.postMessage({
        type: 'parsed',
        index: job.index,
        errors: parseDocument(job.text).errors.length,
      } satisfies FromWorker);
    port.postMessage({ type: 'more' } satisfies FromWorker);
  });
}

async function main(args: string[]): Promise<void> {
  const count = Number(args[args.indexOf('--workers') + 1]);
  const files = args.filter((a, i) => a !== '--workers' && args[i - 1] !== '--workers');
  if (!(count >= 1) || !files.length) throw new Error('usage: parseOnly.js --workers N FILE...');
  const workers = Array.from(
    { length: count },
    () => new Worker(__filename, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }),
  );
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const queue: { index: number; text: string }[][] = [];
  for (let i = 0; i < texts.length; i += BATCH)
    queue.push(texts.slice(i, i + BATCH).map((text, j) => ({ index: i + j, text })));
  let errors = 0;
  await new Promise<void>((resolve, reject) => {
    let done = 0;
    for (const w of workers) {
      w.on('error', reject);
      w.on('message', (m: FromWorker) => {
        if (m.type === 'parsed') {
          errors += m.errors;
          if (++done === texts.length) resolve();
        } else {
          const next = queue.shift();
          if (next) w.postMessage({ type: 'parse', jobs: next } satisfies ToWorker);
        }
      });
      const first = queue.shift();
      if (first) w.postMessage({ type: 'parse', jobs: first } satisfies ToWorker);
    }
  });
  for (const w of workers) w.postMessage({ type: 'done' } satisfies ToWorker);
  process.stdout.write(`${texts.length} files parsed, ${errors} YAML errors\n`);
}

if (isMainThread)
  main(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(2);
  });
else serve();
