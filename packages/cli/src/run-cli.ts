import { buildProgram } from './build-program';
import type { CliContext } from './cli-context';
import { EXIT, reportError } from './cli-errors';

/** Runs `dayone` with `argv` (arguments only, without node and the script) and returns the exit code. */
export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  try {
    await buildProgram(ctx).parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return reportError(error, ctx.io);
  }
}
