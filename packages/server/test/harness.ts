import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../src/app';
import { migrate, openDatabase, type DatabaseHandle, type Dialect } from '../src/platform/db/database';
import { createOutbox } from '../src/platform/outbox/index';
import { createPersonSink, PERSON_SINK } from '../src/capabilities/notifications/index';

export const dialects: Dialect[] = ['sqlite', 'postgres'];
export const testDatabaseUrl = process.env.DAYONE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** Where a test's data lives: a fresh SQLite folder, or a fresh PostgreSQL schema, so runs never collide. */
export interface TestStore {
  dialect: Dialect;
  dataDir: string;
  databaseUrl?: string;
  databaseSchema?: string;
  drop(): Promise<void>;
}

export function newTestStore(dialect: Dialect): TestStore {
  const dataDir = mkdtempSync(join(tmpdir(), 'dayone-test-'));
  if (dialect === 'sqlite') return { dialect, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  return {
    dialect,
    dataDir,
    databaseUrl: testDatabaseUrl,
    databaseSchema: schema,
    async drop() {
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  store: TestStore;
  close(): Promise<void>;
}

export async function createTestApp(
  dialect: Dialect,
  options: { bodyLimit?: number; store?: TestStore; heartbeatMs?: number; busRetryMs?: number; rateLimit?: number; clock?: () => Date } = {},
): Promise<TestApp> {
  const store = options.store ?? newTestStore(dialect);
  const database = openDatabase(store);
  await migrate(database);
  const app = await buildApp({ logLevel: 'silent', bodyLimit: options.bodyLimit ?? 1024 * 1024, secureCookies: false, adminToken: ADMIN_TOKEN, heartbeatMs: options.heartbeatMs, busRetryMs: options.busRetryMs, reminders: false, rateLimit: options.rateLimit, clock: options.clock }, database);
  return {
    app,
    database,
    store,
    async close() {
      await app.close();
      await database.close();
      if (!options.store) await store.drop();
    },
  };
}

/** A client that acts as one caller: a bearer token, or a session cookie with its CSRF token. */
export interface Caller {
  name: string;
  headers: Record<string, string>;
}

export const adminCaller: Caller = { name: 'dayone-admin-token', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } };

export async function call(app: FastifyInstance, caller: Caller | null, method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await app.inject({ method, url, payload: body as InjectOptions['payload'], headers: { ...(caller?.headers ?? {}), ...headers } });
  const isJson = (res.headers['content-type'] ?? '').toString().includes('json');
  return { status: res.statusCode, headers: res.headers, body: isJson && res.body ? res.json() : res.body, raw: res };
}

let counter = 0;
/** Signs a person up (the first one through setup) and returns them as a cookie-authenticated caller. */
export async function signUp(app: FastifyInstance, name = `person-${++counter}`): Promise<Caller> {
  const setup = await call(app, null, 'GET', '/api/v1/auth/setup');
  const url = setup.body.needsSetup ? '/api/v1/auth/setup' : '/api/v1/auth/signup';
  const res = await call(app, null, 'POST', url, { email: `${name}@example.com`, password: 'correct horse battery', name, displayName: name });
  if (res.status !== 201) throw new Error(`sign-up of ${name} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { name, headers: sessionHeaders(res.raw.cookies, res.body.csrfToken) };
}

export function sessionHeaders(cookies: { name: string; value: string }[], csrfToken: string): Record<string, string> {
  const session = cookies.find((c) => c.name === 'dayone_session');
  if (!session) throw new Error('no session cookie was set');
  return { cookie: `dayone_session=${session.value}`, 'x-csrf-token': csrfToken };
}

/** An outbox whose notices land in people's inboxes, for a capability a test builds outside the app
 *  (with its own clock); personal webhooks are answered 200 without sending anything. */
export function inboxOutbox(db: TestApp['database']['db']) {
  const outbox = createOutbox({});
  outbox.register(PERSON_SINK, createPersonSink({ db, deliver: async () => ({ ok: true, statusCode: 200 }) }));
  return outbox;
}
