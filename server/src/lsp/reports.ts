/** Open documents and their check results, computed once per version and settings. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CheckOptions, checkReport, type CheckResult, ChunkCache, parseReport, type Report } from '../core';
import { fileEncoding } from './fileEncoding';
import type { FoundPrevious } from './previousYear';

interface Entry {
  version: number;
  options: CheckOptions;
  result: CheckResult;
  /** Which version of last year's report it was checked against, if any. */
  previousKey?: string;
}

/** Finds last year's report of a document (previousYear.ts). */
export interface PreviousFinder {
  find(uri: string, report: Report): FoundPrevious | undefined;
}

export class ReportStore {
  private readonly entries = new Map<string, Entry>();
  private readonly caches = new Map<string, ChunkCache>();
  private readonly parsed = new Map<string, { version: number; report: Report }>();
  /** A document's check options (the settings, its config file, the batch's peers): the same object while they stay. */
  private optionsFor: (uri: string) => CheckOptions = () => ({});
  private previous?: PreviousFinder;

  setOptions(optionsFor: (uri: string) => CheckOptions): void {
    this.optionsFor = optionsFor;
  }

  setPreviousFinder(finder: PreviousFinder): void {
    this.previous = finder;
  }

  /** The check result of the document's current version. */
  get(doc: TextDocument): CheckResult {
    return this.entry(doc).result;
  }

  entry(doc: TextDocument): Entry {
    const cached = this.entries.get(doc.uri);
    // A version number alone does not identify a text: a client may reopen a document or reuse a number.
    const sameText =
      cached !== undefined && cached.version === doc.version && cached.result.report.text === doc.getText();
    // Last year's report may have changed while this document did not.
    const found = sameText ? this.previous?.find(doc.uri, cached.result.report) : undefined;
    const options = this.optionsFor(doc.uri);
    if (sameText && cached.options === options && cached.previousKey === found?.key) return cached;
    const report = sameText ? cached.result.report : this.report(doc);
    const previous = sameText ? found : this.previous?.find(doc.uri, report);
    const result = checkReport(report, {
      ...options,
      ...(previous ? { previous: previous.previous } : {}),
      // Bytes the editor could not decode: which encoding the file on disk appears to be in.
      ...(report.text.includes('\ufffd') ? { decoding: { ...options.decoding, detected: fileEncoding(doc.uri) } } : {}),
    });
    const entry = {
      version: doc.version,
      options,
      result,
      previousKey: previous?.key,
    };
    this.entries.set(doc.uri, entry);
    return entry;
  }

  /** What the store holds, for the memory check of long sessions. */
  get held(): { reports: number; parsed: number; caches: number } {
    return { reports: this.entries.size, parsed: this.parsed.size, caches: this.caches.size };
  }

  /**
   * The document's current text parsed, re-parsing only the entries that changed: shared by
   * the check and by the search for last year's report among open documents.
   */
  report(doc: TextDocument): Report {
    const text = doc.getText();
    const p = this.parsed.get(doc.uri);
    if (p && p.version === doc.version && p.report.text === text) return p.report;
    let cache = this.caches.get(doc.uri);
    if (!cache) this.caches.set(doc.uri, (cache = new ChunkCache()));
    const report = parseReport(text, { cache });
    this.parsed.set(doc.uri, { version: doc.version, report });
    return report;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.parsed.delete(uri);
    this.caches.delete(uri);
  }
}
