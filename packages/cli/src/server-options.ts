import { createClient, type DayOneClient } from '@dayone/sdk';
import type { Command } from 'commander';
import type { CliContext } from './cli-context';
import { UsageError } from './cli-errors';

export const DEFAULT_URL = 'http://localhost:4000';

export interface ServerOptions {
  url?: string;
  token?: string;
}

/** Adds --url and --token to a command that talks to a Day One server. */
export function withServerOptions(command: Command): Command {
  return command
    .option('--url <url>', `Day One server URL (default: $DAYONE_URL or ${DEFAULT_URL})`)
    .option('--token <token>', 'API token (default: $DAYONE_TOKEN)');
}

/** The API client for a command's --url/--token, falling back to DAYONE_URL and DAYONE_TOKEN. */
export function clientFor(options: ServerOptions, ctx: CliContext): DayOneClient {
  const url = options.url ?? nonEmpty(ctx.io.env.DAYONE_URL) ?? DEFAULT_URL;
  const token = options.token ?? nonEmpty(ctx.io.env.DAYONE_TOKEN);
  try {
    return createClient({ url, token, fetch: ctx.fetch });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; expected e.g. ${DEFAULT_URL}`);
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
