import type { ServerConfig } from './config';
import { buildApp } from './app';
import { migrate, openDatabase } from './platform/db/database';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** config -> open the database -> migrate -> build the app -> listen. */
export async function startServer(config: Partial<ServerConfig> & Pick<ServerConfig, 'dataDir'>): Promise<RunningServer> {
  const full: ServerConfig = {
    port: 4000,
    host: '0.0.0.0',
    logLevel: 'info',
    bodyLimit: 1024 * 1024,
    secureCookies: false,
    ...config,
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
    close: () =>
      (closed ??= (async () => {
        await app.close();
        await database.close();
      })()),
  };
}
