#!/usr/bin/env node
/** `govreport`: check, fix, render and import reports from the command line. */
import { runCli } from './cli/main';

// A reader that stops early (`govreport check … | head`) closes the pipe: end quietly, as a
// program ended by SIGPIPE does (status 141), instead of with a stack trace. The error arrives
// between two steps of the work, never in the middle of a write (writes are synchronous).
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') process.exit(141);
  throw e;
});

runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`govreport: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);
