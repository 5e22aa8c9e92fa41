import type { Finding, Fix, Related, Span, Text } from '../findings';
import { defaultSeverity } from './registry';

/** A finding with the rule's default severity; settings may change it later. */
export function finding(
  code: string,
  span: Span,
  message: Text,
  extra: { related?: Related[]; fixes?: Fix[]; subject?: string } = {},
): Finding {
  const f: Finding = { code, severity: defaultSeverity(code), span: { start: span.start, end: span.end }, message };
  if (extra.related?.length) f.related = extra.related;
  if (extra.fixes?.length) f.fixes = extra.fixes;
  if (extra.subject) f.subject = extra.subject;
  return f;
}
