/** 机关 and 年度 off a report's top-level lines, as the full parse reads them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readHeader } from '../../server/src/core/header';
import { parseReport } from '../../server/src/core/parse';
import { EXAMPLE } from './helpers';

describe('readHeader', () => {
  it('reads what the parse reads, for the ways the lines are written', () => {
    const cases = [
      EXAMPLE,
      EXAMPLE.replace(/\n/g, '\r\n'),
      '机关名称 : "某县统计局"   # 全称\n报告年度: \'2023\'\n',
      '单位:\t某局 #注\n年度: 2023\n',
      '机关: a#b\n年度: 2023 # 注\n',
    ];
    for (const text of cases) {
      const parsed = parseReport(text);
      assert.deepEqual(readHeader(text), { organ: parsed.organ, year: parsed.year }, JSON.stringify(text.slice(0, 40)));
    }
  });

  it('takes the first organ line, passes over a year line without a year, and ignores indented lines', () => {
    assert.deepEqual(readHeader('  机关: 缩进\n机关:\n机关: 第二\n年度: 下一年\n年度: 2024\n'), {
      organ: undefined,
      year: 2024,
    });
    assert.deepEqual(readHeader('机关类型: 部门\n机关: 某局\n'), { organ: '某局' });
  });
});
