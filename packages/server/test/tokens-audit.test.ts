import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { adminCaller, call, createTestApp, dialects, signUp, type Caller, type TestApp } from './harness';

describe.each(dialects)('API tokens and the audit log on %s', (dialect) => {
  let t: TestApp;
  let ada: Caller;
  let bob: Caller;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    ada = await signUp(t.app, 'ada'); // the first account: an admin
    bob = await signUp(t.app, 'bob');
  });
  afterAll(() => t.close());

  it('shows a token once, stores only its hash, lists it and revokes it', async () => {
    const created = await call(t.app, ada, 'POST', '/api/v1/tokens', { name: 'ci pipeline' });
    expect(created.status).toBe(201);
    const secret: string = created.body.token;
    expect(secret).toMatch(/^dayone_/);
    const stored = await t.database.db.selectFrom('api_tokens').selectAll().where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(secret);
    const bearer: Caller = { name: 'ada', headers: { authorization: `Bearer ${secret}` } };
    expect((await call(t.app, bearer, 'POST', '/api/v1/teams', { name: 'by-token' })).status).toBe(201);
    const list = await call(t.app, ada, 'GET', '/api/v1/tokens');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).not.toHaveProperty('token');
    expect(list.body.items[0].lastUsedAt).not.toBeNull();
    expect((await call(t.app, ada, 'DELETE', `/api/v1/tokens/${created.body.id}`)).status).toBe(204);
    const after = await call(t.app, bearer, 'GET', '/api/v1/teams');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('AUTH_INVALID_TOKEN');
  });

  it('refuses expired tokens, past expiry dates and someone else’s token id', async () => {
    const past = await call(t.app, ada, 'POST', '/api/v1/tokens', { name: 'old', expiresAt: '2001-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].path).toBe('expiresAt');
    const bad = await call(t.app, ada, 'POST', '/api/v1/tokens', { name: 'x', expiresAt: 'tomorrow' });
    expect(bad.status).toBe(400);
    const created = await call(t.app, ada, 'POST', '/api/v1/tokens', { name: 'soon', expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    await t.database.db.updateTable('api_tokens').set({ expires_at: '2001-01-01T00:00:00.000Z' }).where('id', '=', created.body.id).execute();
    expect((await call(t.app, { name: 'ada', headers: { authorization: `Bearer ${created.body.token}` } }, 'GET', '/api/v1/teams')).status).toBe(401);
    expect((await call(t.app, bob, 'DELETE', `/api/v1/tokens/${created.body.id}`)).status).toBe(404);
  });

  it('records who, what and before/after for every write, for admins only', async () => {
    const denied = await call(t.app, bob, 'GET', '/api/v1/audit');
    expect(denied.status).toBe(403);
    const res = await call(t.app, adminCaller, 'GET', '/api/v1/audit?entityType=team');
    const created = res.body.items.find((e: { action: string }) => e.action === 'team.created');
    expect(created).toMatchObject({ actor: 'ada', entityType: 'team', before: null, after: { name: 'by-token' } });
    const first = await call(t.app, adminCaller, 'GET', '/api/v1/audit?limit=2');
    const second = await call(t.app, adminCaller, 'GET', `/api/v1/audit?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].seq).toBe(first.body.items[1].seq - 1);
  });

  it('rolls back the write when it cannot be audited, so nothing is half-done', async () => {
    const before = await call(t.app, adminCaller, 'GET', '/api/v1/audit?limit=1');
    const dup = await call(t.app, ada, 'POST', '/api/v1/teams', { name: 'by-token' });
    expect(dup.status).toBe(409);
    const after = await call(t.app, adminCaller, 'GET', '/api/v1/audit?limit=1');
    expect(after.body.items[0].seq).toBe(before.body.items[0].seq);
  });

  it('verifies the hash chain and names the first altered or removed entry', async () => {
    const ok = await call(t.app, adminCaller, 'GET', '/api/v1/audit/verify');
    expect(ok.body.ok).toBe(true);
    expect(ok.body.checked).toBeGreaterThan(5);
    await sql`update audit_events set actor_name = 'mallory' where seq = 3`.execute(t.database.db);
    const altered = await call(t.app, adminCaller, 'GET', '/api/v1/audit/verify');
    expect(altered.body).toEqual({ ok: false, checked: 2, firstBad: { seq: 3, reason: 'entry 3 was altered after it was written' } });
    await sql`delete from audit_events where seq = 3`.execute(t.database.db);
    const removed = await call(t.app, adminCaller, 'GET', '/api/v1/audit/verify');
    expect(removed.body.firstBad).toEqual({ seq: 3, reason: 'entry 3 was removed (next entry is 4)' });
  });
});
