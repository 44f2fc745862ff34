import { describe, expect, it } from 'vitest';
import type { CliContext, ServerConfig } from './cli-context';
import { runCli } from './run-cli';

/** A stand-in for @dayone/server that records what `serve` asked of it. */
function harness(env: Record<string, string | undefined> = {}) {
  const out = { stdout: '', stderr: '', started: [] as ServerConfig[], closed: 0, exits: [] as number[] };
  const signals = new Map<string, () => void>();
  let closeResult: Promise<void> = Promise.resolve();
  const server = {
    loadConfig: (e: Record<string, string | undefined>) =>
      ({
        port: Number(e.PORT ?? 4000),
        host: e.HOST ?? '0.0.0.0',
        dataDir: e.DAYONE_DATA_DIR ?? './data',
        databaseUrl: e.DAYONE_DATABASE_URL,
        logLevel: 'info',
      }) as unknown as ServerConfig,
    startServer: async (config: ServerConfig) => {
      out.started.push(config);
      return {
        url: `http://${(config as { host: string }).host}:${(config as { port: number }).port}`,
        close: () => {
          out.closed++;
          return closeResult;
        },
      };
    },
  } as unknown as Awaited<ReturnType<CliContext['loadServer']>>;
  const ctx: CliContext = {
    io: { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), env },
    loadServer: async () => server,
    onSignal: (signal, handler) => void signals.set(signal, handler),
    exit: (code) => void out.exits.push(code),
  };
  return {
    out,
    ctx,
    signal: (name: string) => signals.get(name)?.(),
    failClose: (error: Error) => (closeResult = Promise.reject(error)),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('dayone serve', () => {
  it('starts from the environment and prints the URL', async () => {
    const h = harness({ PORT: '5000', DAYONE_DATA_DIR: '/srv/dayone' });
    expect(await runCli(['serve'], h.ctx)).toBe(0);
    expect(h.out.started).toEqual([{ port: 5000, host: '0.0.0.0', dataDir: '/srv/dayone', databaseUrl: undefined, logLevel: 'info' }]);
    expect(h.out.stdout).toBe('Day One is listening on http://0.0.0.0:5000\n');
  });

  it('lets flags override the environment', async () => {
    const h = harness({ PORT: '5000', DAYONE_DATABASE_URL: 'postgres://env' });
    const argv = ['serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', 'd', '--database-url', 'postgres://flag'];
    expect(await runCli(argv, h.ctx)).toBe(0);
    expect(h.out.started[0]).toMatchObject({ port: 0, host: '127.0.0.1', dataDir: 'd', databaseUrl: 'postgres://flag' });
  });

  it.each(['SIGTERM', 'SIGINT'])('closes the server on %s, then exits 0', async (signal) => {
    const h = harness();
    await runCli(['serve'], h.ctx);
    expect(h.out.exits).toEqual([]);
    h.signal(signal);
    await settle();
    expect(h.out.closed).toBe(1);
    expect(h.out.exits).toEqual([0]);
  });

  it('exits 1 when closing fails, and at once on a second signal', async () => {
    const h = harness();
    await runCli(['serve'], h.ctx);
    h.failClose(new Error('pool busy'));
    h.signal('SIGTERM');
    h.signal('SIGINT');
    await settle();
    expect(h.out.exits).toEqual([1, 1]);
    expect(h.out.closed).toBe(1);
    expect(h.out.stderr).toContain('shutdown failed: pool busy');
  });

  it('rejects a bad --port as misuse (exit 2) without starting', async () => {
    const h = harness();
    expect(await runCli(['serve', '--port', 'eighty'], h.ctx)).toBe(2);
    expect(h.out.started).toEqual([]);
    expect(h.out.stderr).toContain("option '--port <n>' argument 'eighty' is invalid");
  });
});
