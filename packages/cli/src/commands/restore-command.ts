import type { Command } from 'commander';
import { println, type CliContext } from '../cli-context';
import { databaseSettings, withDatabaseOptions, type DatabaseFlags } from '../database-options';
import { backupErrors } from '../backup-errors';
import { printJson } from '../output';

export function registerRestoreCommand(program: Command, ctx: CliContext): void {
  withDatabaseOptions(
    program
      .command('restore')
      .description('load a backup into an empty database (SQLite or PostgreSQL, whichever the backup came from)')
      .argument('<file>', 'a file written by `dayone backup`')
      .option('--json', 'print the summary as JSON'),
  )
    .addHelpText(
      'after',
      `
Uses the server's database settings: DAYONE_DATA_DIR, or DAYONE_DATABASE_URL and DAYONE_DATABASE_SCHEMA.
The target must be empty (new, or only migrated); restore migrates it to the backup's schema version,
loads every row in one transaction, then runs any later migrations. The whole file is checked before
anything is written. Run it before the first server starts on the target, with no server running.

Exit codes: 0 restored, 1 refused (target not empty, damaged file, unsupported version, schema mismatch)
or failed, 2 database unreachable or misuse.

Examples:
  $ DAYONE_DATA_DIR=/var/lib/dayone-new dayone restore dayone.dayone.gz
  $ DAYONE_DATABASE_URL=postgres://dayone@db/dayone dayone restore dayone.dayone.gz`,
    )
    .action(async (file: string, options: DatabaseFlags & { json?: boolean }) => {
      const server = await ctx.loadServer();
      const summary = await backupErrors(() => server.restoreInstance(databaseSettings(server, ctx, options), file));
      if (options.json) return printJson(ctx.io, summary);
      println(ctx.io.stdout, `Restored ${summary.tables} tables, ${summary.rows} rows from a ${summary.sourceDialect} backup made ${summary.createdAt}.`);
      if (summary.migratedAfter.length > 0) println(ctx.io.stdout, `Then ran ${summary.migratedAfter.length} newer migrations: ${summary.migratedAfter.join(', ')}.`);
      println(ctx.io.stdout, 'Start the server with the same settings: dayone serve');
    });
}
