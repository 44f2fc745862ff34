import { writeFile } from 'node:fs/promises';
import { collect, paginate, type DayOneClient } from '@dayone/sdk';
import { Option, type Command } from 'commander';
import { println, type CliContext } from '../cli-context';
import { formatTime, printJson, printTable } from '../output';
import { clientFor, withServerOptions, type ServerOptions } from '../server-options';

/** The parts of the API's answers these commands print (the full shapes: GET /api/openapi.json). */
type Page<T> = { items: T[]; nextCursor: string | null };
interface Prfaq { number: number; title: string; team: string; author: string; status: string; decision: 'yes' | 'no' | null; currentVersion: number }
interface PrfaqDecision {
  prfaq: number; title: string; door: 'two_way' | 'one_way'; state: string; outcome: 'yes' | 'no' | null; how: 'default' | 'decider' | null;
  decidedBy: string | null; decider: string | null; requestedAt: string; secondsToDecision: number | null; nos: unknown[];
}
interface Portfolio {
  bets: { number: number; title: string; probability: number; payoff: number; cost: number; expectedValue: number; longShot: boolean }[];
  totalCost: number; expectedReturn: number; expectedValue: number; advice: string | null;
}
const query = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  return q.size ? `?${q}` : '';
};
const all = <T>(client: DayOneClient, path: string, params: Record<string, string | undefined>) =>
  collect(paginate<T>((cursor) => client.request<Page<T>>('GET', `${path}${query({ ...params, cursor, limit: 100 })}`)));
const hours = (seconds: number | null) => (seconds === null ? '-' : seconds < 3600 ? `${Math.round(seconds / 60)}m` : `${(seconds / 3600).toFixed(1)}h`);

/** `dayone prfaq`: Working Backwards documents from the terminal: list, export, decisions log, bets. */
export function registerPrfaqCommands(program: Command, ctx: CliContext): void {
  const prfaq = program.command('prfaq').description('Working Backwards PR/FAQs: list, export as Markdown, the decisions log, the bold-bets portfolio');

  withServerOptions(
    prfaq
      .command('list')
      .description('PR/FAQs, newest first')
      .option('--team <team>', 'only this team’s')
      .addOption(new Option('--status <status>', 'only in this status').choices(['draft', 'in_review', 'decided', 'building', 'launched', 'shelved']))
      .option('--json', 'print them as JSON'),
  ).action(async (options: ServerOptions & { team?: string; status?: string; json?: boolean }) => {
    const items = await all<Prfaq>(clientFor(options, ctx), '/api/v1/prfaqs', { team: options.team, status: options.status });
    if (options.json) return printJson(ctx.io, items);
    if (items.length === 0) return println(ctx.io.stdout, 'No PR/FAQs.');
    printTable(ctx.io, ['NUMBER', 'STATUS', 'TEAM', 'AUTHOR', 'VERSION', 'TITLE'], items.map((p) => [String(p.number), p.decision ? `${p.status} (${p.decision})` : p.status, p.team, p.author, String(p.currentVersion), p.title]));
  });

  withServerOptions(
    prfaq
      .command('export')
      .description('a PR/FAQ as Markdown (the current version, or --version)')
      .argument('<number>', 'the PR/FAQ number')
      .option('--version <v>', 'a saved version')
      .option('--out <file>', 'write to this file instead of standard output'),
  )
    .addHelpText('after', '\nExamples:\n  $ dayone prfaq export 12 --out ledger.md\n  $ dayone prfaq export 12 --version 3')
    .action(async (number: string, options: ServerOptions & { version?: string; out?: string }) => {
      const text = await clientFor(options, ctx).request<string>('GET', `/api/v1/prfaqs/${encodeURIComponent(number)}/markdown${query({ version: options.version })}`);
      if (!options.out) return ctx.io.stdout(text);
      await writeFile(options.out, text);
      println(ctx.io.stdout, `Wrote PR/FAQ ${number} to ${options.out}.`);
    });

  withServerOptions(
    prfaq
      .command('decisions')
      .description('the decisions log: who decided what, when, why, and the nos with their reasons')
      .option('--team <team>', 'only this team’s')
      .addOption(new Option('--outcome <outcome>', 'only yes or only no').choices(['yes', 'no']))
      .option('--json', 'print them as JSON'),
  ).action(async (options: ServerOptions & { team?: string; outcome?: string; json?: boolean }) => {
    const items = await all<PrfaqDecision>(clientFor(options, ctx), '/api/v1/prfaqs/decisions', { team: options.team, outcome: options.outcome });
    if (options.json) return printJson(ctx.io, items);
    if (items.length === 0) return println(ctx.io.stdout, 'No decisions yet.');
    printTable(
      ctx.io,
      ['PRFAQ', 'DOOR', 'STATE', 'OUTCOME', 'BY', 'ASKED', 'TOOK', 'NOS', 'TITLE'],
      items.map((d) => [String(d.prfaq), d.door === 'two_way' ? 'two-way' : 'one-way', d.state, d.outcome ?? '-', d.how === 'default' ? '(default)' : (d.decidedBy ?? d.decider ?? '-'), formatTime(d.requestedAt), hours(d.secondsToDecision), String(d.nos.length), d.title]),
    );
  });

  withServerOptions(
    prfaq
      .command('portfolio')
      .description('the bold bets in play: expected value of each and of the whole; says when there is no long shot')
      .option('--team <team>', 'only this team’s')
      .option('--json', 'print it as JSON'),
  ).action(async (options: ServerOptions & { team?: string; json?: boolean }) => {
    const p = await clientFor(options, ctx).request<Portfolio>('GET', `/api/v1/prfaqs/portfolio${query({ team: options.team })}`);
    if (options.json) return printJson(ctx.io, p);
    if (p.bets.length === 0) return println(ctx.io.stdout, 'No bets: add an estimate to a PR/FAQ (probability, payoff, cost).');
    printTable(ctx.io, ['PRFAQ', 'PROBABILITY', 'PAYOFF', 'COST', 'EXPECTED VALUE', 'LONG SHOT', 'TITLE'], p.bets.map((b) => [String(b.number), String(b.probability), `${b.payoff}x`, String(b.cost), String(b.expectedValue), b.longShot ? 'yes' : '', b.title]));
    println(ctx.io.stdout, `Total cost ${p.totalCost}, expected return ${p.expectedReturn}, expected value ${p.expectedValue}.`);
    if (p.advice) println(ctx.io.stdout, p.advice);
  });
}
