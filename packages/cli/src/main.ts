import type { CliContext } from './cli-context';
import { startProgressBar } from './progress-bar';
import { runCli } from './run-cli';

const ctx: CliContext = {
  io: {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
  },
  // Only on a terminal, so that commands skip the work a progress display needs (counting lines) in pipes.
  startProgress: process.stderr.isTTY ? (total, unit) => startProgressBar(process.stderr, total, unit) : undefined,
  loadServer: () => import('@dayone/server'),
  onSignal: (signal, handler) => void process.on(signal, handler),
  exit: (code) => process.exit(code),
};

// Set the code rather than exiting, so pending output is flushed and `serve` keeps running.
process.exitCode = await runCli(process.argv.slice(2), ctx);
