/**
 * The national format of 国办公开办函〔2021〕30号, declared once. Parsing, the checks, their
 * messages, hover, completion, the JSON Schema, the printed form and import all read this
 * declaration: a fact about the form written anywhere else is a second copy that can drift.
 */
import { txt } from '../findings';
import type { ColumnDecl, FormatDecl, GroupDecl, ItemDecl, RowDecl } from './types';

const count = (label: string, short = label, extra: Partial<ColumnDecl> = {}): ColumnDecl => ({
  label,
  short,
  kind: 'count',
  unit: '件',
  ...extra,
});

const DOCUMENT_COLUMNS: ColumnDecl[] = [
  count('本年制发件数', '制发', {
    role: 'issued',
    words: '(?:新)?(?:制发|制定|出台|印发)(?:了)?',
    aliases: ['本年新制发件数'],
  }),
  count('本年废止件数', '废止', {
    role: 'repealed',
    words: '废止(?:了)?',
    aliases: ['本年度止件数', '本年度废止件数'],
  }),
  count('现行有效件数', '现行有效', { role: 'inForce', words: '现行有效(?:的)?' }),
];
const DECISION_COLUMNS: ColumnDecl[] = [count('本年处理决定数量', '处理决定')];
const FEE_COLUMNS: ColumnDecl[] = [
  {
    label: '本年收费金额（单位：万元）',
    short: '收费金额',
    kind: 'money',
    unit: '万元',
    aliases: ['本年收费金额'],
  },
];

const APPLICANT_COLUMNS: ColumnDecl[] = [
  count('自然人', '自然人', { words: '自然人(?:提出)?(?:的)?' }),
  count('商业企业', '商业企业', { words: '商业企业' }),
  count('科研机构', '科研机构', { words: '科研机构' }),
  count('社会公益组织', '社会公益组织', { words: '社会公益组织' }),
  count('法律服务机构', '法律服务机构', { words: '法律服务机构' }),
  count('其他'),
  count('总计', '总计', { role: 'total' }),
];

const REVIEW_COLUMNS: ColumnDecl[] = [
  count('结果维持'),
  count('结果纠正'),
  count('其他结果'),
  count('尚未审结'),
  count('总计', '总计', { role: 'total' }),
];

const row = (key: string, number: string, columns: ColumnDecl[], extra: Partial<RowDecl> = {}): RowDecl => ({
  kind: 'row',
  key,
  number,
  label: key,
  columns,
  ...extra,
});

const group = (
  key: string,
  number: string,
  items: ItemDecl[],
  mayBeOneRow: boolean,
  columns: ColumnDecl[],
  extra: Partial<GroupDecl> = {},
): GroupDecl => ({ kind: 'group', key, number, label: key, items, mayBeOneRow, columns, ...extra });

/** Numbered rows `1.` `2.` …, each with the words prose uses for it (none for a catch-all). */
const numbered = (rows: [key: string, words?: string][], columns: ColumnDecl[]): RowDecl[] =>
  rows.map(([key, words], i) => row(key, `${i + 1}.`, columns, words ? { words } : {}));

const A = APPLICANT_COLUMNS;
const R = REVIEW_COLUMNS;

export const FORMAT_2021: FormatDecl = {
  id: '2021',
  name: '国办公开办函〔2021〕30号',
  defaultOrganType: '部门',
  organTypes: [
    {
      key: '部门',
      deadline: { month: 1, day: 31 },
      description: txt(
        '政府部门的年度报告，应于次年1月31日前公布（《条例》第四十九条）',
        "a department's own report, due by 31 January of the next year (Regulations art. 49)",
      ),
    },
    {
      key: '本级政府',
      deadline: { month: 3, day: 31 },
      description: txt(
        '本级人民政府的年度报告，应于次年3月31日前公布（《条例》第四十九条）',
        "a people's government's report for its level, due by 31 March of the next year (Regulations art. 49)",
      ),
    },
  ],
  meta: [
    {
      key: '格式',
      role: 'format',
      required: false,
      description: txt(
        '报告所依据的全国格式，2021 即国办公开办函〔2021〕30号',
        'the national format the report follows; 2021 is 国办公开办函〔2021〕30号',
      ),
    },
    {
      key: '机关',
      role: 'organ',
      printed: 'start',
      required: true,
      description: txt('报告机关的全称，如：吕梁市人民政府办公室', 'the full name of the reporting organ'),
      aliases: ['机关名称', '单位', '单位名称'],
    },
    {
      key: '机关类型',
      role: 'organType',
      required: false,
      description: txt(
        '部门（次年1月31日前公布）或 本级政府（次年3月31日前公布）',
        '部门 (due 31 January) or 本级政府 (due 31 March)',
      ),
    },
    {
      key: '年度',
      role: 'year',
      printed: 'start',
      required: true,
      description: txt('报告年度，如 2024', 'the reporting year, e.g. 2024'),
      aliases: ['报告年度'],
    },
    {
      key: '统计期限',
      role: 'period',
      printed: 'start',
      required: false,
      description: txt('统计期限，{起: 年-01-01, 止: 年-12-31}', 'the statistics period, {起: Y-01-01, 止: Y-12-31}'),
      parts: { start: ['起', '开始', '自'], end: ['止', '结束', '至'] },
    },
    {
      key: '落款日期',
      role: 'signed',
      printed: 'end',
      required: true,
      description: txt(
        '落款处的日期，应在报告年度结束之后、法定期限之内',
        'the date under the signature: after the year ends, within the statutory deadline',
      ),
      aliases: ['落款时间', '成文日期'],
    },
    {
      key: '发布日期',
      role: 'published',
      printed: 'end',
      required: false,
      description: txt('网上公布的日期', 'the date it was published online'),
      aliases: ['公布日期', '发布时间'],
    },
    {
      key: '前言',
      role: 'preface',
      printed: 'start',
      required: false,
      expected: true,
      description: txt('报告开头的说明段落', 'the opening paragraph'),
      aliases: ['引言', '导语'],
    },
    {
      key: '原文标签',
      role: 'misprints',
      required: false,
      byImport: true,
      description: {
        'zh-CN': '原文印错的标签：{原文印的: 官方标签}，由导入写入，检查时逐项报告',
        en: 'labels misprinted in the published report: {as printed: official label}, written by import and reported by the check',
      },
    },
    {
      key: '原文不完整',
      role: 'incomplete',
      required: false,
      byImport: true,
      description: {
        'zh-CN':
          '原文（摘录或被截断的网页、文本）没有显示的部分：{开头: 说明, 省略: [部分], 结尾: 说明}，由导入写入；这些地方缺少的内容不报告为缺失',
        en: 'the parts the source (an excerpt, a page or text cut short) did not show: {开头: note, 省略: [sections], 结尾: note}, written by import; what is missing there is not reported as missing',
      },
      parts: { start: ['开头'], end: ['结尾'], gaps: ['省略'] },
    },
  ],
  sections: [
    {
      kind: 'text',
      key: '总体情况',
      number: '一、',
      title: '总体情况',
      role: 'overview',
      closedSubsections: false,
      subsections: [
        { key: '概述', title: '', expected: false },
        { key: '主动公开', title: '主动公开', expected: true, words: '主动公开', aliases: ['主动公开情况'] },
        {
          key: '依申请公开',
          title: '依申请公开',
          expected: true,
          words: '依申请|政府信息公开申请',
          aliases: ['依申请公开情况'],
        },
        {
          key: '政府信息管理',
          title: '政府信息管理',
          expected: true,
          words: '信息管理|发布(?:的)?审核|审核发布|先审后发|保密审查|公开属性|文件清理|动态调整|政务公开目录|公开目录',
        },
        {
          key: '平台建设',
          title: '政府信息公开平台建设',
          expected: true,
          // Platforms named as the channels something was published through (通过政府网站、政务新媒体等渠道) are not about building them.
          words:
            '平台建设|网站建设|网站(?:集约|改版|运维|维护|管理)|新媒体(?:矩阵|账号)|专栏(?:建设|维护)|(?:开设|设立|新设|优化)[^。；]{0,10}专栏|(?:政务新媒体|政府公报|查阅(?:点|场所|中心)|政务公开专区)(?![^。；]*渠道)',
          aliases: ['政府信息公开平台建设', '平台建设情况'],
        },
        {
          key: '监督保障',
          title: '监督保障',
          expected: true,
          words: '监督保障|监督检查|考核|培训|社会评议|责任追究|督查|督导|组织领导',
          aliases: ['监督保障情况'],
        },
      ],
    },
    {
      kind: 'table',
      key: '主动公开政府信息情况',
      number: '二、',
      title: '主动公开政府信息情况',
      role: 'documents',
      items: [
        row('规章', '', DOCUMENT_COLUMNS, { role: 'rules', words: '(?:政府)?规章' }),
        row('行政规范性文件', '', DOCUMENT_COLUMNS, { words: '(?:行政)?规范性文件', aliases: ['规范性文件'] }),
        row('行政许可', '', DECISION_COLUMNS),
        row('行政处罚', '', DECISION_COLUMNS),
        row('行政强制', '', DECISION_COLUMNS),
        row('行政事业性收费', '', FEE_COLUMNS),
      ],
      columnGroups: [],
      identities: [],
      yearIdentities: [
        {
          code: 'cross-year-stock',
          rows: ['规章', '行政规范性文件'],
          column: 'inForce',
          terms: [
            { year: 'previous', sign: 1 },
            { year: 'this', column: 'issued', sign: 1 },
            { year: 'this', column: 'repealed', sign: -1 },
          ],
          note: txt('如有集中清理请说明', 'explain a clean-up if there was one'),
        },
      ],
      printed: {
        kind: 'clauses',
        rowHead: '信息内容',
        clauses: [
          { clause: '第二十条第（一）项', rows: ['规章', '行政规范性文件'] },
          { clause: '第二十条第（五）项', rows: ['行政许可'] },
          { clause: '第二十条第（六）项', rows: ['行政处罚', '行政强制'] },
          { clause: '第二十条第（八）项', rows: ['行政事业性收费'] },
        ],
      },
    },
    {
      kind: 'table',
      key: '收到和处理政府信息公开申请情况',
      number: '三、',
      title: '收到和处理政府信息公开申请情况',
      role: 'requests',
      items: [
        row('本年新收政府信息公开申请数量', '一、', A, { role: 'new' }),
        row('上年结转政府信息公开申请数量', '二、', A, { role: 'carried' }),
        group(
          '本年度办理结果',
          '三、',
          [
            row('予以公开', '（一）', A, { words: '(?<!不)予以公开|同意公开' }),
            row('部分公开', '（二）', A, {
              label: '部分公开（区分处理的，只计这一情形，不计其他情形）',
              words: '部分公开',
            }),
            group(
              '不予公开',
              '（三）',
              numbered(
                [
                  ['属于国家秘密', '国家秘密'],
                  ['其他法律行政法规禁止公开', '法律(?:行政)?法规禁止公开'],
                  ['危及“三安全一稳定”', '三安全一稳定'],
                  ['保护第三方合法权益', '第三方合法权益'],
                  ['属于三类内部事务信息', '内部事务信息'],
                  ['属于四类过程性信息', '过程性信息'],
                  ['属于行政执法案卷', '行政执法案卷'],
                  ['属于行政查询事项', '行政查询事项'],
                ],
                A,
              ),
              true,
              A,
              { words: '不予(?:以)?公开' },
            ),
            group(
              '无法提供',
              '（四）',
              numbered(
                [
                  ['本机关不掌握相关政府信息', '不掌握(?:相关)?(?:的)?(?:政府)?信息'],
                  ['没有现成信息需要另行制作', '没有现成信息|另行制作'],
                  ['补正后申请内容仍不明确', '仍不明确'],
                ],
                A,
              ),
              true,
              A,
              { words: '无法提供' },
            ),
            group(
              '不予处理',
              '（五）',
              numbered(
                [
                  ['信访举报投诉类申请', '信访举报投诉类?(?:申请)?'],
                  ['重复申请', '重复申请'],
                  ['要求提供公开出版物', '公开出版物'],
                  ['无正当理由大量反复申请', '大量反复申请'],
                  ['要求行政机关确认或重新出具已获取信息', '重新出具(?:已获取)?(?:的)?信息'],
                ],
                A,
              ),
              true,
              A,
              { words: '不予处理' },
            ),
            group(
              '其他处理',
              '（六）',
              numbered(
                [
                  ['申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '逾期不补正'],
                  [
                    '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
                    '未按收费通知(?:要求)?缴纳(?:费用)?',
                  ],
                  ['其他'],
                ],
                A,
              ),
              true,
              A,
              { words: '其他处理' },
            ),
            row('总计', '（七）', A, { role: 'resultsTotal' }),
          ],
          false,
          A,
        ),
        row('结转下年度继续办理', '四、', A, { role: 'nextYear' }),
      ],
      columnGroups: [
        {
          label: '申请人情况',
          columns: ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
          printed: true,
        },
        {
          label: '法人或其他组织',
          columns: ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
          printed: true,
          words: '法人(?:或|和|及|与|、)?(?:其他)?组织(?:提出)?(?:的)?|法人(?:提出)?(?:的)?',
        },
      ],
      identities: [
        { kind: 'across', code: 'row-total', rows: ['*'] },
        {
          kind: 'down',
          code: 'result-total',
          left: [
            '本年度办理结果/予以公开',
            '本年度办理结果/部分公开',
            '本年度办理结果/不予公开',
            '本年度办理结果/无法提供',
            '本年度办理结果/不予处理',
            '本年度办理结果/其他处理',
          ],
          right: ['本年度办理结果/总计'],
          target: '本年度办理结果/总计',
          sides: { left: txt('各项办理结果之和', 'the results'), right: txt('（七）总计', 'the total （七）') },
        },
        {
          kind: 'down',
          code: 'balance',
          left: ['本年新收政府信息公开申请数量', '上年结转政府信息公开申请数量'],
          right: ['本年度办理结果/总计', '结转下年度继续办理'],
          target: '结转下年度继续办理',
          sides: {
            left: txt('本年新收和上年结转的申请', 'requests received and carried over'),
            right: txt('已办理和结转下年度的申请', 'requests handled and carried into next year'),
          },
        },
      ],
      yearIdentities: [
        {
          code: 'cross-year-carryover',
          rows: ['上年结转政府信息公开申请数量'],
          terms: [{ year: 'previous', row: '结转下年度继续办理', sign: 1 }],
        },
      ],
      printed: { kind: 'rows' },
    },
    {
      kind: 'table',
      key: '政府信息公开行政复议、行政诉讼情况',
      number: '四、',
      title: '政府信息公开行政复议、行政诉讼情况',
      role: 'reviews',
      aliases: ['政府信息公开行政复议行政诉讼情况', '因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
      items: [
        row('行政复议', '', R, { words: '行政复议' }),
        group(
          '行政诉讼',
          '',
          [
            row('未经复议直接起诉', '', R, { words: '(?:未经复议)?直接(?:提起)?(?:行政)?(?:起诉|诉讼)' }),
            row('复议后起诉', '', R, { words: '复议后(?:提起)?(?:行政)?(?:起诉|诉讼)' }),
          ],
          false,
          R,
          { words: '行政诉讼' },
        ),
      ],
      columnGroups: [],
      identities: [{ kind: 'across', code: 'review-total', rows: ['*'] }],
      yearIdentities: [],
      printed: { kind: 'columns' },
      proseTopic: '信息公开|依申请',
    },
    {
      kind: 'text',
      key: '存在的主要问题及改进情况',
      number: '五、',
      title: '存在的主要问题及改进情况',
      role: 'problems',
      closedSubsections: true,
      subsections: [
        { key: '存在的主要问题', title: '存在的主要问题', expected: false, aliases: ['主要问题'] },
        { key: '改进情况', title: '改进情况', expected: false, aliases: ['改进措施'] },
      ],
      aliases: ['政府信息公开工作存在的主要问题及改进情况'],
    },
    {
      kind: 'text',
      key: '其他需要报告的事项',
      number: '六、',
      title: '其他需要报告的事项',
      role: 'otherMatters',
      closedSubsections: true,
      subsections: [],
    },
  ],
  legacyLabels: [
    '本年新制作数量',
    '本年新公开数量',
    '对外公开总数量',
    '上一年项目数量',
    '本年增/减',
    '其他对外管理服务事项',
    '第二十条第（九）项',
    '政府集中采购',
  ],
  tableNote: '说明',
  legacyCitations: ['〔2019〕60号'],
};
