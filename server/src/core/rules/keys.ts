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
