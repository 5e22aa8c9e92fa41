/** The `govreport` settings section, as the client sends it, and what the checker makes of it. */
import type { CheckOptions, Deadline, Severity } from '../core';

export interface Settings {
  /** Severity by rule code: error, warning, information, hint or off. */
  severity: Record<string, string>;
  /** Deadlines by 机关类型 as `MM-DD`, replacing the statutory ones. */
  deadlines: Record<string, string>;
  validate: { debounceMs: number };
  /** The two kinds of inlay hints, each with its own switch. */
  inlayHints: { computedValues: boolean; columnNames: boolean };
  /** The editor's `files.encoding`, as the checker names it: what the editor decoded the report's bytes with. */
  encoding: string;
}

export const DEFAULT_SETTINGS: Settings = {
  severity: {},
  deadlines: {},
  // Coalesces bursts (key repeat, multi-cursor edits); see docs/performance.md for the figures behind it.
  validate: { debounceMs: 50 },
  inlayHints: { computedValues: true, columnNames: true },
  encoding: 'UTF-8',
};

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

/** VS Code's names of encodings (`files.encoding`) → the usual ones. */
const ENCODING_NAMES: Record<string, string> = {
  utf8: 'UTF-8',
  utf8bom: 'UTF-8',
  utf16le: 'UTF-16LE',
  utf16be: 'UTF-16BE',
  gbk: 'GBK',
  gb2312: 'GB2312',
  gb18030: 'GB18030',
};

/**
 * Settings from whatever the client sent, with defaults for anything missing or malformed;
 * `files`, the client's `files` section, for the encoding it reads files in.
 */
export function readSettings(raw: unknown, files?: unknown): Settings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rec = (v: unknown): Record<string, string> => {
    const out: Record<string, string> = {};
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
    return out;
  };
  const validate = (o.validate ?? {}) as Record<string, unknown>;
  const inlay = (o.inlayHints ?? {}) as Record<string, unknown>;
  const debounce = Number(validate.debounceMs);
  return {
    severity: rec(o.severity),
    deadlines: rec(o.deadlines),
    validate: {
      debounceMs:
        Number.isFinite(debounce) && debounce >= 0 ? Math.min(debounce, 5000) : DEFAULT_SETTINGS.validate.debounceMs,
    },
    inlayHints: { computedValues: inlay.computedValues !== false, columnNames: inlay.columnNames !== false },
    encoding: encodingName((files as { encoding?: unknown } | undefined)?.encoding),
  };
}

function encodingName(id: unknown): string {
  if (typeof id !== 'string' || !id) return DEFAULT_SETTINGS.encoding;
  return ENCODING_NAMES[id.toLowerCase()] ?? id.toUpperCase();
}

export function checkOptions(s: Settings): CheckOptions {
  const severities: Record<string, Severity | 'off'> = {};
  for (const [code, sev] of Object.entries(s.severity))
    if (SEVERITIES.includes(sev)) severities[code] = sev as Severity | 'off';
  const deadlines: Record<string, Deadline> = {};
  for (const [type, md] of Object.entries(s.deadlines)) {
    const m = /^(\d{1,2})-(\d{1,2})$/.exec(md.trim());
    if (m) deadlines[type] = { month: +m[1], day: +m[2] };
  }
  return { severities, deadlines, decoding: { used: s.encoding } };
}
