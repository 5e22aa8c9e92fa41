/** Suppression comments that name a code no rule has, or none (a typo silences nothing). */
import { finding, isRuleCode } from '../codes';
import { txt } from '../findings';
import { defineRule } from '../rule';
import { directives } from '../suppress';

export const suppressionsRule = defineRule({
  id: 'suppressions',
  group: 'suppression',
  codes: ['unknown-suppression'],
  check({ report }) {
    return directives(report.text, report.lines).flatMap((d) => {
      if (!d.codes.length) {
        // A comment with no code silences nothing: the writer meant it to.
        const at = report.lines.lineStart(d.line) + report.lines.lineText(d.line).indexOf('govreport-disable');
        const word = d.nextLine ? 'govreport-disable-next-line' : 'govreport-disable';
        return [
          finding(
            'unknown-suppression',
            { start: at, end: at + word.length },
            txt(
              `抑制注释没有写规则代码，不起作用：在后面写上要忽略的代码，如“# ${word} past-deadline”`,
              `the suppression comment names no rule code and silences nothing: add the code to ignore, as in "# ${word} past-deadline"`,
            ),
          ),
        ];
      }
      return d.codes
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
        );
    });
  },
  docs: {
    'unknown-suppression': {
      about: txt(
        '抑制注释中写的代码不是任何规则的代码，或者没有写代码：这样的注释什么也不忽略。',
        'A suppression comment names a code that is not a rule, or names no code: such a comment silences nothing.',
      ),
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
