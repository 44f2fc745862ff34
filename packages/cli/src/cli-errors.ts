import { DayOneError, DayOneUnavailableError } from '@dayone/sdk';
import { CommanderError } from 'commander';
import type { CliIo } from './cli-context';

/** Exit codes of every `dayone` command. */
export const EXIT = {
  ok: 0,
  /** The server refused the request, or a check (audit verify) failed. */
  failed: 1,
  /** The server could not be reached, or the command was misused. */
  unreachableOrMisuse: 2,
} as const;

/** The command line was wrong in a way commander could not see (bad --url, bad environment). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Ends the command with `code` after the command has printed its own output. */
export class ExitError extends Error {
  override readonly name = 'ExitError';
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

const NOTES = Symbol('dayone.notes');

/** Attaches a line (a `note:` or `hint:`) that reportError prints after the error itself. */
export function withNote<T>(error: T, line: string): T {
  if (error !== null && typeof error === 'object') {
    const target = error as { [NOTES]?: string[] };
    (target[NOTES] ??= []).push(line);
  }
  return error;
}

/** Prints `error` to stderr the way a person at a terminal needs it and returns the exit code. */
export function reportError(error: unknown, io: CliIo): number {
  const code = reportErrorItself(error, io);
  for (const line of (error as { [NOTES]?: string[] } | null)?.[NOTES] ?? []) io.stderr(`${line}\n`);
  return code;
}

function reportErrorItself(error: unknown, io: CliIo): number {
  if (error instanceof ExitError) return error.code;
  // commander already printed its message (or the help) through configureOutput.
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.unreachableOrMisuse;
  if (error instanceof UsageError) {
    io.stderr(`error: ${error.message}\n`);
    return EXIT.unreachableOrMisuse;
  }
  if (error instanceof DayOneUnavailableError) {
    io.stderr(`error: ${error.message}\n`);
    io.stderr('hint: is the server running (`dayone serve`)? Point --url or DAYONE_URL at it.\n');
    return EXIT.unreachableOrMisuse;
  }
  if (error instanceof DayOneError) {
    io.stderr(`error: ${error.detail} (${error.code}, HTTP ${error.status})\n`);
    for (const field of error.errors) {
      const line = `${field.path || '(body)'}: ${field.message}`;
      if (line !== error.detail) io.stderr(`  ${line}\n`); // servers often repeat a lone field error as the detail
    }
    if (error.status === 401) io.stderr('hint: pass an API token with --token or DAYONE_TOKEN.\n');
    return EXIT.failed;
  }
  io.stderr(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT.failed;
}
