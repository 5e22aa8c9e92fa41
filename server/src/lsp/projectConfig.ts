/**
 * The config file of each report in the editor: the nearest .govreport.yaml from the
 * report's folder upwards, as the command line finds it (shared/configFile.ts), read from
 * disk. Its problems are published as diagnostics of the config file itself; the file
 * watcher tells of changes, after which every open report is checked again.
 */
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { type CheckOptions, withConfig } from '../core';
import { ConfigFiles, CONFIG_FILE, type LoadedConfig } from '../shared/configFile';
import { toDiagnostic } from '../shared/convert';
import type { ServerContext } from './context';

export class ProjectConfigs {
  private readonly files = new ConfigFiles();
  private folders: string[] = [];
  /** What was last published per config file (the loaded object), so each is published once. */
  private readonly published = new Map<string, LoadedConfig>();
  /** The check options per config (and per settings and batch, through `key`). */
  private options = new Map<LoadedConfig | undefined, CheckOptions>();
  private optionsKey: unknown;

  constructor(private readonly ctx: ServerContext) {}

  initialize(folders: string[]): void {
    this.folders = folders;
  }

  /** Publishes the problems of the config files at the roots of the workspace folders. */
  publishRoots(): void {
    for (const folder of this.folders) {
      const c = this.files.forFile(path.join(folder, CONFIG_FILE));
      if (c) this.publish(c);
    }
  }

  /** A document's config: by its file's folder, or for an unsaved one the first workspace folder's. */
  forDocument(uri: string): LoadedConfig | undefined {
    let file: string | undefined;
    if (uri.startsWith('file:')) file = fileURLToPath(uri);
    else if (this.folders.length) file = path.join(this.folders[0], 'untitled.report.yaml');
    if (!file) return undefined;
    const c = this.files.forFile(file);
    if (c) this.publish(c);
    return c;
  }

  /**
   * The check options of a document: the settings' (`base`) with its config applied. The
   * same object as long as neither changes (the report store keeps a result per options).
   */
  optionsFor(uri: string, base: CheckOptions): CheckOptions {
    if (this.optionsKey !== base) {
      this.options = new Map();
      this.optionsKey = base;
    }
    const c = this.forDocument(uri);
    let o = this.options.get(c);
    if (!o) this.options.set(c, (o = withConfig(base, c && !c.error ? c.config : undefined)));
    return o;
  }

  /** A config file was created, changed or deleted: read them all again. */
  changed(): void {
    this.files.invalidate();
    this.options = new Map();
    for (const [uri, old] of this.published) {
      const c = this.files.load(old.file);
      if (c.error && /no such file/.test(c.error)) {
        this.published.delete(uri);
        void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
      } else this.publish(c);
    }
    this.publishRoots();
  }

  private publish(c: LoadedConfig): void {
    if (this.published.get(c.uri) === c) return;
    this.published.set(c.uri, c);
    if (c.error) this.ctx.connection.console.warn(`govreport: ${c.error}`);
    const locale = this.ctx.locale();
    const diagnostics = c.problems.map((p) => toDiagnostic(p, c.lines, locale, c.uri));
    void this.ctx.connection.sendDiagnostics({ uri: c.uri, diagnostics });
  }
}
