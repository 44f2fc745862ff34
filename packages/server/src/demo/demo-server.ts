import { startServer, type RunningServer } from '../start-server';

/** The server the generator talks to: the real one, in this process (so it shares the demo clock), on
 *  a loopback port, without rate limits, with its background jobs. */
export interface DemoServer {
  url(): string;
  /** Stops and starts it again on the same data (and port). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface DemoStore {
  dataDir: string;
  databaseUrl?: string;
  databaseSchema?: string;
}

export async function startDemoServer(store: DemoStore, options: { logLevel?: string } = {}): Promise<DemoServer> {
  const start = (port: number) =>
    startServer({ ...store, host: '127.0.0.1', port, logLevel: options.logLevel ?? 'warn', rateLimit: 0, shutdownGraceMs: 1000 });
  let running: RunningServer = await start(0);
  const port = Number(new URL(running.url).port);
  return {
    url: () => running.url,
    async restart() {
      await running.close();
      running = await start(port);
    },
    close: () => running.close(),
  };
}
