import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  defaultYear,
  freeName,
  organProblem,
  parseYear,
  reportFileName,
  yearProblem,
} from '../../client/src/newReportInput';
import { check } from '../../server/src/core/check';
import { parseReport } from '../../server/src/core/parse';
import { reportSkeleton } from '../../server/src/core/skeleton';

const JAN_2025 = new Date(2025, 0, 10);

describe('New Annual Report: the answers', () => {
  it('机关 must be given', () => {
    assert.equal(organProblem('  '), 'organEmpty');
    assert.equal(organProblem('x'.repeat(101)), 'organTooLong');
    assert.equal(organProblem('吕梁市人民政府办公室'), undefined);
  });

  it('年度 is a four-digit year that has begun, typed as people type it', () => {
    assert.equal(parseYear('2024'), 2024);
    assert.equal(parseYear('２０２４年度'), 2024);
    assert.equal(parseYear(' 2024 年 '), 2024);
    assert.equal(parseYear('24'), undefined);
    assert.equal(yearProblem('二〇二四', JAN_2025), 'yearNotNumber');
    assert.equal(yearProblem('2026', JAN_2025), 'yearOutOfRange');
    assert.equal(yearProblem('1999', JAN_2025), 'yearOutOfRange');
    assert.equal(yearProblem('2025', JAN_2025), undefined);
    assert.equal(defaultYear(JAN_2025), 2024);
  });

  it('a file name the file system accepts, and the next free one', async () => {
    assert.equal(reportFileName('吕梁市人民政府办公室', 2024), '吕梁市人民政府办公室-2024.report.yaml');
    assert.equal(reportFileName('a/b:c*d?"e"<f>|g', 2024), 'abcdefg-2024.report.yaml');
    assert.equal(reportFileName('...', 2024), '2024.report.yaml');
    const taken = new Set(['x-2024.report.yaml', 'x-2024-2.report.yaml']);
    assert.equal(await freeName('x-2024.report.yaml', async (n) => taken.has(n)), 'x-2024-3.report.yaml');
  });
});

describe('New Annual Report: the skeleton', () => {
  for (const [organType, due] of [
    ['部门', '2025-01-31'],
    ['本级政府', '2025-03-31'],
  ] as const) {
    it(`${organType}: every section, table and row, the right dates, no error`, () => {
      const text = reportSkeleton({ organ: '某县交通运输局', organType, year: 2024 });
      const result = check(text);
      assert.deepEqual(
        result.findings.filter((f) => f.severity === 'error').map((f) => f.code),
        [],
      );
      // What is left is what only the author can write: the five topics, section 五 and the fees.
      assert.deepEqual(result.findings.map((f) => f.code).sort(), [
        'fee-not-stated',
        ...new Array(5).fill('missing-subsection'),
        'section-five-empty',
      ]);
      const report = parseReport(text);
      assert.equal(report.organ, '某县交通运输局');
      assert.equal(report.organType, organType);
      assert.equal(report.year, 2024);
      assert.equal(report.signed?.raw, due);
      assert.equal(report.sections.length, 6);
      for (const table of report.tables.values()) assert.ok(table.rows.size > 0);
      assert.equal(report.tables.get('收到和处理政府信息公开申请情况')!.rows.size, 25);
    });
  }

  it('quotes a name that YAML would otherwise read differently', () => {
    const report = parseReport(reportSkeleton({ organ: '2024: 某局 # x', organType: '部门', year: 2024 }));
    assert.equal(report.organ, '2024: 某局 # x');
  });
});
