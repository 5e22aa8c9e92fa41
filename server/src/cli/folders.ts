/** The files of folders named on the command line: for import (published reports) and check (report files). */
import * as fs from 'node:fs';
import * as path from 'node:path';

const MAX_FOLDER_FILES = 10_000;
const MAX_FOLDER_DEPTH = 8;

export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The files of a folder and its subfolders whose names match, in name order: at most
 * 10,000 and 8 levels deep, not following links, leaving out hidden files and folders and
 * node_modules.
 */
export function filesIn(dir: string, name: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (out.length >= MAX_FOLDER_FILES || e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory() && depth < MAX_FOLDER_DEPTH) walk(p, depth + 1);
      else if (e.isFile() && name.test(e.name)) out.push(p);
    }
  };
  walk(dir, 0);
  return out;
}
