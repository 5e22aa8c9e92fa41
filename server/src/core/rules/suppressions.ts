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
      notFlagged: txt(
        '只看代码是否存在：代码正确、但那里本来就没有问题的抑制注释不报告（问题以后出现时它仍有效）。同一注释中其他正确的代码照常生效。',
        'Only whether the code exists is judged: a suppression with a real code where nothing is found is not reported (it takes effect should the problem appear). The other, real codes of the same comment still take effect.',
      ),
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
