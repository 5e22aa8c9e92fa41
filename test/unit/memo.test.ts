import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextMemo } from '../../server/src/core/memo';

describe('TextMemo', () => {
  it('computes a text once, and again only after it was forgotten', () => {
    let computed = 0;
    const memo = new TextMemo<number>(10);
    const length = (t: string) => (computed++, t.length);
    assert.equal(memo.get('abc', length), 3);
    assert.equal(memo.get('abc', length), 3);
    assert.equal(computed, 1);
  });

  it('keeps the texts used most recently within its limit, forgetting the others', () => {
    const memo = new TextMemo<string>(10);
    const seen: string[] = [];
    const read = (t: string) => (seen.push(t), t.toUpperCase());
    for (const t of ['aaa', 'bbb', 'ccc']) memo.get(t, read);
    memo.get('aaa', read); // used again: now the most recent
    memo.get('dddd', read); // 13 characters: the least recently used go, down to three quarters
    assert.ok(memo.size <= 3);
    seen.length = 0;
    memo.get('aaa', read);
    memo.get('dddd', read);
    assert.deepEqual(seen, [], 'the two most recent are kept');
    memo.get('bbb', read);
    assert.deepEqual(seen, ['bbb'], 'the least recent was forgotten');
  });
});
