import { collect, type WebhookChanges, type WebhookDelivery } from '@dayone/sdk';
import { UsageError } from '../cli-errors';
import { Option, type Command } from 'commander';
import { println, type CliContext } from '../cli-context';
import { formatTime, printJson, printTable } from '../output';
import { clientFor, withServerOptions, type ServerOptions } from '../server-options';

const collectValues = (value: string, previous: string[] = []) => [...previous, value];

export function registerWebhooksCommands(program: Command, ctx: CliContext): void {
  const webhooks = program.command('webhooks').description('tell other systems when something happens (andon pulls, overdue action items, PR/FAQ reviews and decisions)');

  withServerOptions(
    webhooks
      .command('create')
      .description('register a webhook; prints its signing secret, shown this once')
      .argument('<endpoint>', 'where to POST each notice (an http or https URL)')
      .requiredOption('--event <type>', 'a notice type to receive, or * for all; repeat for several', collectValues)
      .option('--team <team>', 'only notices about this team (leave out for organisation-wide; admins only)')
      .addOption(new Option('--format <format>', 'signed JSON or a Slack message').choices(['json', 'slack']).default('json'))
      .option('--description <text>', 'a note for whoever finds it later')
      .option('--json', 'print the webhook (with its secret) as JSON'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ dayone webhooks create https://ci.example.com/hooks/dayone --team payments --event andon.pulled --event andon.resolved
  $ dayone webhooks create https://hooks.slack.com/services/T000/B000/XXXX --team payments --event '*' --format slack`,
    )
    .action(async (endpoint: string, options: ServerOptions & { event: string[]; team?: string; format: 'json' | 'slack'; description?: string; json?: boolean }) => {
      const created = await clientFor(options, ctx).webhooks.create({
        url: endpoint,
        events: options.event as never,
        team: options.team,
        format: options.format,
        ...(options.description ? { description: options.description } : {}),
      });
      if (options.json) return printJson(ctx.io, created);
      println(ctx.io.stdout, `Registered webhook ${created.id} for ${created.team ?? 'the whole organisation'}.`);
      println(ctx.io.stdout, `Signing secret (store it now, it is not shown again): ${created.secret}`);
    });

  withServerOptions(
    webhooks
      .command('list')
      .description('list the webhooks of your teams (admins: all)')
      .option('--team <team>', 'only this team’s webhooks')
      .option('--json', 'print them as JSON'),
  ).action(async (options: ServerOptions & { team?: string; json?: boolean }) => {
    const items = await collect(clientFor(options, ctx).webhooks.iterate({ team: options.team, limit: 100 }));
    if (options.json) return printJson(ctx.io, items);
    if (items.length === 0) return println(ctx.io.stdout, 'No webhooks.');
    printTable(
      ctx.io,
      ['ID', 'TEAM', 'FORMAT', 'ACTIVE', 'EVENTS', 'URL'],
      items.map((w) => [w.id, w.team ?? '(organisation)', w.format, w.active ? 'yes' : 'no', w.events.join(','), w.url]),
    );
  });

  withServerOptions(
    webhooks
      .command('deliveries')
      .description("a webhook's delivery log, newest first")
      .argument('<id>', 'the webhook id (see webhooks list)')
      .addOption(new Option('--status <status>', 'only these deliveries').choices(['pending', 'delivered', 'failed']))
      .option('--json', 'print them as JSON'),
  ).action(async (id: string, options: ServerOptions & { status?: WebhookDelivery['status']; json?: boolean }) => {
    const page = await clientFor(options, ctx).webhooks.deliveries(id, { status: options.status, limit: 100 });
    if (options.json) return printJson(ctx.io, page.items);
    if (page.items.length === 0) return println(ctx.io.stdout, 'No deliveries.');
    printTable(
      ctx.io,
      ['EVENT', 'STATUS', 'ATTEMPTS', 'LAST ANSWER', 'OCCURRED'],
      page.items.map((d) => [d.event, d.status, String(d.attempts), d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : (d.lastError ?? '-'), formatTime(d.occurredAt)]),
    );
  });

  withServerOptions(
    webhooks
      .command('update')
      .description('change a webhook: only what you name changes (read first, so a change made meanwhile is never overwritten)')
      .argument('<id>', 'the webhook id (see webhooks list)')
      .option('--endpoint <url>', 'a new address to POST to')
      .option('--event <type>', 'replace the notice types with these; repeat for several, * for all', collectValues)
      .option('--team <team>', 'move it to this team')
      .option('--organisation', 'make it organisation-wide (admins only)')
      .addOption(new Option('--format <format>', 'signed JSON or a Slack message').choices(['json', 'slack']))
      .option('--description <text>', 'a new note')
      .option('--active', 'switch it on')
      .option('--inactive', 'switch it off (nothing is sent until it is switched on again)')
      .option('--json', 'print the changed webhook as JSON'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ dayone webhooks update 5f0c… --inactive
  $ dayone webhooks update 5f0c… --event andon.pulled --event coe.action_item_overdue --format slack`,
    )
    .action(async (id: string, options: ServerOptions & { endpoint?: string; event?: string[]; team?: string; organisation?: boolean; format?: 'json' | 'slack'; description?: string; active?: boolean; inactive?: boolean; json?: boolean }) => {
      if (options.active && options.inactive) throw new UsageError('give --active or --inactive, not both');
      if (options.team && options.organisation) throw new UsageError('give --team or --organisation, not both');
      const changes: WebhookChanges = {
        ...(options.endpoint !== undefined ? { url: options.endpoint } : {}),
        ...(options.event ? { events: options.event as WebhookChanges['events'] } : {}),
        ...(options.team !== undefined ? { team: options.team } : options.organisation ? { team: null } : {}),
        ...(options.format ? { format: options.format } : {}),
        ...(options.description !== undefined ? { description: options.description } : {}),
        ...(options.active ? { active: true } : options.inactive ? { active: false } : {}),
      };
      if (Object.keys(changes).length === 0) throw new UsageError('name something to change: --endpoint, --event, --team, --organisation, --format, --description, --active or --inactive');
      const client = clientFor(options, ctx);
      const current = await client.webhooks.get(id);
      const changed = await client.webhooks.update(id, current.version, changes);
      if (options.json) return printJson(ctx.io, changed);
      println(ctx.io.stdout, `Updated webhook ${changed.id}: ${changed.active ? 'active' : 'switched off'}, ${changed.format}, ${changed.events.join(',')} for ${changed.team ?? 'the whole organisation'} → ${changed.url}`);
    });

  withServerOptions(webhooks.command('delete').description('remove a webhook and its delivery log').argument('<id>', 'the webhook id')).action(
    async (id: string, options: ServerOptions) => {
      const client = clientFor(options, ctx);
      const current = await client.webhooks.get(id);
      await client.webhooks.remove(id, current.version);
      println(ctx.io.stdout, `Deleted webhook ${id} (${current.url}).`);
    },
  );
}
