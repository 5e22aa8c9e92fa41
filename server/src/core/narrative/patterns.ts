/**
 * The standard statements of a report's text, as patterns over the words right before a
 * number (its label) and the figures of the tables they state. A label must end where the
 * number begins, with at most filler words between (的, 共, 为, 申请…), so a number is
 * only ever read with the words that name it.
 */
import type { Report } from '../model';
import { ALL_APPLICANTS, DOCUMENTS, NATURAL, ORGANISATIONS, REQUESTS, REVIEWS, figure, type Figure } from './figures';

export type StatementRule = 'narrative-requests' | 'narrative-documents' | 'narrative-reviews';

export interface StatementSpec {
  id: string;
  rule: StatementRule;
  /** What the statement is about, for messages. */
  name: string;
  /** The label, matched against the clause before the number with white space removed. */
  label: RegExp;
  /** Number-before-noun form: the label matches the words before and this the words after the unit. */
  after?: RegExp;
  /** The sentence must contain this (the topic), or must not contain that (another topic). */
  needs?: RegExp;
  avoid?: RegExp;
  /** The paragraph must contain this. */
  paragraphNeeds?: RegExp;
  /** A part of a figure stated just before it in the sentence (其中自然人…): the columns it takes. */
  childCols?: number[];
  /** The figures the number may equal; the first is what a fix writes. `lead` is the clause before the number. */
  figures?(report: Report, lead: string): (Figure | undefined)[];
}

/** Words that may stand between a label and its number. */
const FILLER =
  '(?:的|共|共计|合计|总计|累计|计|为|达|达到|是|有|了|数|数量|总数|件数|申请|政府信息公开申请|政府信息公开|信息公开申请|依申请公开申请|案件|事项|案)*';
const label = (core: string) => new RegExp(`(?:${core})${FILLER}$`);

const COUNT_UNITS = /^[件个条宗起份例项部]$/;
export const isCountUnit = (unit: string) => COUNT_UNITS.test(unit);

/** Other matters than requests, where 办结 and 结转 mean something else (letters, hotlines). */
export const OTHER_MATTERS = /来信|信箱|留言|热线|12345|(?<!信访举报)投诉|(?<!信访)举报|建议|提案|诉求|咨询|工单|问政/;
/** A subject that is not the reporting organ itself. */
export const OTHER_SCOPE = /各(?:[县区市乡镇级]|街道|部门|单位|地区|成员)|下级|所属|直属/;
/** A whole jurisdiction: another scope for a department's report, the report's own for a government's. */
export const JURISDICTION = /全[省市县区旗州镇乡]/;

const req = (report: Report, paths: string[], cols = ALL_APPLICANTS) => figure(report, REQUESTS, paths, cols);
const NEW = '本年新收政府信息公开申请数量';
const CARRIED = '上年结转政府信息公开申请数量';
const RESULTS = '本年度办理结果';
const TOTAL = `${RESULTS}/总计`;
const NEXT = '结转下年度继续办理';

/** Reasons of the result groups, with the words that name them in prose. */
const REASONS: { path: string; words: string }[] = [
  { path: `${RESULTS}/不予公开/属于国家秘密`, words: '国家秘密' },
  { path: `${RESULTS}/不予公开/其他法律行政法规禁止公开`, words: '法律(?:行政)?法规禁止公开' },
  { path: `${RESULTS}/不予公开/危及“三安全一稳定”`, words: '三安全一稳定' },
  { path: `${RESULTS}/不予公开/保护第三方合法权益`, words: '第三方合法权益' },
  { path: `${RESULTS}/不予公开/属于三类内部事务信息`, words: '内部事务信息' },
  { path: `${RESULTS}/不予公开/属于四类过程性信息`, words: '过程性信息' },
  { path: `${RESULTS}/不予公开/属于行政执法案卷`, words: '行政执法案卷' },
  { path: `${RESULTS}/不予公开/属于行政查询事项`, words: '行政查询事项' },
  { path: `${RESULTS}/无法提供/本机关不掌握相关政府信息`, words: '不掌握(?:相关)?(?:的)?(?:政府)?信息' },
  { path: `${RESULTS}/无法提供/没有现成信息需要另行制作`, words: '没有现成信息|另行制作' },
  { path: `${RESULTS}/无法提供/补正后申请内容仍不明确`, words: '仍不明确' },
  { path: `${RESULTS}/不予处理/信访举报投诉类申请`, words: '信访举报投诉类?(?:申请)?' },
  { path: `${RESULTS}/不予处理/重复申请`, words: '重复申请' },
  { path: `${RESULTS}/不予处理/要求提供公开出版物`, words: '公开出版物' },
  { path: `${RESULTS}/不予处理/无正当理由大量反复申请`, words: '大量反复申请' },
  { path: `${RESULTS}/不予处理/要求行政机关确认或重新出具已获取信息`, words: '重新出具(?:已获取)?(?:的)?信息' },
  { path: `${RESULTS}/其他处理/申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请`, words: '逾期不补正' },
  {
    path: `${RESULTS}/其他处理/申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请`,
    words: '未按收费通知(?:要求)?缴纳(?:费用)?',
  },
];

/**
 * A group's figure, or, when the clause names one of its reasons without 等 ("因本机关不掌握
 * 相关政府信息无法提供 47 件"), that reason's figure as well.
 */
function groupFigures(report: Report, group: string, lead: string): (Figure | undefined)[] {
  const out = [req(report, [`${RESULTS}/${group}`])];
  if (!lead.includes('等')) {
    for (const r of REASONS)
      if (r.path.startsWith(`${RESULTS}/${group}/`) && new RegExp(r.words).test(lead)) out.push(req(report, [r.path]));
  }
  return out;
}

const RECEIVE_VERB = '收到|受理|收办|接收|新收|接到|登记';
const HANDLE_VERB = '办理|处理';
const NOUN = '(?:各类|各项)?(?:政府信息公开|信息公开|依申请公开|公开)?的?申请(?!人)';

export const SPECS: StatementSpec[] = [
  // Reasons first: their labels are the most specific.
  ...REASONS.map((r): StatementSpec => ({
    id: `reason:${r.path}`,
    rule: 'narrative-requests',
    name: r.path.split('/').pop()!,
    label: label(`(?:属于|因|系|涉及)?(?:${r.words})(?:类|的|情形|原因)*`),
    figures: (report) => [req(report, [r.path])],
  })),
  {
    id: 'granted',
    rule: 'narrative-requests',
    name: '予以公开',
    label: label('(?<!不)予以公开|同意公开'),
    figures: (report) => [req(report, [`${RESULTS}/予以公开`])],
  },
  {
    id: 'partial',
    rule: 'narrative-requests',
    name: '部分公开',
    label: label('部分公开'),
    figures: (report) => [req(report, [`${RESULTS}/部分公开`])],
  },
  {
    id: 'withheld',
    rule: 'narrative-requests',
    name: '不予公开',
    label: label('不予(?:以)?公开'),
    figures: (report, lead) => groupFigures(report, '不予公开', lead),
  },
  {
    id: 'unavailable',
    rule: 'narrative-requests',
    name: '无法提供',
    label: label('无法提供'),
    figures: (report, lead) => groupFigures(report, '无法提供', lead),
  },
  {
    id: 'notProcessed',
    rule: 'narrative-requests',
    name: '不予处理',
    label: label('不予处理'),
    figures: (report, lead) => groupFigures(report, '不予处理', lead),
  },
  {
    id: 'otherHandling',
    rule: 'narrative-requests',
    name: '其他处理',
    label: label('其他处理'),
    figures: (report, lead) => groupFigures(report, '其他处理', lead),
  },
  {
    id: 'carried',
    rule: 'narrative-requests',
    name: '上年结转',
    label: label('(?:上(?:一)?年(?:度)?|\\d{4}年(?:度)?)(?:结转|转来|结余|未办结)(?:的)?|结转上(?:一)?年(?:度)?'),
    figures: (report, lead) => {
      // "2023 年度结转" is last year's carry-over only in a 2024 report.
      const m = /(\d{4})年度?(?:结转|转来|结余|未办结)/.exec(lead);
      return m && report.year !== undefined && +m[1] !== report.year - 1 ? [] : [req(report, [CARRIED])];
    },
  },
  // The table's own label is specific enough to need no topic.
  {
    id: 'pendingLabel',
    rule: 'narrative-requests',
    name: '结转下年度继续办理',
    label: label('结转下(?:一)?年度继续办理'),
    figures: (report) => [req(report, [NEXT])],
  },
  {
    id: 'pending',
    rule: 'narrative-requests',
    name: '结转下年度',
    label: label(
      '(?:结转|转入|转|转至|转到|顺延|延至|移至)(?:至|到|入)?(?:下一?个?年度?|次年|明年|\\d{4}年度?)(?:继续)?(?:办理|处理|答复)?|(?:尚在|正在|仍在)办理(?:中)?|尚未办结|未办结',
    ),
    avoid: OTHER_MATTERS,
    paragraphNeeds: /申请/,
    figures: (report) => [req(report, [NEXT])],
  },
  {
    id: 'concluded',
    rule: 'narrative-requests',
    name: '办结',
    label: label('(?:已|共|全部|按时|依法)?办结|办理完毕|答复完毕'),
    avoid: OTHER_MATTERS,
    paragraphNeeds: /申请/,
    figures: (report) => [req(report, [TOTAL])],
  },
  {
    id: 'received',
    rule: 'narrative-requests',
    name: '收到申请',
    label: label(
      `(?:${RECEIVE_VERB}|${HANDLE_VERB})(?:了)?(?:[和及与、](?:${RECEIVE_VERB}|${HANDLE_VERB}|答复))?(?:的)?${NOUN}|(?:${RECEIVE_VERB}|${HANDLE_VERB})(?:的)?依申请公开(?:事项)?`,
    ),
    figures: (report, lead) => receivedFigures(report, lead),
  },
  {
    id: 'receivedBefore',
    rule: 'narrative-requests',
    name: '收到申请',
    label: new RegExp(`(?:${RECEIVE_VERB}|${HANDLE_VERB})了?(?:共|共计|合计)?$`),
    after: /^的?(?:政府信息公开|信息公开|依申请公开)的?申请(?!人)|^依申请公开/,
    figures: (report, lead) => receivedFigures(report, lead),
  },
  // Parts of a figure just stated (其中自然人 67 件，法人或其他组织 2 件).
  {
    id: 'natural',
    rule: 'narrative-requests',
    name: '自然人',
    label: label('自然人(?:提出)?(?:的)?'),
    childCols: NATURAL,
  },
  {
    id: 'organisations',
    rule: 'narrative-requests',
    name: '法人或其他组织',
    label: label('法人(?:或|和|及|与|、)?(?:其他)?组织(?:提出)?(?:的)?|法人(?:提出)?(?:的)?'),
    childCols: ORGANISATIONS,
  },
  { id: 'business', rule: 'narrative-requests', name: '商业企业', label: label('商业企业'), childCols: [1] },
  { id: 'research', rule: 'narrative-requests', name: '科研机构', label: label('科研机构'), childCols: [2] },
  { id: 'welfare', rule: 'narrative-requests', name: '社会公益组织', label: label('社会公益组织'), childCols: [3] },
  { id: 'legal', rule: 'narrative-requests', name: '法律服务机构', label: label('法律服务机构'), childCols: [4] },
  // Table 二: documents.
  ...documentSpecs('规范性文件', '(?:行政)?规范性文件', '行政规范性文件'),
  ...documentSpecs('规章', '(?:政府)?规章', '规章'),
  // Table 四: reconsideration and litigation about disclosure.
  {
    id: 'review',
    rule: 'narrative-reviews',
    name: '行政复议',
    label: label('(?:被申请|被提起|收到|发生|引发|涉及|提起|申请)?(?:的)?(?:政府信息公开)?行政复议(?:申请)?'),
    needs: /信息公开|依申请/,
    figures: (report) => [figure(report, REVIEWS, ['行政复议'], [4])],
  },
  {
    id: 'litigation',
    rule: 'narrative-reviews',
    name: '行政诉讼',
    label: label('(?:被提起|提起|发生|引发|涉及|收到|被)?(?:的)?(?:政府信息公开)?行政诉讼'),
    needs: /信息公开|依申请/,
    figures: (report) => [figure(report, REVIEWS, ['行政诉讼'], [4])],
  },
  {
    id: 'direct',
    rule: 'narrative-reviews',
    name: '未经复议直接起诉',
    label: label('(?:未经复议)?直接(?:提起)?(?:行政)?(?:起诉|诉讼)'),
    needs: /信息公开|依申请/,
    figures: (report) => [figure(report, REVIEWS, ['行政诉讼/未经复议直接起诉'], [4])],
  },
  {
    id: 'afterReview',
    rule: 'narrative-reviews',
    name: '复议后起诉',
    label: label('复议后(?:提起)?(?:行政)?(?:起诉|诉讼)'),
    needs: /信息公开|依申请/,
    figures: (report) => [figure(report, REVIEWS, ['行政诉讼/复议后起诉'], [4])],
  },
  {
    id: 'reviewBefore',
    rule: 'narrative-reviews',
    name: '行政复议',
    label: /(?:被申请|收到|发生|引发|涉及)了?$/,
    after: /^的?(?:政府信息公开)?行政复议/,
    needs: /信息公开|依申请/,
    figures: (report) => [figure(report, REVIEWS, ['行政复议'], [4])],
  },
  {
    id: 'litigationBefore',
    rule: 'narrative-reviews',
    name: '行政诉讼',
    label: /(?:被提起|被起诉|收到|发生|引发|涉及)了?$/,
    after: /^的?(?:政府信息公开)?行政诉讼/,
    needs: /信息公开|依申请/,
    figures: (report) => [figure(report, REVIEWS, ['行政诉讼'], [4])],
  },
];

/**
 * A request total equals 一 本年新收 or 一 + 二 (reports use both); with 办理/处理 it may
 * also mean the requests handled, 三（七）总计. With 新收 it is 一 only.
 */
function receivedFigures(report: Report, lead: string): (Figure | undefined)[] {
  const only = /新收/.test(lead);
  const out = [req(report, [NEW])];
  if (!only) out.push(req(report, [NEW, CARRIED]));
  if (
    !only &&
    new RegExp(`(?:${HANDLE_VERB})的?(?:${NOUN}|依申请公开)`).test(lead) &&
    !new RegExp(RECEIVE_VERB).test(lead)
  )
    out.push(req(report, [TOTAL]));
  return out;
}

/** The figures that stand for all requests: 一, 一 + 二, 三（七）总计. */
export function wholeRequests(report: Report): Figure[] {
  return [req(report, [NEW]), req(report, [NEW, CARRIED]), req(report, [TOTAL])].filter(
    (f): f is Figure => f !== undefined,
  );
}

function documentSpecs(name: string, noun: string, row: string): StatementSpec[] {
  const doc = (col: number) => (report: Report) => [figure(report, DOCUMENTS, [row], [col])];
  const other = name === '规章' ? /规范性文件/ : /规章/;
  const topic = name === '规章' ? /规章/ : /规范性文件/;
  return [
    {
      id: `${name}:issued`,
      rule: 'narrative-documents',
      name: `制发${name}`,
      label: label(`(?:新)?(?:制发|制定|出台|印发)(?:了)?${noun}`),
      avoid: OTHER_SCOPE,
      figures: doc(0),
    },
    {
      id: `${name}:repealed`,
      rule: 'narrative-documents',
      name: `废止${name}`,
      label: label(`废止(?:了)?${noun}`),
      avoid: OTHER_SCOPE,
      figures: doc(1),
    },
    {
      id: `${name}:valid`,
      rule: 'narrative-documents',
      name: `现行有效${name}`,
      label: label(`现行有效(?:的)?${noun}|${noun}现行有效`),
      avoid: OTHER_SCOPE,
      figures: doc(2),
    },
    // Bare 废止/现行有效 in a sentence that is about one kind of document only.
    {
      id: `${name}:repealedBare`,
      rule: 'narrative-documents',
      name: `废止${name}`,
      label: label('废止(?:了)?'),
      needs: topic,
      avoid: new RegExp(`${other.source}|${OTHER_SCOPE.source}`),
      figures: doc(1),
    },
    {
      id: `${name}:validBare`,
      rule: 'narrative-documents',
      name: `现行有效${name}`,
      label: label('现行有效(?:的)?'),
      needs: topic,
      avoid: new RegExp(`${other.source}|${OTHER_SCOPE.source}`),
      figures: doc(2),
    },
  ];
}
