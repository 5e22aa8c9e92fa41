/**
 * `govreport check --summary OUT.html|OUT.csv --opinions DIR`: the evaluator's summary of the
 * batch, and an 审核意见 per report (Word, or a page of its own) beside it, linked from the
 * summary's rows. Files are written as render and import write them: atomically, and an
 * existing one only replaced with --force.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  type CheckDetails,
  type Finding,
  formatChinese,
  formatIso,
  type LineIndex,
  type Locale,
  opinionPage,
  type SimpleDate,
  summaryCsv,
  summaryEntry,
  summaryHtml,
} from '../core';
import type { LoadedConfig } from '../shared/configFile';
import { loadOpinionDocx } from '../shared/bundles';
import { shown } from '../shared/readFile';
import { writeAtomic } from './files';
import type { Io } from './main';

export interface SummaryRequest {
  /** The summary page (.html) or table (.csv). */
  file?: string;
  /** The folder the 审核意见 go to. */
  opinions?: string;
  opinionFormat: 'docx' | 'html';
  force: boolean;
}

const say = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);

function today(): SimpleDate {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/** A report checked with its details, as the summary reads it. */
export interface Summarized {
  file: string;
  lines: LineIndex;
  findings: Finding[];
  details: CheckDetails;
}

/** Writes what was asked; false when something could not be written (each said on stderr). */
export async function writeSummary(
  req: SummaryRequest,
  checked: readonly Summarized[],
  configOf: (file: string) => LoadedConfig | undefined,
  locale: Locale,
  io: Io,
): Promise<boolean> {
  const date = today();
  const config = (file: string) => {
    const c = configOf(file);
    return c && !c.error ? c.config : undefined;
  };
  const entries = checked.map((c) =>
    summaryEntry({
      file: c.file,
      lines: c.lines,
      findings: c.findings,
      facts: c.details.facts,
      parts: c.details.parts,
      formatId: c.details.formatId,
      config: config(c.file),
      date,
    }),
  );
  let ok = true;
  const fail = (target: string, e: unknown) => {
    ok = false;
    io.stderr(`govreport: ${shown(target)}: cannot write: ${(e as Error).message}\n`);
  };

  if (req.opinions) {
    try {
      fs.mkdirSync(req.opinions, { recursive: true });
    } catch (e) {
      fail(req.opinions, e);
      return false;
    }
    const renderDocx = req.opinionFormat === 'docx' ? loadOpinionDocx() : undefined;
    const taken = new Set<string>();
    let written = 0;
    for (const entry of entries) {
      const base = path.basename(entry.file).replace(/(?:\.report)?\.ya?ml$/i, '') || 'report';
      let name = `${base}.审核意见.${req.opinionFormat}`;
      for (let n = 2; taken.has(name); n++) name = `${base}-${n}.审核意见.${req.opinionFormat}`;
      taken.add(name);
      const target = path.join(req.opinions, name);
      try {
        const data = renderDocx ? await renderDocx(entry.opinion) : opinionPage(entry.opinion);
        writeAtomic(target, data, { overwrite: req.force });
        written++;
      } catch (e) {
        fail(target, e);
        continue;
      }
      if (req.file) {
        const rel = path.relative(path.dirname(path.resolve(req.file)), path.resolve(target));
        entry.opinionHref = rel.split(path.sep).map(encodeURIComponent).join('/');
      }
    }
    io.stderr(
      say(
        locale,
        `已写入 ${written} 份审核意见到 ${shown(req.opinions)}\n`,
        `wrote ${written} 审核意见 to ${shown(req.opinions)}\n`,
      ),
    );
  }

  if (req.file) {
    const notices = [
      ...new Set(checked.map((c) => config(c.file)?.notice).filter((n): n is string => n !== undefined)),
    ];
    const content = /\.csv$/i.test(req.file)
      ? summaryCsv(entries, locale)
      : summaryHtml(entries, {
          locale,
          date: locale === 'en' ? formatIso(date) : formatChinese(date),
          notices,
        });
    try {
      writeAtomic(req.file, content, { overwrite: req.force });
      io.stderr(say(locale, `已写入 ${shown(req.file)}\n`, `wrote ${shown(req.file)}\n`));
    } catch (e) {
      fail(req.file, e);
    }
  }
  return ok;
}
