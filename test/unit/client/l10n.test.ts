import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { statusView } from '../../../client/src/statusView';
import type { CheckedNotification as Checked } from '../../../server/src/shared/protocol';
import { ROOT } from '../helpers';

const bundle: Record<string, string> = JSON.parse(
  readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'),
);
const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

/** vscode.l10n.t with the Chinese bundle, recording the keys it is asked for. */
function zh(used: Set<string>) {
  return (message: string, ...args: (string | number)[]) => {
    used.add(message);
    return (bundle[message] ?? message).replace(/\{(\d+)\}/g, (_, i) => String(args[+i]));
  };
}

const checked = (errors: number, warnings: number, elapsedMs = 2.345): Checked => ({
  uri: 'file:///r.report.yaml',
  version: 1,
  errors,
  warnings,
  information: 0,
  elapsedMs,
});

describe('client localisation', () => {
  it('every vscode.l10n.t message of the client has a Chinese translation with the same placeholders', () => {
    const dir = path.join(ROOT, 'client', 'src');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const keys = new Set<string>();
    for (const f of files) {
      for (const m of readFileSync(path.join(dir, f), 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g))
        keys.add(m[1]);
    }
    assert.ok(keys.size >= 10, 'the scan finds the messages');
    for (const k of keys) {
      assert.ok(k in bundle, `missing from l10n/bundle.l10n.zh-cn.json: ${k}`);
      assert.deepEqual(placeholders(bundle[k]), placeholders(k), k);
    }
  });

  it('the status: 勾稽关系一致 or the number of errors, and the time the check took', () => {
    const used = new Set<string>();
    const t = zh(used);
    assert.deepEqual(statusView(checked(0, 0), t), {
      text: '$(check) 勾稽关系一致 · 2.3 ms',
      tooltip: '0 个错误 · 0 个警告 · 0 个提示\n检查用时 2.3 毫秒',
      severity: 'ok',
    });
    assert.equal(statusView(checked(0, 2), t).severity, 'warning');
    assert.equal(statusView(checked(1, 0, 12.6), t).text, '$(error) 1 个错误 · 13 ms');
    assert.equal(statusView(checked(3, 1), t).text, '$(error) 3 个错误 · 2.3 ms');
    assert.equal(
      statusView(checked(3, 1), (m, ...a) => m.replace(/\{(\d+)\}/g, (_, i) => String(a[+i]))).text,
      '$(error) 3 errors · 2.3 ms',
    );
    for (const k of used) assert.ok(k in bundle, `missing from the bundle: ${k}`);
  });

  it('the manifest points VS Code at the bundles', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.l10n, './l10n');
  });
});
