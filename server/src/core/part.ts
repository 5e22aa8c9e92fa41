/**
 * Where in the report a place is, as the form names it: `收到和处理政府信息公开申请情况 ›
 * 本年新收政府信息公开申请数量 › 自然人`, `总体情况 › 主动公开`, `落款日期`. What an 审核意见
 * tells an organ (which has its report in Word, not this file's lines), and what a finding's
 * fingerprint is made of, so that it stays the same when unrelated lines move.
 */
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Span } from './findings';
import type { Report } from './model';

const inside = (at: number, s: Span) => s.start <= at && at <= s.end;
const spanOf = (n: Node | null | undefined): Span | undefined =>
  n?.range ? { start: n.range[0], end: n.range[2] } : undefined;

/** The names of the parts that hold offset `at`, outermost first; empty outside every part. */
export function partOf(report: Report, at: number): string[] {
  for (const table of report.tables.values()) {
    const title = table.decl.title;
    for (const row of table.rows.values()) {
      if (!inside(at, row.keySpan) && !inside(at, row.span)) continue;
      const out = [title, ...row.path.split('/')];
      const i = row.cells.findIndex((c) => c !== undefined && inside(at, c.span));
      if (i >= 0) out.push(row.decl.columns[i]?.label ?? String(i + 1));
      return out;
    }
    for (const group of table.groups.values()) if (inside(at, group.keySpan)) return [title, ...group.path.split('/')];
  }
  for (const block of report.preface ? [report.preface, ...report.texts] : report.texts) {
    if (!inside(at, block.keySpan) && !inside(at, block.span)) continue;
    if (!block.section) return [block.title || keyOf(report, block.keySpan)];
    return block.subKey === undefined ? [block.section.title] : [block.section.title, block.title || block.subKey];
  }
  for (const entry of report.sections) {
    const value = spanOf(entry.pair.value as Node | null);
    if (inside(at, entry.keySpan) || (value && inside(at, value))) return [entry.decl.title];
  }
  for (const entry of report.meta.values())
    if (inside(at, entry.keySpan) || inside(at, entry.span)) return [entry.decl.key];
  return yamlPath(report, at);
}

function keyOf(report: Report, span: Span): string {
  return report.text.slice(span.start, span.end);
}

/** Keys as written down to the node that holds `at`, for what the model does not hold (unknown keys). */
function yamlPath(report: Report, at: number): string[] {
  const out: string[] = [];
  let node: unknown = report.root;
  for (let depth = 0; depth < 64 && node; depth++) {
    let next: unknown;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = spanOf(pair.key as Node | null);
        const value = spanOf(pair.value as Node | null);
        if ((key && inside(at, key)) || (value && inside(at, value))) {
          out.push(isScalar(pair.key) ? String(pair.key.value) : '?');
          next = key && inside(at, key) ? undefined : pair.value;
          break;
        }
      }
    } else if (isSeq(node)) {
      const i = node.items.findIndex((item) => {
        const s = spanOf(item as Node | null);
        return s !== undefined && inside(at, s);
      });
      if (i >= 0) {
        out.push(String(i + 1));
        next = node.items[i];
      }
    }
    node = next;
  }
  return out;
}
