import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { DayOneError, DayOneUnavailableError, MAX_EVENTS_PER_REQUEST, type DayOneClient, type EventBatchResult } from '@dayone/sdk';
import { InvalidArgumentError, type Command } from 'commander';
import { println, type CliContext, type Progress } from '../cli-context';
import { EXIT, ExitError, UsageError, withNote } from '../cli-errors';
import { printJson } from '../output';
import { clientFor, withServerOptions, type ServerOptions } from '../server-options';

export const DEFAULT_EVENTS_BATCH_SIZE = 5000;
export const DEFAULT_RETRIES = 4;
/** Rejected lines printed without --json; the rest are counted. */
export const MAX_LISTED_REJECTIONS = 50;
/** The largest body the server takes on POST /api/v1/events. */
export const EVENTS_BODY_LIMIT = 32 * 1024 * 1024;
/** Wait before the second try of a batch; doubled for each further try, up to MAX_RETRY_DELAY_MS. */
const FIRST_RETRY_DELAY_MS = 500;
const MAX_RETRY_DELAY_MS = 30_000;

/** A rejected line of the file, by its line number (from 1, blank lines included). */
export interface RejectedLine {
  line: number;
  id: string | null;
  reason: string;
}

export interface EventsReport {
  file: string;
  /** Non-blank lines: each is one event (or a line the server rejects). */
  events: number;
  /** Requests the server answered. */
  requests: number;
  accepted: number;
  duplicate: number;
  rejected: number;
  /** Every rejected line, in file order. */
  rejectedLines: RejectedLine[];
}

interface SendOptions extends ServerOptions {
  batchSize: number;
  retries: number;
  json?: boolean;
}

/** One non-blank line of the file. */
interface SourceLine {
  line: number;
  text: string;
  /** UTF-8 size with its newline. */
  bytes: number;
}

export function registerEventsCommands(program: Command, ctx: CliContext): void {
  const events = program.command('events').description('send experiment events (exposures and metric values)');

  withServerOptions(
    events
      .command('send')
      .description('send an NDJSON file of exposure and metric events, in batches, and report every rejected line')
      .argument('<file>', 'NDJSON: one event per line ({"type":"exposure",...} or {"type":"metric",...})')
      .option('--batch-size <n>', `lines per request, 1 to ${MAX_EVENTS_PER_REQUEST}`, parseBatchSize, DEFAULT_EVENTS_BATCH_SIZE)
      .option('--retries <n>', 'how many times to send a batch again while the server cannot answer (waiting 0.5s, 1s, 2s, ...)', parseRetries, DEFAULT_RETRIES)
      .option('--json', 'print the totals and every rejected line as JSON'),
  )
    .addHelpText(
      'after',
      `
The file is read line by line (never whole) and sent as NDJSON in batches of --batch-size lines,
one request at a time in file order (a batch is also cut before it reaches the server's 32 MiB
limit). Blank lines are skipped but counted, so rejections name the line of the file: FILE:LINE.
A line that is not JSON is sent like the others and the server rejects that line alone. Every
event has an id; the server ignores an id it has already, so sending a file again is safe.
A batch the server cannot answer is sent again (--retries times, waiting 0.5s, 1s, 2s, ... 30s).
A progress bar over the lines is drawn on stderr when it is a terminal.

Exit codes: 0 no line was rejected (duplicates are fine), 1 a line was rejected (the others are
still recorded) or the server refused a request, 2 the server could not be reached or the command
was misused.

Examples:
  $ dayone events send events.ndjson
  $ dayone events send events.ndjson --batch-size 1000
  $ dayone events send events.ndjson --json | jq -r '.rejectedLines[] | "\\(.line) \\(.reason)"'`,
    )
    .action(async (file: string, options: SendOptions) => {
      const client = clientFor(options, ctx); // a bad --url is misuse: say so before reading anything
      await checkFile(file);
      const report = await sendFile(client, file, options, ctx);
      if (options.json) printJson(ctx.io, report);
      else printReport(ctx, report);
      if (report.rejected > 0) throw new ExitError(EXIT.failed);
    });
}

async function checkFile(file: string): Promise<void> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(error.code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${error.message}`);
  });
  if (info.isDirectory()) throw new UsageError(`${file} is a folder; expected an NDJSON file`);
}

/** The file's non-blank lines in batches of at most `size` lines and EVENTS_BODY_LIMIT bytes; a line
 *  larger than that on its own comes alone. */
async function* readBatches(file: string, size: number): AsyncGenerator<SourceLine[]> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    let batch: SourceLine[] = [];
    let bytes = 0;
    let line = 0;
    for await (const text of lines) {
      line += 1;
      if (text.trim() === '') continue;
      const entry = { line, text, bytes: Buffer.byteLength(text) + 1 };
      if (batch.length > 0 && (batch.length >= size || bytes + entry.bytes > EVENTS_BODY_LIMIT)) {
        yield batch;
        batch = [];
        bytes = 0;
      }
      batch.push(entry);
      bytes += entry.bytes;
    }
    if (batch.length > 0) yield batch;
  } finally {
    lines.close();
    input.destroy();
  }
}

/** Lines as readline counts them (\n, \r\n or a lone \r end a line), without holding the file. */
async function countLines(file: string): Promise<number> {
  let count = 0;
  let open = false; // bytes since the last line end
  let afterCr = false;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (const byte of chunk) {
      if (byte === 0x0a) {
        if (!afterCr) count += 1; // the \n of \r\n ends the line the \r ended already
        open = false;
        afterCr = false;
      } else if (byte === 0x0d) {
        count += 1;
        open = false;
        afterCr = true;
      } else {
        open = true;
        afterCr = false;
      }
    }
  }
  return count + (open ? 1 : 0);
}

/** The batch that could not be sent, for the notes on the error. */
class BatchFailure {
  constructor(
    readonly error: unknown,
    readonly batch: SourceLine[],
    readonly attempts: number,
  ) {}
}

async function sendFile(client: DayOneClient, file: string, options: SendOptions, ctx: CliContext): Promise<EventsReport> {
  const sleep = ctx.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const report: EventsReport = { file, events: 0, requests: 0, accepted: 0, duplicate: 0, rejected: 0, rejectedLines: [] };
  // Counting the lines reads the file once more, so only when there is a display to draw.
  const progress: Progress | undefined = ctx.startProgress ? ctx.startProgress(await countLines(file), 'lines') : undefined;
  const warn = (line: string) => (progress?.log ? progress.log(`${line}\n`) : println(ctx.io.stderr, line));

  const reject = (source: SourceLine, reason: string, id: string | null = null) => {
    report.rejected += 1;
    report.rejectedLines.push({ line: source.line, id, reason });
  };
  const answered = (batch: SourceLine[]) => progress?.update(lastLine(batch));

  const record = (batch: SourceLine[], answer: EventBatchResult) => {
    report.requests += 1;
    answered(batch);
    const reported = new Set<number>();
    for (const result of answer.results) {
      const source = batch[result.line - 1];
      if (!source || reported.has(result.line)) continue;
      reported.add(result.line);
      if (result.status === 'rejected') reject(source, result.reason ?? 'rejected', result.id);
      else report[result.status] += 1;
    }
    batch.forEach((source, i) => {
      if (!reported.has(i + 1)) reject(source, 'the server did not report on this line');
    });
  };

  /** One request, retried while the server cannot answer; a batch the server finds too large is halved. */
  const send = async (batch: SourceLine[]): Promise<void> => {
    if (batch.length === 1 && batch[0].bytes > EVENTS_BODY_LIMIT) {
      reject(batch[0], `is larger than the ${EVENTS_BODY_LIMIT / 1024 / 1024} MiB the server takes in one request`);
      return answered(batch);
    }
    const body = `${batch.map((source) => source.text).join('\n')}\n`;
    for (let attempt = 1; ; attempt++) {
      let answer: EventBatchResult;
      try {
        answer = await client.events.sendNdjson(body);
      } catch (error) {
        if (error instanceof DayOneError && error.status === 413) {
          if (batch.length === 1) {
            reject(batch[0], `too large for one request to the server (${error.detail})`);
            return answered(batch);
          }
          const half = Math.ceil(batch.length / 2);
          await send(batch.slice(0, half));
          return send(batch.slice(half));
        }
        if (!retryable(error) || attempt > options.retries) throw new BatchFailure(error, batch, attempt);
        const delay = Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** (attempt - 1));
        warn(`warning: ${lineRange(batch)}: ${(error as Error).message}; trying again in ${formatDelay(delay)} (attempt ${attempt + 1} of ${options.retries + 1})`);
        await sleep(delay);
        continue;
      }
      return record(batch, answer);
    }
  };

  const batches = readBatches(file, options.batchSize);
  try {
    for (let next = await batches.next(); !next.done; next = await batches.next()) {
      const batch = next.value;
      report.events += batch.length;
      try {
        await send(batch);
      } catch (failure) {
        if (!(failure instanceof BatchFailure)) throw failure;
        // Not sent: the rest of this batch (when the server had it halved) and the rest of the file.
        const more = batch[batch.length - 1].line > lastLine(failure.batch) || !(await batches.next()).done;
        throw explainFailure(failure, report, file, more);
      }
    }
  } finally {
    await batches.return(undefined);
    progress?.stop();
  }
  report.rejectedLines.sort((a, b) => a.line - b.line);
  return report;
}

/** The error of a batch that could not be sent, with notes saying which lines were sent and answered. */
function explainFailure(failure: BatchFailure, report: EventsReport, file: string, more: boolean): unknown {
  const { error, batch, attempts } = failure;
  // Batches go one at a time in file order: every line before the failed batch was answered (or blank).
  const answeredBefore = batch[0].line;
  if (report.accepted + report.duplicate + report.rejected > 0) {
    withNote(
      error,
      `note: ${answeredBefore === 2 ? 'line 1' : `lines 1-${answeredBefore - 1}`} of ${file} were sent and answered: ` +
        `${report.accepted} accepted, ${report.duplicate} duplicate, ${report.rejected} rejected.`,
    );
  }
  const tries = attempts === 1 ? 'once' : `${attempts} times`;
  withNote(
    error,
    error instanceof DayOneUnavailableError
      ? `note: ${lineRange(batch)} were sent ${tries} without an answer: the server may or may not have recorded them.`
      : `note: the server refused the request with ${lineRange(batch)}: none of them was recorded.`,
  );
  if (more) withNote(error, `note: the lines after line ${lastLine(batch)} were not sent.`);
  withNote(error, `note: sending ${file} again is safe: events recorded already come back as duplicate.`);
  return error;
}

/** Worth another try: the server could not answer, failed (5xx), or asked to slow down (429). */
function retryable(error: unknown): boolean {
  if (error instanceof DayOneUnavailableError) return true;
  return error instanceof DayOneError && (error.status >= 500 || error.status === 429);
}

function lastLine(batch: SourceLine[]): number {
  return batch[batch.length - 1].line;
}

function lineRange(batch: SourceLine[]): string {
  const first = batch[0].line;
  const last = lastLine(batch);
  return first === last ? `line ${first}` : `lines ${first}-${last}`;
}

function formatDelay(ms: number): string {
  return ms < 1000 ? `${ms}ms` : `${ms / 1000}s`;
}

function printReport(ctx: CliContext, report: EventsReport): void {
  const { file, events, requests, accepted, duplicate, rejected, rejectedLines } = report;
  println(
    ctx.io.stdout,
    `${plural(events, 'event')} from ${file} in ${plural(requests, 'request')}: ` +
      `${accepted} accepted, ${duplicate} duplicate, ${rejected} rejected`,
  );
  for (const { line, id, reason } of rejectedLines.slice(0, MAX_LISTED_REJECTIONS)) {
    println(ctx.io.stdout, `${file}:${line} ${id ?? '-'} ${reason}`);
  }
  const unlisted = rejectedLines.length - MAX_LISTED_REJECTIONS;
  if (unlisted > 0) println(ctx.io.stdout, `… and ${plural(unlisted, 'more rejected line')} (--json lists them all)`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function parseBatchSize(value: string): number {
  const size = Number(value);
  if (!/^\d+$/.test(value) || size < 1 || size > MAX_EVENTS_PER_REQUEST) {
    throw new InvalidArgumentError(`expected a whole number of lines from 1 to ${MAX_EVENTS_PER_REQUEST}`);
  }
  return size;
}

function parseRetries(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 10) throw new InvalidArgumentError('expected a whole number from 0 to 10');
  return Number(value);
}
