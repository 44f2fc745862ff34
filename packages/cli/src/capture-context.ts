import type { CliContext } from './cli-context';
import { runCli } from './run-cli';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `dayone argv` in-process with captured output and the given environment. */
export async function runCaptured(
  argv: string[],
  env: Record<string, string | undefined> = {},
  overrides: Partial<Omit<CliContext, 'io'>> = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = {
    io: { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), env },
    loadServer: () => Promise.reject(new Error('no server in this test')),
    onSignal: () => undefined,
    exit: (code) => {
      throw new Error(`unexpected exit(${code})`);
    },
    ...overrides,
  };
  const code = await runCli(argv, ctx);
  return { code, stdout, stderr };
}
