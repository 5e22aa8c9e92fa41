/**
 * `govreport check` over many files in worker threads (shared/batchCheck.ts): the files read
 * here, checked there, and the findings printed in the order of the files, what could not be
 * read or was refused first, as reading them all first says them.
 */
import { type CheckOptions, LineIndex, type Locale } from '../core';
import { type BatchText, type Checked, type Read, checkBatch } from '../shared/batchCheck';
import { readText } from '../shared/readFile';

/** Where the findings go, in the order of the files. */
export interface Sink {
  note(s: string): void;
  unreadable(error: string): void;
  file(file: string, lines: LineIndex, checked: Checked): void;
}

export async function checkInWorkers(
  files: string[],
  optionsOf: (file: string) => CheckOptions,
  explicit: Read | undefined,
  workers: number,
  sink: Sink,
  locale: Locale,
  details: boolean,
): Promise<void> {
  const texts: BatchText[] = [];
  // What could not be read, by the number of files read before it.
  const unreadable = new Map<number, string[]>();
  const readAll = () => {
    for (const file of files) {
      // The nesting is screened by the worker's parse, which lexes the text anyway.
      const r = readText(file, locale, false);
      if (r.ok) texts.push({ file, text: r.text, encoding: r.encoding, options: optionsOf(file) });
      else (unreadable.get(texts.length) ?? unreadable.set(texts.length, []).get(texts.length)!).push(r.error);
    }
    return texts;
  };
  const { results, notes } = await checkBatch(readAll, { workers, explicit, locale, details });
  // A check that threw is a bug: the command ends on it, as on one thread.
  for (const r of results) if ('failed' in r) throw new Error(`checking ${r.failed}`);
  for (let i = 0; i <= texts.length; i++) {
    for (const e of unreadable.get(i) ?? []) sink.unreadable(e);
    const r = results[i];
    if (r && 'refused' in r) sink.unreadable(r.refused);
  }
  texts.forEach((t, i) => {
    const r = results[i];
    if (!('peer' in r)) return;
    for (const n of notes[i]) sink.note(n);
    sink.file(t.file, new LineIndex(t.text), { findings: r.findings, details: r.details });
  });
}
