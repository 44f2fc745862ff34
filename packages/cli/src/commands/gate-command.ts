import { DayOneError, DayOneUnavailableError, type Gate, type ReconnectInfo } from '@dayone/sdk';
import type { Command } from 'commander';
import { formatDuration, gateName, gatePullLines, overrideLines, parseDuration, parseEnvironment, plural } from '../andon-format';
import { println, type CliContext } from '../cli-context';
import { EXIT, ExitError, reportError, withNote } from '../cli-errors';
import { formatTime, printJson } from '../output';
import { clientFor, withServerOptions, type ServerOptions } from '../server-options';

interface CheckOptions extends ServerOptions {
  env?: string;
  failOpen?: boolean;
  json?: boolean;
}

interface WaitOptions extends ServerOptions {
  env?: string;
  timeout: number;
}

const DEFAULT_TIMEOUT = '30m';
/** While reconnecting, say so on the first attempt and then every this many attempts. */
const RECONNECT_REPORT_EVERY = 20;

export function registerGateCommands(program: Command, ctx: CliContext): void {
  const gate = program
    .command('gate')
    .description('ask whether a service may be deployed (closed while an andon pull covers it)')
    .addHelpText(
      'after',
      `
Examples:
  $ dayone gate check checkout --env production && ./deploy.sh
  $ dayone gate wait checkout --env production --timeout 45m && ./deploy.sh`,
    );

  withServerOptions(
    gate
      .command('check')
      .description('exit 0 if the gate of SERVICE is open, 1 if an andon pull closes it')
      .argument('<service>', 'the service: name, namespace/name or reference (component:default/checkout)')
      .option('--env <environment>', 'the environment being deployed to (default: pulls in any environment count)', parseEnvironment)
      .option('--fail-open', 'when the server cannot answer, warn and exit 0 instead of 2')
      .option('--json', 'print the gate as JSON (exit code unchanged)'),
  )
    .addHelpText(
      'after',
      `
Exit codes:
  0  open: no pull covers the service (or every pull is overridden for now)
  1  closed: each pull is listed with who pulled it, why, its severity and since when
  2  the server cannot answer (unreachable, 5xx, unknown service): counts as closed,
     unless --fail-open, which warns and exits 0; also a refused token or a misused command

Examples:
  $ dayone gate check checkout --env production
  $ dayone gate check checkout --env production --fail-open
  $ dayone gate check checkout --json | jq .pulls`,
    )
    .action(async (service: string, options: CheckOptions) => {
      const client = clientFor(options, ctx);
      let answer: Gate;
      try {
        answer = await client.gates.check(service, { environment: options.env });
      } catch (error) {
        throw cannotCheck(error, service, options, ctx);
      }
      if (options.json) printJson(ctx.io, answer);
      else printGate(ctx, answer);
      if (answer.stale) warnStale(ctx);
      if (!answer.open) throw new ExitError(EXIT.failed);
    });

  withServerOptions(
    gate
      .command('wait')
      .description('block until the gate of SERVICE opens (exit 0), or the timeout passes (exit 1)')
      .argument('<service>', 'the service: name, namespace/name or reference (component:default/checkout)')
      .option('--env <environment>', 'the environment being deployed to (default: pulls in any environment count)', parseEnvironment)
      .option('--timeout <duration>', `how long to wait, e.g. 90s, 30m, 2h (default: ${DEFAULT_TIMEOUT})`, parseDuration, parseDuration(DEFAULT_TIMEOUT)),
  )
    .addHelpText(
      'after',
      `
Listens to the server's gate event stream, so it reacts the moment the pull is resolved or
overridden. A dropped stream is reopened (after the server's retry hint) until the timeout.

Exit codes:
  0  the gate is open (at once, or when it opened)
  1  the timeout passed and the gate is still closed
  2  the stream could not be opened (unreachable, unknown service, refused token)

Examples:
  $ dayone gate wait checkout --env production
  $ dayone gate wait checkout --env production --timeout 2h && ./deploy.sh`,
    )
    .action(async (service: string, options: WaitOptions) => {
      await waitForGate(service, options, ctx);
    });
}

function printGate(ctx: CliContext, gate: Gate): void {
  const out = (line: string) => println(ctx.io.stdout, line);
  if (gate.open) {
    out(`Gate OPEN: ${gateName(gate)}.`);
    if (gate.overrides.length > 0) {
      out(`Open by ${plural(gate.overrides.length, 'override')} of andon pulls:`);
      overrideLines(gate).forEach(out);
    }
    return;
  }
  out(`Gate CLOSED: ${gateName(gate)}: ${plural(gate.pulls.length, 'andon pull')} ${gate.pulls.length === 1 ? 'stops' : 'stop'} deploys.`);
  const now = Date.now();
  for (const pull of gate.pulls) gatePullLines(pull, now).forEach(out);
  if (gate.overrides.length > 0) {
    out('Overridden for now:');
    overrideLines(gate, now).forEach(out);
  }
  out('The owning team resolves a pull (dayone andon resolve N --note "…") or overrides it (dayone andon override N --reason "…").');
}

function warnStale(ctx: CliContext): void {
  println(
    ctx.io.stderr,
    'warning: the server says this answer may be stale (it lost its change notices for a moment); a very recent pull or release may be missing.',
  );
}

/** The server could not answer: down, failing, or not knowing the service (or the gates API). */
function cannotAnswer(error: unknown): boolean {
  if (error instanceof DayOneUnavailableError) return true;
  return error instanceof DayOneError && (error.status >= 500 || error.status === 404);
}

/** Reports a failed check and returns what to throw: exit 2, or exit 0 with --fail-open. */
function cannotCheck(error: unknown, service: string, options: CheckOptions, ctx: CliContext): unknown {
  if (!cannotAnswer(error)) {
    // The server answered and refused (a bad token, a bad request): fix the call; --fail-open does not cover it.
    reportError(withNote(error, `note: the gate of ${service} was not checked; --fail-open does not cover a refusal.`), ctx.io);
    return new ExitError(EXIT.unreachableOrMisuse);
  }
  const level = options.failOpen ? 'warning' : 'error';
  const what = error instanceof DayOneError ? `${error.detail} (${error.code}, HTTP ${error.status})` : (error as Error).message;
  println(ctx.io.stderr, `${level}: ${what}`);
  if (error instanceof DayOneError && error.status === 404) {
    println(ctx.io.stderr, 'hint: check the name, or register the service in the catalog (dayone import backstage).');
  }
  if (options.failOpen) {
    println(ctx.io.stderr, `warning: could not check the gate of ${service}; --fail-open lets the deploy go ahead unchecked.`);
    return new ExitError(EXIT.ok);
  }
  println(ctx.io.stderr, `The gate of ${service} counts as CLOSED: the server could not answer. (--fail-open lets deploys through when it cannot.)`);
  return new ExitError(EXIT.unreachableOrMisuse);
}

class WaitTimeout extends Error {
  override readonly name = 'WaitTimeout';
}

async function waitForGate(service: string, options: WaitOptions, ctx: CliContext): Promise<void> {
  const client = clientFor(options, ctx);
  const err = (line: string) => println(ctx.io.stderr, line);
  const started = Date.now();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new WaitTimeout()), options.timeout);
  let last: Gate | undefined;
  let lostSince: number | undefined;

  const onReconnect = ({ attempt, delayMs, error }: ReconnectInfo) => {
    lostSince ??= Date.now();
    const why = error instanceof Error ? error.message : 'the server closed it';
    if (attempt === 1) err(`warning: the gate stream dropped (${why}); reconnecting every ${delayMs < 1000 ? `${delayMs}ms` : formatDuration(delayMs)}…`);
    else if (attempt % RECONNECT_REPORT_EVERY === 0) err(`warning: still reconnecting (attempt ${attempt}): ${why}`);
  };

  try {
    for await (const event of client.gates.stream(service, { environment: options.env, signal: deadline.signal, onReconnect })) {
      if (lostSince !== undefined) {
        err(`Reconnected to the gate stream after ${formatDuration(Date.now() - lostSince)}.`);
        lostSince = undefined;
      }
      if (event.event !== 'gate') continue; // heartbeats
      const gate = parseGate(event.data);
      if (!gate) {
        err('warning: ignored a gate event that is not valid gate JSON');
        continue;
      }
      if (gate.open) {
        const waited = Date.now() - started;
        if (last === undefined) println(ctx.io.stdout, `Gate OPEN: ${gateName(gate)}.`);
        else println(ctx.io.stdout, `Gate OPEN: ${gateName(gate)} opened at ${formatTime(new Date().toISOString())} after ${formatDuration(waited)}.`);
        if (gate.overrides.length > 0) overrideLines(gate).forEach((line) => println(ctx.io.stdout, line));
        if (gate.stale) warnStale(ctx);
        return;
      }
      if (last === undefined) {
        err(`Gate CLOSED: ${gateName(gate)}; waiting up to ${formatDuration(options.timeout)} for it to open.`);
        gate.pulls.forEach((pull) => gatePullLines(pull).forEach(err));
        if (gate.stale) warnStale(ctx);
      } else {
        err(`Still closed: ${plural(gate.pulls.length, 'andon pull')} (${gate.pulls.map((p) => `#${p.number}`).join(', ')}).`);
      }
      last = gate;
    }
    throw new DayOneUnavailableError(service, 'the gate stream ended');
  } catch (error) {
    if (!deadline.signal.aborted) {
      // The stream could not be opened (or was refused after a reconnect): the wait cannot go on.
      reportError(error, ctx.io);
      throw new ExitError(EXIT.unreachableOrMisuse);
    }
    if (last === undefined) {
      err(`error: no answer about the gate of ${service} within ${formatDuration(options.timeout)}.`);
      throw new ExitError(EXIT.unreachableOrMisuse);
    }
    println(ctx.io.stdout, `Gate still CLOSED after ${formatDuration(options.timeout)}: ${gateName(last)}.`);
    for (const pull of last.pulls) gatePullLines(pull).forEach((line) => println(ctx.io.stdout, line));
    if (lostSince !== undefined) {
      println(ctx.io.stdout, `(Last state seen before the stream dropped at ${formatTime(new Date(lostSince).toISOString())}.)`);
    }
    throw new ExitError(EXIT.failed);
  } finally {
    clearTimeout(timer);
  }
}

function parseGate(data: string): Gate | undefined {
  try {
    const value = JSON.parse(data) as Gate;
    return value && typeof value === 'object' && typeof value.open === 'boolean' && Array.isArray(value.pulls) ? value : undefined;
  } catch {
    return undefined;
  }
}
