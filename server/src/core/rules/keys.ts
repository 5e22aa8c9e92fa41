/** Keys the format does not know: a misspelt official label, or a label of the 2019 trial format. */
import { finding } from '../codes';
import { keyClaim, txt, type Fix, type Text } from '../findings';
import type { KeyPlace } from '../model';
import { defineRule } from '../rule';

function where(place: KeyPlace): Text {
  switch (place.kind) {
    case 'top':
      return txt('报告顶层', 'the report');
    case 'section':
    case 'items':
    case 'period':
      return txt(`“${place.key}”`, `"${place.key}"`);
    case 'columns':
      return txt(`“${place.row}”的列`, `the columns of "${place.row}"`);
  }
}

export const keysRule = defineRule({
  id: 'keys',
  group: 'file',
  codes: ['unknown-key', 'legacy-label'],
  check({ report }) {
    return report.facts.flatMap((fact) => {
      if (fact.kind === 'legacy-label') {
        return [
          finding(
            'legacy-label',
            fact.span,
            txt(
              `“${fact.key}”是 2019 年试行格式（国办公开办函〔2019〕60号）的标签，2021 年格式已不再使用`,
              `"${fact.key}" is a label of the 2019 trial format (国办公开办函〔2019〕60号), not used since the 2021 format`,
            ),
          ),
        ];
      }
      if (fact.kind !== 'unknown-key') return [];
      const fixes: Fix[] = [];
      if (fact.closest !== undefined) {
        fixes.push({
          title: txt(`改为“${fact.closest}”`, `Rename to "${fact.closest}"`),
          edits: [{ ...fact.span, text: fact.closest }],
          preferred: true,
          // Renaming to a key the mapping already has would write it twice: that takes judgement.
          safe: fact.near && !fact.taken,
          writesKey: keyClaim(fact.mapStart, fact.closest),
        });
      }
      const w = where(fact.place);
      const hint =
        fact.closest !== undefined
          ? txt(`，是否应为“${fact.closest}”？`, `; did you mean "${fact.closest}"?`)
          : txt('', '');
      return [
        finding(
          'unknown-key',
          fact.span,
          txt(
            `${w['zh-CN']}中没有“${fact.key}”这一项${hint['zh-CN']}`,
            `"${fact.key}" is not a key of ${w.en}${hint.en}`,
          ),
          { fixes },
        ),
      ];
    });
  },
  docs: {
    'unknown-key': {
      about: txt(
        '键与任何官方标签都不符（已忽略开头的编号、空格和表格中括号里的注释）。提示最接近的官方标签；快速修复改为该标签。只差一个字、且同一处还没有这个标签时，“全部修复”也会改（同一个键绝不会写两次：打错的“总记”改为“总计”，不会既改名又补上缺少的“总计”）。',
        'A key that matches no official label (after leading numbers, spaces and the form’s notes in brackets are ignored). The message names the closest label; the quick fix renames the key. Fix-all does so when the key is one character away and the mapping does not already have that label (it never writes one key twice: a misspelt 总记 is renamed to 总计, not renamed and added as missing).',
      ),
      notFlagged: txt(
        '“总体情况”下的小标题可由机关自拟（如“（六）政务公开工作”），不报告；只有“存在的主要问题及改进情况”、各表格和各字段的键是固定的。表格下的“说明”是表格的说明文字。2019 年格式的标签报告为 legacy-label，不再报告为未知的键。',
        "Sub-headings of 总体情况 are the organ's to choose (（六）政务公开工作) and are not reported; only 存在的主要问题及改进情况, the tables and the fields have fixed keys. 说明 under a table is the table's note. A label of the 2019 format is reported as legacy-label, not as an unknown key.",
      ),
      wrong: {
        edits: [{ replace: '    予以公开: ', with: '    予已公开: ' }],
        shown: txt('`予已公开: [40, 10, 0, 0, 1, 1, 52]`', '`予已公开: [40, 10, 0, 0, 1, 1, 52]`'),
      },
      right: {
        edits: [{ replace: '    予以公开: ', with: '    （一）予以公开: ' }],
        shown: txt(
          '`予以公开: [40, 10, 0, 0, 1, 1, 52]`（也可写作 `（一）予以公开`）',
          '`予以公开: [40, 10, 0, 0, 1, 1, 52]` (also accepted: `（一）予以公开`)',
        ),
      },
    },
    'legacy-label': {
      about: txt(
        '2019 年试行格式（国办公开办函〔2019〕60号）的标签，如“本年新制作数量”“对外公开总数量”“政府集中采购”。',
        'A label of the 2019 trial format (国办公开办函〔2019〕60号), such as 本年新制作数量, 对外公开总数量 or 政府集中采购.',
      ),
      notFlagged: txt(
        '只读键：正文中出现这些词不报告（引用 2019 年格式的文号由 legacy-format-cited 报告）。',
        "Only keys are read: the same words in the text are not reported (a citation of the 2019 format is legacy-format-cited's).",
      ),
      wrong: {
        edits: [{ replace: '  规章:           [0, 0, 0]', with: '  本年新制作数量: [3]\n  规章:           [0, 0, 0]' }],
      },
      right: {
        edits: [{ replace: '  规章:           [0, 0, 0]', with: '  规章:           [0, 0, 0]' }],
        shown: txt(
          '`规章: [0, 0, 0]` 及 2021 年格式表格二的其他各行',
          '`规章: [0, 0, 0]` and the other rows of the 2021 table 二',
        ),
      },
    },
  },
});
