/** The command line run in process, its output captured. */
import { runCli } from '../../../server/src/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** A runner of `govreport` with the given locale (LANG), capturing what it prints. */
export function cliRunner(lang = 'zh_CN.UTF-8'): (...argv: string[]) => Promise<CliRun> {
  return async (...argv) => {
    let out = '';
    let err = '';
    const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), env: { LANG: lang } });
    return { code, out, err };
  };
}
