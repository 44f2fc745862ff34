import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import { migrate, openDatabase, type DatabaseHandle, type Dialect } from '../../src/platform/db/database';
import { ADMIN_TOKEN, newTestStore, type TestStore } from '../harness';

export const FUZZ_BODY_LIMIT = 256 * 1024;

export interface FuzzApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  store: TestStore;
  close(): Promise<void>;
}

/** The whole app on a fresh database, with nothing running in the background: webhook deliveries
 *  (concurrency 0) and reminders would change rows between two fingerprints and send requests out. */
export async function createFuzzApp(dialect: Dialect): Promise<FuzzApp> {
  const store = newTestStore(dialect);
  const database = openDatabase(store);
  await migrate(database);
  const app = await buildApp(
    {
      logLevel: 'silent',
      bodyLimit: FUZZ_BODY_LIMIT,
      secureCookies: false,
      adminToken: ADMIN_TOKEN,
      reminders: false,
      delivery: { concurrency: 0, pollMs: 3_600_000 },
    },
    database,
  );
  return {
    app,
    database,
    store,
    async close() {
      await app.close();
      await database.close();
      await store.drop();
    },
  };
}
