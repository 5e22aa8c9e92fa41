/**
 * Text and tables carried over from last year's report: evaluators deduct points when more
 * than half of 总体情况 or of 存在的主要问题及改进情况 repeats last year's (the share is set
 * by the config file or the settings; 50% otherwise), and a table identical to last year's is
 * worth a second look.
 */
import { finding } from '../codes';
import { eq } from '../decimal';
import { txt, type Finding, type Related } from '../findings';
import { leafRows, sectionByRole, tableSections } from '../format';
import type { PreviousReport, Report } from '../model';
import { elsewhere } from '../narrative';
import { organKey } from '../pairing';
import { defineRule } from '../rule';
import {
  WRITTEN_ANEW,
  comparedLength,
  peerOf,
  reuse,
  sentenceSpan,
  sharedWithPeers,
  type Peer,
  type PeerShare,
} from '../similarity';

/** The share of a section above which it counts as copied, unless set otherwise. */
export const DEFAULT_REUSE_THRESHOLD = 0.5;
/** A section shorter than this (characters compared) is not judged: a few standard sentences are not copying. */
const MIN_LENGTH = 60;
/** Related information lists at most this many reused sentences. */
const MAX_RELATED = 10;

function copiedText(report: Report, previous: PreviousReport, threshold: number): Finding[] {
  const out: Finding[] = [];
  const py = previous.report.year;
  for (const role of WRITTEN_ANEW) {
    const section = sectionByRole(report.format, role);
    const entry = report.sections.find((s) => s.decl === section);
    if (!section || !entry) continue;
    const r = reuse(report, previous.report, role);
    if (r.length < MIN_LENGTH || r.share < threshold) continue;
    const percent = Math.round(r.share * 100);
    const related: Related[] = r.reused
      .slice(0, MAX_RELATED)
      .map(({ there }) =>
        elsewhere(
          previous,
          sentenceSpan(there),
          txt(
            `${py} 年度报告中的同一句：“${there.block.text.slice(there.start, there.end).trim()}”`,
            `the same sentence in the ${py} report`,
          ),
        ),
      );
    out.push(
      finding(
        'copied-text',
        entry.keySpan,
        txt(
          `“${section.title}”有 ${percent}% 的文字与 ${py} 年度报告相同（${r.reused.length} 句，数字不计），应写本年度的情况`,
          `${percent}% of "${section.title}" repeats the ${py} report (${r.reused.length} sentences, numbers aside): write this year's`,
        ),
        { related },
      ),
    );
  }
  return out;
}

function copiedTables(report: Report, previous: PreviousReport): Finding[] {
  const out: Finding[] = [];
  const py = previous.report.year;
  for (const decl of tableSections(report.format)) {
    const now = report.tables.get(decl.key);
    const then = previous.report.tables.get(decl.key);
    const entry = report.sections.find((s) => s.decl === decl);
    if (!now || !then || !entry) continue;
    let same = true;
    let nonZero = false;
    for (const leaf of leafRows(decl)) {
      const a = now.rows.get(leaf.path);
      const b = then.rows.get(leaf.path);
      if (!a || !b) {
        same = false;
        break;
      }
      a.cells.forEach((c, i) => {
        const d = b.cells[i];
        if (!c?.value || !d?.value || !eq(c.value, d.value)) same = false;
        else if (c.value.units !== 0n) nonZero = true;
      });
      if (!same) break;
    }
    // A table of zeros may well be the same every year.
    if (!same || !nonZero) continue;
    out.push(
      finding(
        'copied-table',
        entry.keySpan,
        txt(
          `表格“${decl.number}${decl.title}”与 ${py} 年度报告的完全相同，请核对是否填的是本年度的数字`,
          `the table "${decl.number}${decl.title}" is the same as in the ${py} report: check that it holds this year's figures`,
        ),
      ),
    );
  }
  return out;
}

/** Each peer's organKey, computed once: a batch compares every pair of its reports. */
const organKeys = new WeakMap<Peer, string>();
function keyOf(p: Peer): string | undefined {
  if (p.organ === undefined) return undefined;
  let k = organKeys.get(p);
  if (k === undefined) organKeys.set(p, (k = organKey(p.organ)));
  return k;
}

/**
 * What a report shares with reports of other organs for the same year in its batch, beyond
 * the threshold, per section written anew. Over the batch's peers alone (no report), so the
 * command line can tell from the peers of a batch checked in worker threads which reports
 * have anything to find here.
 */
export function acrossOrgans(self: Peer, peers: readonly Peer[], threshold = DEFAULT_REUSE_THRESHOLD): PeerShare[] {
  const out: PeerShare[] = [];
  // Two organs: a report without its 机关 cannot be said to share another's text.
  if (self.organ === undefined || self.year === undefined) return out;
  const mine = organKey(self.organ);
  const compared = (p: Peer) => p.year === self.year && p.organ !== undefined && keyOf(p) !== mine;
  for (const role of WRITTEN_ANEW) {
    if (comparedLength(self, role) < MIN_LENGTH) continue;
    for (const s of sharedWithPeers(self, peers, role, compared, threshold)) if (s.share >= threshold) out.push(s);
  }
  return out;
}

/** Other organs named in a message at most; the rest are counted. */
const MAX_NAMED = 5;

/**
 * Text two organs of one batch share: reports published by different organs for the same
 * year. One finding per section, however many organs share it: it names the organ that
 * shares most and counts the others; related information points at the sentences there and
 * at one in each other report.
 */
function copiedAcrossOrgans(report: Report, peers: readonly Peer[], threshold: number): Finding[] {
  const out: Finding[] = [];
  const shares = acrossOrgans(peerOf(report), peers, threshold);
  for (const role of WRITTEN_ANEW) {
    // Most shared first; of equal shares, the earlier report of the batch (a stable sort of the batch's order).
    const mine = shares.filter((s) => s.role === role).sort((a, b) => b.share - a.share);
    if (!mine.length) continue;
    const section = sectionByRole(report.format, role);
    const entry = report.sections.find((e) => e.decl === section);
    if (!section || !entry) continue;
    const [top, ...rest] = mine;
    const organ = (p: Peer) => p.organ ?? '另一机关';
    const percent = Math.round(top.share * 100);
    const names = rest.slice(0, MAX_NAMED).map((s) => `“${organ(s.peer)}”`);
    const more = rest.length > MAX_NAMED ? `等 ${rest.length} 个机关` : '';
    const namesEn = rest.slice(0, MAX_NAMED).map((s) => `"${organ(s.peer)}"`);
    const moreEn = rest.length > MAX_NAMED ? ` and ${rest.length - MAX_NAMED} more` : '';
    const zh =
      `“${section.title}”有 ${percent}% 的文字与“${organ(top.peer)}”${report.year} 年度报告相同（${top.reused.length} 句，数字不计）` +
      (rest.length ? `；与${names.join('')}${more}的报告也大量相同` : '');
    const en =
      `${percent}% of "${section.title}" is the same as in the ${report.year} report of "${organ(top.peer)}" (${top.reused.length} sentences, numbers aside)` +
      (rest.length ? `; much of it also in the reports of ${namesEn.join(', ')}${moreEn}` : '');
    // In the other reports' files; a peer whose file cannot be named has none to point at.
    const related = (s: PeerShare, sentences: PeerShare['reused']) =>
      s.peer.uri
        ? sentences.map(({ there }) => ({
            span: there.span,
            range: there.range,
            uri: s.peer.uri,
            message: txt(`“${organ(s.peer)}”报告中的同一句`, `the same sentence in the report of "${organ(s.peer)}"`),
          }))
        : [];
    const others = rest.slice(0, MAX_RELATED - 1).flatMap((s) => related(s, s.reused.slice(0, 1)));
    out.push(
      finding('copied-across-organs', entry.keySpan, txt(zh, en), {
        related: [...related(top, top.reused.slice(0, MAX_RELATED - others.length)), ...others],
      }),
    );
  }
  return out;
}

const swap = (from: string, to: string, previous = false) => ({
  edits: [{ replace: from, with: to, ...(previous ? { in: 'previous' as const } : {}) }],
});

const PROBLEMS_2024 =
  '存在的问题主要是政策解读形式还不够丰富。2025 年，本局将继续深化政务公开工作，进一步丰富解读形式，提升公开质效。';
const PEER_PROBLEMS =
  '文旅惠民政策的公开还不够集中，基层文化站点信息更新滞后。2025 年，本局将编制文旅惠民政策清单，按季度督促基层站点更新信息。';
const PROBLEMS_2023 = '存在的问题主要是政策解读形式还不够丰富。2024 年，本局将进一步丰富解读形式。';
const LONG = (next: string) =>
  `存在的问题主要是政策解读形式还不够丰富，政务新媒体更新频率不高，基层政务公开标准化规范化水平有待提升。${next} 年，本局将继续深化政务公开工作，进一步丰富解读形式，加强政务新媒体管理，提升公开质效。`;

export const copiedRule = defineRule({
  id: 'copied',
  group: 'cross-year',
  codes: ['copied-text', 'copied-table', 'copied-across-organs'],
  check({ report, previous, reuseThreshold, peers }) {
    const threshold = reuseThreshold ?? DEFAULT_REUSE_THRESHOLD;
    const out = peers ? copiedAcrossOrgans(report, peers, threshold) : [];
    if (!previous || report.year === undefined || previous.report.year !== report.year - 1) return out;
    return [...out, ...copiedText(report, previous, threshold), ...copiedTables(report, previous)];
  },
  docs: {
    'copied-text': {
      about: txt(
        '“总体情况”或“存在的主要问题及改进情况”有一半以上（可在配置文件或设置中调整）的文字与上年报告相同：逐句比较，数字、年份、标点和空格不计。相关信息列出上年报告中的同一句。',
        "More than half (the config file or the settings may set another share) of 总体情况 or of 存在的主要问题及改进情况 repeats last year's report: compared sentence by sentence, numbers, years, punctuation and spaces aside. Related information lists the same sentences in last year's report.",
      ),
      notFlagged: txt(
        '很短的部分（比较的文字不足 60 字）和很短的句子（如“无。”）不计：几句套话不算照抄。',
        'Very short sections (under 60 characters compared) and very short sentences ("无。") do not count: a few set phrases are not copying.',
      ),
      wrong: {
        edits: [
          { replace: PROBLEMS_2024, with: LONG('2025') },
          { replace: PROBLEMS_2023, with: LONG('2024'), in: 'previous' },
        ],
        shown: txt(
          '2024 年度报告的第五部分与 2023 年度报告的逐句相同，只改了年份：`存在的问题主要是政策解读形式还不够丰富，政务新媒体更新频率不高……`',
          "the 2024 report's section 五 repeats the 2023 report's sentence by sentence, only the years changed: `存在的问题主要是政策解读形式还不够丰富，政务新媒体更新频率不高……`",
        ),
      },
      right: {
        edits: [{ replace: PROBLEMS_2024, with: LONG('2025') }],
        shown: txt('第五部分写本年度的问题和下一年的计划', 'section 五 written about this year and next'),
      },
    },
    'copied-across-organs': {
      about: txt(
        '一起检查的一批报告中（如一个文件夹），两个不同机关同一年度报告的“总体情况”或“存在的主要问题及改进情况”有一半以上（比例同上）逐句相同，数字不计。',
        "In a batch checked together (a folder), the 总体情况 or 存在的主要问题及改进情况 of two different organs' reports for the same year are more than half the same (the share as above), sentence by sentence, numbers aside.",
      ),
      notFlagged: txt(
        '只在一起检查的一批报告之间比较；同一机关的报告和不同年度的报告不在此列（见 copied-text）。',
        'Only reports checked together are compared; reports of the same organ and of other years are not (see copied-text).',
      ),
      wrong: {
        edits: [
          { replace: PROBLEMS_2024, with: LONG('2025') },
          { replace: PEER_PROBLEMS, with: LONG('2025'), in: 'peer' },
        ],
        shown: txt(
          '某市交通运输局和某市文化和旅游局的 2024 年度报告，第五部分逐句相同',
          'the 2024 reports of 某市交通运输局 and 某市文化和旅游局 with the same section 五, sentence by sentence',
        ),
      },
      right: {
        edits: [{ replace: PROBLEMS_2024, with: LONG('2025') }],
        shown: txt('各机关的第五部分写各自的问题', "each organ's section 五 about its own problems"),
      },
    },
    'copied-table': {
      about: txt(
        '一张有非零数字的表格与上年报告的完全相同：可能填的是上年的数字。',
        "A table with figures other than zero is the same as in last year's report: perhaps last year's figures were filled in.",
      ),
      notFlagged: txt(
        '全为 0 的表格每年相同是常事，不报告。',
        'A table of zeros may well be the same every year, and is not reported.',
      ),
      wrong: {
        ...swap(
          '行政复议:           [0, 0, 0, 0, 0]\n  行政诉讼:\n    未经复议直接起诉: [0, 0, 0, 0, 0]',
          '行政复议:           [1, 0, 0, 1, 2]\n  行政诉讼:\n    未经复议直接起诉: [1, 0, 0, 0, 1]',
          true,
        ),
        shown: txt(
          '表格四与 2023 年度报告的逐格相同（`行政复议: [1, 0, 0, 1, 2]`……）',
          'table 四 the same as in the 2023 report, cell by cell (`行政复议: [1, 0, 0, 1, 2]`…)',
        ),
      },
      right: swap('行政复议:           [0, 0, 0, 0, 0]', '行政复议:           [0, 0, 0, 0, 0]', true),
    },
  },
});
