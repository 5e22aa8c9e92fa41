/** A small, strict argument parser: flags with values, boolean flags, and files. */
import { UsageError } from './files';

export interface ParsedArgs {
  flags: Map<string, string | true>;
  files: string[];
}

/** `valued` flags take the next argument (or `--flag=value`); others are booleans. */
export function parseArgs(argv: string[], valued: string[], booleans: string[]): ParsedArgs {
  const flags = new Map<string, string | true>();
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      files.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (valued.includes(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      flags.set(name, value);
    } else if (booleans.includes(name) && eq < 0) {
      flags.set(name, true);
    } else {
      throw new UsageError(`unknown option ${name}`);
    }
  }
  return { flags, files };
}

export function choice<T extends string>(args: ParsedArgs, flag: string, allowed: readonly T[], fallback: T): T {
  const v = args.flags.get(flag);
  if (v === undefined) return fallback;
  if (v === true || !allowed.includes(v as T)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}`);
  return v as T;
}
