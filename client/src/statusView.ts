/** What the status bar says about the active report, from the counts of its diagnostics. */
import type { CheckCounts } from '../../server/src/shared/protocol';

/** vscode.l10n.t, or a stand-in in tests. */
export type Translate = (message: string, ...args: (string | number)[]) => string;

export interface StatusView {
  text: string;
  /** Markdown: the counts, then what the user can do about them. */
  tooltip: string;
  /**
   * `clean` only when the check found nothing at all; `notes` when it found information only.
   * The item is coloured from this: red for errors, yellow for warnings, green when clean.
   */
  severity: 'clean' | 'notes' | 'warning' | 'error';
}

export const count = {
  errors: (n: number, t: Translate) => (n === 1 ? t('1 error') : t('{0} errors', n)),
  warnings: (n: number, t: Translate) => (n === 1 ? t('1 warning') : t('{0} warnings', n)),
  notes: (n: number, t: Translate) => (n === 1 ? t('1 note') : t('{0} notes', n)),
};

/** The commands the tooltip links to (its Markdown is trusted for these only). */
export const STATUS_COMMANDS = ['workbench.actions.view.problems', 'govreport.fixAll'];

export function statusView(n: CheckCounts, t: Translate): StatusView {
  const { errors, warnings, information } = n;
  const parts: string[] = [];
  if (errors) parts.push(`$(error) ${count.errors(errors, t)}`);
  if (warnings) parts.push(`$(warning) ${count.warnings(warnings, t)}`);
  // Notes are named in the bar only when there is nothing worse; the tooltip always counts them.
  if (!parts.length && information) parts.push(`$(info) ${count.notes(information, t)}`);
  const severity = errors ? 'error' : warnings ? 'warning' : information ? 'notes' : 'clean';
  const text = severity === 'clean' ? `$(check) ${t('No problems')}` : parts.join('  ');
  const counts = [count.errors(errors, t), count.warnings(warnings, t), count.notes(information, t)].join(' · ');
  const lines = [severity === 'clean' ? t('GovReport found no problems in this report.') : counts];
  if (severity !== 'clean') {
    const links = [`[${t('Show Problems')}](command:workbench.actions.view.problems)`];
    if (n.fixable) links.push(`[${t('Fix {0} that need no judgement', n.fixable)}](command:govreport.fixAll)`);
    lines.push(links.join(' · '));
  }
  return { text, tooltip: lines.join('\n\n'), severity };
}
