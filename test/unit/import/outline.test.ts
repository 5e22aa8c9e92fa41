import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../../server/src/core/check';
import { FORMAT_2021, type TextSectionDecl } from '../../../server/src/core/format';
import { importText } from '../../../server/src/core/import';
import { line } from '../../../server/src/core/import/blocks';
import { dateValue, readDate } from '../../../server/src/core/import/dateText';
import {
  inferOrganType,
  readFileName,
  readPeriod,
  readPreface,
  readTitle,
} from '../../../server/src/core/import/metadata';
import { officialSubsection, overview, paragraphs } from '../../../server/src/core/import/narrative';
import { buildOutline, sectionHeading } from '../../../server/src/core/import/outline';
import { readTextForm } from '../../../server/src/core/import/text';
import { parseReport } from '../../../server/src/core/parse';

const overviewDecl = FORMAT_2021.sections[0] as TextSectionDecl;

describe('import: metadata', () => {
  it('reads organ and year from the ways titles are written', () => {
    assert.deepEqual(readTitle(['吕梁市人民政府办公室', '2024 年政府信息公开工作年度报告']), {
      organ: '吕梁市人民政府办公室',
      year: 2024,
    });
    assert.deepEqual(readTitle(['2024年丰源市生态环境局政府信息公开工作年度报告']), {
      organ: '丰源市生态环境局',
      year: 2024,
    });
    assert.deepEqual(readTitle(['青禾区教育局2024年度政府信息公开工作报告']), { organ: '青禾区教育局', year: 2024 });
    assert.deepEqual(readTitle(['北京市人民政府关于2024年政府信息公开工作的年度报告']), {
      organ: '北京市人民政府',
      year: 2024,
    });
    assert.deepEqual(readTitle(['某某县二〇二四年政府信息公开工作年度报告']), { organ: '某某县', year: 2024 });
  });

  it('guesses 本级政府 only for a people’s government of county level or above', () => {
    assert.equal(inferOrganType('平川县人民政府').type, '本级政府');
    assert.equal(inferOrganType('上海市浦东新区人民政府').type, '本级政府');
    assert.equal(inferOrganType('北京市').type, '本级政府');
    assert.equal(inferOrganType('吕梁市人民政府办公室').type, '部门');
    assert.equal(inferOrganType('丰源市生态环境局').type, '部门');
    assert.equal(inferOrganType('青石镇人民政府').type, '部门');
    assert.equal(inferOrganType('某某经济技术开发区').type, '部门');
    assert.equal(inferOrganType(undefined).type, '部门');
    // The reason is always given: it is written beside the value and said in a notice.
    assert.match(inferOrganType('平川县人民政府').reason, /县级以上人民政府/);
    assert.match(inferOrganType(undefined).reason, /无法判断/);
  });

  it('reads organ and year from a preface that announces the report, never a pronoun or a sentence', () => {
    assert.deepEqual(
      readPreface('根据《中华人民共和国政府信息公开条例》规定，现公布区统计局2023年政府信息公开工作年度报告。'),
      {
        organ: '区统计局',
        year: 2023,
      },
    );
    assert.deepEqual(readPreface('现公布子长市人民政府2023年度政府信息公开工作报告。'), {
      organ: '子长市人民政府',
      year: 2023,
    });
    assert.deepEqual(readPreface('根据《条例》和有关要求，现将我办2022年度政府信息公开情况报告如下：'), {
      organ: undefined,
      year: 2022,
    });
    assert.deepEqual(readPreface('汇报我镇2023年政府信息公开工作。'), { year: 2023 });
    assert.deepEqual(readTitle(['根据《条例》，现将我办2022年度政府信息公开情况报告如下：']).organ, undefined);
  });

  it('reads organ and year from a file name when it names them', () => {
    assert.deepEqual(readFileName('04_宿迁市_2023.txt'), { organ: '宿迁市', year: 2023 });
    assert.deepEqual(readFileName('/a/淮安市洪泽区人民政府_2024.pdf'), { organ: '淮安市洪泽区人民政府', year: 2024 });
    assert.deepEqual(readFileName('t20230119_2136694.shtml'), {});
    assert.deepEqual(readFileName('吕梁-2024年度.html'), { year: 2024 });
  });

  it('reads the statistics period in its usual phrasings', () => {
    const p = (s: string) => {
      const r = readPeriod(s);
      return r && [dateValue(r.start), dateValue(r.end)];
    };
    assert.deepEqual(p('本报告中所列数据的统计期限从 2024 年 1 月 1 日起至 2024 年 12 月 31 日止。'), [
      '2024-01-01',
      '2024-12-31',
    ]);
    assert.deepEqual(p('本年度报告中所列数据统计期限为2022年1月1日至12月31日。'), ['2022-01-01', '2022-12-31']);
    assert.deepEqual(p('本报告所列数据统计时限为2023年1月1日—2023年12月31日'), ['2023-01-01', '2023-12-31']);
    assert.equal(p('2024年1月1日至12月31日我们做了很多工作'), undefined);
  });

  it('reads dates in every printed form and keeps a date that does not exist as printed', () => {
    assert.equal(dateValue(readDate('2024 年 1 月 8 日')!), '2024-01-08');
    assert.equal(dateValue(readDate('二〇二五年一月二十日')!), '2025-01-20');
    assert.equal(dateValue(readDate('二○二五年三月三十一日')!), '2025-03-31');
    assert.equal(dateValue(readDate('2025/1/8')!), '2025-01-08');
    assert.equal(dateValue(readDate('2025年2月30日')!), '2025年2月30日');
    assert.equal(readDate('2025年'), undefined);
  });
});

describe('import: outline', () => {
  it('recognises section headings in their variants, and not sentences that mention them', () => {
    const h = (t: string, heading = false) => sectionHeading(line(t, true, { heading }), FORMAT_2021)?.decl.key;
    assert.equal(h('一、总体情况'), '总体情况');
    assert.equal(h('四、因政府信息公开工作被申请行政复议、提起行政诉讼情况'), '政府信息公开行政复议、行政诉讼情况');
    assert.equal(h('五、存在的主要问题和改进措施'), '存在的主要问题及改进情况');
    assert.equal(h('五、政府信息公开工作存在的主要问题及改进情况'), '存在的主要问题及改进情况');
    assert.equal(h('第三部分 收到和处理政府信息公开申请情况'), '收到和处理政府信息公开申请情况');
    assert.equal(h('其他需要报告的事项', true), '其他需要报告的事项');
    assert.equal(h('二、依申请公开情况'), undefined);
    assert.equal(h('全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况。'), undefined);
    assert.deepEqual(sectionHeading(line('六、其他需要报告的事项：本机关未收取信息处理费。', true), FORMAT_2021), {
      decl: FORMAT_2021.sections[5],
      rest: '本机关未收取信息处理费。',
      arabic: false,
    });
    // Sub-headings of 总体情况 that repeat a section's title are not that section.
    assert.equal(h('（二）收到和处理政府信息公开申请情况'), undefined);
    assert.equal(h('(四)政府信息公开行政复议、行政诉讼情况'), undefined);
    // A note after a heading is not its text.
    assert.deepEqual(sectionHeading(line('五、存在的主要问题及改进情况 ( 重复率 : 25%)', true), FORMAT_2021)?.rest, '');
  });

  it('takes "1.…" headings for sub-headings where the sections are numbered 一、二、', () => {
    const o = buildOutline(
      readTextForm(
        [
          '某局2024年政府信息公开工作年度报告',
          '一、总体情况',
          '1.主动公开情况。本年度主动公开信息 10 条。',
          '2.政府信息公开行政复议、行政诉讼情况。本年度未发生。',
          '（三）收到和处理政府信息公开申请情况',
          '本年度收到申请 2 件。',
          '二、主动公开政府信息情况',
          '三、收到和处理政府信息公开申请情况',
          '四、政府信息公开行政复议、行政诉讼情况',
          '五、存在的主要问题及改进情况',
          '六、其他需要报告的事项',
        ].join('\n'),
        false,
      ),
      FORMAT_2021,
    );
    assert.deepEqual(
      o.sections.map((s) => s.decl.number),
      ['一、', '二、', '三、', '四、', '五、', '六、'],
    );
    assert.equal(o.sections[0].blocks.length, 4);
  });

  it('does not take a sentence for the title', () => {
    const o = buildOutline(
      readTextForm(
        '根据《中华人民共和国政府信息公开条例》，现将我办2022年度政府信息公开情况报告如下：\n一、总体情况\n正文。\n二、主动公开政府信息情况',
        false,
      ),
      FORMAT_2021,
    );
    assert.deepEqual(o.title, []);
    assert.equal(o.preface.length, 1);
  });

  it('drops a running header printed on every page', () => {
    const o = buildOutline(
      readTextForm(
        '某局2024年政府信息公开工作年度报告\n一、总体情况\n第一段的前半句，在这里被分\n\n- 2 -\n\f\n某局2024年政府信息公开工作年度报告\n页打断了。',
        false,
      ),
      FORMAT_2021,
    );
    assert.deepEqual(
      paragraphs(o.sections[0].blocks as never).map((p) => p.text),
      ['第一段的前半句，在这里被分页打断了。'],
    );
  });

  it('does not take a title printed twice for the preface', () => {
    const o = buildOutline(
      readTextForm(
        '某局2024年政府信息公开工作年度报告\n发布时间：2025-01-20\n某局2024年政府信息公开工作年度报告\n本报告根据条例编制。\n一、总体情况\n正文。',
        false,
      ),
      FORMAT_2021,
    );
    assert.deepEqual(
      o.preface.map((b) => (b.kind === 'line' ? b.text : '')),
      ['本报告根据条例编制。'],
    );
  });

  it('skips a table of contents, finds the signature and what follows it', () => {
    const o = buildOutline(
      readTextForm(
        [
          '某局2024年政府信息公开工作年度报告',
          '目录',
          '一、总体情况',
          '二、主动公开政府信息情况',
          '三、收到和处理政府信息公开申请情况',
          '一、总体情况',
          '正文。',
          '二、主动公开政府信息情况',
          '三、收到和处理政府信息公开申请情况',
          '六、其他需要报告的事项',
          '无。',
          '某局 2025年1月10日',
          '附件：政府信息公开申请表',
        ].join('\n'),
        false,
      ),
      FORMAT_2021,
    );
    assert.deepEqual(o.title, ['某局2024年政府信息公开工作年度报告']);
    assert.deepEqual(
      o.sections.map((s) => s.decl.key),
      ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '其他需要报告的事项'],
    );
    assert.deepEqual(
      o.sections[0].blocks.map((b) => (b.kind === 'line' ? b.text : '')),
      ['正文。'],
    );
    assert.equal(o.signature?.organ, '某局');
    assert.equal(o.signature?.date?.printed, '2025年1月10日');
    assert.deepEqual(
      o.after.map((b) => (b.kind === 'line' ? b.text : '')),
      ['附件：政府信息公开申请表'],
    );
  });
});

describe('import: narrative', () => {
  it('joins what page and line breaks split, and keeps paragraphs apart', () => {
    const s = readTextForm(
      '第一段的前半句，在这里被分页打\n\n断了，后半句在下一页。\n\n- 2 -\n\n（一）主动公开\n全年发布信息100条。\n一是第一点。\n二是第二点。',
      false,
    );
    const paras = paragraphs(s.blocks.filter((b) => b.kind === 'line') as never);
    assert.deepEqual(
      paras.map((p) => p.text),
      [
        '第一段的前半句，在这里被分页打断了，后半句在下一页。',
        '（一）主动公开',
        '全年发布信息100条。',
        '一是第一点。',
        '二是第二点。',
      ],
    );
  });

  it('joins hard-wrapped lines of a PDF', () => {
    const s = readTextForm(
      '2024年，本局认真贯彻落实条例要求，围绕中心工作，持续深化政务公开，\n保障人民群众的知情权、参与权和监督权。\n全年发布信息100条，办理申请5件。',
      false,
    );
    assert.deepEqual(
      paragraphs(s.blocks as never).map((p) => p.text),
      [
        '2024年，本局认真贯彻落实条例要求，围绕中心工作，持续深化政务公开，保障人民群众的知情权、参与权和监督权。',
        '全年发布信息100条，办理申请5件。',
      ],
    );
  });

  it('names sub-sections by the official key when the heading names one', () => {
    const key = (h: string) => officialSubsection(h, overviewDecl);
    assert.deepEqual(key('主动公开情况'), { sub: overviewDecl.subsections[1], exact: true });
    assert.equal(key('政府信息公开平台建设')?.sub.key, '平台建设');
    assert.deepEqual(key('加强监督保障'), { sub: overviewDecl.subsections[5], exact: false });
    assert.equal(key('信息管理情况')?.sub.key, '政府信息管理');
    assert.equal(key('解读回应'), undefined);
    const ov = overview(
      [
        '前言段。',
        '（一）主动公开方面。正文一。',
        '（二）强化监督保障',
        '正文二。',
        '（三）解读回应方面。正文三。',
        '（四）解读回应方面。正文四。',
      ].map((text) => ({ text, heading: false, listItem: false })),
      overviewDecl,
    );
    assert.deepEqual(ov.lead, ['前言段。']);
    assert.deepEqual(
      ov.subsections.map((s) => [s.key, s.printed, s.paragraphs]),
      [
        ['主动公开', undefined, ['正文一。']],
        ['监督保障', '（二）强化监督保障', ['正文二。']],
        ['解读回应', undefined, ['正文三。']],
        ['解读回应方面', undefined, ['正文四。']],
      ],
    );
  });
});

describe('import: partial reports', () => {
  const opening = [
    '本年度报告根据《中华人民共和国政府信息公开条例》编制。统计期限为2024年1月1日至12月31日。',
    '一、总体情况',
    '（一）主动公开方面',
    '本年度发布信息 100 条。',
    '（二）收到和处理政府信息公开申请情况',
    '共受理申请 5 件。',
  ].join('\n');

  it('imports a page that holds only the opening sections and names what is missing', () => {
    const r = importText(opening, { name: '某市人民政府办公室_2024.txt' });
    assert.ok(r.ok, r.ok ? '' : r.message.en);
    if (!r.ok) return;
    const report = parseReport(r.yaml);
    assert.deepEqual([report.organ, report.year], ['某市人民政府办公室', 2024]);
    assert.deepEqual(
      report.sections.map((s) => s.decl.key),
      ['总体情况'],
    );
    const en = r.notices.map((n) => n.en).join('\n');
    assert.match(en, /no heading of section 五/);
    assert.match(en, /the table "三、收到和处理政府信息公开申请情况" was not found/);
    assert.match(en, /机关 is taken from the file name/);
  });

  it('still refuses a page with a heading but nothing that says it is an annual report', () => {
    const r = importText('一、总体情况\n今天天气很好。\n我们去公园散步。', { name: 'diary.txt' });
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.reason, 'not-a-report');
  });
});

describe('import: a short report end to end', () => {
  const text = [
    '某某县人民政府办公室2024年政府信息公开工作年度报告',
    '一、总体情况',
    '本年度政务公开工作稳步推进。',
    '二、主动公开政府信息情况',
    '行政许可 3',
    '注：本表数据来源于县政务服务中心。',
    '三、收到和处理政府信息公开申请情况',
    '本年度未收到政府信息公开申请。',
    '六、其他需要报告的事项',
    '未收取信息处理费。',
    '某某县人民政府办公室',
    '2025年2月30日',
  ].join('\n');
  const r = importText(text, { name: 'short.txt' });

  it('writes what it found, keeps prose printed with a table as its 说明, and names what is missing', () => {
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.match(r.yaml, /\n主动公开政府信息情况:\n {2}说明: >-\n {4}注：本表数据来源于县政务服务中心。\n/);
    assert.match(r.yaml, /\n收到和处理政府信息公开申请情况:\n {2}说明: >-\n {4}本年度未收到政府信息公开申请。\n/);
    // The text under a table's heading is read as narrative, like the other texts.
    assert.deepEqual(
      parseReport(r.yaml)
        .texts.filter((t) => t.section?.kind === 'table')
        .map((t) => t.text),
      ['注：本表数据来源于县政务服务中心。', '本年度未收到政府信息公开申请。'],
    );
    assert.match(r.yaml, /\n落款日期: 2025年2月30日\n/);
    const en = r.notices.map((n) => n.en).join('\n');
    assert.match(en, /no row of the table "收到和处理政府信息公开申请情况" was found/);
    assert.match(en, /the table "四、政府信息公开行政复议、行政诉讼情况" was not found/);
    assert.match(en, /section 五 "存在的主要问题及改进情况" was found/);
    const codes = new Set<string>(check(r.yaml).findings.map((f) => f.code));
    for (const c of ['date-invalid', 'missing-section', 'missing-row']) assert.ok(codes.has(c), c);
    assert.equal(parseReport(r.yaml).organType, '部门');
  });
});
