/**
 * What the texts must speak of: the topics of 总体情况, real problems in section 五, the
 * fees in section 六; and 规章 reported by an organ that cannot make them.
 */
import type { YAMLMap } from 'yaml';
import { finding } from '../codes';
import { keyClaim, txt, type Finding, type Fix } from '../findings';
import { rowPathByRole, sectionByRole, tableSections, type SubsectionDecl } from '../format';
import { indentOf, insertLinesAfter, insertLinesBefore } from '../layout';
import type { Report, SectionEntry, TextBlock } from '../model';
import { memoize, TextMemo } from '../memo';
import { defineRule } from '../rule';
import { partUnseen } from '../unseen';
import { valueEnd } from './placement';

interface Mention {
  at: number;
  end: number;
  sentence: string;
}

/** A topic's words as a pattern: compiled once per declaration, and the key of what texts say of it. */
const wordsOf = memoize((sub: SubsectionDecl) => (sub.words ? new RegExp(sub.words) : null));

/**
 * Per text, the first sentence that speaks of each topic: a missing topic is looked for in every
 * text of 总体情况 at every check, and all but the one being typed in are as they were.
 */
const mentions = new TextMemo<Map<RegExp, Mention | null>>(1_000_000);

/** The first sentence of a text that speaks of a topic, and where it is in the text. */
function mentionIn(block: TextBlock, words: RegExp): Mention | undefined {
  const byWords = mentions.get(block.text, () => new Map());
  let found = byWords.get(words);
  if (found === undefined) byWords.set(words, (found = firstSentence(block.text, words)));
  return found ?? undefined;
}

function firstSentence(text: string, words: RegExp): Mention | null {
  const m = words.exec(text);
  if (!m) return null;
  const start = Math.max(...['。', '；', '\n'].map((c) => text.lastIndexOf(c, m.index) + 1));
  const ends = ['。', '；', '\n'].map((c) => text.indexOf(c, m.index)).filter((i) => i >= 0);
  const end = ends.length ? Math.min(...ends) : text.length;
  return { at: m.index, end: m.index + m[0].length, sentence: text.slice(start, end).trim() };
}

/** The first of the blocks that speaks of a topic, and where: the rest are not read. */
function firstMention(
  blocks: TextBlock[],
  words: RegExp,
  eligible: (b: TextBlock) => boolean,
): { b: TextBlock; m: Mention } | undefined {
  for (const b of blocks) {
    const m = eligible(b) ? mentionIn(b, words) : undefined;
    if (m) return { b, m };
  }
  return undefined;
}

function overviewTopics(report: Report, out: Finding[]): void {
  const decl = sectionByRole(report.format, 'overview');
  const overview = report.sections.find((s) => s.decl === decl);
  if (!overview || overview.decl.kind !== 'text') return;
  const section = overview.decl;
  const blocks = report.texts.filter((t) => t.section === section);
  const isMapping = blocks.some((b) => b.subKey !== undefined);
  const all = section.subsections;
  const written = (b: TextBlock) => b.text.trim() !== '';
  // Topics by their place in the declaration: one after the last the source showed may just not be shown.
  const shown = blocks.filter(written).map((b) => all.findIndex((s) => s.key === b.subDecl));
  for (const sub of all.filter((s) => s.expected)) {
    if (partUnseen(report, section, all.indexOf(sub), shown)) continue;
    const words = wordsOf(sub);
    const names = [sub.key, sub.title, ...(sub.aliases ?? [])];
    if (!isMapping) {
      // One text: the topic is covered when it is spoken of anywhere in it.
      const text = blocks.map((b) => b.text).join('\n');
      if (names.some((k) => text.includes(k)) || words?.test(text)) continue;
      out.push(missing(report, overview, sub, []));
      continue;
    }
    const own = blocks.find((b) => b.subDecl === sub.key);
    if (own && written(own)) continue;
    // Written about under another heading (信息发布审核 under 平台建设): not missing, but said where.
    const elsewhere = words && firstMention(blocks, words, (b) => b !== own && written(b));
    if (elsewhere) {
      const { b, m } = elsewhere;
      const where = b.title || b.subKey || section.title;
      const f = finding(
        'missing-subsection',
        overview.keySpan,
        txt(
          `“${section.title}”没有单列“${sub.title}”，相关内容似在“${where}”中：“${m.sentence}”`,
          `"${section.title}" has no part on "${sub.title}"; it seems to be covered under "${where}": "${m.sentence}"`,
        ),
        {
          related: [
            {
              span: { start: b.offsetAt(m.at), end: b.offsetAt(m.end - 1) + 1 },
              message: txt(`“${sub.title}”方面的内容`, `about "${sub.title}"`),
            },
          ],
        },
      );
      f.severity = 'information';
      out.push(f);
      continue;
    }
    out.push(missing(report, overview, sub, own ? [] : addSubsection(report, overview, blocks, sub)));
  }
}

/** The topic is not covered: a warning, with the fix that adds its sub-section when it has none. */
function missing(report: Report, overview: SectionEntry, sub: SubsectionDecl, fixes: Fix[]): Finding {
  const title = overview.decl.title;
  return finding(
    'missing-subsection',
    overview.keySpan,
    txt(
      `“${title}”没有写“${sub.title}”方面的情况（${report.format.name}要求逐项说明）`,
      `"${title}" does not cover "${sub.title}" (${report.format.name} asks for each topic)`,
    ),
    { fixes },
  );
}

/** Inserts `key: ""` for a sub-section, before the next present one in official order. */
function addSubsection(report: Report, overview: SectionEntry, blocks: TextBlock[], sub: SubsectionDecl): Fix[] {
  const map = overview.pair.value as YAMLMap;
  if (map.flow || overview.decl.kind !== 'text') return [];
  const all = overview.decl.subsections;
  const idx = all.indexOf(sub);
  const next = blocks.find((b) => b.subDecl && all.findIndex((s) => s.key === b.subDecl) > idx);
  const line = `${indentOf(report.text, blocks[0].keySpan.start)}${sub.key}: ""`;
  const edit = next
    ? insertLinesBefore(report.text, next.keySpan.start, [line])
    : insertLinesAfter(report.text, valueEnd(overview.pair), [line]);
  return [
    {
      title: txt(`补上“${sub.key}”小节`, `Add the "${sub.key}" sub-section`),
      edits: [edit],
      safe: true,
      preferred: true,
      writesKey: keyClaim(map.range?.[0] ?? 0, sub.key),
      // Between the quotes of the empty text, where the topic is to be written.
      caret: edit.text.indexOf(line) + line.length - 1,
    },
  ];
}

function problemsText(report: Report, out: Finding[]): void {
  const decl = sectionByRole(report.format, 'problems');
  const entry = report.sections.find((s) => s.decl === decl);
  if (!decl || !entry) return;
  const blocks = report.texts.filter((t) => t.section === decl);
  const content = blocks
    .map((b) => b.text)
    .join('')
    .replace(/[\s。.，,；;！!]/g, '');
  if (content.length >= 8 && !/^(?:无|暂无|没有|无问题)$/.test(content)) return;
  out.push(
    finding(
      'section-five-empty',
      blocks[0]?.node ? blocks[0].span : entry.keySpan,
      txt(
        `“${decl.title}”应写明实际存在的问题和改进措施，不能只写“无”`,
        `"${decl.title}" must name the real problems and improvements, not just "无"`,
      ),
    ),
  );
}

function feesStated(report: Report, out: Finding[]): void {
  const decl = sectionByRole(report.format, 'otherMatters');
  const entry = report.sections.find((s) => s.decl === decl);
  if (!decl || !entry) return;
  const content = report.texts
    .filter((t) => t.section === decl)
    .map((b) => b.text)
    .join('');
  if (/处理费|收费|收取.{0,12}费/.test(content)) return;
  out.push(
    finding(
      'fee-not-stated',
      entry.keySpan,
      txt(
        `“${decl.title}”应说明是否收取政府信息公开信息处理费（国办函〔2020〕109号）`,
        `"${decl.title}" should state whether information processing fees were charged (国办函〔2020〕109号)`,
      ),
    ),
  );
}

function rulesByDepartment(report: Report, out: Finding[]): void {
  if (report.organType !== report.format.defaultOrganType) return;
  for (const decl of tableSections(report.format)) {
    const path = rowPathByRole(decl, 'rules');
    const row = path ? report.tables.get(decl.key)?.rows.get(path) : undefined;
    if (!row?.cells.some((c) => c?.value && c.value.units !== 0n)) continue;
    out.push(
      finding(
        'rules-by-department',
        row.keySpan,
        txt(
          `${row.decl.key}只能由省级和设区的市人民政府制定；部门报告的${row.decl.key}件数通常为 0，请核实`,
          `only provincial and 设区的市 governments make ${row.decl.key}; a department usually reports 0 — please verify`,
        ),
      ),
    );
  }
}

export const topicsRule = defineRule({
  id: 'topics',
  group: 'structure',
  codes: ['missing-subsection', 'section-five-empty', 'fee-not-stated', 'rules-by-department'],
  check({ report }) {
    const out: Finding[] = [];
    overviewTopics(report, out);
    problemsText(report, out);
    feesStated(report, out);
    rulesByDepartment(report, out);
    return out;
  },
  docs: {
    'missing-subsection': {
      about: txt(
        '总体情况没有写到主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障中的某一方面。“全部修复”会补上该小节（文字留空）。',
        '总体情况 does not cover one of 主动公开, 依申请公开, 政府信息管理, 政府信息公开平台建设 and 监督保障. Fix-all adds the missing sub-section with an empty text.',
      ),
      notFlagged: txt(
        '总体情况写成一整段（不分小标题）时，只要其中提到某一方面，就不算缺少。没有单列、但写在别的小标题下的方面（如在“平台建设”中写了先审后发），只作为提示指出在哪里，不作警告。导入的原文在此处省略或断开时，其后的方面不报告。',
        'When 总体情况 is one text without sub-headings, a topic it speaks of anywhere is not missing. A topic without its own sub-heading but written about under another (先审后发 under 平台建设) is pointed out as information, not as a warning. Where an imported source leaves text out or breaks off there, the topics after it are not reported.',
      ),
      wrong: {
        edits: [{ replace: '  监督保障: >-\n    ', with: '  # ' }],
        shown: txt('`总体情况:` 下没有 `监督保障`', '`总体情况:` without `监督保障`'),
      },
      right: {
        edits: [{ replace: '  监督保障: >-', with: '  监督保障: >-' }],
        shown: txt(
          '`总体情况:` 下有 `主动公开`、`依申请公开`、`政府信息管理`、`平台建设`、`监督保障`',
          '`总体情况:` with `主动公开`, `依申请公开`, `政府信息管理`, `平台建设`, `监督保障`',
        ),
      },
    },
    'section-five-empty': {
      about: txt(
        '存在的主要问题及改进情况什么也没说（“无”“暂无”）。',
        '存在的主要问题及改进情况 says nothing (`无`, `暂无`).',
      ),
      notFlagged: txt(
        '只在第五部分只有“无”“暂无”之类几个字时报告；写了几句的，不判断所写问题是否实在、改进是否具体。整个第五部分没有写时由 missing-section 报告。',
        "Reported only when section 五 holds no more than 无, 暂无 or the like; once it says a few sentences, whether the problems are real and the improvements concrete is not judged. Section 五 not written at all is missing-section's.",
      ),
      wrong: {
        edits: [
          {
            replace:
              '存在的主要问题及改进情况: >-\n  存在的问题主要是政策解读形式还不够丰富。2025 年，本局将继续深化政务公开工作，进一步丰富解读形式，提升公开质效。',
            with: '存在的主要问题及改进情况: 无',
          },
        ],
      },
      right: {
        edits: [{ replace: '存在的主要问题及改进情况: >-', with: '存在的主要问题及改进情况: >-' }],
        shown: txt(
          '`存在的主要问题及改进情况: 存在的问题主要是……。2025 年，本局将……`',
          '`存在的主要问题及改进情况: 存在的问题主要是……。2025 年，本局将……`',
        ),
      },
    },
    'fee-not-stated': {
      about: txt(
        '其他需要报告的事项没有说明是否收取信息处理费（国办函〔2020〕109号）。',
        '其他需要报告的事项 does not say whether 信息处理费 was charged (国办函〔2020〕109号).',
      ),
      notFlagged: txt(
        '只要第六部分提到处理费或收费，就不报告，收了还是没收都可以。只读第六部分：说明应写在这里，写在总体情况中的不算。第六部分整个没有写时由 missing-section 报告。',
        "Section 六 mentioning the processing fee or charging at all is enough, whether fees were charged or not. Only section 六 is read: the statement belongs there, and one in 总体情况 does not count. Section 六 not written at all is missing-section's.",
      ),
      wrong: {
        edits: [{ replace: '本机关 2024 年度未收取政府信息公开信息处理费。', with: '无。' }],
        shown: txt('`其他需要报告的事项: 无。`', '`其他需要报告的事项: 无。`'),
      },
      right: {
        edits: [
          {
            replace: '本机关 2024 年度未收取政府信息公开信息处理费。',
            with: '本机关 2024 年度未收取政府信息公开信息处理费。',
          },
        ],
      },
    },
    'rules-by-department': {
      about: txt(
        '“部门”报告了规章，而规章只能由省级和设区的市人民政府制定。',
        "A 部门 reports 规章, which only provincial and 设区的市 people's governments make.",
      ),
      notFlagged: txt(
        '本级政府的报告和规章各栏都为 0 的部门报告不报告。只读表格二的“规章”一行：部门在正文中提到规章（如配合起草规章）不报告。',
        'A 本级政府 report, and a 部门 report with 0 in every 规章 cell, are not reported. Only the 规章 row of table 二 is read: a department mentioning 规章 in its text (helping to draft one) is not reported.',
      ),
      wrong: {
        edits: [{ replace: '规章:           [0, 0, 0]', with: '规章: [2, 0, 5]' }],
        shown: txt('`机关类型: 部门` 且 `规章: [2, 0, 5]`', '`机关类型: 部门` with `规章: [2, 0, 5]`'),
      },
      right: {
        edits: [
          { replace: '机关类型: 部门', with: '机关类型: 本级政府' },
          { replace: '规章:           [0, 0, 0]', with: '规章: [2, 0, 5]' },
        ],
        shown: txt(
          '`机关类型: 本级政府` 且 `规章: [2, 0, 5]`，或“部门”填 `规章: [0, 0, 0]`',
          '`机关类型: 本级政府` with `规章: [2, 0, 5]`, or a 部门 with `规章: [0, 0, 0]`',
        ),
      },
    },
  },
});
