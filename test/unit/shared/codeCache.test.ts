/**
 * The server's bundles run through V8's code cache (server/src/shared/codeCache.ts): each case
 * is a fresh Node process, since the cache is written when a process exits and read when the
 * next one starts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

const MODULE = path.resolve(__dirname, '..', '..', '..', 'server', 'src', 'shared', 'codeCache.ts');

interface Run {
  cache: string;
  exports: { answer: number; dir: string; file: string; line: number };
}

describe('code cache', () => {
  let dir: string;
  let bundle: string;
  let cacheDir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'govreport-code-cache-'));
    bundle = path.join(dir, 'checker.js');
    cacheDir = path.join(dir, 'cache');
    writeBundle(1);
    // The child loads the module from the sources (tsx), the bundle with a provided module, and prints what it got.
    writeFileSync(
      path.join(dir, 'child.cjs'),
      `const { loadBundle } = require(${JSON.stringify(MODULE)});
const b = loadBundle(process.argv[2], { cacheDir: process.argv[3] || undefined, provided: { lib: { x: 41 } } });
console.log(JSON.stringify({ cache: b.cache, exports: b.exports }));`,
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** A bundle whose text differs by one digit but not in length. */
  function writeBundle(version: number): void {
    writeFileSync(
      bundle,
      `"use strict";\nconst v = ${version};\nexports.answer = require('lib').x + v;\nexports.dir = __dirname;\nexports.file = __filename;\nexports.line = Number(/:(\\d+):\\d+\\)?$/m.exec(new Error().stack.split('\\n')[1])[1]);\n`,
    );
  }

  function run(cache?: string): Run {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, 'child.cjs'), bundle, cache ?? ''], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as Run;
  }

  const caches = () => readdirSync(cacheDir).filter((f) => f.endsWith('.cache'));

  it('runs a bundle as a CommonJS module: its own folder and name, provided modules, its line numbers', () => {
    const r = run();
    assert.equal(r.cache, 'off');
    assert.deepEqual(r.exports, { answer: 42, dir, file: bundle, line: 6 });
  });

  it('writes the cache when the process exits and uses it in the next one', () => {
    assert.equal(run(cacheDir).cache, 'missing');
    assert.equal(caches().length, 1);
    assert.match(caches()[0], /^checker-[0-9a-f]{32}\.cache$/);
    const second = run(cacheDir);
    assert.equal(second.cache, 'used');
    assert.equal(second.exports.answer, 42);
  });

  it('never reads the cache of another text of the same length, and drops it for the new one', () => {
    const old = caches();
    writeBundle(2);
    const r = run(cacheDir);
    assert.equal(r.cache, 'missing');
    assert.equal(r.exports.answer, 43);
    assert.equal(caches().length, 1);
    assert.notEqual(caches()[0], old[0]);
    assert.equal(run(cacheDir).cache, 'used');
  });

  it('compiles as usual when V8 refuses the cache, and writes a good one', () => {
    const file = path.join(cacheDir, caches()[0]);
    writeFileSync(file, Buffer.alloc(readFileSync(file).length, 7));
    const r = run(cacheDir);
    assert.equal(r.cache, 'rejected');
    assert.equal(r.exports.answer, 43);
    assert.equal(run(cacheDir).cache, 'used');
  });

  it('runs when the cache cannot be written', () => {
    const blocked = path.join(dir, 'a-file');
    writeFileSync(blocked, '');
    const r = run(path.join(blocked, 'cache'));
    assert.equal(r.cache, 'missing');
    assert.equal(r.exports.answer, 43);
  });
});
