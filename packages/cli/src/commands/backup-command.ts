import type { Command } from 'commander';
import { println, type CliContext } from '../cli-context';
import { databaseSettings, withDatabaseOptions, type DatabaseFlags } from '../database-options';
import { backupErrors } from '../backup-errors';
import { printJson } from '../output';

export function registerBackupCommand(program: Command, ctx: CliContext): void {
  withDatabaseOptions(
    program
      .command('backup')
      .description('write a consistent backup of the database, while the server runs or not')
      .argument('<file>', 'where to write the backup (gzipped NDJSON; conventionally *.dayone.gz)')
      .option('--json', 'print the summary as JSON'),
  )
    .addHelpText(
      'after',
      `
Uses the server's database settings: DAYONE_DATA_DIR, or DAYONE_DATABASE_URL and DAYONE_DATABASE_SCHEMA.
The file is written as FILE.partial and renamed when complete.

Exit codes: 0 written, 1 refused (no database there yet) or failed, 2 database unreachable or misuse.

Examples:
  $ dayone backup backups/dayone-$(date +%F).dayone.gz
  $ DAYONE_DATABASE_URL=postgres://dayone@db/dayone dayone backup nightly.dayone.gz --json`,
    )
    .action(async (file: string, options: DatabaseFlags & { json?: boolean }) => {
      const server = await ctx.loadServer();
      const summary = await backupErrors(() => server.backupInstance(databaseSettings(server, ctx, options), file));
      if (options.json) return printJson(ctx.io, summary);
      println(ctx.io.stdout, `Backed up ${summary.tables} tables, ${summary.rows} rows from ${summary.sourceDialect} to ${summary.file} (${summary.bytes} bytes).`);
      println(ctx.io.stdout, `Schema version: ${summary.schemaVersion.at(-1) ?? '(none)'} (${summary.schemaVersion.length} migrations).`);
    });
}
