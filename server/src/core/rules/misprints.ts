/**
 * Labels the published report misprinted (原文标签, written by import): each entry is a
 * defect of the published form, reported where it is recorded, since the table itself is
 * written with the official labels.
 */
import { txt, type Finding } from '../findings';
import type { Report } from '../model';
import { finding } from './finding';

export function checkMisprints(report: Report): Finding[] {
  return report.misprints.map((m) =>
    finding(
      'misprinted-label',
      { start: m.keySpan.start, end: m.span.end },
      txt(
        `原文把标签“${m.official}”印成了“${m.printed}”，与国办公开办函〔2021〕30号的格式不符`,
        `the published report prints the label "${m.official}" as "${m.printed}", which is not the 2021 format's`,
      ),
    ),
  );
}
