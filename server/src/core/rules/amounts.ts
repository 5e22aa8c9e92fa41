/**
 * Amounts in 万元 (行政事业性收费) that are only plausible in 元: 1250000 in 万元 is 125 亿元,
 * far above what an organ charges in a year, while 1250000 元 is 125 万元.
 */
import { finding } from '../codes';
import { formatDec, type Dec } from '../decimal';
import { txt, type Finding } from '../findings';
import { tableSections } from '../format';
import { defineRule } from '../rule';

/** Above this many 万元 a year's fees are implausible: a department's, and a whole government's. */
const LIMIT: Record<string, bigint> = { 部门: 100_000n, 本级政府: 1_000_000n };

const integerPart = (d: Dec) => d.units / 10n ** BigInt(d.scale);

export const amountsRule = defineRule({
  id: 'amounts',
  group: 'structure',
  codes: ['fee-unit'],
  check({ report }) {
    const out: Finding[] = [];
    const limit = LIMIT[report.organType] ?? LIMIT[report.format.defaultOrganType] ?? 100_000n;
    for (const decl of tableSections(report.format)) {
      const table = report.tables.get(decl.key);
      for (const row of table?.rows.values() ?? []) {
        row.decl.columns.forEach((col, i) => {
          const cell = row.cells[i];
          if (col.kind !== 'money' || col.unit !== '万元' || !cell?.value || integerPart(cell.value) < limit) return;
          const v = formatDec(cell.value);
          const yi = formatDec({ units: cell.value.units, scale: cell.value.scale + 4 });
          out.push(
            finding(
              'fee-unit',
              cell.span,
              txt(
                `“${row.decl.key}”${col.short} ${v} 万元即 ${yi} 亿元，远超一般机关的规模：单位是否为元？（本栏以万元为单位）`,
                `${col.short} of "${row.decl.key}" ${v} 万元 is ${yi} 亿元, far above an organ's scale: is it in 元? (this column is in 万元)`,
              ),
            ),
          );
        });
      }
    }
    return out;
  },
  docs: {
    'fee-unit': {
      about: txt(
        '本年收费金额以万元为单位，而所填数字只有按元理解才合理（部门超过 10 亿元、本级政府超过 100 亿元）。',
        '本年收费金额 is in 万元, and the amount is only plausible in 元 (over 10 亿元 for a department, over 100 亿元 for a government).',
      ),
      notFlagged: txt(
        '低于上述数额的金额不报告，即使它可能是按元填写的：在这个范围内，按元和按万元填写的数字无法区分。只读表格二的收费金额，不读正文所写的信息处理费。',
        'An amount below those figures is not reported, even though it may be in 元: within that range an amount in 元 cannot be told from one in 万元. Only the fee amount of table 二 is read, not the processing fees the text mentions.',
      ),
      wrong: { edits: [{ replace: '行政事业性收费: [0]', with: '行政事业性收费: [1250000]' }] },
      right: { edits: [{ replace: '行政事业性收费: [0]', with: '行政事业性收费: [125]' }] },
    },
  },
});
