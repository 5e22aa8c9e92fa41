import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../helpers';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** The names of the entries of a zip file, from its central directory. */
function zipEntries(zip: Buffer): string[] {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, 'not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

/** Files of a folder of the repository, relative to the root. */
function filesUnder(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) =>
      path
        .relative(ROOT, path.join(e.parentPath ?? e.path, e.name))
        .split(path.sep)
        .join('/'),
    );
}

/** Imports of a module in the sources that run in the editor (not the CLI). */
function editorSourcesImporting(pattern: RegExp): string[] {
  const sources = [...filesUnder('client/src'), ...filesUnder('server/src')].filter(
    (f) => f.endsWith('.ts') && !/^server\/src\/cli(?:\/|\.ts$)/.test(f),
  );
  return sources.filter((f) => pattern.test(readFileSync(path.join(ROOT, f), 'utf8')));
}

describe('the manifest', () => {
  it('declares what the extension can do in restricted and virtual workspaces, truthfully', () => {
    // Nothing of the workspace is executed: no process is started from the editor code.
    assert.deepEqual(editorSourcesImporting(/from '(?:node:)?child_process'|require\('(?:node:)?child_process'\)/), []);
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces, { supported: true });
    // Documents reach the server over LSP and files are written with workspace.fs, so any
    // file system works; reading files directly would make support "limited".
    const readsDisk = editorSourcesImporting(/from '(?:node:)?fs(?:\/promises)?'|require\('(?:node:)?fs'\)/);
    if (readsDisk.length) {
      const virtual = pkg.capabilities.virtualWorkspaces;
      assert.equal(virtual?.supported, 'limited', `these read the disk directly: ${readsDisk.join(', ')}`);
      // The description says what is limited, in both languages of the manifest.
      const key = /^%(.+)%$/.exec(virtual.description)?.[1];
      assert.ok(key, 'a localised description');
      for (const nls of ['package.nls.json', 'package.nls.zh-cn.json'])
        assert.ok(JSON.parse(readFileSync(path.join(ROOT, nls), 'utf8'))[key], `${key} in ${nls}`);
    } else assert.equal(pkg.capabilities.virtualWorkspaces, true);
  });

  it('has a 128×128 PNG icon, categories and keywords', () => {
    const png = readFileSync(path.join(ROOT, pkg.icon));
    assert.equal(png.toString('latin1', 1, 4), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.ok(pkg.categories.length > 0 && pkg.keywords.length > 0);
  });
});

describe('the .vsix', () => {
  let dir: string;
  let entries: string[];
  before(() => {
    for (const bundle of [
      'client/out/extension.js',
      'server/out/server.js',
      'server/out/cli.js',
      'server/out/pdf.js',
      'server/out/docx.js',
      'server/out/import.js',
    ]) {
      assert.ok(existsSync(path.join(ROOT, bundle)), `${bundle} is missing: run npm run build first`);
    }
    // The flags of `npm run package`, without its build step (npm test has built already).
    const script: string = pkg.scripts.package;
    const m = /vsce package( [^&|;]*)?$/.exec(script);
    assert.ok(m && script.includes('--no-dependencies'), `scripts.package: ${script}`);
    dir = mkdtempSync(path.join(tmpdir(), 'govreport-vsix-'));
    const out = path.join(dir, 'govreport.vsix');
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const r = spawnSync(
      process.execPath,
      [vsce, 'package', ...(m[1] ?? '').trim().split(/\s+/).filter(Boolean), '--out', out],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
    );
    assert.equal(r.status, 0, `vsce failed:\n${r.stdout}\n${r.stderr}`);
    entries = zipEntries(readFileSync(out));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds only what runs: the bundles, the grammar, media, translations, the schema and the docs', () => {
    const allowed = [
      /^\[Content_Types\]\.xml$/,
      /^extension\.vsixmanifest$/,
      /^extension\/package\.json$/,
      /^extension\/(readme|changelog)\.md$/i,
      /^extension\/LICENSE(\.(txt|md))?$/i,
      /^extension\/client\/out\/extension\.js$/,
      /^extension\/server\/out\/(server|cli|pdf|docx|import)\.js$/,
      // The character maps and their licence.
      /^extension\/server\/out\/cmaps\/(?:[\w-]+\.bcmap|LICENSE)$/,
      /^extension\/(syntaxes|media|l10n|schemas)\/.+$/,
      /^extension\/language-configuration\.json$/,
      /^extension\/package\.nls(\.[a-z-]+)?\.json$/,
      /^extension\/docs\/rules\.md$/,
    ];
    const strays = entries.filter((e) => !allowed.some((a) => a.test(e)));
    assert.deepEqual(strays, [], 'files that do not run');
    assert.ok(!entries.some((e) => /\.(?:map|ts)$|node_modules|\/test\/|\/examples\//.test(e)));
  });

  it('holds everything the manifest and the code refer to', () => {
    const shipped = new Set(entries.filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length)));
    const clean = (p: string) => p.replace(/^\.\//, '');
    const referenced = [
      pkg.main,
      pkg.icon,
      pkg.bin.govreport,
      // The client starts this module; convert.ts links diagnostics to this page.
      'server/out/server.js',
      // Required with its character maps when a PDF is imported (server/src/shared/pdf/load.ts).
      'server/out/pdf.js',
      // Required when exporting to Word and when importing (server/src/shared/bundles.ts).
      'server/out/docx.js',
      'server/out/import.js',
      'server/out/cmaps/UniGB-UCS2-H.bcmap',
      'docs/rules.md',
      'package.nls.json',
      'package.nls.zh-cn.json',
      'l10n/bundle.l10n.zh-cn.json',
      ...pkg.contributes.languages.flatMap((l: any) => [l.configuration, l.icon?.light, l.icon?.dark].filter(Boolean)),
      ...pkg.contributes.grammars.map((g: any) => g.path),
      ...pkg.contributes.yamlValidation.map((y: any) => y.url),
    ].map(clean);
    for (const f of referenced) assert.ok(shipped.has(f), `${f} is not in the .vsix`);
    for (const f of [
      ...filesUnder('server/out/cmaps'),
      ...filesUnder('syntaxes'),
      ...filesUnder('media'),
      ...filesUnder('l10n'),
      ...filesUnder('schemas'),
    ])
      assert.ok(shipped.has(f), `${f} is not in the .vsix`);
  });
});

describe('the bundles', () => {
  const FACES = ['client/out/extension.js', 'server/out/server.js', 'server/out/cli.js'];
  const holds = (bundle: string, marker: string) => readFileSync(path.join(ROOT, bundle), 'utf8').includes(marker);
  // Each library by a name found in its code and nowhere else.
  for (const [what, bundle, marker] of [
    ['pdf.js, when a PDF is imported', 'server/out/pdf.js', 'PDFDocumentProxy'],
    ['docx, when a report is exported to Word', 'server/out/docx.js', 'Packer'],
    ['the importer (parse5, htmlparser2, fflate), when a report is imported', 'server/out/import.js', 'parse5'],
  ])
    it(`load ${what}: it is in its own bundle, not in the extension, the server or the CLI`, () => {
      assert.ok(holds(bundle, marker), `${bundle} holds ${marker}`);
      for (const face of FACES) assert.ok(!holds(face, marker), `${face} holds ${marker}`);
    });
});
