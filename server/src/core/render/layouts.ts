/**
 * How each table of a format is drawn on the printed form. The rows, columns, labels and
 * units come from the format declaration; this adds what only the printed form has: the
 * orientation of a table, the 第二十条 headings of table 二 and the headers that group
 * columns (申请人情况, 法人或其他组织).
 */
import { TABLE2_CLAUSES, type FormatDecl, type TableSectionDecl } from '../format';

export interface ColumnGroup {
  label: string;
  /** Labels of the columns under it, in order. */
  columns: string[];
}

export type TableLayout =
  /** Rows under 第二十条 clause headings, each block with its own column headers (table 二). */
  | { kind: 'clauses'; clauses: { clause: string; rows: string[] }[]; rowHead: string }
  /** One row per declared row, row groups as merged label cells on the left (table 三). */
  | { kind: 'rows'; columnGroups: ColumnGroup[] }
  /** Each declared row is a group of columns, all numbers on one line (table 四). */
  | { kind: 'columns' };

const LAYOUTS_2021: Record<string, TableLayout> = {
  主动公开政府信息情况: { kind: 'clauses', clauses: TABLE2_CLAUSES, rowHead: '信息内容' },
  收到和处理政府信息公开申请情况: {
    kind: 'rows',
    columnGroups: [
      {
        label: '申请人情况',
        columns: ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
      },
      { label: '法人或其他组织', columns: ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] },
    ],
  },
  '政府信息公开行政复议、行政诉讼情况': { kind: 'columns' },
};

/** The layout of a table; a table no layout names is drawn row by row without column groups. */
export function layoutOf(format: FormatDecl, table: TableSectionDecl): TableLayout {
  const layout = format.id === '2021' ? LAYOUTS_2021[table.key] : undefined;
  return layout ?? { kind: 'rows', columnGroups: [] };
}
