/** What the status bar says about the active report, from the server's `govreport/checked` notification. */
import type { CheckedNotification as Checked } from '../../server/src/shared/protocol';

/** vscode.l10n.t, or a stand-in in tests. */
export type Translate = (message: string, ...args: (string | number)[]) => string;

export interface StatusView {
  text: string;
  tooltip: string;
  severity: 'ok' | 'warning' | 'error';
}

export function formatElapsed(ms: number): string {
  return ms < 10 ? ms.toFixed(1) : String(Math.round(ms));
}

export function statusView(n: Checked, t: Translate): StatusView {
  const time = formatElapsed(n.elapsedMs);
  const counts = [
    n.errors === 1 ? t('1 error') : t('{0} errors', n.errors),
    n.warnings === 1 ? t('1 warning') : t('{0} warnings', n.warnings),
    n.information === 1 ? t('1 note') : t('{0} notes', n.information),
  ].join(' · ');
  const tooltip = `${counts}\n${t('Checked in {0} ms', time)}`;
  if (n.errors > 0) {
    const text = n.errors === 1 ? t('1 error') : t('{0} errors', n.errors);
    return { text: `$(error) ${text} · ${time} ms`, tooltip, severity: 'error' };
  }
  // No errors: every total and the balance hold (勾稽关系一致); warnings are worth a look.
  return {
    text: `$(check) ${t('Totals consistent')} · ${time} ms`,
    tooltip,
    severity: n.warnings > 0 ? 'warning' : 'ok',
  };
}
