/**
 * The national format of 国办公开办函〔2021〕30号, declared once. Checks, messages, hover,
 * completion, the preview's tables and the JSON Schema all read this declaration.
 */
import type { ColumnDecl, FormatDecl, GroupDecl, ItemDecl, RowDecl } from './types';

const count = (label: string, short = label): ColumnDecl => ({ label, short, kind: 'count', unit: '件' });

const DOCUMENT_COLUMNS: ColumnDecl[] = [
  { ...count('本年制发件数', '制发'), aliases: ['本年新制发件数'] },
  { ...count('本年废止件数', '废止'), aliases: ['本年度止件数', '本年度废止件数'] },
  { ...count('现行有效件数', '现行有效') },
];
const DECISION_COLUMNS: ColumnDecl[] = [count('本年处理决定数量', '处理决定')];
const FEE_COLUMNS: ColumnDecl[] = [
  { label: '本年收费金额（单位：万元）', short: '收费金额', kind: 'money', unit: '万元', aliases: ['本年收费金额'] },
];

export const APPLICANT_COLUMNS: ColumnDecl[] = [
  count('自然人'),
  count('商业企业'),
  count('科研机构'),
  count('社会公益组织'),
  count('法律服务机构'),
  count('其他'),
  count('总计'),
];

export const REVIEW_COLUMNS: ColumnDecl[] = [
  count('结果维持'),
  count('结果纠正'),
  count('其他结果'),
  count('尚未审结'),
  count('总计'),
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
): GroupDecl => ({
  kind: 'group',
  key,
  number,
  label: key,
  items,
  mayBeOneRow,
  columns,
});

const numbered = (keys: string[], columns: ColumnDecl[]): RowDecl[] =>
  keys.map((key, i) => row(key, `${i + 1}.`, columns));

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
      description: {
        'zh-CN': '政府部门的年度报告，应于次年1月31日前公布（《条例》第四十九条）',
        en: "a department's own report, due by 31 January of the next year (Regulations art. 49)",
      },
    },
    {
      key: '本级政府',
      deadline: { month: 3, day: 31 },
      description: {
        'zh-CN': '本级人民政府的年度报告，应于次年3月31日前公布（《条例》第四十九条）',
        en: "a people's government's report for its level, due by 31 March of the next year (Regulations art. 49)",
      },
    },
  ],
  meta: [
    {
      key: '格式',
      type: 'format',
      required: false,
      description: {
        'zh-CN': '报告所依据的全国格式，2021 即国办公开办函〔2021〕30号',
        en: 'the national format the report follows; 2021 is 国办公开办函〔2021〕30号',
      },
    },
    {
      key: '机关',
      type: 'string',
      required: true,
      description: { 'zh-CN': '报告机关的全称，如：吕梁市人民政府办公室', en: 'the full name of the reporting organ' },
      aliases: ['机关名称', '单位', '单位名称'],
    },
    {
      key: '机关类型',
      type: 'organType',
      required: false,
      description: {
        'zh-CN': '部门（次年1月31日前公布）或 本级政府（次年3月31日前公布）',
        en: '部门 (due 31 January) or 本级政府 (due 31 March)',
      },
    },
    {
      key: '年度',
      type: 'year',
      required: true,
      description: { 'zh-CN': '报告年度，如 2024', en: 'the reporting year, e.g. 2024' },
      aliases: ['报告年度'],
    },
    {
      key: '统计期限',
      type: 'period',
      required: false,
      description: {
        'zh-CN': '统计期限，{起: 年-01-01, 止: 年-12-31}',
        en: 'the statistics period, {起: Y-01-01, 止: Y-12-31}',
      },
    },
    {
      key: '落款日期',
      type: 'date',
      required: true,
      description: {
        'zh-CN': '落款处的日期，应在报告年度结束之后、法定期限之内',
        en: 'the date under the signature: after the year ends, within the statutory deadline',
      },
      aliases: ['落款时间', '成文日期'],
    },
    {
      key: '发布日期',
      type: 'date',
      required: false,
      description: { 'zh-CN': '网上公布的日期', en: 'the date it was published online' },
      aliases: ['公布日期', '发布时间'],
    },
    {
      key: '前言',
      type: 'text',
      required: false,
      expected: true,
      description: { 'zh-CN': '报告开头的说明段落', en: 'the opening paragraph' },
      aliases: ['引言', '导语'],
    },
    {
      key: '原文标签',
      type: 'labels',
      required: false,
      description: {
        'zh-CN': '原文印错的标签：{原文印的: 官方标签}，由导入写入，检查时逐项报告',
        en: 'labels misprinted in the published report: {as printed: official label}, written by import and reported by the check',
      },
    },
  ],
  sections: [
    {
      kind: 'text',
      key: '总体情况',
      number: '一、',
      title: '总体情况',
      closedSubsections: false,
      subsections: [
        { key: '概述', title: '', expected: false },
        { key: '主动公开', title: '主动公开', expected: true, aliases: ['主动公开情况'] },
        { key: '依申请公开', title: '依申请公开', expected: true, aliases: ['依申请公开情况'] },
        { key: '政府信息管理', title: '政府信息管理', expected: true },
        {
          key: '平台建设',
          title: '政府信息公开平台建设',
          expected: true,
          aliases: ['政府信息公开平台建设', '平台建设情况'],
        },
        { key: '监督保障', title: '监督保障', expected: true, aliases: ['监督保障情况'] },
      ],
    },
    {
      kind: 'table',
      key: '主动公开政府信息情况',
      number: '二、',
      title: '主动公开政府信息情况',
      items: [
        row('规章', '', DOCUMENT_COLUMNS, { label: '规章' }),
        row('行政规范性文件', '', DOCUMENT_COLUMNS, { aliases: ['规范性文件'] }),
        row('行政许可', '', DECISION_COLUMNS),
        row('行政处罚', '', DECISION_COLUMNS),
        row('行政强制', '', DECISION_COLUMNS),
        row('行政事业性收费', '', FEE_COLUMNS),
      ],
      identities: [],
    },
    {
      kind: 'table',
      key: '收到和处理政府信息公开申请情况',
      number: '三、',
      title: '收到和处理政府信息公开申请情况',
      items: [
        row('本年新收政府信息公开申请数量', '一、', A),
        row('上年结转政府信息公开申请数量', '二、', A),
        group(
          '本年度办理结果',
          '三、',
          [
            row('予以公开', '（一）', A),
            row('部分公开', '（二）', A, { label: '部分公开（区分处理的，只计这一情形，不计其他情形）' }),
            group(
              '不予公开',
              '（三）',
              numbered(
                [
                  '属于国家秘密',
                  '其他法律行政法规禁止公开',
                  '危及“三安全一稳定”',
                  '保护第三方合法权益',
                  '属于三类内部事务信息',
                  '属于四类过程性信息',
                  '属于行政执法案卷',
                  '属于行政查询事项',
                ],
                A,
              ),
              true,
              A,
            ),
            group(
              '无法提供',
              '（四）',
              numbered(['本机关不掌握相关政府信息', '没有现成信息需要另行制作', '补正后申请内容仍不明确'], A),
              true,
              A,
            ),
            group(
              '不予处理',
              '（五）',
              numbered(
                [
                  '信访举报投诉类申请',
                  '重复申请',
                  '要求提供公开出版物',
                  '无正当理由大量反复申请',
                  '要求行政机关确认或重新出具已获取信息',
                ],
                A,
              ),
              true,
              A,
            ),
            group(
              '其他处理',
              '（六）',
              numbered(
                [
                  '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
                  '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
                  '其他',
                ],
                A,
              ),
              true,
              A,
            ),
            row('总计', '（七）', A),
          ],
          false,
          A,
        ),
        row('结转下年度继续办理', '四、', A),
      ],
      identities: [
        { kind: 'across', code: 'row-total', rows: ['*'], total: 6, addends: [0, 1, 2, 3, 4, 5] },
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
        },
        {
          kind: 'down',
          code: 'balance',
          left: ['本年新收政府信息公开申请数量', '上年结转政府信息公开申请数量'],
          right: ['本年度办理结果/总计', '结转下年度继续办理'],
          target: '结转下年度继续办理',
        },
      ],
    },
    {
      kind: 'table',
      key: '政府信息公开行政复议、行政诉讼情况',
      number: '四、',
      title: '政府信息公开行政复议、行政诉讼情况',
      aliases: ['政府信息公开行政复议行政诉讼情况', '因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
      items: [
        row('行政复议', '', R),
        group('行政诉讼', '', [row('未经复议直接起诉', '', R), row('复议后起诉', '', R)], false, R),
      ],
      identities: [{ kind: 'across', code: 'review-total', rows: ['*'], total: 4, addends: [0, 1, 2, 3] }],
    },
    {
      kind: 'text',
      key: '存在的主要问题及改进情况',
      number: '五、',
      title: '存在的主要问题及改进情况',
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

/** Headings under which the form prints table 二's rows (第二十条 items). */
export const TABLE2_CLAUSES: { clause: string; rows: string[] }[] = [
  { clause: '第二十条第（一）项', rows: ['规章', '行政规范性文件'] },
  { clause: '第二十条第（五）项', rows: ['行政许可'] },
  { clause: '第二十条第（六）项', rows: ['行政处罚', '行政强制'] },
  { clause: '第二十条第（八）项', rows: ['行政事业性收费'] },
];
