/** `--format csv`: one record per finding (file, line, column, severity, code, message), for a spreadsheet. */
import { CSV_BOM, csvRecord, type Locale } from '../../core';
import type { FileFindings } from '../output';

export function csvOutput(results: readonly FileFindings[], locale: Locale): string {
  const out = [CSV_BOM + csvRecord(['file', 'line', 'column', 'severity', 'code', 'message'])];
  for (const r of results)
    for (const f of r.findings) {
      const p = r.lines.positionAt(f.span.start);
      out.push(csvRecord([r.file, p.line + 1, p.character + 1, f.severity, f.code, f.message[locale]]));
    }
  return out.join('');
}
