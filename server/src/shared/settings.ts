/** The `govreport` settings section, as the client sends it, and what the checker makes of it. */
import type { CheckOptions, Deadline, Severity } from '../core';

export interface Settings {
  /** Severity by rule code: error, warning, information, hint or off. */
  severity: Record<string, string>;
  /** Deadlines by 机关类型 as `MM-DD`, replacing the statutory ones. */
  deadlines: Record<string, string>;
  validate: { debounceMs: number };
  inlayHints: { enabled: boolean };
}

export const DEFAULT_SETTINGS: Settings = {
  severity: {},
  deadlines: {},
  // Coalesces bursts (key repeat, multi-cursor edits); see docs/performance.md for the figures behind it.
  validate: { debounceMs: 50 },
  inlayHints: { enabled: true },
};

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

/** Settings from whatever the client sent, with defaults for anything missing or malformed. */
export function readSettings(raw: unknown): Settings {
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
    inlayHints: { enabled: inlay.enabled !== false },
  };
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
  return { severities, deadlines };
}
