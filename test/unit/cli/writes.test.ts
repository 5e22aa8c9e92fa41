/**
 * The CLI's writes (`fix`, `import`, `render`): through a temporary file and a rename in the
 * same folder, never half-written, never over an existing output without --force, and the
 * input untouched whenever a command fails. Failures are simulated where the file system
 * would not fail on its own (the tests may run as root, which ignores permissions).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fsModule from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { UsageError, writeAtomic } from '../../../server/src/cli/files';
import { fixAll } from '../../../server/src/core/edits';
import { EXAMPLE, ROOT } from '../helpers';
import { cliRunner } from './capture';

const PUBLISHED = path.join(ROOT, 'test', 'fixtures', 'lvliang-2024.published.txt');
/** The example with a fix-all change to make (年度 written as text). */
const FIXABLE = EXAMPLE.replace('年度: 2024', '年度: "2024年"');

const run = cliRunner('en_US.UTF-8');

const dirs: string[] = [];
function folder(): string {
  const dir = fs.mkdtempSync(path.join(tmpdir(), 'govreport-writes-'));
  dirs.push(dir);
  return dir;
}

/** What a file is: its bytes, mode and modification time. */
function snapshot(file: string): { bytes: string; mode: number; mtimeMs: number } {
  const st = fs.statSync(file);
  return { bytes: fs.readFileSync(file).toString('base64'), mode: st.mode, mtimeMs: st.mtimeMs };
}

/** Files in a folder besides the expected ones (a temporary file left behind would show here). */
const others = (dir: string, expected: string[]) => fs.readdirSync(dir).filter((f) => !expected.includes(f));

/** Replaces a function of `fs` for the duration of one test. */
const restores: (() => void)[] = [];
function patch<K extends 'writeSync' | 'fsyncSync' | 'renameSync'>(
  name: K,
  impl: (original: (typeof fs)[K]) => (typeof fs)[K],
): void {
  // The module object itself: what the CLI's `fs` reads through.
  const mutable = fsModule as unknown as Record<string, unknown>;
  const original = fs[name];
  mutable[name] = impl(original);
  restores.push(() => (mutable[name] = original));
}

const diskFull = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

afterEach(() => {
  while (restores.length) restores.pop()!();
});
process.on('exit', () => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('writeAtomic', () => {
  it('writes a new file and leaves nothing else in the folder', () => {
    const dir = folder();
    const file = path.join(dir, 'out.html');
    writeAtomic(file, '新的内容', { overwrite: false });
    assert.equal(fs.readFileSync(file, 'utf8'), '新的内容');
    assert.deepEqual(others(dir, ['out.html']), []);
  });

  it('refuses to replace an existing file unless told to, and then keeps its mode', () => {
    const dir = folder();
    const file = path.join(dir, 'out.html');
    fs.writeFileSync(file, 'old');
    fs.chmodSync(file, 0o640);
    const before = snapshot(file);
    assert.throws(
      () => writeAtomic(file, 'new', { overwrite: false }),
      (e) => e instanceof UsageError && /already exists \(use --force/.test(e.message),
    );
    assert.deepEqual(snapshot(file), before);
    writeAtomic(file, 'new', { overwrite: true });
    assert.equal(fs.readFileSync(file, 'utf8'), 'new');
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(others(dir, ['out.html']), []);
  });

  it('does not take a name that appears while it writes', () => {
    const dir = folder();
    const file = path.join(dir, 'out.html');
    // Another program creates the output between the check and the rename.
    patch('fsyncSync', (original) => (fd) => {
      original(fd);
      if (!fs.existsSync(file)) fs.writeFileSync(file, 'theirs');
    });
    assert.throws(() => writeAtomic(file, 'ours', { overwrite: false }), UsageError);
    assert.equal(fs.readFileSync(file, 'utf8'), 'theirs');
    assert.deepEqual(others(dir, ['out.html']), []);
  });

  it('never leaves a half-written file: a write failing midway leaves the old file and no temporary one', () => {
    const dir = folder();
    const file = path.join(dir, 'out.html');
    fs.writeFileSync(file, 'old');
    const before = snapshot(file);
    let calls = 0;
    patch(
      'writeSync',
      (original) =>
        ((fd: number, buffer: Uint8Array, offset: number, length: number) => {
          // Half of it goes to disk, then the disk is full.
          if (calls++ === 0) return original(fd, buffer, offset, Math.max(1, length >> 1));
          throw diskFull();
        }) as typeof fs.writeSync,
    );
    assert.throws(() => writeAtomic(file, 'x'.repeat(100_000), { overwrite: true }), /ENOSPC/);
    assert.deepEqual(snapshot(file), before);
    assert.deepEqual(others(dir, ['out.html']), []);
  });

  it('fails cleanly where the folder cannot be written', () => {
    const dir = folder();
    const notAFolder = path.join(dir, 'a-file');
    fs.writeFileSync(notAFolder, 'x');
    assert.throws(() => writeAtomic(path.join(notAFolder, 'out.html'), 'x', { overwrite: false }), /ENOTDIR/);
    assert.throws(() => writeAtomic(path.join(dir, 'missing', 'out.html'), 'x', { overwrite: false }), /ENOENT/);
    if (process.getuid?.() !== 0) {
      // Permissions mean nothing to root; elsewhere a read-only folder is the real case.
      const readOnly = path.join(dir, 'read-only');
      fs.mkdirSync(readOnly, { mode: 0o555 });
      assert.throws(() => writeAtomic(path.join(readOnly, 'out.html'), 'x', { overwrite: false }), /EACCES/);
      assert.deepEqual(fs.readdirSync(readOnly), []);
    }
    assert.deepEqual(others(dir, ['a-file']), []);
  });

  it('replaces what a symbolic link points to and keeps the link', () => {
    const dir = folder();
    fs.mkdirSync(path.join(dir, 'real'));
    const real = path.join(dir, 'real', 'r.report.yaml');
    fs.writeFileSync(real, 'old');
    const link = path.join(dir, 'link.report.yaml');
    fs.symlinkSync(real, link);
    writeAtomic(link, 'new', { overwrite: true });
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.readFileSync(real, 'utf8'), 'new');
    assert.deepEqual(others(path.join(dir, 'real'), ['r.report.yaml']), []);
  });
});

describe('the commands that write', () => {
  it('fix: writes in place atomically, and leaves a file as it was when the write fails', async () => {
    const dir = folder();
    const a = path.join(dir, 'a.report.yaml');
    const b = path.join(dir, 'b.report.yaml');
    fs.writeFileSync(a, FIXABLE);
    fs.writeFileSync(b, FIXABLE);
    const beforeA = snapshot(a);
    // The first write fails (disk full after some bytes); the second goes through.
    let failed = false;
    patch(
      'writeSync',
      (original) =>
        ((fd: number, buffer: Uint8Array, offset: number, length: number) => {
          if (failed) return original(fd, buffer, offset, length);
          failed = true;
          original(fd, buffer, offset, 10);
          throw diskFull();
        }) as typeof fs.writeSync,
    );
    const r = await run('fix', a, b);
    assert.equal(r.code, 2);
    assert.match(r.err, /a\.report\.yaml: cannot write: ENOSPC/);
    assert.deepEqual(snapshot(a), beforeA, 'the file whose write failed is untouched');
    assert.match(fs.readFileSync(b, 'utf8'), /^年度: 2024$/m, 'the other file is fixed');
    assert.deepEqual(others(dir, ['a.report.yaml', 'b.report.yaml']), []);
  });

  it('fix keeps a byte-order mark and CRLF line ends', async () => {
    const dir = folder();
    const a = path.join(dir, 'a.report.yaml');
    fs.writeFileSync(a, '\ufeff' + FIXABLE.replace(/\n/g, '\r\n'));
    await run('fix', a);
    const after = fs.readFileSync(a, 'utf8');
    assert.ok(after.startsWith('\ufeff'), 'the BOM is still there');
    assert.match(after, /\r\n年度: 2024\r\n/);
    assert.doesNotMatch(after, /[^\r]\n/);
  });

  it('fix --dry-run writes nothing', async () => {
    const dir = folder();
    const a = path.join(dir, 'a.report.yaml');
    fs.writeFileSync(a, FIXABLE);
    const before = snapshot(a);
    const r = await run('fix', '--dry-run', a);
    assert.match(r.out, /^\+年度: 2024$/m);
    assert.deepEqual(snapshot(a), before);
  });

  for (const [command, input, extraArgs] of [
    ['render', 'r.report.yaml', []],
    ['render', 'r.report.yaml', ['--format', 'docx']],
    ['import', 'published.txt', []],
  ] as const) {
    const name = `${command} ${extraArgs.join(' ')}`.trim();
    const setup = () => {
      const dir = folder();
      const file = path.join(dir, input);
      fs.writeFileSync(file, command === 'import' ? fs.readFileSync(PUBLISHED) : EXAMPLE);
      return { dir, file, before: snapshot(file) };
    };

    it(`${name}: an existing output is replaced only with --force; the input never changes`, async () => {
      const { dir, file, before } = setup();
      const out = path.join(dir, 'out.file');
      fs.writeFileSync(out, 'keep me');
      const refused = await run(command, ...extraArgs, file, '-o', out);
      assert.equal(refused.code, 2);
      assert.match(refused.err, /already exists \(use --force to replace it\)/);
      assert.equal(fs.readFileSync(out, 'utf8'), 'keep me');
      const forced = await run(command, ...extraArgs, '--force', file, '-o', out);
      assert.equal(forced.code, 0, forced.err);
      assert.notEqual(fs.readFileSync(out, 'utf8'), 'keep me');
      assert.deepEqual(snapshot(file), before);
      assert.deepEqual(others(dir, [input, 'out.file']), []);
    });

    it(`${name}: never writes over its input, even with --force`, async () => {
      const { file, before } = setup();
      const r = await run(command, ...extraArgs, '--force', file, '-o', file);
      assert.equal(r.code, 2);
      assert.match(r.err, /would replace/);
      assert.deepEqual(snapshot(file), before);
    });

    it(`${name}: an output that cannot be written is an error message, not a crash, and nothing is left`, async () => {
      const { dir, file, before } = setup();
      for (const out of [path.join(file, 'out.file'), path.join(dir, 'missing', 'out.file')]) {
        const r = await run(command, ...extraArgs, file, '-o', out);
        assert.equal(r.code, 2, r.err);
        assert.match(r.err, /cannot write/);
      }
      // A disk that fills up while writing.
      patch('writeSync', () => () => {
        throw diskFull();
      });
      const full = await run(command, ...extraArgs, file, '-o', path.join(dir, 'out.file'));
      assert.equal(full.code, 2, full.err);
      assert.match(full.err, /cannot write: ENOSPC/);
      assert.deepEqual(snapshot(file), before);
      assert.deepEqual(others(dir, [input]), []);
    });
  }
});

describe('writes that must not lose anything', () => {
  for (const [command, input, extraArgs] of [
    ['render', 'r.report.yaml', []],
    ['render', 'r.report.yaml', ['--format', 'docx']],
    ['import', 'published.txt', []],
  ] as const) {
    const name = `${command} ${extraArgs.join(' ')}`.trim();
    it(`${name} --force: never writes over its input through a link, a linked folder, a hard link or /proc/self/cwd`, async () => {
      const dir = folder();
      const file = path.join(dir, input);
      fs.writeFileSync(file, command === 'import' ? fs.readFileSync(PUBLISHED) : EXAMPLE);
      const before = snapshot(file);
      fs.symlinkSync(file, path.join(dir, 'link'));
      fs.symlinkSync(dir, path.join(dir, 'folder-link'));
      fs.linkSync(file, path.join(dir, 'hard-link'));
      const outs = [path.join(dir, 'link'), path.join(dir, 'folder-link', input), path.join(dir, 'hard-link')];
      // Joined as text: path.join would resolve the .. lexically, before /proc/self/cwd is followed.
      if (fs.existsSync('/proc/self/cwd')) outs.push(`/proc/self/cwd/${path.relative(process.cwd(), file)}`);
      for (const out of outs) {
        const r = await run(command, ...extraArgs, '--force', file, '-o', out);
        assert.equal(r.code, 2, `${out}: ${r.err}`);
        assert.match(r.err, /would replace/, out);
        assert.deepEqual(snapshot(file), before, out);
      }
    });
  }

  it('fix and render: a name of 78 Chinese characters is written, not refused as too long', async () => {
    const dir = folder();
    const file = path.join(dir, `${'国'.repeat(78)}.report.yaml`);
    fs.writeFileSync(file, FIXABLE);
    const fixed = await run('fix', file);
    assert.doesNotMatch(fixed.err, /ENAMETOOLONG|cannot write/);
    assert.match(fs.readFileSync(file, 'utf8'), /^年度: 2024$/m);
    const rendered = await run('render', '--format', 'docx', file);
    assert.equal(rendered.code, 0, rendered.err);
    assert.ok(fs.existsSync(path.join(dir, `${'国'.repeat(78)}.docx`)));
    assert.deepEqual(others(dir, [path.basename(file), `${'国'.repeat(78)}.docx`]), []);
  });

  it(
    'fix keeps the owner, group and mode of a file it replaces',
    { skip: process.getuid?.() !== 0 && 'needs root' },
    async () => {
      const dir = folder();
      const file = path.join(dir, 'a.report.yaml');
      fs.writeFileSync(file, FIXABLE);
      fs.chownSync(file, 1234, 2345);
      fs.chmodSync(file, 0o640);
      await run('fix', file);
      const st = fs.statSync(file);
      assert.match(fs.readFileSync(file, 'utf8'), /^年度: 2024$/m, 'fixed');
      assert.deepEqual([st.uid, st.gid, st.mode & 0o7777], [1234, 2345, 0o640]);
    },
  );

  it('fix leaves a file that changed while it ran as the other program left it', async () => {
    const dir = folder();
    const file = path.join(dir, 'a.report.yaml');
    fs.writeFileSync(file, FIXABLE);
    const theirs = FIXABLE.replace('机关: 吕梁市人民政府办公室', '机关: 吕梁市人民政府');
    // Another program saves the file after fix read it, before the new text takes its name.
    patch('fsyncSync', (original) => (fd) => {
      original(fd);
      fs.writeFileSync(file, theirs);
    });
    const r = await run('fix', file);
    assert.equal(r.code, 2);
    assert.match(r.err, /a\.report\.yaml: cannot write: the file changed while it was being fixed/);
    assert.equal(fs.readFileSync(file, 'utf8'), theirs);
    assert.deepEqual(others(dir, ['a.report.yaml']), []);
  });
});

describe('files in other encodings', () => {
  const ENCODINGS = path.join(ROOT, 'test', 'fixtures', 'encodings');
  const copy = (name: string) => {
    const file = path.join(folder(), name);
    fs.copyFileSync(path.join(ENCODINGS, name), file);
    return file;
  };
  /** The file after fix: the fixed text in the encoding `label`, byte for byte as before up to the first fix (年度). */
  const assertFixedIn = (label: string, before: Buffer, after: Buffer, start: number) => {
    const decoder = new TextDecoder(label, { fatal: true });
    assert.equal(decoder.decode(after.subarray(start)), fixAll(decoder.decode(before.subarray(start))).text);
    const firstFix = before.indexOf(label === 'gb18030' ? '"2024' : Buffer.from('"2024', 'utf16le'));
    assert.ok(firstFix > 0);
    assert.deepEqual(after.subarray(0, firstFix), before.subarray(0, firstFix));
  };

  it('fix writes a GBK file back in GBK, changing only what it fixes', async () => {
    const file = copy('gbk.report.yaml');
    const before = fs.readFileSync(file);
    const r = await run('fix', file);
    assert.match(r.err, /read and written as GB18030/);
    assertFixedIn('gb18030', before, fs.readFileSync(file), 0);
    assert.doesNotMatch(r.out, /undecodable-text/);
  });

  it('fix writes a UTF-16 file back in UTF-16 with its byte-order mark', async () => {
    const file = copy('utf16le.report.yaml');
    const before = fs.readFileSync(file);
    await run('fix', file);
    const after = fs.readFileSync(file);
    assert.deepEqual([...after.subarray(0, 2)], [0xff, 0xfe]);
    assertFixedIn('utf-16le', before, after, 2);
  });

  it('fix refuses a UTF-8 file with a stray byte, says where, and writes nothing', async () => {
    const file = copy('stray-byte.report.yaml');
    const before = snapshot(file);
    const r = await run('fix', file);
    assert.equal(r.code, 2);
    assert.match(r.err, /stray-byte\.report\.yaml: bytes at 2:\d+ are not valid UTF-8: not fixed/);
    assert.deepEqual(snapshot(file), before);
    assert.deepEqual(others(path.dirname(file), ['stray-byte.report.yaml']), []);
  });

  it('check reads a GBK file as GBK, and names the bytes it could not read in another', async () => {
    const gbk = await run('check', copy('gbk.report.yaml'));
    assert.match(gbk.out, /:11:7: error signed-before-year-end/);
    assert.doesNotMatch(gbk.out, /undecodable-text/);
    const stray = await run('check', copy('stray-byte.report.yaml'));
    assert.match(
      stray.out,
      /stray-byte\.report\.yaml:2:\d+: error undecodable-text: 1 byte sequence\(s\) could not be read as UTF-8/,
    );
  });
});
