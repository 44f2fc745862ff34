import type { ServerConfig } from './config';
import { buildApp } from './app';
import { migrate, openDatabase } from './platform/db/database';

export interface RunningServer {
  url: string;
  /** The graceful shutdown (SIGTERM): see close() below. */
  close(): Promise<void>;
}

export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/** config -> open the database -> migrate -> build the app -> listen. */
export async function startServer(config: Partial<ServerConfig> & Pick<ServerConfig, 'dataDir'>): Promise<RunningServer> {
  const graceMs = config.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
  const full: ServerConfig = {
    port: 4000,
    host: '0.0.0.0',
    logLevel: 'info',
    bodyLimit: 1024 * 1024,
    secureCookies: false,
    ...config,
    shutdownGraceMs: graceMs,
  };
  const database = openDatabase(full);
  await migrate(database);
  const app = await buildApp(full, database);
  await app.listen({ port: full.port, host: full.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : full.port;
  const host = full.host === '0.0.0.0' || full.host === '::' ? 'localhost' : full.host;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    /** Stops accepting connections; tells every event stream to reconnect elsewhere (`retry:`) and ends
     *  it; lets requests in flight finish (connections still open after the grace period are cut);
     *  sends what the outbox has due, for at most the grace period again; closes the database. */
    close: () =>
      (closed ??= (async () => {
        app.log.info({ graceMs }, 'shutting down: finishing requests in flight');
        const cut = setTimeout(() => {
          app.log.warn({ graceMs }, 'shutdown: requests still running after the grace period are cut off');
          app.server.closeAllConnections();
        }, graceMs);
        try {
          await app.close();
        } finally {
          clearTimeout(cut);
        }
        await database.close();
        app.log.info('shut down');
      })()),
  };
}
