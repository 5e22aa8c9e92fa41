/** Open documents and their check results, computed once per version and settings. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { check, type CheckOptions, type CheckResult } from '../core/check';
import { ChunkCache } from '../core/yamlChunks';

interface Entry {
  version: number;
  options: CheckOptions;
  result: CheckResult;
  /** Milliseconds the last check took. */
  elapsed: number;
}

export class ReportStore {
  private readonly entries = new Map<string, Entry>();
  private readonly caches = new Map<string, ChunkCache>();
  private options: CheckOptions = {};

  setOptions(options: CheckOptions): void {
    this.options = options;
  }

  /** The check result of the document's current version. */
  get(doc: TextDocument): CheckResult {
    return this.entry(doc).result;
  }

  entry(doc: TextDocument): Entry {
    const cached = this.entries.get(doc.uri);
    if (cached && cached.version === doc.version && cached.options === this.options) return cached;
    const t0 = performance.now();
    let cache = this.caches.get(doc.uri);
    if (!cache) this.caches.set(doc.uri, (cache = new ChunkCache()));
    const result = check(doc.getText(), this.options, cache);
    const entry = { version: doc.version, options: this.options, result, elapsed: performance.now() - t0 };
    this.entries.set(doc.uri, entry);
    return entry;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.caches.delete(uri);
  }
}
