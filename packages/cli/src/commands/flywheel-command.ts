import { readFile, stat } from 'node:fs/promises';
import { RawBody, withQuery } from '@dayone/sdk';
import type { Command } from 'commander';
import { println, type CliContext } from '../cli-context';
import { EXIT, ExitError, UsageError } from '../cli-errors';
import { printJson } from '../output';
import { clientFor, withServerOptions, type ServerOptions } from '../server-options';

/** What the server answers to an upload of weekly values. */
interface UploadResult {
  imported: number;
  created: number;
  replaced: number;
  unchanged: number;
  values: { metric: string; week: string; value: number; previous: number | null; outcome: 'created' | 'replaced' | 'unchanged' }[];
  rejected: { row: string; field: string | null; message: string }[];
}

async function readCsv(file: string): Promise<string> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(error.code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${error.message}`);
  });
  if (info.isDirectory()) throw new UsageError(`${file} is a folder; expected a CSV file`);
  return readFile(file, 'utf8');
}

export function registerFlywheelCommands(program: Command, ctx: CliContext): void {
  const flywheel = program.command('flywheel').description("a team's flywheel: its loop of metrics and their weekly values");

  withServerOptions(
    flywheel
      .command('upload')
      .description('upload weekly values from a CSV with the columns metric,week,value (week: the Monday, YYYY-MM-DD)')
      .argument('<team>', 'the team whose flywheel the values belong to')
      .argument('<file>', 'the CSV file')
      .option('--partial', 'import the good rows and report the bad ones (default: nothing is imported while any row is bad)')
      .option('--json', "print the server's answer as JSON"),
  )
    .addHelpText(
      'after',
      `
A metric and week already kept is replaced, and the output says so. Exit codes: 0 every row imported,
1 rows rejected (nothing imported, or with --partial only the good ones), 2 server unreachable or misuse.

Examples:
  $ dayone flywheel upload marketplace weeks.csv
  $ dayone flywheel upload marketplace weeks.csv --partial`,
    )
    .action(async (team: string, file: string, options: ServerOptions & { partial?: boolean; json?: boolean }) => {
      const text = await readCsv(file);
      const path = withQuery(`/api/v1/teams/${encodeURIComponent(team)}/flywheel/values`, { partial: options.partial ? 'true' : undefined });
      const result = await clientFor(options, ctx).request<UploadResult>('POST', path, new RawBody(text, 'text/csv'));
      if (options.json) printJson(ctx.io, result);
      else {
        println(ctx.io.stdout, `Imported ${result.imported} value(s) into ${team}'s flywheel: ${result.created} new, ${result.replaced} replaced, ${result.unchanged} unchanged.`);
        for (const v of result.values.filter((x) => x.outcome === 'replaced')) println(ctx.io.stdout, `  replaced ${v.metric} ${v.week}: ${v.previous} → ${v.value}`);
        if (result.rejected.length) {
          println(ctx.io.stderr, `Left out ${new Set(result.rejected.map((r) => r.row)).size} bad row(s):`);
          for (const r of result.rejected) println(ctx.io.stderr, `  ${r.row}${r.field ? ` (${r.field})` : ''}: ${r.message}`);
        }
      }
      if (result.rejected.length) throw new ExitError(EXIT.failed);
    });
}
