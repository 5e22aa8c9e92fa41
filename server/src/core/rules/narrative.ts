/**
 * The text read like a careful reviewer reads it (narrative/): the standard statements
 * compared with the tables and with each other. Findings of this kind are warnings at most.
 */
import { txt } from '../findings';
import {
  checkBlocks,
  checkDenials,
  checkLists,
  checkRates,
  checkStaleFigures,
  checkStatements,
  checkYears,
  readStatements,
} from '../narrative';
import { defineRule, type Example } from '../rule';

const swap = (from: string, to: string): Example => ({ edits: [{ replace: from, with: to }] });
const shown = (e: Example, zh: string, en: string): Example => ({ ...e, shown: txt(zh, en) });

const RECEIVED = '本局共收到政府信息公开申请 160 件';
const DOCUMENTS = '本年度制发行政规范性文件 5 件';
const REVIEWS = '本年度因政府信息公开被申请行政复议 2 件，被提起行政诉讼 1 件。';
const RATE = '全年度收到网民来信 2819 件，办结 2348 件，办结率 83.3%。';
const PERIOD = '所列数据的统计期限自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止';
const PLAN = '2025 年，本局将继续深化政务公开工作';
const FEES = '本机关 2024 年度未收取政府信息公开信息处理费。';

export const narrativeRule = defineRule({
  id: 'narrative',
  group: 'narrative',
  codes: [
    'narrative-requests',
    'narrative-documents',
    'narrative-reviews',
    'narrative-rate',
    'narrative-rate-truncated',
    'narrative-list-sum',
    'narrative-period',
    'narrative-plan-year',
    'narrative-year',
  ],
  check({ report }) {
    // Each block alone: what the rules compare stays within a paragraph's sentences.
    return checkBlocks(report, {
      own: (view) => [...checkRates(report, [view]), ...checkYears(report, [view])],
      againstTables: (view) => {
        const views = [view];
        const statements = readStatements(report, views);
        const againstTables = [...checkStatements(report, statements), ...checkDenials(report, views)];
        // A total or an item that differs from the table and makes its 其中 list fail is one wrong
        // number: the finding against the table says so (and offers the table's figure).
        const key = (span: { start: number; end: number }) => `${span.start}:${span.end}`;
        const wrongNumbers = new Set(againstTables.map((f) => key(f.span)));
        const lists = checkLists(views, statements).filter(
          (f) => !wrongNumbers.has(key(f.span)) && !f.related?.some((r) => r.span && wrongNumbers.has(key(r.span))),
        );
        return [...againstTables, ...lists, ...checkStaleFigures(report, statements)];
      },
    });
  },
  docs: {
    'narrative-requests': {
      about: txt(
        '正文中关于申请的数字与表格三不符：申请总数（一 本年新收，或 一 + 二；写“新收”时只能是一；写“办理/处理”时也可以是三（七）总计）、紧随其后的自然人和法人或其他组织（及五类法人）、上年结转、予以公开、部分公开、不予公开、无法提供、不予处理、其他处理（整组，或句中不带“等”地点明的某一理由）、各理由行、办结和结转下年度。“办结”“转下年度”只在讲申请的段落中读，不在讲来信、热线、投诉的句子中读。',
        'A figure about requests in the text differs from table 三: the request total (一 本年新收, or 一 + 二; with 新收 only 一; with 办理/处理 also 三（七）总计), 自然人 and 法人或其他组织 (and the five kinds) as parts of the figure just stated, 上年结转, 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理 (the group, or one reason when the sentence names it without 等), each reason row, 办结 and 结转下年度. 办结 and 转下年度 are read only in a paragraph about requests and not in a sentence about letters, hotlines or complaints.',
      ),
      notFlagged: txt(
        '数字只与紧挨在它前面的词（标签）一起读：“共收到 4 件政府信息公开投诉举报”不是申请数，“网民来信 2819 件，办结 2348 件”不涉及申请表格。约数（1.4万余条、7700余条、约 300 人次）不作精确比较。句中把数字放在别的年份（2023 年…、较上年…）或别的范围（各县区…、其中，局机关本级…、部门报告中的“全市…”），或同一句中对不同主体各说一次（局机关收到…40 件，局属单位收到…120 件）时，不与本年度表格比较。修复不属于“全部修复”：错的也可能是表格。',
        'A number is read only with the words right before it (its label): "共收到 4 件政府信息公开投诉举报" is not a request count and "网民来信 2819 件，办结 2348 件" is not about the request table. Approximate figures (1.4万余条, 7700余条, 约 300 人次) are never compared exactly. A sentence that puts a figure in another year (2023 年…, 较上年…) or another scope (各县区…, 其中，局机关本级…, 全市… in a 部门 report), or states the same figure twice for different subjects (局机关收到…40 件，局属单位收到…120 件), is not compared with this year\'s tables. The fixes are not part of fix-all: the table may be the wrong one.',
      ),
      wrong: shown(
        swap(RECEIVED, '本局共收到政府信息公开申请 196 件'),
        '`共收到政府信息公开申请 196 件`，而一 本年新收 总计为 160（一 + 二 = 166）',
        '`共收到政府信息公开申请 196 件` with 一 本年新收 总计 160 (and 一 + 二 = 166)',
      ),
      right: shown(
        swap(RECEIVED, RECEIVED),
        '`共收到政府信息公开申请 160 件，其中自然人 120 件，法人或其他组织 40 件；上年结转 6 件`（上年结转不在 160 件之内）',
        '`共收到政府信息公开申请 160 件，其中自然人 120 件，法人或其他组织 40 件；上年结转 6 件` (上年结转 is not part of the 160)',
      ),
    },
    'narrative-documents': {
      about: txt(
        '正文中规章或行政规范性文件的件数与表格二不符：制发、废止、现行有效，与文件种类一起写，或在只讲一种文件的句子中单写（“废止 2 件”）。',
        'A count of 规章 or 行政规范性文件 in the text differs from table 二: 制发, 废止 and 现行有效, written with the kind of document, or bare (`废止 2 件`) in a sentence about one kind only.',
      ),
      notFlagged: txt(
        '不是制发、废止、现行有效的件数（“清理行政规范性文件 30 件”）、约数（约 5 件、40 余件）、放在别的年份（2023 年制发…）或别的范围（各区县制发…）的数字，以及同时讲规章和行政规范性文件的句子中单写的“废止 7 件”，都不与表格二比较。',
        'A count that is not of 制发, 废止 or 现行有效 (清理行政规范性文件 30 件), an approximate one (约 5 件, 40 余件), one put in another year (2023 年制发…) or another scope (各区县制发…), and a bare 废止 7 件 in a sentence about both 规章 and 行政规范性文件 are not compared with table 二.',
      ),
      wrong: shown(
        swap(DOCUMENTS, '本年度制发行政规范性文件 6 件'),
        '`本年度制发行政规范性文件 6 件`，而 `行政规范性文件: [5, 2, 48]`',
        '`本年度制发行政规范性文件 6 件` with `行政规范性文件: [5, 2, 48]`',
      ),
      right: shown(
        swap(DOCUMENTS, DOCUMENTS),
        '`本年度制发行政规范性文件 5 件，废止 2 件，现行有效 48 件`',
        '`本年度制发行政规范性文件 5 件，废止 2 件，现行有效 48 件`',
      ),
    },
    'narrative-reviews': {
      about: txt(
        '正文中关于政府信息公开的行政复议、行政诉讼与表格四不符：“行政复议 N 件”“行政诉讼 N 件”（未经复议直接起诉 + 复议后起诉），或在表格四有非零数字时说没有（“未收到…行政复议和行政诉讼”“…均为 0”）。',
        'Reconsideration or litigation about disclosure in the text differs from table 四: `行政复议 N 件`, `行政诉讼 N 件` (未经复议直接起诉 + 复议后起诉), or a sentence that says there were none (`未收到…行政复议和行政诉讼`, `…均为 0`) above non-zero cells.',
      ),
      notFlagged: txt(
        '只读提到“信息公开”或“依申请”的句子，所以司法局介绍自身行政复议工作的句子不作比较。',
        'Only sentences that mention 信息公开 or 依申请 are read, so a 司法局 describing its own reconsideration work is not compared.',
      ),
      wrong: shown(
        swap(REVIEWS, '本年度未发生因政府信息公开引发的行政复议和行政诉讼案件。'),
        '`未发生因政府信息公开引发的行政复议和行政诉讼案件`，而 `行政复议: [1, 0, 0, 1, 2]`',
        '`未发生因政府信息公开引发的行政复议和行政诉讼案件` with `行政复议: [1, 0, 0, 1, 2]`',
      ),
      right: shown(
        swap(REVIEWS, REVIEWS),
        '`本年度因政府信息公开被申请行政复议 2 件`，表格同上',
        '`本年度因政府信息公开被申请行政复议 2 件` with the same row',
      ),
    },
    'narrative-rate': {
      about: txt(
        '比率与其数字不符：有名称的比率（“办结率 P%”）是与它同名的数字除以句中前面的数字；占比（“占 P%”）是紧挨在前的数字除以“其中”之前的总数（或句中第一个数字）；与句中给出的数字比较的变化（“较上年的 140 件增长 14.3%”）是差值除以该数字。按所写小数位四舍五入后相等即为正确。句子可有几种理解而都不成立时，结果为提示且不提供修复。',
        'A rate does not follow from its counts: a named rate (`办结率 P%`) is the count named like it over a count before it in the sentence; a share (`占 P%`) is the count right before it over the total before 其中 (or the first count of the sentence); a change against a figure the sentence gives (`较上年的 140 件增长 14.3%`) is the difference over that figure. It is right when equal to the ratio rounded to the decimals written. When the sentence allows several readings and none holds, the finding is information and has no fix.',
      ),
      notFlagged: txt(
        '不是句中数字之比的比率（满意率、知晓率、增长率、覆盖率、完成率等）、约数参与的比率、句中没有给出总数的占比（“网络提交 102 件，占 60.8%；信函 40 件，占 25%”）不比较。少写小数位而四舍五入正确的（83%）不报告；只是截断的由 narrative-rate-truncated 报告。',
        "Rates that are not a ratio of counts in the sentence (满意率, 知晓率, 增长率, 覆盖率, 完成率…), rates with an approximate count, and shares whose whole the sentence does not state (网络提交 102 件，占 60.8%；信函 40 件，占 25%) are not compared. A rate with fewer decimals that rounds right (83%) is not reported; one merely cut off is narrative-rate-truncated's.",
      ),
      wrong: shown(
        swap(RATE, '全年度收到网民来信 2819 件，办结 2348 件，办结率 85.7%。'),
        '`全年度收到网民来信 2819 件，办结 2348 件，办结率 85.7%`（2348 ÷ 2819 = 83.3%）',
        '`全年度收到网民来信 2819 件，办结 2348 件，办结率 85.7%` (2348 ÷ 2819 = 83.3%)',
      ),
      right: swap(RATE, RATE),
    },
    'narrative-rate-truncated': {
      about: txt(
        '比率是截断值而不是四舍五入值。修复写入四舍五入后的值。',
        'A rate is the ratio cut off instead of rounded. The fix writes the rounded value.',
      ),
      notFlagged: txt(
        '只在所写的值恰好是截断值、而四舍五入值不同时报告；未全部办结而四舍五入为 100% 时，写截断值（2819 件办结 2818 件，办结率 99.9%）是有意的，不报告。narrative-rate 不比较的比率（满意率等）这里也不比较。',
        'Reported only when the value written is exactly the cut-off ratio and the rounded one differs; a part short of its whole that would round to 100% is cut off on purpose (2818 of 2819, 99.9%) and not reported. Rates narrative-rate does not compare (满意率 and the like) are not compared here either.',
      ),
      wrong: shown(
        swap(RATE, '收到留言 1,100 条，回复 499 条，回复率 45.3%。'),
        '`收到留言 1,100 条，回复 499 条，回复率 45.3%`（45.36…）',
        '`收到留言 1,100 条，回复 499 条，回复率 45.3%` (45.36…)',
      ),
      right: swap(RATE, '收到留言 1,100 条，回复 499 条，回复率 45.4%。'),
    },
    'narrative-list-sum': {
      about: txt(
        '“其中”之后各项之和与其前的总数不符（按单位分别相加：件与件，元与元）。只有列举完全的清单才与总数比较：带“等”的不算；超出总数范围的项（上年结转、累计、同比…）结束清单；不足总数的清单，只有在列出自然人和法人或其他组织、或以兜底项（其他、其余）结尾时才报告。超过一个并非已知划分的总数时为提示。',
        "The items after 其中 do not add up to the total before it, per unit (件 with 件, 元 with 元). Only a list that is exhaustive is held to its total: a list with 等 is not; an item outside the total's scope (上年结转, 累计, 同比…) ends the list; a list that falls short is reported only when it names 自然人 with 法人或其他组织 or ends with a catch-all (其他, 其余). A list that exceeds a total it is not known to partition is information.",
      ),
      notFlagged: txt(
        '总数或某一项同时与表格不符时，只由与表格比较的规则（如 narrative-requests）报告一次，并给出表格的数字；总数前表示增减的数字（同比增加 35 件）不是总数。括号内的数字不算清单的项；从第一项起已凑足总数时，其后的项（同一总数的另一种划分）不再相加；约数不比较。',
        "A total or an item that differs from the table as well is reported once, by the rule that compares it with the table (narrative-requests and the like), with the table's figure; a change before the list (同比增加 35 件) is not its total. Figures in brackets are not items of the list; once the items from the first make the total, those after it (another breakdown of the same total) are not added; approximate figures are not compared.",
      ),
      wrong: shown(
        swap(RATE, `${RATE}发布政策解读材料 39 条，其中图解 35 条，文字解读 2 条，新闻发布会解读 5 条。`),
        '`解读材料 39 条，其中图解 35 条，文字解读 2 条，新闻发布会解读 5 条`',
        '`解读材料 39 条，其中图解 35 条，文字解读 2 条，新闻发布会解读 5 条`',
      ),
      right: shown(
        swap(RATE, `${RATE}发布政策解读材料 39 条，其中图解 35 条，文字解读 2 条，新闻发布会解读 2 条。`),
        '`解读材料 39 条，其中图解 35 条，文字解读 2 条，新闻发布会解读 2 条`',
        '`解读材料 39 条，其中图解 35 条，文字解读 2 条，新闻发布会解读 2 条`',
      ),
    },
    'narrative-period': {
      about: txt(
        '正文中写的统计期限（“统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止”）与统计期限（或年度的自然年）不符。',
        'The statistics period stated in the text (`统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止`) differs from 统计期限 (or the calendar year of 年度).',
      ),
      notFlagged: txt(
        '只读以“统计期限”“统计时间”“数据统计”等引出的期限；正文中其他的起止日期（专项行动自…至…）不比较。止日不写年份（至 12 月 31 日止）时按起日的年份读。',
        'Only a period introduced by 统计期限, 统计时间, 数据统计 and the like is read; other spans of dates in the text (专项行动自…至…) are not compared. An end written without a year (至 12 月 31 日止) is read in the year of the start.',
      ),
      wrong: shown(
        swap(PERIOD, '所列数据的统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止'),
        '2024 年度报告中写 `本报告所列数据的统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止`',
        '`本报告所列数据的统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止` in a 2024 report',
      ),
      right: swap(PERIOD, PERIOD),
    },
    'narrative-plan-year': {
      about: txt(
        '第五部分中，计划（“将继续…”“将着重做好以下工作”“拟…”）以不晚于年度的年份开头：是从以前的报告沿用来的文字。“将”作“把”讲（“2024 年，我局将政务公开纳入考核”）不是计划。',
        'In section 五, a plan (`将继续…`, `将着重做好以下工作`, `拟…`) opens with a year that is not after 年度: text carried over from an earlier report. 将 used as 把 (`2024 年，我局将政务公开纳入考核`) is not a plan.',
      ),
      notFlagged: txt(
        '只读第五部分以年份开头的计划句；晚于年度的任何年份都不报告（2026 年也可以）。年份后接月份（“2024 年 12 月，…”）的是叙事，不是计划。',
        'Only plans in section 五 that open with a year are read; any year after 年度 is accepted (2026 too). A year followed by a month (2024 年 12 月，…) opens an account, not a plan.',
      ),
      wrong: shown(
        swap(PLAN, '2024 年，本局将继续深化政务公开工作'),
        '2024 年度报告中写 `2024 年，本局将继续深化政务公开工作`',
        '`2024 年，本局将继续深化政务公开工作` in a 2024 report',
      ),
      right: swap(PLAN, PLAN),
    },
    'narrative-year': {
      about: txt(
        '本年度的内容写在了别的年份名下：前言中的报告名称（“2023 年政府信息公开工作年度报告”）、第六部分的收费说明（“本机关 2023 年度未收取…信息处理费”），或数字与本年度表格相同却以别的年份开头的句子（2024 年度报告、一为 160 时写“2023 年，本局共收到政府信息公开申请 160 件”）。',
        "This year's content written under another year: the report's own title in the 前言 (`2023 年政府信息公开工作年度报告`), the fees statement in section 六 (`本机关 2023 年度未收取…信息处理费`), or a sentence whose figures equal this year's table but that opens with another year (`2023 年，本局共收到政府信息公开申请 160 件` in a 2024 report whose 一 is 160).",
      ),
      notFlagged: txt(
        '明说是别的年份报告的不报告（“在 2023 年政府信息公开工作年度报告的基础上”“与 2023 年度…相比”）。写在别的年份名下、与本年度表格不同的数字不报告（可能就是那一年的数字）；同一段中本年度也写了同一数字时，视为比较，不报告。上年结转不在此列。',
        "Another year's report named as such is not reported (在 2023 年政府信息公开工作年度报告的基础上, 与 2023 年度…相比). A figure under another year that differs from this year's table is not reported (it may be that year's); when the same text states the figure for this year too, it is a comparison and not reported. 上年结转 is not read for this.",
      ),
      wrong: shown(
        swap(FEES, '本机关 2023 年度未收取政府信息公开信息处理费。'),
        '2024 年度报告中写 `其他需要报告的事项: 本机关 2023 年度未收取政府信息公开信息处理费。`',
        '`其他需要报告的事项: 本机关 2023 年度未收取政府信息公开信息处理费。` in a 2024 report',
      ),
      right: swap(FEES, FEES),
    },
  },
});
