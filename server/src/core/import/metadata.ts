/**
 * The report's metadata from its text: 机关 and 年度 from the title (or the signature),
 * 机关类型 guessed conservatively, 统计期限 when the text states it, 落款日期 from the
 * signature and 发布日期 from the page's own metadata.
 */
import type { Block } from './blocks';
import { DATE_PATTERN, dateValue, readDate, readYear, type PrintedDate } from './dateText';
import type { Notices } from './notices';
import type { Outline } from './outline';

export interface Metadata {
  organ?: string;
  organType?: '部门' | '本级政府';
  year?: number;
  period?: { start: string; end: string };
  signed?: string;
  published?: string;
}

const YEAR = '(\\d{4}|[〇零○一二三四五六七八九]{4})';
const TITLE_PARTS = new RegExp(
  `^(.*?)(?:关于)?[（(]?${YEAR}\\s*年(?:\\s*度)?[)）]?(?:\\s*的)?(.*?)(?:关于)?政府信息公开`,
  'u',
);

function cleanOrgan(s: string): string {
  return s
    .replace(/^[《“"「\s]+|(?<![》”"」\s])[》”"」\s]+$/gu, '')
    .replace(/^关于|关于$|的$/gu, '')
    .replace(/\s+/gu, '')
    .trim();
}

/** Organ and year named by a title such as 吕梁市人民政府办公室2024年政府信息公开工作年度报告. */
export function readTitle(lines: string[]): { organ?: string; year?: number } {
  const text = lines.join('');
  const m = TITLE_PARTS.exec(text);
  if (!m) {
    const organ = cleanOrgan(text.replace(/政府信息公开.*$/u, ''));
    const y = /(\d{4})\s*年/u.exec(text);
    return { organ: organ || undefined, year: y ? +y[1] : undefined };
  }
  const organ = cleanOrgan(m[1]) || cleanOrgan(m[3]);
  return { organ: organ || undefined, year: readYear(m[2]) };
}

// County-level or higher: their people's governments publish a report for their level.
const LEVEL = /(?:[省市州盟县旗区]|自治区|自治州|自治县|自治旗|特区|林区)$/u;
const NOT_A_LEVEL = /(?:开发区|高新区|园区|示范区|试验区|合作区|保税区|管理区|景区|新城区管委会|街道|乡|镇)$/u;

/**
 * 本级政府 only when the organ is a people's government of county level or higher (or the
 * title names just the place): its office or a department reports as 部门, and so does a
 * township government (its report is due with the departments').
 */
export function guessOrganType(organ: string | undefined): '部门' | '本级政府' {
  if (!organ) return '部门';
  const place = organ.endsWith('人民政府') ? organ.slice(0, -4) : organ;
  if (!LEVEL.test(place) || NOT_A_LEVEL.test(place)) return '部门';
  if (organ.endsWith('人民政府')) return '本级政府';
  // A bare place name: no department words in it.
  return /[局委办厅院所站队部会处室馆司署]|中心|公司/u.test(place) ? '部门' : '本级政府';
}

const PERIOD = new RegExp(
  `统计(?:期限|时限|时间|区间|期间|周期|范围|时段|口径)?[^。；;]{0,16}?(${DATE_PATTERN})\\s*(?:起)?\\s*(?:至|到|—|－|-|~|～)\\s*(${DATE_PATTERN}|\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日)`,
  'u',
);

export function readPeriod(text: string): { start: PrintedDate; end: PrintedDate } | undefined {
  const m = PERIOD.exec(text);
  if (!m) return undefined;
  const start = readDate(m[1]);
  if (!start) return undefined;
  const end = readDate(m[2]) ?? readDate(`${start.date.year}年${m[2]}`);
  return end ? { start, end } : undefined;
}

const PUBLISHED = new RegExp(`(?:发布|公布|发文|上传|更新|信息)(?:时间|日期)\\s*[:：]?\\s*(${DATE_PATTERN})`, 'u');
const WRITTEN = new RegExp(`成文(?:时间|日期)\\s*[:：]?\\s*(${DATE_PATTERN})`, 'u');

const linesOf = (blocks: Block[]): string[] =>
  blocks.flatMap((b) => (b.kind === 'line' ? [b.text] : b.rows.map((r) => r.join(' '))));

export function readMetadata(outline: Outline, docTitle: string | undefined, notices: Notices): Metadata {
  const meta: Metadata = {};
  const fromTitle = outline.title.length ? readTitle(outline.title) : {};
  const fromPage = docTitle ? readTitle([docTitle.split(/[_|｜]|(?<!\s)\s+-\s+/u)[0]]) : {};
  const signer = outline.signature?.organ ? cleanOrgan(outline.signature.organ) : undefined;
  meta.organ = fromTitle.organ ?? fromPage.organ ?? signer;
  // A title that names only the place (北京市2024年…): the signer, when it is of that place, is the organ.
  if (
    meta.organ &&
    signer &&
    signer !== meta.organ &&
    signer.startsWith(meta.organ) &&
    guessOrganType(meta.organ) === '本级政府' &&
    !meta.organ.endsWith('人民政府')
  ) {
    meta.organ = signer;
  }
  if (!meta.organ)
    notices.add(
      '未能从标题或落款中找到报告机关，“机关”未写入',
      'the reporting organ was found neither in the title nor in the signature; 机关 is left out',
    );
  const titleOrgan = fromTitle.organ ?? fromPage.organ;
  meta.organType = guessOrganType(titleOrgan) === '本级政府' ? '本级政府' : guessOrganType(meta.organ);
  const headText = [
    ...linesOf(outline.preface),
    ...outline.sections.slice(0, 1).flatMap((s) => linesOf(s.blocks)),
  ].join('\n');
  const period = readPeriod(headText);
  if (period) meta.period = { start: dateValue(period.start), end: dateValue(period.end) };
  meta.year = fromTitle.year ?? fromPage.year ?? period?.start.date.year;
  if (meta.year === undefined)
    notices.add(
      '未能从标题或统计期限中找到报告年度，“年度”未写入',
      'the reporting year was found neither in the title nor in the statistics period; 年度 is left out',
    );
  const pageText = [...linesOf(outline.before), ...linesOf(outline.after)].join('\n');
  const signed = outline.signature?.date ?? (WRITTEN.exec(pageText) ? readDate(WRITTEN.exec(pageText)![1]) : undefined);
  if (signed) meta.signed = dateValue(signed);
  else notices.add('未找到落款日期，“落款日期”未写入', 'no date under the signature was found; 落款日期 is left out');
  const published = PUBLISHED.exec(pageText);
  const pd = published ? readDate(published[1]) : undefined;
  if (pd) meta.published = dateValue(pd);
  return meta;
}
