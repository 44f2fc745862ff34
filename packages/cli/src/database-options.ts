import type { Command } from 'commander';
import type { CliContext, ServerConfig } from './cli-context';
import { UsageError } from './cli-errors';

export interface DatabaseFlags {
  dataDir?: string;
  databaseUrl?: string;
  databaseSchema?: string;
}

/** Adds the server's database flags to a command that opens the database itself (backup, restore). */
export function withDatabaseOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'folder of the embedded SQLite database (default: $DAYONE_DATA_DIR or ./data)')
    .option('--database-url <url>', 'PostgreSQL URL instead of SQLite (default: $DAYONE_DATABASE_URL)')
    .option('--database-schema <name>', 'PostgreSQL schema (default: $DAYONE_DATABASE_SCHEMA or public)');
}

/** The database settings the server would use, from the environment, with the flags on top. */
export function databaseSettings(server: { loadConfig(env: Record<string, string | undefined>): ServerConfig }, ctx: CliContext, flags: DatabaseFlags) {
  let config: ServerConfig;
  try {
    config = server.loadConfig(ctx.io.env);
  } catch (error) {
    throw new UsageError(`invalid server configuration in the environment: ${(error as Error).message}`);
  }
  return {
    dataDir: flags.dataDir ?? config.dataDir,
    databaseUrl: flags.databaseUrl ?? config.databaseUrl,
    databaseSchema: flags.databaseSchema ?? config.databaseSchema,
  };
}
