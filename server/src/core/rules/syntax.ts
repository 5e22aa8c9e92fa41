/** Reading the file: YAML errors, a top level that is not a mapping, keys written twice. */
import { isScalar } from 'yaml';
import { finding } from '../codes';
import { txt, type Finding, type Span, type Text } from '../findings';
import type { KeyPlace, Report } from '../model';
import { defineRule } from '../rule';
import { yamlProblems, type YamlProblem } from '../unreadable';

function placeText(place: KeyPlace): { zh: string; en: string } {
  switch (place.kind) {
    case 'top':
      return { zh: '同一项', en: 'the same key' };
    case 'items':
      return { zh: '同一行', en: 'the same row' };
    case 'columns':
      return { zh: '同一列', en: 'the same column' };
    default:
      return { zh: '同一项', en: 'the same key' };
  }
}

/** What a YAML error means, in the words of someone who never learnt YAML. */
function explain(p: YamlProblem): Text {
  const { error } = p;
  const en = `YAML syntax error: ${error.message}`;
  if (p.opened === '"' || p.opened === "'")
    return txt(
      `引号没有闭合：这里的 ${p.opened} 一直没有对应的结束引号，其后的内容都被当作了这段文字（${error.message}）`,
      `a quote is left open: this ${p.opened} has no closing quote, so everything after it is read as this text (${error.message})`,
    );
  if (p.opened === '[' || p.opened === '{')
    return txt(
      `${p.opened === '[' ? '方括号' : '花括号'}没有闭合：这里的 ${p.opened} 缺少对应的 ${p.opened === '[' ? ']' : '}'}（${error.message}）`,
      `this ${p.opened} has no closing ${p.opened === '[' ? ']' : '}'} (${error.message})`,
    );
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return txt('不能用制表符（Tab）缩进，请改用空格', 'tabs cannot indent: use spaces');
    case 'BAD_INDENT':
      return txt(`缩进不一致：同一层的各项应从同一列开始（${error.message}）`, en);
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return txt(`这一行像是一个键，但格式不对：可能少了冒号，或上一行的文字缩进不够（${error.message}）`, en);
    case 'MISSING_CHAR':
      return /map values/.test(error.message)
        ? txt(`这一行缺少“键: 值”中的冒号（或冒号后少了空格）（${error.message}）`, en)
        : txt(`缺少字符（${error.message}）`, en);
    case 'UNEXPECTED_TOKEN':
      return txt(`这里有多余的字符（${error.message}）`, en);
    default:
      return txt(`YAML 语法错误：${error.message}`, en);
  }
}

function syntaxErrors(report: Report): Finding[] {
  const { doc, text } = report;
  const out: Finding[] = [];
  for (const p of yamlProblems(report)) {
    const e = p.error;
    const start = p.cause;
    const span: Span = {
      start,
      end: Math.min(Math.max(p.cause === e.pos[0] ? e.pos[1] : start + 1, start + 1), text.length),
    };
    const code = e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax';
    const message =
      e.code === 'DUPLICATE_KEY' ? txt(`YAML 语法错误：${e.message}`, `YAML syntax error: ${e.message}`) : explain(p);
    const related =
      p.cause !== Math.min(e.pos[0], text.length)
        ? [
            {
              span: { start: Math.min(e.pos[0], text.length), end: Math.min(e.pos[1], text.length) },
              message: txt('YAML 在这里发现了问题', 'where YAML noticed it'),
            },
          ]
        : [];
    out.push(finding(code, span, message, { related }));
  }
  for (const w of doc.warnings) {
    const start = Math.min(w.pos[0], text.length);
    const f = finding(
      'yaml-syntax',
      { start, end: Math.min(Math.max(w.pos[1], start + 1), text.length) },
      txt(`YAML 语法提示：${w.message}`, `YAML: ${w.message}`),
    );
    f.severity = 'warning';
    out.push(f);
  }
  return out;
}

export const syntaxRule = defineRule({
  id: 'syntax',
  group: 'file',
  codes: ['yaml-syntax', 'not-a-report', 'duplicate-key'],
  check({ report }) {
    // A key the parser recorded as repeated is reported once, in the words of the form, not also as YAML's error.
    const named = new Set(report.facts.flatMap((f) => (f.kind === 'duplicate' ? [f.span.start] : [])));
    const out = syntaxErrors(report).filter((f) => f.code !== 'duplicate-key' || !named.has(f.span.start));
    const contents = report.doc.contents;
    const empty = !contents || (isScalar(contents) && contents.value === null && !contents.source);
    if (!report.root && !empty) {
      const r = contents.range;
      out.push(
        finding(
          'not-a-report',
          r ? { start: r[0], end: Math.max(r[0], r[1]) } : { start: 0, end: 0 },
          txt(
            '报告文件的顶层应是“键: 值”映射（机关、年度、各部分……）',
            'the top level of a report must be a mapping of keys (机关, 年度, the sections…)',
          ),
        ),
      );
    }
    for (const fact of report.facts) {
      if (fact.kind !== 'duplicate') continue;
      const same = placeText(fact.place);
      const message =
        fact.place.kind === 'columns'
          ? txt(`列“${fact.first}”重复出现`, `column "${fact.first}" appears twice`)
          : fact.first !== undefined
            ? txt(
                `“${fact.key}”重复出现（与“${fact.first}”是${same.zh}）`,
                `"${fact.key}" appears twice (${same.en} as "${fact.first}")`,
              )
            : txt(`“${fact.key}”重复出现`, `"${fact.key}" appears twice`);
      out.push(finding('duplicate-key', fact.span, message));
    }
    return out;
  },
  docs: {
    'yaml-syntax': {
      about: txt(
        '文件不是有效的 YAML。其余部分仍尽量检查。',
        'The file is not valid YAML; the rest is still checked where it can be.',
      ),
      notFlagged: txt(
        '一处错误只报告一次，指向其起因（没有闭合的引号或括号）；它使之无法读取的部分不检查，可能被它吞掉的部分、行和单元格在错误改正前不报告为缺少。取值类型不对（`年度: 2024年`、写成列表的表格）是有效的 YAML，不是语法错误：由 invalid-value 等规则说明应写什么。',
        'An error is reported once, at its cause (the quote or bracket left open); what it makes unreadable is not checked, and the sections, rows and cells it may have swallowed are not reported missing until it is fixed. A value of the wrong kind (`年度: 2024年`, a table written as a list) is valid YAML, not a syntax error: invalid-value and the other rules say what belongs there.',
      ),
      wrong: { edits: [{ replace: '规章:           [0, 0, 0]', with: '规章: [0, 0, 0' }] },
      right: { edits: [{ replace: '规章:           [0, 0, 0]', with: '规章: [0, 0, 0]' }] },
    },
    'not-a-report': {
      about: txt('顶层不是“键: 值”映射。', 'The top level is not a mapping of keys.'),
      notFlagged: txt(
        '空文件和只有注释的文件不报告：那是还没有写的报告，缺少的各项会逐一指出。',
        'An empty file, or one of comments only, is not reported: it is a report not yet written, and what it lacks is named item by item.',
      ),
      wrong: {
        edits: [{ replace: '格式: 2021\n机关: 某市交通运输局', with: '- 机关: 某市交通运输局' }],
        shown: txt('只有 `- 机关: 某局` 的文件', 'a file that holds only `- 机关: 某局`'),
      },
      right: {
        edits: [{ replace: '机关: 某市交通运输局', with: '机关: 某市交通运输局' }],
        shown: txt('顶层写 `机关: 某局`，再写其他各项。', '`机关: 某局` at the top level, then the other keys.'),
      },
    },
    'duplicate-key': {
      about: txt(
        '同一层级中同一个键出现两次，写法不同也算（如“总体情况”和“一、总体情况”）。',
        'The same key twice at one level, also when written differently (总体情况 and 一、总体情况).',
      ),
      notFlagged: txt(
        '重复出现的那一项不再读取：其中的数字和文字不另外检查，也不计入任何总数，只报告重复本身。',
        'The value under the repeated key is not read: its figures and text are not checked and count in no total; only the repetition is reported.',
      ),
      wrong: {
        edits: [{ replace: '  行政强制:       [3]', with: '  行政强制:       [3]\n  行政强制:       [4]' }],
      },
      right: { edits: [{ replace: '  行政强制:       [3]', with: '  行政强制:       [3]' }] },
    },
  },
});
