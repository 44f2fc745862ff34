import { createRequire } from 'node:module';
import { Command } from 'commander';
import type { CliContext } from './cli-context';
import { registerAndonCommands } from './commands/andon-command';
import { registerAuditCommands } from './commands/audit-command';
import { registerBackupCommand } from './commands/backup-command';
import { registerEventsCommands } from './commands/events-command';
import { registerFlywheelCommands } from './commands/flywheel-command';
import { registerGateCommands } from './commands/gate-command';
import { registerImportCommands } from './commands/import-command';
import { registerPrfaqCommands } from './commands/prfaq-command';
import { registerPrfaqLintCommand } from './commands/prfaq-lint-command';
import { registerRestoreCommand } from './commands/restore-command';
import { registerServeCommand } from './commands/serve-command';
import { registerTeamsCommands } from './commands/teams-command';
import { registerTokenCommands } from './commands/token-command';
import { registerWebhooksCommands } from './commands/webhooks-command';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** The whole `dayone` command tree. Errors surface as thrown exceptions (see runCli). */
export function buildProgram(ctx: CliContext): Command {
  const program: Command = new Command('dayone')
    .description("Day One: Amazon's innovation mechanisms, self-hosted")
    .version(version, '-V, --version')
    // Settings below are inherited by every subcommand created with .command() afterwards.
    .exitOverride()
    .configureOutput({ writeOut: (text) => ctx.io.stdout(text), writeErr: (text) => ctx.io.stderr(text) })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', () => `\nAll commands:\n${leafCommands(program).map((usage) => `  ${usage}`).join('\n')}`)
    .addHelpText(
      'after',
      `
Environment:
  DAYONE_URL    server URL for commands that talk to a server (default http://localhost:4000)
  DAYONE_TOKEN  API token for those commands

Exit codes: 0 ok, 1 refused by the server, a failed check, a rejected import or event,
2 server unreachable or misuse.

Examples:
  $ dayone serve --port 4000
  $ export DAYONE_TOKEN=$(dayone token create laptop --token "$DAYONE_ADMIN_TOKEN")
  $ dayone teams list --unfit
  $ dayone audit verify
  $ dayone import backstage ./catalog
  $ dayone gate check checkout --env production
  $ dayone events send events.ndjson`,
    );

  registerServeCommand(program, ctx);
  registerTokenCommands(program, ctx);
  registerTeamsCommands(program, ctx);
  registerAuditCommands(program, ctx);
  registerImportCommands(program, ctx);
  registerAndonCommands(program, ctx);
  registerGateCommands(program, ctx);
  registerEventsCommands(program, ctx);
  registerBackupCommand(program, ctx);
  registerRestoreCommand(program, ctx);
  registerWebhooksCommands(program, ctx);
  registerPrfaqCommands(program, ctx);
  registerPrfaqLintCommand(program, ctx);
  registerFlywheelCommands(program, ctx);
  return program;
}

/** "dayone token create [options] <name>" for every runnable command, for the overview in --help. */
function leafCommands(command: Command, prefix = ''): string[] {
  const path = `${prefix}${command.name()}`;
  const children = command.commands.filter((child) => child.name() !== 'help');
  if (children.length === 0) return [`${path} ${command.usage()}`.trimEnd()];
  return children.flatMap((child) => leafCommands(child, `${path} `));
}
