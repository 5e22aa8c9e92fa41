/**
 * When the server crashes, the client restarts it up to a limit and says so once: the
 * policy the extension gives vscode-languageclient as its close handler.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RestartPolicy, type RestartNotice } from '../../client/src/restarts';

describe('restarting a crashed server', () => {
  it('restarts up to the limit, says so at the first crash only, then stops and says that once', () => {
    let now = 0;
    const policy = new RestartPolicy(5, 180_000, () => now);
    const answers: { restart: boolean; notice: RestartNotice }[] = [];
    for (let i = 0; i < 6; i++) {
      answers.push(policy.closed());
      now += 1_000;
    }
    assert.deepEqual(
      answers.map((a) => a.restart),
      [true, true, true, true, true, false],
    );
    assert.deepEqual(
      answers.map((a) => a.notice),
      ['restarted', undefined, undefined, undefined, undefined, 'stopped'],
    );
  });

  it('counts only the crashes of the last few minutes, and never repeats the first message', () => {
    let now = 0;
    const policy = new RestartPolicy(2, 60_000, () => now);
    assert.deepEqual(policy.closed(), { restart: true, notice: 'restarted' });
    now += 30_000;
    assert.deepEqual(policy.closed(), { restart: true, notice: undefined });
    // An hour of crashes spread out: each is restarted silently.
    for (let i = 0; i < 60; i++) {
      now += 61_000;
      assert.deepEqual(policy.closed(), { restart: true, notice: undefined });
    }
    // Three within a minute: the third is one too many.
    now += 61_000;
    policy.closed();
    now += 1_000;
    policy.closed();
    assert.deepEqual(policy.closed(), { restart: false, notice: 'stopped' });
  });
});
