import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ADMIN_TOKEN, type TestStore } from './harness';

const bin = fileURLToPath(new URL('../../cli/bin/dayone.js', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process wrote so far: stdout (JSON log lines) and stderr. */
  stdout(): string;
  stderr(): string;
  /** Resolves once the output (from character `from` of stdout on) matches. */
  waitForOutput(pattern: RegExp, from?: number): Promise<void>;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** Starts `dayone serve` as its own process on a free loopback port and resolves once it listens. */
export function serveProcess(store: TestStore, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', store.dataDir], {
    env: {
      ...process.env,
      DAYONE_ADMIN_TOKEN: ADMIN_TOKEN,
      DAYONE_LOG_LEVEL: 'warn',
      DAYONE_DATABASE_URL: store.databaseUrl ?? '',
      DAYONE_DATABASE_SCHEMA: store.databaseSchema ?? '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const watchers: (() => void)[] = [];
  const changed = () => watchers.splice(0).forEach((w) => w());
  child.stdout!.on('data', (chunk) => ((out += chunk), changed()));
  child.stderr!.on('data', (chunk) => ((err += chunk), changed()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => (changed(), resolve(code))));
  const waitForOutput = async (pattern: RegExp, from = 0) => {
    while (!pattern.test(out.slice(from) + err)) {
      if (child.exitCode !== null || child.signalCode) throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}: ${out}${err}`);
      await new Promise<void>((resolve) => watchers.push(resolve));
    }
  };
  return waitForOutput(/listening on http:\/\/\S+/).then(() => ({
    child,
    url: /listening on (http:\/\/\S+)/.exec(out)![1],
    stdout: () => out,
    stderr: () => err,
    waitForOutput,
    exited,
  }));
}
