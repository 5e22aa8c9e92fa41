/**
 * Finding and reading `.govreport.yaml` for a report: the nearest one from the report's folder
 * upwards applies (as .editorconfig or .prettierrc are found). Shared by the command line and
 * the language server, so that both apply the same file. A config file is read bounded and
 * decoded like a report; one that cannot be read is said so, and the report is checked without.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeText, parseConfig, type ParsedConfig } from '../core';
import { readBytes } from './readFile';

export const CONFIG_FILE = '.govreport.yaml';
/** Far more than any config file: a larger one is not read. */
const MAX_BYTES = 1024 * 1024;
/** Folders looked at upwards at most: a deep tree stops somewhere. */
const MAX_LEVELS = 64;

export interface LoadedConfig extends ParsedConfig {
  file: string;
  uri: string;
  text: string;
  /** Why it could not be read, when it could not (then `config` is empty). */
  error?: string;
}

export class ConfigFiles {
  /** Folder → the config that applies there (null: none). */
  private readonly nearest = new Map<string, string | null>();
  /** Config file → what was read, with its modification stamp. */
  private readonly loaded = new Map<string, { stamp: string; config: LoadedConfig }>();

  /** The config of a report file: the nearest `.govreport.yaml` in its folder or above. */
  forFile(file: string): LoadedConfig | undefined {
    const found = this.find(path.dirname(path.resolve(file)));
    return found ? this.load(found) : undefined;
  }

  /** A config file named explicitly (`--config`), or found. */
  load(file: string): LoadedConfig {
    const full = path.resolve(file);
    const stamp = stampOf(full);
    const cached = this.loaded.get(full);
    if (cached && cached.stamp === stamp) return cached.config;
    const config = read(full);
    this.loaded.set(full, { stamp, config });
    return config;
  }

  /** Forgets where the config files are and what they hold (one was created, changed or deleted). */
  invalidate(): void {
    this.nearest.clear();
    this.loaded.clear();
  }

  /** Every config file read so far, by file. */
  all(): LoadedConfig[] {
    return [...this.loaded.values()].map((x) => x.config);
  }

  private find(dir: string): string | undefined {
    const visited: string[] = [];
    let found: string | null = null;
    for (let d = dir, i = 0; i < MAX_LEVELS; i++) {
      const known = this.nearest.get(d);
      if (known !== undefined) {
        found = known;
        break;
      }
      visited.push(d);
      const candidate = path.join(d, CONFIG_FILE);
      if (isFile(candidate)) {
        found = candidate;
        break;
      }
      const parent = path.dirname(d);
      if (parent === d) break;
      d = parent;
    }
    for (const d of visited) this.nearest.set(d, found);
    return found ?? undefined;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function stampOf(file: string): string {
  try {
    const s = fs.statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'missing';
  }
}

function read(file: string): LoadedConfig {
  const uri = pathToFileURL(file).toString();
  const bytes = readBytes(file, MAX_BYTES);
  if (!bytes.ok) return { file, uri, text: '', ...parseConfig(''), error: bytes.error };
  const { text } = decodeText(bytes.bytes);
  return { file, uri, text, ...parseConfig(text) };
}
