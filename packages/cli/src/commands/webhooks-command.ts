import { collect, type WebhookDelivery } from '@dayone/sdk';
import { Option, type Command } from 'commander';
import { println, type CliContext } from '../cli-context';
import { formatTime, printJson, printTable } from '../output';
import { clientFor, withServerOptions, type ServerOptions } from '../server-options';

const collectValues = (value: string, previous: string[] = []) => [...previous, value];

export function registerWebhooksCommands(program: Command, ctx: CliContext): void {
  const webhooks = program.command('webhooks').description('tell other systems when something happens (andon pulls, overdue action items)');

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

  withServerOptions(webhooks.command('delete').description('remove a webhook and its delivery log').argument('<id>', 'the webhook id')).action(
    async (id: string, options: ServerOptions) => {
      const client = clientFor(options, ctx);
      const current = await client.webhooks.get(id);
      await client.webhooks.remove(id, current.version);
      println(ctx.io.stdout, `Deleted webhook ${id} (${current.url}).`);
    },
  );
}
