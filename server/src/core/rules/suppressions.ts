/** Suppression comments that name a code no rule has (a typo silences nothing). */
import { finding, isRuleCode } from '../codes';
import { txt } from '../findings';
import { defineRule } from '../rule';
import { directives } from '../suppress';

export const suppressionsRule = defineRule({
  id: 'suppressions',
  group: 'suppression',
  codes: ['unknown-suppression'],
  check({ report }) {
    return directives(report.text, report.lines).flatMap((d) =>
      d.codes
        .filter((c) => !isRuleCode(c.code))
        .map((c) =>
          finding(
            'unknown-suppression',
            { start: c.at, end: c.at + c.code.length },
            txt(
              `没有代码为“${c.code}”的规则（见 docs/rules.md）`,
              `there is no rule with the code "${c.code}" (see docs/rules.md)`,
            ),
          ),
        ),
    );
  },
  docs: {
    'unknown-suppression': {
      about: txt('抑制注释中写的代码不是任何规则的代码。', 'A suppression comment names a code that is not a rule.'),
      wrong: {
        edits: [
          { replace: '落款日期: 2025-01-20', with: '# govreport-disable-next-line past-dedline\n落款日期: 2025-01-20' },
        ],
        shown: txt('`# govreport-disable-next-line past-dedline`', '`# govreport-disable-next-line past-dedline`'),
      },
      right: {
        edits: [
          {
            replace: '落款日期: 2025-01-20',
            with: '# govreport-disable-next-line past-deadline\n落款日期: 2025-01-20',
          },
        ],
        shown: txt('`# govreport-disable-next-line past-deadline`', '`# govreport-disable-next-line past-deadline`'),
      },
    },
  },
});
