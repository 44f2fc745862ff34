import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCaller, call, createTestApp, dialects, newTestStore, signUp, type Caller, type TestApp, type TestStore, inboxOutbox } from './harness';
import { createPrfaq } from '../src/capabilities/prfaq/index';
import { createAuditLog } from '../src/platform/audit/audit-log';
import type { Dialect } from '../src/platform/db/database';

const HOUR = 3_600_000;
const PRESS_RELEASE = { heading: 'Ledger', summary: 'Close in a day.', problem: 'Nine days of matching.', solution: 'Automatic matching.' };

/** The schedulers of the test, over an instance's database, at a time the test sets. */
let now = new Date();
const schedulerOf = (t: TestApp, dialect: Dialect) => createPrfaq({ db: t.database.db, dialect, audit: createAuditLog(dialect), outbox: inboxOutbox(t.database.db), clock: () => now, windowSeconds: 72 * 3600 }).scheduler;

async function askForDecision(app: TestApp['app'], ada: Caller, title: string) {
  const doc = await call(app, ada, 'POST', '/api/v1/prfaqs', { title, team: 'ledger' });
  await call(app, ada, 'PUT', `/api/v1/prfaqs/${doc.body.number}/sections/pressRelease`, { content: PRESS_RELEASE }, { 'if-match': '"1"' });
  const asked = await call(app, ada, 'POST', `/api/v1/prfaqs/${doc.body.number}/decisions`, { door: 'two_way' });
  expect(asked.status).toBe(201);
  return { number: doc.body.number as number, requestedAt: asked.body.requestedAt as string };
}

describe.each(dialects)('PR/FAQ decision windows across a restart on %s', (dialect) => {
  let store: TestStore;
  let t: TestApp;
  let ada: Caller;
  beforeAll(async () => {
    store = newTestStore(dialect);
    t = await createTestApp(dialect, { store });
    await signUp(t.app, 'root');
    ada = await signUp(t.app, 'ada');
    await call(t.app, ada, 'POST', '/api/v1/teams', { name: 'ledger' });
  });
  afterAll(async () => {
    await t.close();
    await store.drop();
  });

  it('keeps a window across a restart: the due time lives in the database', async () => {
    const asked = await askForDecision(t.app, ada, 'Before the restart');
    await t.close();
    t = await createTestApp(dialect, { store }); // the instance comes back
    now = new Date(Date.parse(asked.requestedAt) + 72 * HOUR + 1000);
    expect(await schedulerOf(t, dialect).runOnce()).toBe(1);
    const after = await call(t.app, ada, 'GET', `/api/v1/prfaqs/${asked.number}`);
    expect(after.body).toMatchObject({ status: 'decided', decision: 'yes' });
    expect(after.body.decisions[0]).toMatchObject({ how: 'default', outcome: 'yes' });
  });
});

/** Several instances share one PostgreSQL database (SQLite serves one instance). */
describe('PR/FAQ decision windows with two instances on one PostgreSQL schema', () => {
  let store: TestStore;
  let one: TestApp;
  let two: TestApp;
  let ada: Caller;
  beforeAll(async () => {
    store = newTestStore('postgres');
    one = await createTestApp('postgres', { store });
    two = await createTestApp('postgres', { store });
    await signUp(one.app, 'root');
    ada = await signUp(one.app, 'ada');
    await call(one.app, ada, 'POST', '/api/v1/teams', { name: 'ledger' });
  });
  afterAll(async () => {
    await one.close();
    await two.close();
    await store.drop();
  });

  it('applies each default yes exactly once when both schedulers run at the same moment', async () => {
    const requests = [];
    for (let i = 0; i < 8; i++) requests.push(await askForDecision(i % 2 ? two.app : one.app, ada, `Bet ${i}`));
    now = new Date(Math.max(...requests.map((r) => Date.parse(r.requestedAt))) + 73 * HOUR);
    const [a, b] = await Promise.all([schedulerOf(one, 'postgres').runOnce(), schedulerOf(two, 'postgres').runOnce()]);
    expect(a + b).toBe(8);
    const db = one.database.db;
    const decided = await db.selectFrom('prfaq_status_events').select('prfaq_id').where('to_status', '=', 'decided').execute();
    expect(decided.length).toBe(8);
    expect(new Set(decided.map((d) => d.prfaq_id)).size).toBe(8);
    expect((await db.selectFrom('prfaq_decision_events').select('id').where('type', '=', 'decided').execute()).length).toBe(8);
    expect((await db.selectFrom('audit_events').select('seq').where('action', '=', 'prfaq.default_yes').execute()).length).toBe(8);
    expect(await Promise.all([schedulerOf(one, 'postgres').runOnce(), schedulerOf(two, 'postgres').runOnce()])).toEqual([0, 0]);
    // The audit chain stays linear while both instances append to it.
    expect((await call(one.app, adminCaller, 'GET', '/api/v1/audit/verify')).body).toMatchObject({ ok: true, firstBad: null });
  });
});
