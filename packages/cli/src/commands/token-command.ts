import type { ApiToken } from '@dayone/sdk';
import { InvalidArgumentError, type Command } from 'commander';
import { println, type CliContext } from '../cli-context';
import { formatTime, printJson, printTable } from '../output';
import { clientFor, withServerOptions, type ServerOptions } from '../server-options';

interface JsonOption {
  json?: boolean;
}

export function registerTokenCommands(program: Command, ctx: CliContext): void {
  const token = program
    .command('token')
    .description('create, list and revoke API tokens for scripts and CI')
    .addHelpText(
      'after',
      `
Examples:
  $ dayone token create ci --expires 2030-01-01T00:00:00Z
  $ dayone token list
  $ dayone token revoke 01J9Z6Q3W6Y3K0N5V8B2T4M7XA`,
    );

  withServerOptions(
    token
      .command('create')
      .description('create an API token and print its secret (shown only once)')
      .argument('<name>', 'a name that says where the token is used, e.g. "ci"')
      .option('--expires <iso>', 'expiry as an ISO 8601 date-time, e.g. 2030-01-01T00:00:00Z', parseExpiry)
      .option('--json', 'print the created token, secret included, as JSON'),
  )
    .addHelpText(
      'after',
      `
The secret goes to stdout on a line of its own and the notes to stderr, so
  $ export DAYONE_TOKEN=$(dayone token create ci)
captures just the secret.

Examples:
  $ dayone token create ci
  $ dayone token create nightly-import --expires 2030-01-01T00:00:00Z --json`,
    )
    .action(async (name: string, options: ServerOptions & JsonOption & { expires?: string }) => {
      const created = await clientFor(options, ctx).tokens.create({ name, expiresAt: options.expires });
      if (options.json) return printJson(ctx.io, created);
      const expiry = created.expiresAt ? `expires ${formatTime(created.expiresAt)}` : 'never expires';
      println(ctx.io.stderr, `Created token "${created.name}" (id ${created.id}, ${expiry}). Its secret:`);
      println(ctx.io.stdout, created.token);
      println(ctx.io.stderr, 'Copy it now: it will not be shown again.');
    });

  withServerOptions(
    token
      .command('list')
      .description('list API tokens (secrets are never shown)')
      .option('--json', 'print the tokens as JSON'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ dayone token list
  $ dayone token list --json`,
    )
    .action(async (options: ServerOptions & JsonOption) => {
      const { items } = await clientFor(options, ctx).tokens.list();
      if (options.json) return printJson(ctx.io, items);
      if (items.length === 0) return println(ctx.io.stdout, 'No API tokens. Create one with `dayone token create NAME`.');
      const now = Date.now();
      printTable(
        ctx.io,
        ['ID', 'NAME', 'PREFIX', 'STATUS', 'CREATED', 'EXPIRES', 'LAST USED'],
        items.map((t) => [
          t.id,
          t.name,
          t.prefix,
          tokenStatus(t, now),
          formatTime(t.createdAt),
          formatTime(t.expiresAt),
          formatTime(t.lastUsedAt),
        ]),
      );
    });

  withServerOptions(
    token
      .command('revoke')
      .description('revoke an API token; requests made with it are refused from now on')
      .argument('<id>', 'the token id, as shown by `dayone token list`'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ dayone token revoke 01J9Z6Q3W6Y3K0N5V8B2T4M7XA`,
    )
    .action(async (id: string, options: ServerOptions) => {
      await clientFor(options, ctx).tokens.revoke(id);
      println(ctx.io.stdout, `Revoked token ${id}.`);
    });
}

export function tokenStatus(token: ApiToken, now: number): 'active' | 'revoked' | 'expired' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

/** Accepts any date-time with an explicit offset (or a plain date, read as UTC) and sends it as UTC. */
function parseExpiry(value: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(value);
  const time = Date.parse(value);
  if ((!dateOnly && !dateTime) || Number.isNaN(time)) {
    throw new InvalidArgumentError('expected an ISO 8601 date-time with offset, e.g. 2030-01-01T00:00:00Z');
  }
  return new Date(time).toISOString();
}
