/**
 * The report's metadata from its text: 机关 and 年度 from the title, the page's title, the
 * preface ("现公布区统计局2023年…报告"), the signature or, last, the file's own name; 机关类型
 * inferred with its reason (said in a notice and written beside the value, since it decides
 * which deadline and rules apply); 统计期限 when the text states it, 落款日期 from the
 * signature and 发布日期 from the page's own metadata.
 */
import type { Block } from './blocks';
import { DATE_PATTERN, dateValue, readDate, readYear, type PrintedDate } from './dateText';
import type { Notices } from './notices';
import type { Outline } from './outline';

export type OrganType = '部门' | '本级政府';

export interface Metadata {
  organ?: string;
  /** The type and why it was inferred (written as a comment beside it). */
  organType?: { type: OrganType; reason: string };
  year?: number;
  period?: { start: string; end: string };
  signed?: string;
  published?: string;
}

const YEAR = '(\\d{4}|[〇零○一二三四五六七八九]{4})';
const TITLE_PARTS = new RegExp(`^(.*?)(?:关于)?[（(]?${YEAR}\\s*年(?:\\s*度)?[)）]?(.*?)(?:关于)?政府信息公开`, 'u');

/** Words an organ's name ends with (a government, its office, a department, a township…). */
export const ORGAN_END =
  /(?:政府|办公室|办公厅|局|委员会|[委办厅院室署会处所站队部馆司镇乡省市州县区旗盟]|中心|公司|街道|办事处|管委会)$/u;

function cleanOrgan(s: string): string {
  return s
    .replace(/^[《“"「\s]+|(?<![》”"」\s])[》”"」\s]+$/gu, '')
    .replace(/^关于|关于$|的$/gu, '')
    .replace(/\s+/gu, '')
    .trim();
}

/** A name that can be an organ: not a sentence, a citation or a pronoun ("根据《…》…现将我办"). */
function plausibleOrgan(s: string | undefined): string | undefined {
  if (!s || s.length < 2 || s.length > 40) return undefined;
  if (/[，,。；;：:、《》（）()“”！？]/u.test(s) || /^(?:根据|按照|依据|现将|[现我本该贵])/u.test(s)) return undefined;
  return s;
}

/** Organ and year named by a title such as 吕梁市人民政府办公室2024年政府信息公开工作年度报告. */
export function readTitle(lines: string[]): { organ?: string; year?: number } {
  const text = lines.join('');
  const m = TITLE_PARTS.exec(text);
  if (!m) {
    const organ = plausibleOrgan(cleanOrgan(text.replace(/政府信息公开.*$/u, '')));
    const y = /(\d{4})\s*年/u.exec(text);
    return { organ, year: y ? +y[1] : undefined };
  }
  const organ = plausibleOrgan(cleanOrgan(m[1])) ?? plausibleOrgan(cleanOrgan(m[3].replace(/^\s*的/u, '')));
  return { organ, year: readYear(m[2]) };
}

const ANNOUNCE = new RegExp(
  `(?:现|特)(?:予以|予)?(?:公布|发布|印发|将)\\s*([^，,。；;、《》“”\\s]{2,40}?)\\s*${YEAR}\\s*年\\s*(?:度\\s*)?(?:的\\s*)?政府信息公开`,
  'u',
);
const YEAR_OF_REPORT = new RegExp(
  `${YEAR}\\s*年\\s*(?:度\\s*)?(?:的\\s*)?政府信息公开(?:工作)?(?:年度)?(?:工作)?(?:情况)?(?:报告|工作)`,
  'u',
);

/** The organ and year a preface announces: "现公布区统计局2023年政府信息公开工作年度报告", "现将我办2022年度…报告如下". */
export function readPreface(text: string): { organ?: string; year?: number } {
  const m = ANNOUNCE.exec(text);
  if (m) {
    const organ = plausibleOrgan(cleanOrgan(m[1]));
    return { organ: organ && ORGAN_END.test(organ) ? organ : undefined, year: readYear(m[2]) };
  }
  const y = YEAR_OF_REPORT.exec(text);
  return { year: y ? readYear(y[1]) : undefined };
}

/** Organ and year in a file's name: 淮安市洪泽区人民政府_2024.pdf, 04_宿迁市_2023.txt. */
export function readFileName(name: string | undefined): { organ?: string; year?: number } {
  if (!name) return {};
  const base = name
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[^.]*$/, '');
  const out: { organ?: string; year?: number } = {};
  for (const token of base.split(/[_\s\-—－.（）()[\]【】]+/u)) {
    const y = /^((?:19|20)\d{2})(?:年度?)?$/u.exec(token);
    if (y && out.year === undefined) out.year = +y[1];
    const organ = plausibleOrgan(token);
    if (organ && /^[\u3400-\u9fff]+$/u.test(organ) && ORGAN_END.test(organ) && !out.organ) out.organ = organ;
  }
  return out;
}

// County-level or higher: their people's governments publish a report for their level.
const LEVEL = /(?:[省市州盟县旗区]|自治区|自治州|自治县|自治旗|特区|林区)$/u;
const NOT_A_LEVEL = /(?:开发区|高新区|园区|示范区|试验区|合作区|保税区|管理区|景区|新城区管委会|街道|乡|镇)$/u;
const DEPARTMENT = /[局委办厅院所站队部会处室馆司署]|中心|公司/u;

/**
 * 本级政府 only when the organ is a people's government of county level or higher (or the
 * title names just the place): its office or a department reports as 部门, and so does a
 * township government (its report is due with the departments').
 */
export function inferOrganType(organ: string | undefined): { type: OrganType; reason: string } {
  const byDepartment = '次年1月31日前公布';
  if (!organ)
    return { type: '部门', reason: `未找到机关名称，无法判断机关类型：按部门（${byDepartment}）填写，请核对` };
  const government = organ.endsWith('人民政府');
  const place = government ? organ.slice(0, -4) : organ;
  if (government && /(?:街道|乡|镇)$/u.test(place))
    return { type: '部门', reason: `“${organ}”是乡镇人民政府，其报告与部门一样${byDepartment}` };
  if (LEVEL.test(place) && !NOT_A_LEVEL.test(place)) {
    if (government)
      return { type: '本级政府', reason: `“${organ}”是县级以上人民政府，报告本级政府的工作（次年3月31日前公布）` };
    if (!DEPARTMENT.test(place))
      return { type: '本级政府', reason: `机关名“${organ}”只是地名，按本级人民政府的报告处理（次年3月31日前公布）` };
  }
  return { type: '部门', reason: `“${organ}”是政府部门或其办事机构（不是县级以上人民政府本身），${byDepartment}` };
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

export function readMetadata(
  outline: Outline,
  docTitle: string | undefined,
  notices: Notices,
  fileName?: string,
): Metadata {
  const meta: Metadata = {};
  const fromTitle = outline.title.length ? readTitle(outline.title) : {};
  const fromPage = docTitle ? readTitle([docTitle.split(/[_|｜]|(?<!\s)\s+-\s+/u)[0]]) : {};
  const prefaceText = linesOf(outline.preface).join('\n');
  const fromPreface = readPreface(prefaceText);
  const signer = plausibleOrgan(outline.signature?.organ ? cleanOrgan(outline.signature.organ) : undefined);
  const fromFile = readFileName(fileName);
  const named = fromTitle.organ ?? fromPage.organ;
  meta.organ = named ?? fromPreface.organ ?? signer ?? fromFile.organ;
  // A title that names only the place (北京市2024年…): the organ of that place named elsewhere.
  if (named && inferOrganType(named).type === '本级政府' && !named.endsWith('人民政府')) {
    const fuller = [signer, fromPreface.organ, fromFile.organ].find((o) => o && o !== named && o.startsWith(named));
    if (fuller) meta.organ = fuller;
  }
  if (!meta.organ)
    notices.add(
      '未能从标题、前言、落款或文件名中找到报告机关，“机关”未写入',
      'the reporting organ was found neither in the title, the preface, the signature nor the file name; 机关 is left out',
    );
  else if (
    meta.organ === fromFile.organ &&
    meta.organ !== named &&
    meta.organ !== signer &&
    meta.organ !== fromPreface.organ
  )
    notices.add(
      `原文没有写明报告机关，“机关”取自文件名：${meta.organ}，请核对`,
      `the text does not name the reporting organ; 机关 is taken from the file name: ${meta.organ}; please verify`,
    );
  meta.organType = inferOrganType(meta.organ);
  notices.add(
    `机关类型推断为“${meta.organType.type}”：${meta.organType.reason}`,
    `机关类型 inferred as ${meta.organType.type}: ${meta.organType.reason}`,
  );
  const headText = [prefaceText, ...outline.sections.slice(0, 1).flatMap((s) => linesOf(s.blocks))].join('\n');
  const period = readPeriod(headText);
  if (period) meta.period = { start: dateValue(period.start), end: dateValue(period.end) };
  meta.year = fromTitle.year ?? fromPage.year ?? fromPreface.year ?? period?.start.date.year;
  if (meta.year === undefined && fromFile.year !== undefined) {
    meta.year = fromFile.year;
    notices.add(
      `原文没有写明报告年度，“年度”取自文件名：${meta.year}，请核对`,
      `the text does not state the reporting year; 年度 is taken from the file name: ${meta.year}; please verify`,
    );
  }
  if (meta.year === undefined)
    notices.add(
      '未能从标题、前言、统计期限或文件名中找到报告年度，“年度”未写入',
      'the reporting year was found neither in the title, the preface, the statistics period nor the file name; 年度 is left out',
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
