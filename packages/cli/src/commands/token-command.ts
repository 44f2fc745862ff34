import type { ApiToken, TokenScope } from '@dayone/sdk';
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
  $ dayone token create deploy-pipeline --scope gates:read --scope events:write --expires 30d
  $ dayone token list
  $ dayone token revoke 01J9Z6Q3W6Y3K0N5V8B2T4M7XA`,
    );

  withServerOptions(
    token
      .command('create')
      .description('create an API token and print its secret (shown only once)')
      .argument('<name>', 'a name that says where the token is used, e.g. "ci"')
      .option('--expires <when>', 'expiry: an ISO 8601 date-time (2030-01-01T00:00:00Z) or a time from now (90m, 12h, 30d, 2w)', parseExpiry)
      .option('--scope <scope>', `what the token may do; repeat for several (${SCOPES}; default: read and write)`, collectScopes)
      .option('--json', 'print the created token, secret included, as JSON'),
  )
    .addHelpText(
      'after',
      `
The secret goes to stdout on a line of its own and the notes to stderr, so
  $ export DAYONE_TOKEN=$(dayone token create ci)
captures just the secret.

Scopes: read (every GET), write (every other request), andon:pull (pull a cord),
gates:read (read deploy gates and their stream), events:write (send experiment
events), admin (admin routes; admins only). A pipeline that checks gates and
sends events needs only --scope gates:read --scope events:write.

Examples:
  $ dayone token create ci
  $ dayone token create nightly-import --expires 2030-01-01T00:00:00Z --json
  $ dayone token create deploy-pipeline --scope gates:read --scope events:write --expires 30d`,
    )
    .action(async (name: string, options: ServerOptions & JsonOption & { expires?: string; scope?: TokenScope[] }) => {
      const created = await clientFor(options, ctx).tokens.create({ name, expiresAt: options.expires, scopes: options.scope });
      if (options.json) return printJson(ctx.io, created);
      const expiry = created.expiresAt ? `expires ${formatTime(created.expiresAt)}` : 'never expires';
      println(ctx.io.stderr, `Created token "${created.name}" (id ${created.id}, scopes ${created.scopes.join(' ')}, ${expiry}). Its secret:`);
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
        ['ID', 'NAME', 'PREFIX', 'STATUS', 'SCOPES', 'CREATED', 'EXPIRES', 'LAST USED'],
        items.map((t) => [
          t.id,
          t.name,
          t.prefix,
          tokenStatus(t, now),
          t.scopes.join(','),
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

const SCOPES = 'read, write, andon:pull, gates:read, events:write, admin';
const collectScopes = (value: string, previous: TokenScope[] = []): TokenScope[] => [...previous, value as TokenScope];

const DURATION_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** Accepts a time from now (30d), any date-time with an explicit offset, or a plain date (read as UTC),
 *  and sends it as UTC. The server checks the scopes, so a typo there is answered naming the scope. */
export function parseExpiry(value: string, _previous?: string, now: () => number = Date.now): string {
  const duration = /^(\d{1,5})([mhdw])$/.exec(value);
  if (duration && Number(duration[1]) > 0) return new Date(now() + Number(duration[1]) * DURATION_MS[duration[2]]).toISOString();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(value);
  const time = Date.parse(value);
  if ((!dateOnly && !dateTime) || Number.isNaN(time)) {
    throw new InvalidArgumentError('expected a time from now such as 30d, 12h, 90m or 2w, or an ISO 8601 date-time with offset, e.g. 2030-01-01T00:00:00Z');
  }
  return new Date(time).toISOString();
}
