/**
 * A locality's own requirements for the texts, from the config file (`requirements:`): a
 * section no longer (or no shorter) than so many characters, phrases it must contain, and
 * figures it must state (the number of items published through 政府网站, 政务新媒体 and
 * 政府公报). The finding says what the notice says (the requirement's `message`), then what
 * the report has.
 */
import { finding } from '../codes';
import { sectionByName, subsectionByName } from '../config/sections';
import type { LocalRequirement } from '../config/types';
import { txt, type Finding, type Span, type Text } from '../findings';
import { normalizeLabel } from '../labels';
import type { Report, TextBlock } from '../model';
import { blockViews, type BlockView } from '../narrative/blocks';
import { normalize } from '../narrative/segments';
import { defineRule } from '../rule';

/** Units of a figure that is not a count of items (a date, a duration, a rate). */
const NOT_A_COUNT = new Set([
  '',
  '年',
  '月',
  '日',
  '号',
  '天',
  '工作日',
  '个工作日',
  '%',
  '‰',
  '倍',
  '百分点',
  '个百分点',
]);

/** Punctuation a message may end with, dropped before what the report has is added. */
const TRAILING = new Set([...'。．.；;：:，, \t\n\u3000']);

interface Scope {
  /** How the finding names the part: “总体情况”, “总体情况·主动公开”, the report. */
  name: Text;
  blocks: TextBlock[];
  span: Span;
}

/** The texts a requirement is about in this report; undefined where it does not apply or its section is missing. */
function scopeOf(report: Report, req: LocalRequirement): Scope | undefined {
  if (req.organTypes && !req.organTypes.includes(report.organType)) return undefined;
  if (req.section === undefined) {
    const blocks = report.preface ? [report.preface, ...report.texts] : report.texts;
    const first = report.root?.items[0]?.key as { range?: [number, number, number] } | undefined;
    const span = first?.range ? { start: first.range[0], end: first.range[1] } : { start: 0, end: 0 };
    return { name: txt('报告', 'the report'), blocks, span };
  }
  const decl = sectionByName(report.format, req.section);
  if (!decl || decl.kind !== 'text') return undefined;
  const entry = report.sections.find((s) => s.decl === decl);
  // A missing section is missing-section's finding: one defect, one finding.
  if (!entry) return undefined;
  const inSection = report.texts.filter((b) => b.section === decl);
  if (req.subsection === undefined)
    return { name: txt(`“${decl.title}”`, `"${decl.title}"`), blocks: inSection, span: entry.keySpan };
  const sub = subsectionByName(decl, req.subsection);
  const wanted = normalizeLabel(req.subsection);
  const blocks = inSection.filter((b) =>
    sub ? b.subDecl === sub.key : b.subKey !== undefined && normalizeLabel(b.subKey) === wanted,
  );
  const title = sub?.title || sub?.key || req.subsection;
  return {
    name: txt(`“${decl.title}”中的“${title}”`, `"${title}" in "${decl.title}"`),
    blocks,
    // Where the sub-section is not written, the finding is on its section.
    span: blocks[0]?.keySpan ?? entry.keySpan,
  };
}

/** Characters as a reader counts them: every character but white space. */
function characters(blocks: TextBlock[]): number {
  let n = 0;
  for (const b of blocks) for (const ch of b.text) if (!/\s/.test(ch)) n++;
  return n;
}

/** Whether a figure of a count follows `end` in its sentence (通过政务新媒体发布信息 260 条). */
function figureAfter(v: BlockView, end: number): boolean {
  const k = v.sentences.findIndex((s) => s.start < end && end <= s.end);
  return k >= 0 && v.inSentence[k].some((t) => t.start >= end && !NOT_A_COUNT.has(t.unit));
}

/** Which phrases are not written at all, and which are written but never with a figure after them in their sentence. */
function phrasesIn(
  report: Report,
  blocks: TextBlock[],
  phrases: string[][],
  counted: boolean,
): { missing: string[][]; uncounted: string[][] } {
  const inScope = new Set(blocks);
  const views = blockViews(report).filter((v) => inScope.has(v.block));
  const missing: string[][] = [];
  const uncounted: string[][] = [];
  for (const alternatives of phrases) {
    let named = false;
    let met = false;
    search: for (const phrase of alternatives.map(normalize)) {
      if (!phrase) continue;
      for (const v of views) {
        for (let at = v.norm.indexOf(phrase); at >= 0; at = v.norm.indexOf(phrase, at + 1)) {
          named = true;
          if (!counted || figureAfter(v, at + phrase.length)) {
            met = true;
            break search;
          }
        }
      }
    }
    if (!named) missing.push(alternatives);
    else if (!met) uncounted.push(alternatives);
  }
  return { missing, uncounted };
}

const list = (groups: string[][], zh: boolean) =>
  groups.map((g) => g.map((p) => (zh ? `“${p}”` : `"${p}"`)).join(zh ? '或' : ' or ')).join(zh ? '、' : ', ');

function check(report: Report, req: LocalRequirement): Finding[] {
  const scope = scopeOf(report, req);
  if (!scope) return [];
  const out: Finding[] = [];
  // The notice's words, then what the report has.
  const own = (m: string) => {
    let end = m.length;
    while (end > 0 && TRAILING.has(m[end - 1])) end--;
    return m.slice(0, end);
  };
  const say = (zh: string, en: string) =>
    finding(
      'local-requirement',
      scope.span,
      txt(`${own(req.message['zh-CN'])}：${zh}`, `${own(req.message.en)}: ${en}`),
    );
  if (req.maxLength !== undefined || req.minLength !== undefined) {
    const n = characters(scope.blocks);
    if (req.maxLength !== undefined && n > req.maxLength)
      out.push(
        say(
          `${scope.name['zh-CN']}有 ${n} 字，要求不超过 ${req.maxLength} 字`,
          `${scope.name.en} has ${n} characters, at most ${req.maxLength} asked`,
        ),
      );
    if (req.minLength !== undefined && n < req.minLength)
      out.push(
        say(
          `${scope.name['zh-CN']}只有 ${n} 字，要求不少于 ${req.minLength} 字`,
          `${scope.name.en} has ${n} characters, at least ${req.minLength} asked`,
        ),
      );
  }
  if (req.phrases) {
    const { missing, uncounted } = phrasesIn(report, scope.blocks, req.phrases, !!req.counted);
    const zh: string[] = [];
    const en: string[] = [];
    if (missing.length) {
      zh.push(`${scope.name['zh-CN']}没有写到${list(missing, true)}`);
      en.push(`${scope.name.en} does not mention ${list(missing, false)}`);
    }
    if (uncounted.length) {
      zh.push(`写到了${list(uncounted, true)}，但没有写明数字`);
      en.push(`${list(uncounted, false)} without a figure`);
    }
    if (zh.length) out.push(say(zh.join('；'), en.join('; ')));
  }
  return out;
}

const OVERVIEW_CHANNELS = `requirements:
  - section: 总体情况
    subsection: 主动公开
    phrases: [[门户网站, 政府网站], 政务新媒体]
    counted: true
    message: 应写明通过政府网站、政务新媒体公开信息的数量（某市政务公开办通知第二条）`;

export const localRequirementsRule = defineRule({
  id: 'localRequirements',
  group: 'local',
  codes: ['local-requirement'],
  check({ report, requirements }) {
    return requirements ? requirements.flatMap((r) => check(report, r)) : [];
  },
  docs: {
    'local-requirement': {
      about: txt(
        '配置文件 .govreport.yaml 中 requirements 所列的本地要求没有做到：某一部分（或其中一项）的字数超过上限或不足下限，没有写到要求的内容，或写到了但没有写明数字（counted: true）。说明的前半是配置文件中的 message，后半是报告的实际情况。字数不计空格和换行。',
        "A local requirement listed under requirements in the config file .govreport.yaml is not met: a section (or one of its items) longer than the limit or shorter than the minimum, a phrase not written, or written without a figure (counted: true). The message is the config's, followed by what the report has. Characters are counted without spaces and line breaks.",
      ),
      notFlagged: txt(
        '报告缺少整个部分时不按本地要求报告（由 missing-section 报告）；只适用于 organTypes 所列机关类型的要求，不检查其他机关的报告。',
        'A section the report lacks altogether is not reported against a local requirement (missing-section reports it); a requirement for some organTypes does not apply to the reports of others.',
      ),
      wrong: {
        edits: [],
        config: OVERVIEW_CHANNELS,
        shown: txt(
          '配置文件要求“主动公开”写明政府网站和政务新媒体公开信息的数量，报告只写了门户网站的：`全年在门户网站主动公开政府信息 1,380 条。`',
          "the config file asks 主动公开 to state how many items were published on the government website and through 政务新媒体; the report states the website's only: `全年在门户网站主动公开政府信息 1,380 条。`",
        ),
      },
      right: {
        edits: [
          {
            replace: '主动公开政府信息 1,380 条。',
            with: '主动公开政府信息 1,380 条，通过政务新媒体发布信息 260 条。',
          },
        ],
        config: OVERVIEW_CHANNELS,
        shown: txt(
          '`全年在门户网站主动公开政府信息 1,380 条，通过政务新媒体发布信息 260 条。`',
          '`全年在门户网站主动公开政府信息 1,380 条，通过政务新媒体发布信息 260 条。`',
        ),
      },
    },
  },
});
