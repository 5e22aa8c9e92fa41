/** Reading the file: YAML errors, a top level that is not a mapping, keys written twice. */
import { isScalar } from 'yaml';
import { finding } from '../codes';
import { txt, type Finding, type Span } from '../findings';
import type { KeyPlace, Report } from '../model';
import { defineRule } from '../rule';

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

function syntaxErrors(report: Report): Finding[] {
  const { doc, text } = report;
  const out: Finding[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const start = Math.min(e.pos[0], text.length);
    const span: Span = { start, end: Math.min(Math.max(e.pos[1], start + 1), text.length) };
    const code = e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax';
    const f = finding(code, span, txt(`YAML 语法错误：${e.message}`, `YAML syntax error: ${e.message}`));
    if (e.name === 'YAMLWarning') f.severity = 'warning';
    out.push(f);
  }
  return out;
}

export const syntaxRule = defineRule({
  id: 'syntax',
  group: 'file',
  codes: ['yaml-syntax', 'not-a-report', 'duplicate-key'],
  check({ report }) {
    const out = syntaxErrors(report);
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
      wrong: { edits: [{ replace: '规章:           [0, 0, 0]', with: '规章: [0, 0, 0' }] },
      right: { edits: [{ replace: '规章:           [0, 0, 0]', with: '规章: [0, 0, 0]' }] },
    },
    'not-a-report': {
      about: txt('顶层不是“键: 值”映射。', 'The top level is not a mapping of keys.'),
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
      wrong: {
        edits: [{ replace: '  行政强制:       [3]', with: '  行政强制:       [3]\n  行政强制:       [4]' }],
      },
      right: { edits: [{ replace: '  行政强制:       [3]', with: '  行政强制:       [3]' }] },
    },
  },
});
