import { collect, type Team } from '@dayone/sdk';
import type { Command } from 'commander';
import { println, type CliContext } from '../cli-context';
import { printJson, printTable } from '../output';
import { clientFor, withServerOptions, type ServerOptions } from '../server-options';

const PAGE_SIZE = 100;

export function registerTeamsCommands(program: Command, ctx: CliContext): void {
  const teams = program.command('teams').description('look at teams and their two-pizza fitness');

  withServerOptions(
    teams
      .command('list')
      .description('list every team with its size, leader and fitness findings')
      .option('--unfit', 'only teams with fitness findings (too big, no leader, leader of several)')
      .option('--json', 'print the teams as JSON'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ dayone teams list
  $ dayone teams list --unfit
  $ dayone teams list --json`,
    )
    .action(async (options: ServerOptions & { unfit?: boolean; json?: boolean }) => {
      const client = clientFor(options, ctx);
      const items = await collect(client.teams.iterate({ fitness: options.unfit ? 'unfit' : undefined, limit: PAGE_SIZE }));
      if (options.json) return printJson(ctx.io, items);
      if (items.length === 0) return println(ctx.io.stdout, options.unfit ? 'No unfit teams.' : 'No teams.');
      printTable(
        ctx.io,
        ['NAME', 'MEMBERS', 'LEADER', 'FITNESS'],
        items.map((team) => [team.name, String(team.memberCount), team.leader?.name ?? '-', fitnessSummary(team)]),
      );
    });
}

export function fitnessSummary(team: Team): string {
  if (team.fitness.findings.length === 0) return 'fit';
  return team.fitness.findings.map((finding) => finding.message).join('; ');
}
