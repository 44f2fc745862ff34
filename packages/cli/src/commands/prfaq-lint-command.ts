import { readFile } from 'node:fs/promises';
import { DayOneError } from '@dayone/sdk';
import type { Command } from 'commander';
import { println, type CliContext } from '../cli-context';
import { EXIT, UsageError, reportError, ExitError } from '../cli-errors';
import { formatTable, printJson } from '../output';
import { clientFor, withServerOptions, type ServerOptions } from '../server-options';

/** The parts of the coach's answer this command prints (the full shape: GET /api/openapi.json). */
interface LintAnswer {
  score: number;
  categories: { name: string; score: number; max: number; findings: number }[];
  findings: { rule: string; section: string; message: string; start: number; end: number }[];
}

/** `dayone prfaq lint FILE`: the writing coach's advice on a PR/FAQ kept in a JSON file. It advises and
 *  never blocks: it exits 0 whatever it finds, and 2 only when the file is not a document it can read. */
export function registerPrfaqLintCommand(program: Command, ctx: CliContext): void {
  const prfaq = program.commands.find((command) => command.name() === 'prfaq') ?? program.command('prfaq').description('Working Backwards PR/FAQs');
  withServerOptions(
    prfaq
      .command('lint')
      .description('coach a PR/FAQ written in a JSON file (the body of POST /api/v1/prfaqs/lint): score, categories and findings')
      .argument('<file>', 'the document as JSON: {"customer", "pressRelease": {…}, "externalFaq": […], "internalFaq": […]}')
      .option('--json', 'print the coach’s answer as JSON'),
  )
    .addHelpText(
      'after',
      `
Exit codes: 0 whatever the coach finds (it advises, never blocks); 2 when the file is missing, is not
JSON, or is not a PR/FAQ (an unknown field, a wrong type), or the server cannot be reached.

Examples:
  $ dayone prfaq lint draft.json
  $ dayone prfaq lint draft.json --json | jq '.findings[] | select(.rule == "needs-data")'`,
    )
    .action(async (file: string, options: ServerOptions & { json?: boolean }) => {
      const client = clientFor(options, ctx);
      const document = await readDocument(file);
      const answer = await client.request<LintAnswer>('POST', '/api/v1/prfaqs/lint', document).catch((error: unknown) => {
        if (error instanceof DayOneError && error.status === 400) {
          reportError(error, ctx.io);
          throw new ExitError(EXIT.unreachableOrMisuse);
        }
        throw error;
      });
      if (options.json) return printJson(ctx.io, answer);
      printAnswer(ctx, answer, document);
    });
}

async function readDocument(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(error.code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${error.message}`);
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not JSON: ${(error as Error).message}`);
  }
}

/** The text of a section as findings name it (`pressRelease.summary`, `externalFaq[2].answer`), to quote. */
function sectionText(document: unknown, section: string): string {
  const path = section.match(/[A-Za-z]+|\d+/g) ?? [];
  const value = path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), document);
  return typeof value === 'string' ? value : '';
}

function printAnswer(ctx: CliContext, answer: LintAnswer, document: unknown): void {
  println(ctx.io.stdout, `Score ${answer.score}/100\n`);
  println(ctx.io.stdout, formatTable(['CATEGORY', 'SCORE', 'FINDINGS'], answer.categories.map((c) => [c.name, `${c.score}/${c.max}`, String(c.findings)])));
  if (!answer.findings.length) return println(ctx.io.stdout, '\nNo findings.');
  const rows = answer.findings.map((f) => {
    const passage = sectionText(document, f.section).slice(f.start, f.end).replace(/\s+/g, ' ');
    const where = f.end > f.start ? `${f.section} ${f.start}-${f.end}` : f.section;
    return [where, f.rule, passage.length > 40 ? `${passage.slice(0, 39)}…` : passage, f.message];
  });
  println(ctx.io.stdout, `\n${formatTable(['WHERE', 'RULE', 'PASSAGE', 'ADVICE'], rows)}`);
}
