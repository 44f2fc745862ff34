/** Everything a command touches outside its own arguments, so tests can run commands in-process. */
export interface CliIo {
  /** Writes raw text to standard output (callers add the newline). */
  stdout(text: string): void;
  /** Writes raw text to standard error. */
  stderr(text: string): void;
  env: Record<string, string | undefined>;
}

export type ServerModule = typeof import('@dayone/server');
export type ServerConfig = ReturnType<ServerModule['loadConfig']>;

/** A progress display for a long-running command. */
export interface Progress {
  /** Sets how many of the total items are done. */
  update(done: number): void;
  /** Writes a line of text (with its newline) above the display without garbling it. */
  log?(text: string): void;
  /** Removes the display; safe to call more than once. */
  stop(): void;
}

export interface CliContext {
  io: CliIo;
  /**
   * Starts a progress display on stderr over `total` items, or returns undefined when there is no
   * terminal to draw on (tests, pipes, CI logs), so progress never mixes into output that is parsed.
   * Left out altogether when stderr is not a terminal.
   */
  startProgress?(total: number, unit: string): Progress | undefined;
  /** Replaces the global fetch for the API client (tests). */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Loads @dayone/server lazily, so commands that only talk HTTP never load the server. */
  loadServer(): Promise<Pick<ServerModule, 'loadConfig' | 'startServer' | 'backupInstance' | 'restoreInstance'>>;
  /** Waits between retries (default setTimeout); tests replace it so that they do not wait. */
  sleep?(ms: number): Promise<void>;
  /** Registers a handler for a process signal (SIGINT, SIGTERM). */
  onSignal(signal: NodeJS.Signals, handler: () => void): void;
  /** Ends the process; only `serve` uses it, after the server has closed. */
  exit(code: number): void;
}

export function println(write: (text: string) => void, line = ''): void {
  write(`${line}\n`);
}
