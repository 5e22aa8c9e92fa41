/**
 * The standard statements of a report's text, as patterns over the words right before a
 * number (its label) and the figures of the tables they state. A label must end where the
 * number begins, with at most filler words between (的, 共, 为, 申请…), so a number is
 * only ever read with the words that name it.
 *
 * The words for each row, column and group come from the format declaration (`words`); what
 * is here is the grammar around them, and what the rows of the request flow (`role`) mean.
 */
import type { RuleCode } from '../codes';
import {
  allItems,
  columnByRole,
  groupColumns,
  rowPathByRole,
  tableByRole,
  type FormatDecl,
  type TableSectionDecl,
} from '../format';
import type { Report } from '../model';
import { figure, type Figure } from './figures';

export type StatementRule = Extract<RuleCode, 'narrative-requests' | 'narrative-documents' | 'narrative-reviews'>;

/**
 * What a statement states: the request total (`received`), the carry-over (`carried`), what
 * is carried into next year (`pending`), what was concluded (`concluded`), a part of the figure
 * stated before it (`part`), or any other figure of a table (`figure`).
 */
export type StatementKind = 'received' | 'carried' | 'pending' | 'concluded' | 'part' | 'figure';

export interface StatementSpec {
  /** Unique within a format: the row, column or role it is about. */
  id: string;
  kind: StatementKind;
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
  /**
   * A row of a table whose figure adds to others named with it ("予以公开及部分公开 42 件" is
   * 予以公开 + 部分公开): the table, the row's path and the words that name it.
   */
  sums?: { table: TableSectionDecl; path: string; words: string };
}

/** Words joining rows that a sentence counts together. */
export const AND_WORDS = /(?:[及和与、或加]|或者|以及)$/;
/** Where a label's own words end and the filler words before the number begin. */
export const fillerAfter = (words: string): RegExp => new RegExp(`(?:${words})${FILLER}$`);

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

const RECEIVE_VERB = '收到|受理|收办|接收|新收|接到|登记';
const HANDLE_VERB = '办理|处理';
const NOUN = '(?:各类|各项)?(?:政府信息公开|信息公开|依申请公开|公开)?的?申请(?!人)';
/** Verbs before a case of reconsideration or litigation: "被申请行政复议", "收到…行政诉讼". */
const CASE_VERB = '被申请|被提起|被起诉|提起|申请|收到|发生|引发|涉及|被';
const CASE_VERB_BEFORE = '被申请|被提起|被起诉|收到|发生|引发|涉及';

/** The statements a format's texts can make, most specific first; built once per declaration. */
const built = new WeakMap<FormatDecl, StatementSpec[]>();

export function specsOf(format: FormatDecl): StatementSpec[] {
  let specs = built.get(format);
  if (!specs) built.set(format, (specs = buildSpecs(format)));
  return specs;
}

function buildSpecs(format: FormatDecl): StatementSpec[] {
  const requests = tableByRole(format, 'requests');
  const documents = tableByRole(format, 'documents');
  const reviews = tableByRole(format, 'reviews');
  return [
    ...(requests ? requestSpecs(requests) : []),
    ...(documents ? documentSpecs(documents) : []),
    ...(reviews ? caseSpecs(reviews) : []),
  ];
}

/** The figure of rows of a table in its total column (each row's own total). */
export function totalOf(report: Report, table: TableSectionDecl, paths: string[]): Figure | undefined {
  const first = allItems(table).find((i) => i.path === paths[0]);
  const total = first ? columnByRole(first.decl.columns, 'total') : -1;
  return total < 0 ? undefined : figure(report, table.key, paths, [total]);
}

function requestSpecs(table: TableSectionDecl): StatementSpec[] {
  const rule = 'narrative-requests';
  const NEW = rowPathByRole(table, 'new');
  const CARRIED = rowPathByRole(table, 'carried');
  const TOTAL = rowPathByRole(table, 'resultsTotal');
  const NEXT = rowPathByRole(table, 'nextYear');
  const req = (report: Report, paths: (string | undefined)[]) =>
    paths.every((p): p is string => p !== undefined) ? totalOf(report, table, paths) : undefined;
  const items = allItems(table);
  // A worded item inside a worded group is one of the group's reasons (属于国家秘密 under 不予公开).
  const reasons = items.filter((i) => {
    const parent = items.find(
      (p) => i.path.startsWith(p.path + '/') && p.path.split('/').length === i.path.split('/').length - 1,
    );
    return i.decl.words && parent?.decl.words;
  });
  const categories = items.filter((i) => i.decl.words && !reasons.includes(i));

  /**
   * A group's figure, or, when the clause names one of its reasons without 等 ("因本机关不掌握
   * 相关政府信息无法提供 47 件"), that reason's figure as well.
   */
  const groupFigures = (report: Report, path: string, lead: string): (Figure | undefined)[] => {
    const out = [req(report, [path])];
    if (!lead.includes('等')) {
      for (const r of reasons)
        if (r.path.startsWith(`${path}/`) && new RegExp(r.decl.words!).test(lead)) out.push(req(report, [r.path]));
    }
    return out;
  };

  /**
   * A request total equals 一 本年新收 or 一 + 二 (reports use both); with 办理/处理 it may
   * also mean the requests handled, 三（七）总计. With 新收 it is 一 only.
   */
  const receivedFigures = (report: Report, lead: string): (Figure | undefined)[] => {
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
  };

  const columns = table.items[0]?.columns ?? [];
  const parts: StatementSpec[] = [
    ...columns.flatMap((c, i): StatementSpec[] =>
      c.words
        ? [{ id: `part:${c.label}`, kind: 'part', rule, name: c.short, label: label(c.words), childCols: [i] }]
        : [],
    ),
    ...table.columnGroups.flatMap((g): StatementSpec[] =>
      g.words
        ? [
            {
              id: `part:${g.label}`,
              kind: 'part',
              rule,
              name: g.label,
              label: label(g.words),
              childCols: groupColumns(columns, g.columns),
            },
          ]
        : [],
    ),
  ];

  return [
    // Reasons first: their labels are the most specific.
    ...reasons.map((r): StatementSpec => ({
      id: `row:${r.path}`,
      kind: 'figure',
      rule,
      name: r.decl.key,
      label: label(`(?:属于|因|系|涉及)?(?:${r.decl.words})(?:类|的|情形|原因)*`),
      figures: (report) => [req(report, [r.path])],
    })),
    ...categories.map((c): StatementSpec => ({
      id: `row:${c.path}`,
      kind: 'figure',
      rule,
      name: c.decl.key,
      label: label(c.decl.words!),
      figures: (report, lead) =>
        c.decl.kind === 'group' ? groupFigures(report, c.path, lead) : [req(report, [c.path])],
      sums: { table, path: c.path, words: c.decl.words! },
    })),
    {
      id: 'carried',
      kind: 'carried',
      rule,
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
      id: 'nextYearLabel',
      kind: 'pending',
      rule,
      name: NEXT ?? '',
      label: label('结转下(?:一)?年度继续办理'),
      figures: (report) => [req(report, [NEXT])],
    },
    {
      id: 'nextYear',
      kind: 'pending',
      rule,
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
      kind: 'concluded',
      rule,
      name: '办结',
      label: label('(?:已|共|全部|按时|依法)?办结|办理完毕|答复完毕'),
      avoid: OTHER_MATTERS,
      paragraphNeeds: /申请/,
      figures: (report) => [req(report, [TOTAL])],
    },
    {
      id: 'received',
      kind: 'received',
      rule,
      name: '收到申请',
      label: label(
        `(?:${RECEIVE_VERB}|${HANDLE_VERB})(?:了)?(?:[和及与、](?:${RECEIVE_VERB}|${HANDLE_VERB}|答复))?(?:的)?${NOUN}|(?:${RECEIVE_VERB}|${HANDLE_VERB})(?:的)?依申请公开(?:事项)?`,
      ),
      figures: receivedFigures,
    },
    {
      id: 'receivedBefore',
      kind: 'received',
      rule,
      name: '收到申请',
      label: new RegExp(`(?:${RECEIVE_VERB}|${HANDLE_VERB})了?(?:共|共计|合计)?$`),
      after: /^的?(?:政府信息公开|信息公开|依申请公开)的?申请(?!人)|^依申请公开/,
      figures: receivedFigures,
    },
    // Parts of a figure just stated (其中自然人 67 件，法人或其他组织 2 件).
    ...parts,
  ];
}

/** Counts of documents: a worded column (制发, 废止, 现行有效) of a worded row (规章, 行政规范性文件). */
function documentSpecs(table: TableSectionDecl): StatementSpec[] {
  const rule = 'narrative-documents';
  const rows = allItems(table).filter((i) => i.decl.kind === 'row' && i.decl.words);
  return rows.flatMap((row) => {
    const noun = row.decl.words!;
    const others = rows.filter((r) => r !== row).map((r) => r.decl.words!);
    const topic = new RegExp(noun);
    const avoidOthers = new RegExp([...others, OTHER_SCOPE.source].join('|'));
    const doc = (col: number) => (report: Report) => [figure(report, table.key, [row.path], [col])];
    return row.decl.columns.flatMap((c, col): StatementSpec[] => {
      if (!c.words) return [];
      const name = `${c.short}${row.decl.key}`;
      const own: StatementSpec = {
        id: `doc:${row.path}:${c.label}`,
        kind: 'figure',
        rule,
        name,
        label: label(`${c.words}${noun}|${noun}${c.words}`),
        avoid: OTHER_SCOPE,
        figures: doc(col),
      };
      // 制发 alone is said of any document (印发 3 件方案); 废止 and 现行有效 alone, in a
      // sentence about one kind of document only, are said of that kind.
      if (c.role === 'issued') return [own];
      return [
        own,
        {
          id: `docBare:${row.path}:${c.label}`,
          kind: 'figure',
          rule,
          name,
          label: label(c.words),
          needs: topic,
          avoid: avoidOthers,
          figures: doc(col),
        },
      ];
    });
  });
}

/**
 * Cases about disclosure (table 四): "被申请行政复议 2 件", "收到 2 件行政复议", a worded row
 * nested in a group by its own words. Only sentences of the table's topic are read.
 */
function caseSpecs(table: TableSectionDecl): StatementSpec[] {
  const rule = 'narrative-reviews';
  const needs = table.proseTopic ? new RegExp(table.proseTopic) : undefined;
  const out: StatementSpec[] = [];
  const before: StatementSpec[] = [];
  for (const item of allItems(table)) {
    if (!item.decl.words) continue;
    const figures = (report: Report) => [totalOf(report, table, [item.path])];
    const top = !item.path.includes('/');
    out.push({
      id: `case:${item.path}`,
      kind: 'figure',
      rule,
      name: item.decl.key,
      label: label(top ? `(?:${CASE_VERB})?(?:的)?(?:政府信息公开)?(?:${item.decl.words})(?:申请)?` : item.decl.words),
      needs,
      figures,
    });
    if (top)
      before.push({
        id: `caseBefore:${item.path}`,
        kind: 'figure',
        rule,
        name: item.decl.key,
        label: new RegExp(`(?:${CASE_VERB_BEFORE})了?$`),
        after: new RegExp(`^(?:的)?(?:政府信息公开)?(?:${item.decl.words})`),
        needs,
        figures,
      });
  }
  return [...out, ...before];
}

/** The figures that stand for all requests: 一, 一 + 二, 三（七）总计. */
export function wholeRequests(report: Report): Figure[] {
  const table = tableByRole(report.format, 'requests');
  if (!table) return [];
  const [NEW, CARRIED, TOTAL] = (['new', 'carried', 'resultsTotal'] as const).map((r) => rowPathByRole(table, r));
  const sets = [[NEW], [NEW, CARRIED], [TOTAL]].filter((s): s is string[] => s.every((p) => p !== undefined));
  return sets.map((paths) => totalOf(report, table, paths)).filter((f): f is Figure => f !== undefined);
}
