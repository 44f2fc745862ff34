import { DayOneError, type AndonPull, type DayOneClient, type PullTarget } from '@dayone/sdk';
import { Option, type Command } from 'commander';
import { describeStops, describeTarget, formatDuration, parseEnvironment, parseMinutes, parseSeverity, since } from '../andon-format';
import { println, type CliContext } from '../cli-context';
import { UsageError } from '../cli-errors';
import { formatTime, printJson, printTable } from '../output';
import { clientFor, withServerOptions, type ServerOptions } from '../server-options';

interface JsonOption {
  json?: boolean;
}

interface PullOptions extends ServerOptions, JsonOption {
  reason: string;
  env?: string;
  severity?: number;
  system?: boolean;
  team?: boolean;
  organisation?: boolean;
}

const PAGE_SIZE = 100;
const ID_HELP = 'the pull id, or its number (12 or #12)';

export function registerAndonCommands(program: Command, ctx: CliContext): void {
  const andon = program
    .command('andon')
    .description('pull the andon cord to stop deploys, and release it')
    .addHelpText(
      'after',
      `
Anyone may pull the cord; the owning team (or an admin) acknowledges, overrides and resolves it.
Deploy pipelines ask \`dayone gate check SERVICE\` whether they may go ahead.

Examples:
  $ dayone andon pull checkout --reason "Orders are charged twice" --env production --severity 2
  $ dayone andon list
  $ dayone andon resolve 12 --note "Rolled back to 4.1.2"`,
    );

  withServerOptions(
    andon
      .command('pull')
      .description('pull the cord: stop deploys of a service (or a system, a team, everything)')
      .argument('[name]', 'the service; with --system or --team the system or team; none with --organisation')
      .requiredOption('--reason <text>', 'why the line stops (shown to everyone and at every closed gate)')
      .option('--env <environment>', 'stop deploys to this environment only (default: every environment)', parseEnvironment)
      .option('--severity <n>', '1 (worst) to 4 (default: 3)', parseSeverity)
      .addOption(new Option('--system', 'NAME is a system: stop every service in it').conflicts(['team', 'organisation']))
      .addOption(new Option('--team', "NAME is a team: stop every service it owns").conflicts(['organisation']))
      .option('--organisation', 'stop every deploy in the organisation (no NAME)')
      .option('--json', 'print the pull as JSON'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ dayone andon pull checkout --reason "Orders are charged twice" --env production --severity 2
  $ dayone andon pull shop --system --reason "Shared database is failing over"
  $ dayone andon pull --organisation --reason "Payment provider outage" --severity 1`,
    )
    .action(async (name: string | undefined, options: PullOptions) => {
      const target = pullTarget(name, options);
      const reason = options.reason.trim();
      if (reason === '') throw new UsageError('--reason must say why the line stops');
      const client = clientFor(options, ctx);
      const pull = await client.andon.pull({ target, reason, severity: options.severity, environment: options.env });
      if (options.json) return printJson(ctx.io, pull);
      println(ctx.io.stdout, `Pulled andon cord #${pull.number} (id ${pull.id}).`);
      println(ctx.io.stdout, `Stops ${describeStops(pull.target, pull.environment)}.`);
      println(ctx.io.stdout, `Severity ${pull.severity}; reason: ${pull.reason}`);
      const releasers = pull.ownerTeam ? `members of ${pull.ownerTeam} (the owning team) or admins` : 'admins (no team owns the target)';
      println(ctx.io.stdout, `Released by ${releasers}: dayone andon resolve ${pull.number} --note "what fixed it"`);
    });

  withServerOptions(
    andon
      .command('list')
      .description('list andon pulls, newest first')
      .addOption(new Option('--status <status>', 'which pulls').choices(['open', 'resolved', 'all']).default('open'))
      .option('--team <team>', 'only pulls owned by this team')
      .option('--service <service>', 'only pulls on this service (name, namespace/name or reference)')
      .option('--json', 'print the pulls as JSON'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ dayone andon list
  $ dayone andon list --status all --team payments
  $ dayone andon list --json`,
    )
    .action(async (options: ServerOptions & JsonOption & { status: 'open' | 'resolved' | 'all'; team?: string; service?: string }) => {
      const client = clientFor(options, ctx);
      const pulls: AndonPull[] = [];
      const query = { status: options.status, team: options.team, service: serviceRef(options.service), limit: PAGE_SIZE };
      for await (const pull of client.andon.iterate(query)) pulls.push(pull);
      if (options.json) return printJson(ctx.io, pulls);
      if (pulls.length === 0) {
        return println(ctx.io.stdout, options.status === 'open' ? 'No open andon pulls: every line is running.' : 'No andon pulls.');
      }
      const now = Date.now();
      printTable(
        ctx.io,
        ['#', 'SEV', 'STATUS', 'TARGET', 'ENV', 'OWNER', 'PULLED BY', 'PULLED', 'REASON'],
        pulls.map((p) => [
          String(p.number),
          String(p.severity),
          p.status,
          describeTarget(p.target),
          p.environment ?? 'all',
          p.ownerTeam ?? '-',
          p.pulledBy,
          p.status === 'resolved' ? formatTime(p.pulledAt) : `${formatDuration(now - Date.parse(p.pulledAt))} ago`,
          shorten(p.reason, 60),
        ]),
      );
    });

  withServerOptions(
    andon
      .command('ack')
      .description('acknowledge a pull: the owning team is on it (owning team or admins)')
      .argument('<id>', ID_HELP)
      .option('--json', 'print the pull as JSON'),
  )
    .addHelpText('after', '\nExamples:\n  $ dayone andon ack 12')
    .action(async (id: string, options: ServerOptions & JsonOption) => {
      const client = clientFor(options, ctx);
      const pull = await client.andon.acknowledge(await pullId(client, id));
      if (options.json) return printJson(ctx.io, pull);
      const after = pull.secondsToAcknowledge === null ? '' : ` after ${formatDuration(pull.secondsToAcknowledge * 1000)}`;
      println(ctx.io.stdout, `Acknowledged andon pull #${pull.number}${after}. Deploys stay stopped until it is resolved.`);
    });

  withServerOptions(
    andon
      .command('resolve')
      .description('resolve a pull with a note; the gates it closed open again (owning team or admins)')
      .argument('<id>', ID_HELP)
      .requiredOption('--note <text>', 'what fixed it')
      .option('--json', 'print the pull as JSON'),
  )
    .addHelpText('after', '\nExamples:\n  $ dayone andon resolve 12 --note "Rolled back to 4.1.2"')
    .action(async (id: string, options: ServerOptions & JsonOption & { note: string }) => {
      if (options.note.trim() === '') throw new UsageError('--note must say what fixed it');
      const client = clientFor(options, ctx);
      const pull = await client.andon.resolve(await pullId(client, id), options.note.trim());
      if (options.json) return printJson(ctx.io, pull);
      const after = pull.secondsToResolve === null ? '' : ` after ${formatDuration(pull.secondsToResolve * 1000)}`;
      println(ctx.io.stdout, `Resolved andon pull #${pull.number}${after}; ${describeStops(pull.target, pull.environment)} may go ahead again.`);
    });

  withServerOptions(
    andon
      .command('override')
      .description('let deploys through despite a pull, for a while, with a reason (owning team or admins)')
      .argument('<id>', ID_HELP)
      .requiredOption('--reason <text>', 'why deploying is safe (shown to everyone)')
      .option('--minutes <n>', 'how long the override lasts, 1 to 1440', parseMinutes, 60)
      .option('--json', 'print the pull as JSON'),
  )
    .addHelpText('after', '\nExamples:\n  $ dayone andon override 12 --reason "Deploying the fix" --minutes 30')
    .action(async (id: string, options: ServerOptions & JsonOption & { reason: string; minutes: number }) => {
      if (options.reason.trim() === '') throw new UsageError('--reason must say why deploying is safe');
      const client = clientFor(options, ctx);
      const pull = await client.andon.override(await pullId(client, id), { reason: options.reason.trim(), minutes: options.minutes });
      if (options.json) return printJson(ctx.io, pull);
      const latest = pull.overrides.at(-1);
      const until = latest ? ` until ${formatTime(latest.expiresAt)}` : ` for ${options.minutes} min`;
      println(ctx.io.stdout, `Overrode andon pull #${pull.number}${until}: ${describeStops(pull.target, pull.environment)} may go ahead meanwhile.`);
    });

  withServerOptions(
    andon
      .command('comment')
      .description("add a comment to a pull's timeline")
      .argument('<id>', ID_HELP)
      .requiredOption('--body <text>', 'the comment')
      .option('--json', 'print the pull as JSON'),
  )
    .addHelpText('after', '\nExamples:\n  $ dayone andon comment 12 --body "Rollback started"')
    .action(async (id: string, options: ServerOptions & JsonOption & { body: string }) => {
      if (options.body.trim() === '') throw new UsageError('--body must not be empty');
      const client = clientFor(options, ctx);
      const pull = await client.andon.comment(await pullId(client, id), options.body.trim());
      if (options.json) return printJson(ctx.io, pull);
      println(ctx.io.stdout, `Commented on andon pull #${pull.number} (${pull.status}, pulled ${since(pull.pulledAt)}).`);
    });
}

function pullTarget(name: string | undefined, options: PullOptions): PullTarget {
  if (options.organisation) {
    if (name !== undefined) throw new UsageError(`--organisation stops everything and takes no name (got "${name}")`);
    return { kind: 'organisation' };
  }
  const kind = options.system ? 'system' : options.team ? 'team' : 'service';
  if (name === undefined || name.trim() === '') {
    throw new UsageError(`missing the ${kind} to stop: dayone andon pull ${kind === 'service' ? 'SERVICE' : `NAME --${kind}`} --reason "…"`);
  }
  return { kind, name: name.trim() };
}

/** The list filter takes a full reference; accept the names people type too. */
function serviceRef(service: string | undefined): string | undefined {
  if (service === undefined) return undefined;
  const text = service.trim().toLowerCase();
  if (text.includes(':')) return text;
  return text.includes('/') ? `component:${text}` : `component:default/${text}`;
}

/** An id as given, or the id of pull number N ("12" or "#12"), found among all pulls. */
async function pullId(client: DayOneClient, text: string): Promise<string> {
  const match = /^#?(\d+)$/.exec(text.trim());
  if (!match) return text;
  const number = Number(match[1]);
  for await (const pull of client.andon.iterate({ status: 'all', limit: PAGE_SIZE })) {
    if (pull.number === number) return pull.id;
    if (pull.number < number) break; // newest first: it is not there
  }
  throw new DayOneError({ status: 404, code: 'ANDON_PULL_NOT_FOUND', detail: `No andon pull has number ${number}.`, requestUrl: '' });
}

function shorten(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
