/**
 * Reading `.govreport.yaml`. Never throws: whatever is wrong (YAML that does not parse, a key
 * it does not know, a value of the wrong kind, a rule code misspelt, a deadline that is not a
 * date) is a problem at its place in the file, and the entry is left out; the rest applies.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';
import { isRuleCode, RULE_CODES } from '../codes';
import type { Deadline } from '../deadlines';
import { txt, type Severity, type Span, type Text } from '../findings';
import { FORMATS, type FormatDecl } from '../format';
import { LabelMatcher } from '../labels';
import { LineIndex } from '../lineIndex';
import { closestSection, sectionByName, subsectionByName } from './sections';
import {
  CONFIG_CODES,
  EMPTY_CONFIG,
  type ConfigCode,
  type ConfigProblem,
  type Deduction,
  type LocalRequirement,
  type ProjectConfig,
} from './types';

export interface ParsedConfig {
  config: ProjectConfig;
  problems: ConfigProblem[];
  lines: LineIndex;
}

/** The keys of the file, in the order the documentation lists them. */
export const CONFIG_KEYS = [
  'notice',
  'reviewer',
  'deadlines',
  'severity',
  'reuseThreshold',
  'requirements',
  'deductions',
  'fullScore',
] as const;

export const REQUIREMENT_KEYS = [
  'section',
  'subsection',
  'organTypes',
  'maxLength',
  'minLength',
  'phrases',
  'counted',
  'message',
] as const;

export const SEVERITY_VALUES = ['error', 'warning', 'information', 'hint', 'off'] as const;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A deadline written `MM-DD` (`01-31`, `1-31`), the shape of the setting and of the config
 * file; undefined unless it is a day of every year (`02-29` is not).
 */
export function parseDeadline(value: string): Deadline | undefined {
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(value.trim());
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1] ? { month, day } : undefined;
}

const keyMatcher = new LabelMatcher(CONFIG_KEYS.map((k) => ({ label: k, value: k })));
const requirementKeyMatcher = new LabelMatcher(REQUIREMENT_KEYS.map((k) => ({ label: k, value: k })));
const codeMatcher = new LabelMatcher(RULE_CODES.map((c) => ({ label: c, value: c })));

export function parseConfig(text: string, formats: readonly FormatDecl[] = FORMATS): ParsedConfig {
  const lines = new LineIndex(text);
  const r = new Reader(text, formats);
  const config: ProjectConfig = { ...EMPTY_CONFIG, deadlines: {}, severity: {}, requirements: [], deductions: {} };
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  for (const e of doc.errors) {
    const [start, end] = e.pos;
    r.problemAt('config-syntax', { start, end: Math.max(end, start + 1) }, txt(yamlMessage(e.code), e.message));
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { config, problems: r.problems, lines };
  if (!isMap(root)) {
    r.problem(
      'config-invalid-value',
      root,
      txt(
        '配置文件应是“键: 值”的映射，如 deadlines: …',
        'the config file should be a mapping of keys, such as deadlines: …',
      ),
    );
    return { config, problems: r.problems, lines };
  }
  for (const pair of root.items) {
    const key = r.key(pair.key);
    if (key === undefined) continue;
    const value = pair.value as Node | null;
    const known = keyMatcher.match(key);
    if (!known || known !== key) {
      r.unknownKey(pair.key as Node, key, keyMatcher);
      continue;
    }
    switch (known) {
      case 'notice':
      case 'reviewer': {
        const s = r.string(value, pair.key as Node, key);
        if (s !== undefined) config[known] = s;
        break;
      }
      case 'deadlines':
        readDeadlines(r, value, pair.key as Node, config);
        break;
      case 'severity':
        readSeverity(r, value, pair.key as Node, config);
        break;
      case 'reuseThreshold': {
        const t = r.share(value, pair.key as Node);
        if (t !== undefined) config.reuseThreshold = t;
        break;
      }
      case 'requirements':
        readRequirements(r, value, pair.key as Node, config);
        break;
      case 'deductions':
        readDeductions(r, value, pair.key as Node, config);
        break;
      case 'fullScore': {
        const n = r.number(value, pair.key as Node, key, { min: 0, exclusive: true });
        if (n !== undefined) config.fullScore = n;
        break;
      }
    }
  }
  return { config, problems: r.problems, lines };
}

function readDeadlines(r: Reader, value: Node | null, at: Node, config: ProjectConfig): void {
  const map = r.map(value, at, 'deadlines');
  if (!map) return;
  const types = [...new Set(r.formats.flatMap((f) => f.organTypes.map((t) => t.key)))];
  const matcher = new LabelMatcher(types.map((t) => ({ label: t, value: t })));
  for (const pair of map.items) {
    const type = r.key(pair.key);
    if (type === undefined) continue;
    if (!types.includes(type)) {
      const near = matcher.closest(type)?.label;
      r.problem(
        'config-invalid-value',
        pair.key as Node,
        txt(
          `未知的机关类型“${type}”${near ? `（是否为“${near}”？）` : ''}：可用的有${types.map((t) => `“${t}”`).join('、')}`,
          `unknown 机关类型 "${type}"${near ? ` (did you mean "${near}"?)` : ''}: the types are ${types.join(', ')}`,
        ),
      );
      continue;
    }
    const raw = r.string(pair.value as Node | null, pair.key as Node, type);
    if (raw === undefined) continue;
    const d = parseDeadline(raw);
    if (!d) {
      r.problem(
        'config-invalid-value',
        pair.value as Node,
        txt(
          `期限“${raw}”不是一年中的某一天：写成“月-日”，如 01-31（${type}的报告在次年这一天前公布）`,
          `deadline "${raw}" is not a day of the year: write MM-DD, e.g. 01-31 (the ${type} report is due by that day of the next year)`,
        ),
      );
      continue;
    }
    config.deadlines[type] = d;
  }
}

function readSeverity(r: Reader, value: Node | null, at: Node, config: ProjectConfig): void {
  const map = r.map(value, at, 'severity');
  if (!map) return;
  for (const pair of map.items) {
    const code = r.code(pair.key);
    if (code === undefined) continue;
    const v = r.string(pair.value as Node | null, pair.key as Node, code);
    if (v === undefined) continue;
    if (!(SEVERITY_VALUES as readonly string[]).includes(v)) {
      r.problem(
        'config-invalid-value',
        pair.value as Node,
        txt(
          `严重程度“${v}”无效：可用 ${SEVERITY_VALUES.join('、')}`,
          `severity "${v}" is not one of ${SEVERITY_VALUES.join(', ')}`,
        ),
      );
      continue;
    }
    config.severity[code] = v as Severity | 'off';
  }
}

function readDeductions(r: Reader, value: Node | null, at: Node, config: ProjectConfig): void {
  const map = r.map(value, at, 'deductions');
  if (!map) return;
  for (const pair of map.items) {
    const code = r.code(pair.key);
    if (code === undefined) continue;
    const v = pair.value as Node | null;
    let d: Deduction | undefined;
    if (isMap(v)) {
      let points: number | undefined;
      let max: number | undefined;
      let ok = true;
      for (const p of v.items) {
        const k = r.key(p.key);
        if (k === 'points') points = r.number(p.value as Node | null, p.key as Node, k, { min: 0 });
        else if (k === 'max') max = r.number(p.value as Node | null, p.key as Node, k, { min: 0 });
        else if (k !== undefined) {
          r.unknownKey(p.key as Node, k, new LabelMatcher(['points', 'max'].map((x) => ({ label: x, value: x }))));
          ok = false;
        }
      }
      if (points === undefined && ok)
        r.problem(
          'config-invalid-value',
          v,
          txt(`“${code}”的扣分没有写 points（每处扣几分）`, `the deduction for "${code}" has no points (per finding)`),
        );
      if (points !== undefined) d = max === undefined ? { points } : { points, max };
    } else {
      const points = r.number(v, pair.key as Node, code, { min: 0 });
      if (points !== undefined) d = { points };
    }
    if (d) config.deductions[code] = d;
  }
}

function readRequirements(r: Reader, value: Node | null, at: Node, config: ProjectConfig): void {
  if (!isSeq(value)) {
    r.problem(
      'config-invalid-value',
      value ?? at,
      txt('requirements 应是一个列表，每项以“- ”开头', 'requirements should be a list, each item starting with "- "'),
    );
    return;
  }
  for (const item of value.items as (Node | null)[]) {
    const req = readRequirement(r, item, value as Node);
    if (req) config.requirements.push(req);
  }
}

function readRequirement(r: Reader, item: Node | null, at: Node): LocalRequirement | undefined {
  const map = r.map(item, at, 'requirements');
  if (!map) return undefined;
  const before = r.problems.length;
  const req: Partial<LocalRequirement> = {};
  let sectionNode: Node | undefined;
  let subsectionNode: Node | undefined;
  for (const pair of map.items) {
    const key = r.key(pair.key);
    if (key === undefined) continue;
    const v = pair.value as Node | null;
    const k = requirementKeyMatcher.match(key);
    if (!k || k !== key) {
      r.unknownKey(pair.key as Node, key, requirementKeyMatcher);
      continue;
    }
    switch (k) {
      case 'section':
        req.section = r.string(v, pair.key as Node, k);
        sectionNode = v ?? undefined;
        break;
      case 'subsection':
        req.subsection = r.string(v, pair.key as Node, k);
        subsectionNode = v ?? undefined;
        break;
      case 'organTypes':
        req.organTypes = r.organTypes(v, pair.key as Node);
        break;
      case 'maxLength':
      case 'minLength':
        req[k] = r.number(v, pair.key as Node, k, { min: 1, integer: true });
        break;
      case 'phrases':
        req.phrases = r.phrases(v, pair.key as Node);
        break;
      case 'counted':
        if (isScalar(v) && typeof v.value === 'boolean') req.counted = v.value;
        else
          r.problem(
            'config-invalid-value',
            v ?? (pair.key as Node),
            txt('counted 应为 true 或 false', 'counted should be true or false'),
          );
        break;
      case 'message':
        req.message = r.message(v, pair.key as Node);
        break;
    }
  }
  const problem = (node: Node, zh: string, en: string) => r.problem('config-invalid-value', node, txt(zh, en));
  if (req.section !== undefined && sectionNode) {
    const found = r.formats.map((f) => sectionByName(f, req.section!)).find((s) => s);
    if (!found) {
      const near = closestSection(r.formats[0], req.section);
      problem(
        sectionNode,
        `报告中没有“${req.section}”这一部分${near ? `（是否为“${near}”？）` : ''}`,
        `the report has no section "${req.section}"${near ? ` (did you mean "${near}"?)` : ''}`,
      );
    } else if (found.kind !== 'text') {
      problem(
        sectionNode,
        `“${found.title}”是表格：本地要求只适用于文字部分`,
        `"${found.title}" is a table: local requirements apply to the texts`,
      );
    } else if (req.subsection !== undefined && subsectionNode && found.closedSubsections) {
      if (!subsectionByName(found, req.subsection))
        problem(
          subsectionNode,
          `“${found.title}”没有“${req.subsection}”这一项${
            found.subsections.length ? `：可用的有${found.subsections.map((s) => `“${s.key}”`).join('、')}` : ''
          }`,
          `"${found.title}" has no sub-section "${req.subsection}"`,
        );
    }
  } else if (req.subsection !== undefined && subsectionNode) {
    problem(subsectionNode, 'subsection 需要同时写明 section', 'subsection needs a section');
  }
  if (req.counted && !req.phrases) problem(map, 'counted 需要同时写明 phrases', 'counted needs phrases');
  if (req.minLength !== undefined && req.maxLength !== undefined && req.minLength > req.maxLength)
    problem(map, 'minLength 大于 maxLength', 'minLength is greater than maxLength');
  if (
    req.maxLength === undefined &&
    req.minLength === undefined &&
    req.phrases === undefined &&
    r.problems.length === before
  )
    problem(
      map,
      '这项要求没有内容：写 maxLength、minLength 或 phrases',
      'this requirement asks for nothing: give maxLength, minLength or phrases',
    );
  if (!req.message && r.problems.length === before)
    problem(map, '这项要求没有 message（发现时显示的说明）', 'this requirement has no message (what a finding says)');
  // A requirement with any problem is left out: half of one would find what the notice does not ask.
  if (r.problems.length !== before || !req.message) return undefined;
  return req as LocalRequirement;
}

/** The yaml package's error codes in the words of the config file's author. */
function yamlMessage(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return '重复的键：同一个键只能写一次';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'YAML 缩进或标点有误';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'YAML 键没有写在一行内，或缺少冒号';
    default:
      return `YAML 语法错误（${code}）`;
  }
}

/** Reads values and records problems, each at the node it is about. */
class Reader {
  readonly problems: ConfigProblem[] = [];

  constructor(
    private readonly text: string,
    readonly formats: readonly FormatDecl[],
  ) {}

  spanOf(node: Node | null | undefined): Span {
    const range = node?.range;
    if (!range) return { start: 0, end: Math.min(1, this.text.length) };
    return { start: range[0], end: Math.max(range[1], range[0] + 1) };
  }

  problemAt(code: ConfigCode, span: Span, message: Text): void {
    const end = Math.min(span.end, this.text.length);
    this.problems.push({
      code,
      severity: CONFIG_CODES[code].severity,
      span: { start: Math.min(span.start, end), end },
      message,
    });
  }

  problem(code: ConfigCode, node: Node | null | undefined, message: Text): void {
    this.problemAt(code, this.spanOf(node), message);
  }

  /** A key as text; a key that is not a plain scalar is a problem. */
  key(node: unknown): string | undefined {
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
    this.problem('config-invalid-value', node as Node, txt('键应是一个名称', 'a key should be a name'));
    return undefined;
  }

  unknownKey(node: Node, key: string, matcher: LabelMatcher<string>): void {
    const near = matcher.closest(key)?.label;
    this.problem(
      'config-unknown-key',
      node,
      txt(
        `未知的配置项“${key}”，已忽略${near ? `（是否为“${near}”？）` : ''}：可用的有 ${matcher.labels().join('、')}`,
        `unknown key "${key}", ignored${near ? ` (did you mean "${near}"?)` : ''}: the keys are ${matcher.labels().join(', ')}`,
      ),
    );
  }

  /** A rule code as a key of severity or deductions. */
  code(node: unknown): string | undefined {
    const code = this.key(node);
    if (code === undefined) return undefined;
    if (isRuleCode(code)) return code;
    const near = codeMatcher.closest(code)?.label;
    this.problem(
      'config-unknown-rule',
      node as Node,
      txt(
        `没有规则代码“${code}”${near ? `（是否为“${near}”？）` : ''}：规则代码见 docs/rules.zh-CN.md`,
        `there is no rule code "${code}"${near ? ` (did you mean "${near}"?)` : ''}: the codes are in docs/rules.md`,
      ),
    );
    return undefined;
  }

  map(node: Node | null, at: Node, name: string): YAMLMap | undefined {
    if (isMap(node)) return node;
    this.problem(
      'config-invalid-value',
      node ?? at,
      txt(`${name} 应是“键: 值”的映射`, `${name} should be a mapping of keys to values`),
    );
    return undefined;
  }

  string(node: Node | null, at: Node, name: string): string | undefined {
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim()) return node.value.trim();
    this.problem('config-invalid-value', node ?? at, txt(`“${name}”应是一段文字`, `"${name}" should be a text`));
    return undefined;
  }

  number(
    node: Node | null,
    at: Node,
    name: string,
    bounds: { min: number; exclusive?: boolean; integer?: boolean },
  ): number | undefined {
    const v = isScalar(node) ? node.value : undefined;
    const ok =
      typeof v === 'number' &&
      Number.isFinite(v) &&
      (bounds.exclusive ? v > bounds.min : v >= bounds.min) &&
      (!bounds.integer || Number.isInteger(v));
    if (ok) return v;
    const what = bounds.integer ? '正整数' : bounds.exclusive ? '大于 0 的数' : '不小于 0 的数';
    const whatEn = bounds.integer
      ? 'a whole number of at least 1'
      : bounds.exclusive
        ? 'a number above 0'
        : 'a number, 0 or more';
    this.problem('config-invalid-value', node ?? at, txt(`“${name}”应是${what}`, `"${name}" should be ${whatEn}`));
    return undefined;
  }

  /** A share written 0.5 or 50%. */
  share(node: Node | null, at: Node): number | undefined {
    const v = isScalar(node) ? node.value : undefined;
    let n: number | undefined;
    if (typeof v === 'number') n = v;
    else if (typeof v === 'string') {
      const m = /^\s*(\d+(?:\.\d+)?)\s*[%％]\s*$/.exec(v);
      if (m) n = Number(m[1]) / 100;
    }
    if (n !== undefined && n > 0 && n <= 1) return n;
    this.problem(
      'config-invalid-value',
      node ?? at,
      txt(
        'reuseThreshold（重复率）应在 0 和 1 之间，如 0.5，或写成百分数，如 50%',
        'reuseThreshold should be a share between 0 and 1, such as 0.5, or a percentage such as 50%',
      ),
    );
    return undefined;
  }

  organTypes(node: Node | null, at: Node): string[] | undefined {
    const types = [...new Set(this.formats.flatMap((f) => f.organTypes.map((t) => t.key)))];
    const items = isSeq(node) ? (node.items as (Node | null)[]) : [node];
    const out: string[] = [];
    for (const item of items) {
      const t = this.string(item, at, 'organTypes');
      if (t === undefined) continue;
      if (types.includes(t)) out.push(t);
      else
        this.problem(
          'config-invalid-value',
          item,
          txt(
            `未知的机关类型“${t}”：可用的有${types.map((x) => `“${x}”`).join('、')}`,
            `unknown 机关类型 "${t}": the types are ${types.join(', ')}`,
          ),
        );
    }
    return out.length ? out : undefined;
  }

  phrases(node: Node | null, at: Node): string[][] | undefined {
    if (!isSeq(node) || !node.items.length) {
      this.problem(
        'config-invalid-value',
        node ?? at,
        txt(
          'phrases 应是一个列表，如 [政府网站, 政务新媒体]；可互相替代的写成一组，如 [政务新媒体, 新媒体]',
          'phrases should be a list, such as [政府网站, 政务新媒体]; alternatives as a list of their own',
        ),
      );
      return undefined;
    }
    const out: string[][] = [];
    for (const item of node.items as (Node | null)[]) {
      if (isSeq(item)) {
        const alts = (item.items as (Node | null)[])
          .map((x) => this.string(x, item, 'phrases'))
          .filter((x): x is string => x !== undefined);
        if (alts.length) out.push(alts);
        else this.problem('config-invalid-value', item, txt('这一组没有文字', 'this group has no phrase'));
      } else {
        const s = this.string(item, node, 'phrases');
        if (s !== undefined) out.push([s]);
      }
    }
    return out.length ? out : undefined;
  }

  /** The message of a requirement: one text, or zh-CN and en. */
  message(node: Node | null, at: Node): Text | undefined {
    if (isMap(node)) {
      let zh: string | undefined;
      let en: string | undefined;
      for (const p of node.items) {
        const k = this.key(p.key);
        if (k === 'zh-CN') zh = this.string(p.value as Node | null, p.key as Node, k);
        else if (k === 'en') en = this.string(p.value as Node | null, p.key as Node, k);
        else if (k !== undefined)
          this.unknownKey(p.key as Node, k, new LabelMatcher(['zh-CN', 'en'].map((x) => ({ label: x, value: x }))));
      }
      if (zh ?? en) return txt((zh ?? en)!, (en ?? zh)!);
      return undefined;
    }
    const s = this.string(node, at, 'message');
    return s === undefined ? undefined : txt(s, s);
  }
}
