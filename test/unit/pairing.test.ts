/** Which report is last year's report of another, as the CLI and the language server both pair them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { byOrganAndYear, isLastYearOf, lastYearKey, pairingKey } from '../../server/src/core/pairing';

describe('pairing with last year', () => {
  const now = { organ: '某县 自然资源局', year: 2024 };

  it('pairs the same organ, written with other spaces or widths, on the year before', () => {
    assert.ok(isLastYearOf({ organ: '某县自然资源局', year: 2023 }, now));
    assert.ok(isLastYearOf({ organ: '某县\u3000自然资源局', year: 2023 }, now));
    assert.equal(isLastYearOf({ organ: '某县自然资源局', year: 2022 }, now), false);
    assert.equal(isLastYearOf({ organ: '某县自然资源局', year: 2024 }, now), false);
    assert.equal(isLastYearOf({ organ: '某县林业局', year: 2023 }, now), false);
  });

  it('does not pair what lacks an organ or a year', () => {
    assert.equal(isLastYearOf({ year: 2023 }, now), false);
    assert.equal(isLastYearOf({ organ: '某县自然资源局' }, now), false);
    assert.equal(isLastYearOf({ organ: '某县自然资源局', year: 2023 }, { organ: '某县自然资源局' }), false);
    assert.equal(pairingKey({ organ: '某县自然资源局' }), undefined);
    assert.equal(lastYearKey({ organ: '某县自然资源局' }), undefined);
  });

  it('gives last year\u2019s report the key its successor looks for, and only it', () => {
    const before = { organ: '某县自然资源局', year: 2023 };
    assert.equal(pairingKey(before), lastYearKey(now));
    assert.notEqual(pairingKey({ organ: '某县林业局', year: 2023 }), lastYearKey(now));
    assert.notEqual(pairingKey(now), lastYearKey(now));
  });

  it('orders each organ’s reports together, earlier years first, the rest as they came', () => {
    const reports = [
      { name: 'b24', organ: '某县林业局', year: 2024 },
      { name: 'a24', organ: '某县 自然资源局', year: 2024 },
      { name: 'none1' },
      { name: 'b23', organ: '某县林业局', year: 2023 },
      { name: 'a23', organ: '某县自然资源局', year: 2023 },
      { name: 'none2' },
      { name: 'a22', organ: '某县\u3000自然资源局', year: 2022 },
    ];
    const order = byOrganAndYear(reports, (r) => r).map((r) => r.name);
    assert.deepEqual(order, ['none1', 'none2', 'b23', 'b24', 'a22', 'a23', 'a24']);
  });
});
