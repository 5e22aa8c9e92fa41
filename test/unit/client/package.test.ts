import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { manifestFiles } from '../../../scripts/generate-manifest';
import { RULE_CODES } from '../../../server/src/core/codes';
import { FORMAT_2021 } from '../../../server/src/core/format';
import { ROOT } from '../helpers';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const NLS = {
  en: JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>,
  zh: JSON.parse(readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>,
};
const CHINESE = /[\u4e00-\u9fff]/;

/** A manifest text given as `%key%`, in both languages, the Chinese one in Chinese (unless a path); returns both. */
function localized(value: unknown, what: string, chinese = true): { en: string; zh: string } {
  const key = typeof value === 'string' ? /^%(.+)%$/.exec(value)?.[1] : undefined;
  assert.ok(key, `${what}: ${JSON.stringify(value)} is not a %key% of package.nls.json`);
  const en = NLS.en[key];
  const zh = NLS.zh[key];
  assert.ok(en, `${what}: ${key} is not in package.nls.json`);
  assert.ok(zh, `${what}: ${key} is not in package.nls.zh-cn.json`);
  if (chinese) assert.match(zh, CHINESE, `${what}: ${key} is not Chinese in package.nls.zh-cn.json: ${zh}`);
  return { en, zh };
}

interface Section {
  id: string;
  title: string;
  properties: Record<string, Record<string, unknown>>;
}

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

  it('is up to date with the rule codes and the 机关类型 of the format (npm run manifest)', async () => {
    for (const { file, text } of await manifestFiles())
      assert.equal(
        readFileSync(file, 'utf8'),
        text,
        `${path.relative(ROOT, file)} is out of date: run npm run manifest`,
      );
  });

  it('gives every setting a localized title (its section) and description', () => {
    const sections: Section[] = pkg.contributes.configuration;
    assert.ok(Array.isArray(sections) && sections.length > 0);
    for (const section of sections) {
      localized(section.title, `the title of settings section ${section.id}`);
      for (const [key, setting] of Object.entries(section.properties)) {
        assert.ok(key.startsWith('govreport.'), key);
        localized(setting.markdownDescription ?? setting.description, key);
      }
    }
  });

  it('lists every registered rule code in govreport.severity, each named in both languages, and every 机关类型 in govreport.deadlines', () => {
    const all = Object.assign({}, ...pkg.contributes.configuration.map((s: Section) => s.properties));
    const severity = all['govreport.severity'];
    assert.deepEqual(Object.keys(severity.properties), RULE_CODES);
    assert.equal(severity.additionalProperties, false, 'a misspelt code is marked in settings.json');
    for (const code of RULE_CODES) {
      const rule = severity.properties[code];
      assert.deepEqual(rule.enum, ['error', 'warning', 'information', 'hint', 'off'], code);
      const { en, zh } = localized(rule.description, `govreport.severity › ${code}`);
      assert.match(en, /\(default: \w+/);
      assert.match(zh, /（默认：/);
      rule.enumDescriptions.forEach((d: string) => localized(d, `the severities of ${code}`));
    }
    // The shapes the server and the config file read: { code: severity } and { 机关类型: "MM-DD" }.
    const deadlines = all['govreport.deadlines'];
    assert.deepEqual(
      Object.keys(deadlines.properties),
      FORMAT_2021.organTypes.map((t) => t.key),
    );
    for (const [type, field] of Object.entries(deadlines.properties) as [string, Record<string, string>][]) {
      assert.equal(field.type, 'string');
      const pattern = new RegExp(field.pattern);
      for (const ok of ['01-20', '1-5', '12-31']) assert.match(ok, pattern, `${type}: ${ok}`);
      for (const bad of ['13-01', '01-32', '0120', '1月20日']) assert.doesNotMatch(bad, pattern, `${type}: ${bad}`);
      localized(field.description, `govreport.deadlines › ${type}`);
      localized(field.patternErrorMessage, `govreport.deadlines › ${type}, its error`);
    }
  });

  it('gives every command its Chinese title, and every menu entry a command', () => {
    const ids = new Set<string>();
    for (const c of pkg.contributes.commands) {
      localized(c.title, c.command);
      ids.add(c.command);
    }
    for (const [menu, entries] of Object.entries(pkg.contributes.menus) as [string, { command: string }[]][])
      for (const e of entries) assert.ok(ids.has(e.command), `${menu}: ${e.command} is not a command`);
    for (const k of pkg.contributes.keybindings) assert.ok(ids.has(k.command), k.command);
  });

  it('has a walkthrough in both languages, each step with its media in each language', () => {
    const [walkthrough] = pkg.contributes.walkthroughs;
    localized(walkthrough.title, 'the walkthrough');
    localized(walkthrough.description, 'the walkthrough');
    assert.ok(walkthrough.steps.length >= 6);
    for (const step of walkthrough.steps) {
      localized(step.title, step.id);
      const { en, zh } = localized(step.description, step.id);
      // The commands its buttons run are the extension's, or the workbench's own.
      for (const [, id] of `${en}\n${zh}`.matchAll(/\(command:([\w.]+)/g))
        assert.ok(id.startsWith('workbench.') || pkg.contributes.commands.some((c: any) => c.command === id), id);
      const media = localized(step.media.markdown, `${step.id} media`, false);
      for (const file of [media.en, media.zh]) assert.ok(existsSync(path.join(ROOT, file)), file);
      assert.match(readFileSync(path.join(ROOT, media.zh), 'utf8'), CHINESE);
    }
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
      'server/out/connection.js',
      'server/out/checker.js',
      'server/out/cli.js',
      'server/out/checkWorker.js',
      'server/out/importWorker.js',
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
      /^extension\/server\/out\/(server|connection|checker|cli|checkWorker|importWorker|pdf|docx|import)\.js$/,
      // The character maps and their licence.
      /^extension\/server\/out\/cmaps\/(?:[\w-]+\.bcmap|LICENSE)$/,
      /^extension\/(syntaxes|media|l10n|schemas)\/.+$/,
      /^extension\/language-configuration\.json$/,
      /^extension\/package\.nls(\.[a-z-]+)?\.json$/,
      /^extension\/docs\/rules(?:\.zh-CN)?\.md$/,
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
      // The client starts this module; convert.ts links diagnostics to these pages, the rule help shows them.
      'server/out/server.js',
      // Loaded by server.js, the one after the other (server/src/lsp/connection.ts).
      'server/out/connection.js',
      'server/out/checker.js',
      // Required with its character maps when a PDF is imported (server/src/shared/pdf/load.ts).
      'server/out/pdf.js',
      // Required when exporting to Word and when importing (server/src/shared/bundles.ts).
      'server/out/docx.js',
      'server/out/import.js',
      'server/out/cmaps/UniGB-UCS2-H.bcmap',
      'docs/rules.md',
      'docs/rules.zh-CN.md',
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
  // Each library by a string of its own that survives minifying (names do not).
  for (const [what, bundle, marker] of [
    ['pdf.js, when a PDF is imported', 'server/out/pdf.js', 'PDFDocumentProxy'],
    ['docx, when a report is exported to Word', 'server/out/docx.js', '[Content_Types].xml'],
    ['the importer (parse5, htmlparser2, fflate), when a report is imported', 'server/out/import.js', 'eof-in-doctype'],
  ])
    it(`load ${what}: it is in its own bundle, not in the extension, the server or the CLI`, () => {
      assert.ok(holds(bundle, marker), `${bundle} holds ${marker}`);
      for (const face of FACES) assert.ok(!holds(face, marker), `${face} holds ${marker}`);
    });
});
