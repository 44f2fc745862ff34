import { DayOneError, type DayOneClient, type ImportOutcome } from '@dayone/sdk';
import { InvalidArgumentError, type Command } from 'commander';
import {
  describeProblem,
  findYamlFiles,
  isOrgDocument,
  joinDocuments,
  readYamlFile,
  splitDocuments,
  type SourceDocument,
  type YamlProblem,
} from '../backstage-files';
import { println, type CliContext } from '../cli-context';
import { EXIT, ExitError, UsageError, withNote } from '../cli-errors';
import { printJson, printTable } from '../output';
import { clientFor, withServerOptions, type ServerOptions } from '../server-options';

export const DEFAULT_BATCH_SIZE = 200;

/** What happened to one document, located in its file. */
export interface ImportedDocument {
  file: string;
  /** 1-based position of the document in `file`. */
  document: number;
  ref: string | null;
  status: ImportOutcome['status'];
  reason?: string;
}

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
  /** Every document, in file order and document order within a file. */
  results: ImportedDocument[];
}

interface ImportOptions extends ServerOptions {
  json?: boolean;
  batchSize: number;
}

export function registerImportCommands(program: Command, ctx: CliContext): void {
  const importCommand = program.command('import').description('import descriptions kept in other tools');

  withServerOptions(
    importCommand
      .command('backstage')
      .description('import Backstage catalog-info.yaml descriptors (entities, groups as teams, users as people)')
      .argument('<path>', 'a YAML file, or a folder searched recursively for *.yaml and *.yml files')
      .option(
        '--batch-size <n>',
        'documents per request after the users and groups',
        parseBatchSize,
        DEFAULT_BATCH_SIZE,
      )
      .option('--json', 'print the totals and what happened to every document as JSON'),
  )
    .addHelpText(
      'after',
      `
A folder is searched recursively, in path order, skipping node_modules and folders whose name
starts with a dot. Every file is parsed first: YAML that does not parse is reported with its file,
document and line, and nothing is sent. Users and Groups then go in one request, so teams link to
their parents and members; the other documents follow in batches of --batch-size. Kinds Day One
does not keep (Template, Location, ...) are reported as skipped. Importing again is safe: what did
not change is reported as unchanged. A progress bar is drawn on stderr when it is a terminal.

Exit codes: 0 nothing rejected, 1 a document was rejected (the others are still imported) or the
YAML does not parse, 2 the server could not be reached or the command was misused.

Examples:
  $ dayone import backstage catalog-info.yaml
  $ dayone import backstage ./catalog --batch-size 50
  $ dayone import backstage ./catalog --json | jq '.results[] | select(.status == "rejected")'`,
    )
    .action(async (path: string, options: ImportOptions) => {
      const client = clientFor(options, ctx); // a bad --url is misuse: say so before reading anything
      const files = await findYamlFiles(path);
      if (files.length === 0) throw new UsageError(`no .yaml or .yml files in ${path}`);

      const documents: SourceDocument[] = [];
      const problems: YamlProblem[] = [];
      for (const file of files) {
        const split = splitDocuments(file, await readYamlFile(file));
        documents.push(...split.documents);
        problems.push(...split.problems);
      }
      if (problems.length > 0) {
        for (const problem of problems) println(ctx.io.stderr, `error: ${describeProblem(problem)}`);
        println(ctx.io.stderr, 'Nothing was imported: fix the YAML and run the command again.');
        throw new ExitError(EXIT.failed);
      }

      const report = summarise(await importDocuments(client, documents, options.batchSize, ctx));
      if (options.json) printJson(ctx.io, report);
      else printReport(ctx, report, files.length);
      if (report.rejected > 0) throw new ExitError(EXIT.failed);
    });
}

/** Sends Users and Groups in one request, then the rest in batches, and locates every outcome. */
async function importDocuments(
  client: DayOneClient,
  documents: SourceDocument[],
  batchSize: number,
  ctx: CliContext,
): Promise<ImportedDocument[]> {
  const org = documents.filter(isOrgDocument);
  const rest = documents.filter((doc) => !isOrgDocument(doc));
  const outcomes = new Map<SourceDocument, ImportedDocument>();
  const progress = documents.length > 0 ? ctx.startProgress?.(documents.length, 'documents') : undefined;

  /** One request. Entity batches the server finds too large (413) are halved until they fit;
   *  the users and groups cannot be split without losing the links between them. */
  const send = async (batch: SourceDocument[], splittable: boolean): Promise<void> => {
    let results: ImportOutcome[];
    try {
      ({ results } = await client.catalog.importYaml(joinDocuments(batch)));
    } catch (error) {
      if (!(error instanceof DayOneError && error.status === 413 && splittable)) throw error;
      if (batch.length === 1) {
        const reason = `too large for one request to the server (${error.detail})`;
        outcomes.set(batch[0], locate(batch[0], { ref: null, status: 'rejected', reason }));
        return progress?.update(outcomes.size);
      }
      const half = Math.ceil(batch.length / 2);
      await send(batch.slice(0, half), true);
      return send(batch.slice(half), true);
    }
    const byDocument = new Map(results.map((result) => [result.document, result]));
    batch.forEach((doc, i) => {
      const result = byDocument.get(i + 1) ?? { ref: null, status: 'rejected', reason: 'the server did not report on this document' };
      outcomes.set(doc, locate(doc, result));
    });
    progress?.update(outcomes.size);
  };

  let failure: unknown;
  try {
    if (org.length > 0) await send(org, false);
    for (let start = 0; start < rest.length; start += batchSize) await send(rest.slice(start, start + batchSize), true);
  } catch (error) {
    failure = error;
  } finally {
    progress?.stop();
  }
  if (failure !== undefined) {
    if (failure instanceof DayOneError && failure.status === 413 && outcomes.size === 0 && org.length > 0) {
      withNote(failure, `hint: the ${org.length} users and groups go in one request so that teams link up; raise the server's DAYONE_BODY_LIMIT.`);
    }
    if (outcomes.size > 0) {
      withNote(failure, `note: the server had handled ${outcomes.size} of ${documents.length} documents before the error; what it imported stays imported, and importing again is safe.`);
    }
    throw failure;
  }
  return documents.map((doc) => outcomes.get(doc)!);
}

function locate(doc: SourceDocument, result: Pick<ImportOutcome, 'ref' | 'status' | 'reason'>): ImportedDocument {
  return {
    file: doc.file,
    document: doc.document,
    ref: result.ref ?? doc.ref,
    status: result.status,
    ...(result.reason !== undefined && { reason: result.reason }),
  };
}

function summarise(results: ImportedDocument[]): ImportReport {
  const count = (status: ImportedDocument['status']) => results.filter((result) => result.status === status).length;
  return {
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    rejected: count('rejected'),
    skipped: count('skipped'),
    results,
  };
}

function printReport(ctx: CliContext, report: ImportReport, fileCount: number): void {
  const { created, updated, unchanged, rejected, skipped, results } = report;
  println(
    ctx.io.stdout,
    `${plural(results.length, 'document')} from ${plural(fileCount, 'file')}: ` +
      `${created} created, ${updated} updated, ${unchanged} unchanged, ${rejected} rejected, ${skipped} skipped`,
  );
  const notable = results.filter((result) => result.status === 'rejected' || result.status === 'skipped');
  if (notable.length === 0) return;
  println(ctx.io.stdout);
  printTable(
    ctx.io,
    ['DOCUMENT', 'REF', 'STATUS', 'REASON'],
    notable.map((result) => [`${result.file}:${result.document}`, result.ref ?? '-', result.status, result.reason ?? '']),
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function parseBatchSize(value: string): number {
  const size = Number(value);
  if (!/^\d+$/.test(value) || size < 1) throw new InvalidArgumentError('expected a whole number of documents, 1 or more');
  return size;
}
