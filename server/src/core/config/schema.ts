/**
 * The JSON Schema of `.govreport.yaml` (draft-07), for completion and validation in editors
 * with a YAML language server. Generated from the rule codes and the format declarations, so
 * it offers every code with its title and every section by name. It is a guide: the checker
 * reads names more leniently (spaces, other numbering) and says more precisely what is wrong
 * (a deadline that is no day of the year); where the two differ, its problems are the reference.
 */
import { CODES, RULE_CODES } from '../codes';
import { FORMATS, sectionNumeral, type FormatDecl } from '../format';
import type { JsonSchema } from '../schema';
import { SEVERITY_VALUES } from './parse';

const both = (zh: string, en: string) => `${zh}\n${en}`;

export function configSchema(formats: readonly FormatDecl[] = FORMATS): JsonSchema {
  const organTypes = [...new Set(formats.flatMap((f) => f.organTypes.map((t) => t.key)))];
  const textSections = formats.flatMap((f) => f.sections.filter((s) => s.kind === 'text'));
  const sectionNames = [
    ...new Set(
      textSections.flatMap((s) => [s.title, s.key, sectionNumeral(s), s.number + s.title, ...(s.aliases ?? [])]),
    ),
  ];
  const subsectionNames = [
    ...new Set(textSections.flatMap((s) => s.subsections.flatMap((x) => [x.key, x.title].filter((n) => n)))),
  ];
  const byCode = (value: (code: (typeof RULE_CODES)[number]) => JsonSchema): JsonSchema => ({
    type: 'object',
    properties: Object.fromEntries(RULE_CODES.map((c) => [c, value(c)])),
    additionalProperties: false,
  });
  const title = (c: (typeof RULE_CODES)[number]) => both(CODES[c].title['zh-CN'], CODES[c].title.en);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'GovReport .govreport.yaml',
    description: both(
      'GovReport 项目配置文件：本地的公布期限、规则的严重程度、重复率、本地要求和扣分。从报告所在文件夹向上找，最近的一个适用。',
      "GovReport's project config file: local deadlines, rule severities, the 重复率 threshold, local requirements and deductions. Looked up from a report's folder upwards; the nearest one applies.",
    ),
    type: 'object',
    additionalProperties: false,
    properties: {
      notice: {
        type: 'string',
        minLength: 1,
        description: both(
          '本配置依据的通知（审核意见中引用）',
          'the notice this config implements (cited in the 审核意见)',
        ),
      },
      reviewer: {
        type: 'string',
        minLength: 1,
        description: both('审核单位（审核意见落款）', 'who reviews the reports (signs the 审核意见)'),
      },
      deadlines: {
        type: 'object',
        description: both(
          '按机关类型的公布期限（次年的“月-日”），代替法定期限',
          'deadlines by 机关类型 (MM-DD of the next year), replacing the statutory ones',
        ),
        properties: Object.fromEntries(organTypes.map((t) => [t, { $ref: '#/definitions/deadline' }])),
        additionalProperties: false,
      },
      severity: {
        ...byCode((c) => ({ enum: [...SEVERITY_VALUES], description: title(c) })),
        description: both('按规则代码设定严重程度；off 为不检查', 'severity by rule code; off turns the rule off'),
      },
      reuseThreshold: {
        description: both(
          '重复率：与上年报告或同批其他机关报告相同的文字超过这一比例即为雷同（0.5 或 50%）',
          'the share of text the same as last year’s or another organ’s beyond which it is copied (0.5 or 50%)',
        ),
        oneOf: [
          { type: 'number', exclusiveMinimum: 0, maximum: 1 },
          { type: 'string', pattern: '^\\s*\\d+(?:\\.\\d+)?\\s*[%％]\\s*$' },
        ],
      },
      requirements: {
        type: 'array',
        description: both('本地要求', 'local requirements for the texts'),
        items: { $ref: '#/definitions/requirement' },
      },
      deductions: {
        ...byCode((c) => ({ $ref: '#/definitions/deduction', description: title(c) })),
        description: both(
          '按规则代码扣分，用于汇总表的得分',
          'points deducted by rule code, for the score in the summary',
        ),
      },
      fullScore: {
        type: 'number',
        exclusiveMinimum: 0,
        description: both('满分（默认 100）', 'the score with nothing deducted (100 unless set)'),
      },
    },
    definitions: {
      deadline: {
        type: 'string',
        pattern: '^(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\\d|3[01])$',
        description: both('次年的“月-日”，如 01-31', 'MM-DD of the next year, e.g. 01-31'),
      },
      requirement: {
        type: 'object',
        additionalProperties: false,
        required: ['message'],
        dependencies: { counted: ['phrases'], subsection: ['section'] },
        anyOf: [{ required: ['maxLength'] }, { required: ['minLength'] }, { required: ['phrases'] }],
        properties: {
          section: {
            enum: sectionNames,
            description: both('适用的部分；不写则为全文', 'the section it applies to; the whole text when absent'),
          },
          subsection: {
            type: 'string',
            minLength: 1,
            examples: subsectionNames,
            description: both('部分中的一项，如“主动公开”', 'an item of the section, such as 主动公开'),
          },
          organTypes: {
            type: 'array',
            items: { enum: organTypes },
            minItems: 1,
            description: both('只适用于这些机关类型', 'only for these 机关类型'),
          },
          maxLength: {
            type: 'integer',
            minimum: 1,
            description: both(
              '字数上限（不计空格和换行）',
              'at most this many characters (spaces and line breaks aside)',
            ),
          },
          minLength: {
            type: 'integer',
            minimum: 1,
            description: both('字数下限', 'at least this many characters'),
          },
          phrases: {
            type: 'array',
            minItems: 1,
            items: {
              oneOf: [
                { type: 'string', minLength: 1 },
                { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
              ],
            },
            description: both(
              '必须写到的内容；可互相替代的写成一组，如 [政府网站, 门户网站]',
              'phrases the text must contain; alternatives as a list of their own',
            ),
          },
          counted: {
            type: 'boolean',
            description: both(
              '每项内容都要写明数字（如“政务新媒体发布信息 260 条”）',
              'each phrase must be stated with a figure',
            ),
          },
          message: {
            description: both('未做到时显示的说明（通知原文）', 'what a finding says (the notice’s words)'),
            oneOf: [
              { type: 'string', minLength: 1 },
              {
                type: 'object',
                additionalProperties: false,
                properties: { 'zh-CN': { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
                minProperties: 1,
              },
            ],
          },
        },
      },
      deduction: {
        oneOf: [
          { type: 'number', minimum: 0 },
          {
            type: 'object',
            additionalProperties: false,
            required: ['points'],
            properties: {
              points: { type: 'number', minimum: 0, description: both('每处扣几分', 'points per finding') },
              max: {
                type: 'number',
                minimum: 0,
                description: both('一份报告最多扣几分', 'at most this many per report'),
              },
            },
          },
        ],
      },
    },
  };
}
