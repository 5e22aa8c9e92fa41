/**
 * The report files of folders, as the server sees the workspace: bounded walks (20,000
 * entries, 8 levels, no links followed, node_modules/out/dist and hidden folders left out,
 * files larger than any report not even listed). Shared by the search for last year's
 * report and the check of the whole workspace.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LIMITS } from '../core';

export interface FileEntry {
  file: string;
  uri: string;
  /** Modification time and size when the folders were walked. */
  stamp: string;
}

export const REPORT_FILE = /\.report\.ya?ml$/i;
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist']);
const MAX_ENTRIES = 20000;
const MAX_DEPTH = 8;

/** The report files under the folders, sorted by path (code point order). */
export function reportFiles(folders: readonly string[]): FileEntry[] {
  const files: FileEntry[] = [];
  let seen = 0;
  const walk = (dir: string, depth: number): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (++seen > MAX_ENTRIES) return;
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < MAX_DEPTH && !SKIP_DIRS.has(e.name)) walk(full, depth + 1);
      } else if (e.isFile() && REPORT_FILE.test(e.name)) {
        try {
          const stat = fs.statSync(full);
          // Larger than any report: not read at all (it may be there to exhaust memory).
          if (stat.size > LIMITS.reportBytes) continue;
          files.push({ file: full, uri: pathToFileURL(full).toString(), stamp: `${stat.mtimeMs}:${stat.size}` });
        } catch {
          // Gone since it was listed.
        }
      }
    }
  };
  for (const folder of folders) walk(folder, 0);
  // Code point order: any fixed order will do, and localeCompare's first call loads ICU's collator (about 5 ms of the first check in a folder).
  return files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
