// Writes the parts of the manifest that come from the core: the settings editor's choices for
// govreport.severity (every rule code, with its title and default severity) and the fields of
// govreport.deadlines (every 机关类型 of the format, with its statutory deadline), and their texts
// in package.nls.json (English) and package.nls.zh-cn.json (Chinese). `--check` only compares.
// Run: npm run manifest [-- --check]
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as prettier from 'prettier';
import { CODES, RULE_CODES } from '../server/src/core/codes';
import { FORMAT_2021 } from '../server/src/core/format';

const ROOT = path.resolve(__dirname, '..');
export const MANIFEST_FILES = {
  package: path.join(ROOT, 'package.json'),
  en: path.join(ROOT, 'package.nls.json'),
  zh: path.join(ROOT, 'package.nls.zh-cn.json'),
};

/** The severities a rule can be given, as settings.ts reads them. */
export const SEVERITY_CHOICES = ['error', 'warning', 'information', 'hint', 'off'] as const;
const SEVERITY_NAMES: Record<(typeof SEVERITY_CHOICES)[number], { en: string; zh: string }> = {
  error: { en: 'error', zh: '错误' },
  warning: { en: 'warning', zh: '警告' },
  information: { en: 'information', zh: '信息' },
  hint: {
    en: 'hint: dots under the text, not listed in the Problems panel',
    zh: '提示：只在文字下显示虚点，不列入“问题”面板',
  },
  off: { en: 'off: not checked', zh: '关闭：不检查' },
};

/** Prefixes of the generated texts: the generator owns every key that starts with one. */
const GENERATED = ['config.severity.rule.', 'config.severity.level.', 'config.deadlines.type.'];

/** Months 1–12 and days 1–31, one or two digits, as settings.ts reads them. */
const MONTH_DAY = '^(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12][0-9]|3[01])$';

const pad = (n: number) => String(n).padStart(2, '0');

interface Texts {
  en: Record<string, string>;
  zh: Record<string, string>;
}

function generated(): { severity: Record<string, unknown>; deadlines: Record<string, unknown>; texts: Texts } {
  const texts: Texts = { en: {}, zh: {} };
  for (const s of SEVERITY_CHOICES) {
    texts.en[`config.severity.level.${s}`] = SEVERITY_NAMES[s].en;
    texts.zh[`config.severity.level.${s}`] = SEVERITY_NAMES[s].zh;
  }
  const severity: Record<string, unknown> = {};
  for (const code of RULE_CODES) {
    const { title, severity: byDefault } = CODES[code];
    const key = `config.severity.rule.${code}`;
    texts.en[key] = `${title.en} (default: ${SEVERITY_NAMES[byDefault].en})`;
    texts.zh[key] = `${title['zh-CN']}（默认：${SEVERITY_NAMES[byDefault].zh}）`;
    severity[code] = {
      type: 'string',
      enum: [...SEVERITY_CHOICES],
      enumDescriptions: SEVERITY_CHOICES.map((s) => `%config.severity.level.${s}%`),
      description: `%${key}%`,
    };
  }
  const deadlines: Record<string, unknown> = {};
  for (const type of FORMAT_2021.organTypes) {
    const key = `config.deadlines.type.${type.key}`;
    const statutory = `${pad(type.deadline.month)}-${pad(type.deadline.day)}`;
    texts.en[key] = `${type.key}: ${type.description.en}. Leave empty for the statutory ${statutory}.`;
    texts.zh[key] = `${type.key}：${type.description['zh-CN']}。不填则按法定的 ${statutory}。`;
    deadlines[type.key] = {
      type: 'string',
      pattern: MONTH_DAY,
      patternErrorMessage: '%config.deadlines.pattern%',
      description: `%${key}%`,
    };
  }
  return { severity, deadlines, texts };
}

type Json = Record<string, unknown>;

/** A settings property of the manifest's configuration sections. */
function property(pkg: Json, key: string): Json {
  const sections = (pkg.contributes as Json).configuration as { properties: Json }[];
  const found = sections.find((s) => key in s.properties);
  if (!found) throw new Error(`package.json has no setting ${key}`);
  return found.properties[key] as Json;
}

/** The texts of one nls file with the generated ones replaced (the others keep their place). */
function withTexts(current: Record<string, string>, texts: Record<string, string>): Record<string, string> {
  const kept = Object.entries(current).filter(([k]) => !GENERATED.some((p) => k.startsWith(p)));
  return { ...Object.fromEntries(kept), ...texts };
}

/** As Prettier writes the file (package.json as JSON.stringify does, the others as JSON). */
async function json(file: string, value: unknown): Promise<string> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(JSON.stringify(value, null, 2), { ...options, filepath: file });
}

/** Every file the generator writes, with the text it should have. */
export async function manifestFiles(): Promise<{ file: string; text: string }[]> {
  const { severity, deadlines, texts } = generated();
  const pkg = JSON.parse(readFileSync(MANIFEST_FILES.package, 'utf8')) as Json;
  property(pkg, 'govreport.severity').properties = severity;
  property(pkg, 'govreport.deadlines').properties = deadlines;
  const nls = (file: string, t: Record<string, string>) =>
    withTexts(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>, t);
  return [
    { file: MANIFEST_FILES.package, text: await json(MANIFEST_FILES.package, pkg) },
    { file: MANIFEST_FILES.en, text: await json(MANIFEST_FILES.en, nls(MANIFEST_FILES.en, texts.en)) },
    { file: MANIFEST_FILES.zh, text: await json(MANIFEST_FILES.zh, nls(MANIFEST_FILES.zh, texts.zh)) },
  ];
}

if (require.main === module) {
  void (async () => {
    const check = process.argv.includes('--check');
    let stale = false;
    for (const { file, text } of await manifestFiles()) {
      const name = path.relative(process.cwd(), file);
      if (readFileSync(file, 'utf8') === text) continue;
      if (check) {
        console.error(`${name} is out of date: run npm run manifest`);
        stale = true;
      } else {
        writeFileSync(file, text);
        console.log(`wrote ${name}`);
      }
    }
    if (stale) process.exit(1);
  })();
}
