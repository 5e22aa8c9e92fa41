/** Command dispatch for the `govreport` CLI. */
import { type Locale, pickLocale } from '../core';
import { choice, parseArgs } from './args';
import { UsageError } from './files';
import { checkCommand } from './checkCommand';
import { fixCommand } from './fixCommand';
import { importCommand } from './importCommand';
import { renderCommand } from './renderCommand';

export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  summary: string;
  usage: string;
  valued: string[];
  booleans: string[];
  run(args: ReturnType<typeof parseArgs>, io: Io, locale: Locale): Promise<number> | number;
}

const COMMANDS: Record<string, Command> = {
  check: checkCommand,
  fix: fixCommand,
  import: importCommand,
  render: renderCommand,
};

function help(): string {
  const lines = ['usage: govreport <command> [options] FILE...', '', 'commands:'];
  for (const [name, c] of Object.entries(COMMANDS))
    lines.push(`  ${name.padEnd(8)}${c.summary}`, `          ${c.usage}`);
  lines.push(
    '',
    'common options:',
    '  --locale zh-CN|en   language of messages (default from LANG/LC_ALL)',
    '  --help              this text',
  );
  return lines.join('\n') + '\n';
}

export function envLocale(env: NodeJS.ProcessEnv): Locale {
  return pickLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(help());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`govreport: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  try {
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`${command.summary}\nusage: ${command.usage}\n`);
      return 0;
    }
    const args = parseArgs(rest, ['--locale', ...command.valued], command.booleans);
    const locale = choice(args, '--locale', ['zh-CN', 'en'] as const, envLocale(io.env));
    return await command.run(args, io, locale);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`govreport ${name}: ${e.message}\nusage: ${command.usage}\n`);
      return 2;
    }
    throw e;
  }
}

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';
