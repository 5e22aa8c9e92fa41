import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { statusView } from '../../../client/src/statusView';
import type { CheckCounts } from '../../../server/src/shared/protocol';
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

const checked = (errors: number, warnings: number, information = 0, fixable = 0): CheckCounts => ({
  errors,
  warnings,
  information,
  fixable,
});

describe('client localisation', () => {
  it('every vscode.l10n.t message of the client has a Chinese translation with the same placeholders', () => {
    const dir = path.join(ROOT, 'client', 'src');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const keys = new Set<string>();
    for (const f of files) {
      // vscode.l10n.t('…'), and t('…') where a module is given it as a parameter (statusView.ts).
      for (const m of readFileSync(path.join(dir, f), 'utf8').matchAll(/(?:l10n\.|\b)t\(\s*'((?:[^'\\]|\\.)*)'/g))
        keys.add(m[1]);
    }
    assert.ok(keys.size >= 10, 'the scan finds the messages');
    for (const k of keys) {
      assert.ok(k in bundle, `missing from l10n/bundle.l10n.zh-cn.json: ${k}`);
      assert.deepEqual(placeholders(bundle[k]), placeholders(k), k);
    }
    // And nothing in the bundle that the client no longer says.
    assert.deepEqual(
      Object.keys(bundle).filter((k) => !keys.has(k)),
      [],
      'translations of messages the client does not use',
    );
  });

  it('the status: errors and warnings counted, green only when the check found nothing', () => {
    const used = new Set<string>();
    const t = zh(used);
    assert.deepEqual(statusView(checked(0, 0), t), {
      text: '$(check) 未发现问题',
      tooltip: 'GovReport 未在这份报告中发现问题。',
      severity: 'clean',
    });
    // Nine warnings are not "consistent": they are counted, and no time is shown.
    assert.deepEqual(statusView(checked(0, 9, 1, 2), t), {
      text: '$(warning) 9 个警告',
      tooltip:
        '0 个错误 · 9 个警告 · 1 个提示\n\n[查看问题](command:workbench.actions.view.problems) · [修复 2 处无需判断的问题](command:govreport.fixAll)',
      severity: 'warning',
    });
    assert.deepEqual(statusView(checked(1, 0), t).text, '$(error) 1 个错误');
    assert.equal(statusView(checked(3, 2), t).text, '$(error) 3 个错误  $(warning) 2 个警告');
    assert.equal(statusView(checked(3, 2), t).severity, 'error');
    // Without fixes, no link to fix-all.
    assert.ok(!statusView(checked(3, 2), t).tooltip.includes('govreport.fixAll'));
    // Notes alone are named, and not green.
    assert.deepEqual(
      [statusView(checked(0, 0, 2), t).text, statusView(checked(0, 0, 2), t).severity],
      ['$(info) 2 个提示', 'notes'],
    );
    assert.equal(statusView(checked(0, 0, 2), t).text.includes('ms'), false);
    const en = (m: string, ...a: (string | number)[]) => m.replace(/\{(\d+)\}/g, (_, i) => String(a[+i]));
    assert.equal(statusView(checked(3, 1), en).text, '$(error) 3 errors  $(warning) 1 warning');
    assert.equal(statusView(checked(0, 0), en).text, '$(check) No problems');
    for (const k of used) assert.ok(k in bundle, `missing from the bundle: ${k}`);
  });

  it('the manifest points VS Code at the bundles', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.l10n, './l10n');
  });
});
