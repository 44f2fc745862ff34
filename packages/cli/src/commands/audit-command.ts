import type { Command } from 'commander';
import { println, type CliContext } from '../cli-context';
import { EXIT, ExitError } from '../cli-errors';
import { printJson } from '../output';
import { clientFor, withServerOptions, type ServerOptions } from '../server-options';

export function registerAuditCommands(program: Command, ctx: CliContext): void {
  const audit = program.command('audit').description('check the tamper-evident audit log');

  withServerOptions(
    audit
      .command('verify')
      .description('re-compute the audit hash chain; exit 1 if an entry was altered or removed')
      .option('--json', 'print the verification result as JSON (exit code unchanged)'),
  )
    .addHelpText(
      'after',
      `
Exit codes: 0 the chain is intact, 1 it is broken, 2 the server could not be reached.

Examples:
  $ dayone audit verify
  $ dayone audit verify --url https://dayone.example.com --json`,
    )
    .action(async (options: ServerOptions & { json?: boolean }) => {
      const result = await clientFor(options, ctx).audit.verify();
      if (options.json) printJson(ctx.io, result);
      else if (result.ok) println(ctx.io.stdout, `audit chain intact: ${result.checked} entries checked`);
      else {
        const where = result.firstBad ? `at entry ${result.firstBad.seq}: ${result.firstBad.reason}` : '(no entry given)';
        println(ctx.io.stdout, `audit chain BROKEN ${where}`);
        println(ctx.io.stdout, `${result.checked} entries checked; entries from there on cannot be trusted.`);
      }
      if (!result.ok) throw new ExitError(EXIT.failed);
    });
}
