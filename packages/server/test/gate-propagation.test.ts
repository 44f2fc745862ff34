import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { adminCaller, call, createTestApp, newTestStore, testDatabaseUrl, type TestApp, type TestStore } from './harness';
import { openStream } from './sse-client';

/** Two Day One instances sharing one PostgreSQL database, as behind a load balancer. */
describe('gate propagation between instances on postgres', () => {
  let store: TestStore;
  let a: TestApp;
  let b: TestApp;
  let bUrl: string;
  beforeAll(async () => {
    store = newTestStore('postgres');
    a = await createTestApp('postgres', { store });
    b = await createTestApp('postgres', { store, busRetryMs: 1500 });
    bUrl = await b.app.listen({ port: 0, host: '127.0.0.1' });
    await call(a.app, adminCaller, 'POST', '/api/v1/teams', { name: 'payments' });
    const created = await call(a.app, adminCaller, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'checkout', owner: 'payments', lifecycle: 'production', type: 'service' });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await store.drop();
  });

  const gateOn = async (t: TestApp) => (await call(t.app, adminCaller, 'GET', '/api/v1/gates/checkout')).body;

  it('delivers a pull made on one instance to the other instance’s stream subscribers', async () => {
    const stream = await openStream(`${bUrl}/api/v1/gates/stream?service=checkout`, adminCaller.headers);
    try {
      await stream.waitFor((e) => e.event === 'gate' && JSON.parse(e.data).open === true);
      const pull = await call(a.app, adminCaller, 'POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: 'checkout' }, reason: 'seen on instance A' });
      const event = await stream.waitFor((e) => e.event === 'gate' && JSON.parse(e.data).open === false);
      expect(JSON.parse(event.data).pulls[0].id).toBe(pull.body.id);
      expect((await gateOn(b)).open).toBe(false);
      await call(a.app, adminCaller, 'POST', `/api/v1/andon/pulls/${pull.body.id}/resolve`, { note: 'fixed' });
      await stream.waitFor((e) => e.event === 'gate' && JSON.parse(e.data).open === true && e !== stream.events[0]);
    } finally {
      stream.close();
    }
  });

  it('marks answers stale while its notice connection is down, and never misses a pull made meanwhile', async () => {
    const stream = await openStream(`${bUrl}/api/v1/gates/stream?service=checkout`, adminCaller.headers);
    try {
      await stream.waitFor((e) => e.event === 'gate');
      const admin = new pg.Client({ connectionString: testDatabaseUrl });
      await admin.connect();
      const name = `dayone-listen-${store.databaseSchema}`.slice(0, 63);
      const killed = await admin.query('select pg_terminate_backend(pid) as ok from pg_stat_activity where application_name = $1', [name]);
      expect(killed.rows).toEqual([{ ok: true }, { ok: true }]);
      await admin.end();
      const stale = await stream.waitFor((e) => e.event === 'gate' && JSON.parse(e.data).stale === true);
      expect(JSON.parse(stale.data).open).toBe(true);
      // Instance B retries after 1.5 s; this pull lands on A while B cannot hear about it.
      const pull = await call(a.app, adminCaller, 'POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: 'checkout' }, reason: 'made while B was deaf' });
      expect(pull.status).toBe(201);
      const recovered = await stream.waitFor((e) => e.event === 'gate' && JSON.parse(e.data).stale === false && JSON.parse(e.data).open === false);
      expect(JSON.parse(recovered.data).pulls.map((p: { id: string }) => p.id)).toContain(pull.body.id);
      expect(await gateOn(b)).toMatchObject({ open: false, stale: false });
    } finally {
      stream.close();
    }
  });
});
