import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, createTestApp, dialects, newTestStore, signUp, type Caller, type TestApp, type TestStore } from './harness';
import { createAndonStore } from '../src/capabilities/andon/andon-store';
import { createCoeFollowUp, FOLLOW_UP_AFTER_MS, FOLLOW_UP_WITHIN_MS } from '../src/capabilities/andon/coe-follow-up';
import { createAuditLog } from '../src/platform/audit/audit-log';
import type { Principal } from '../src/platform/auth/principal';
import { newId } from '../src/platform/ids';

/** A resolve commits (the gates open), then the pull's COE draft is started in a second transaction;
 *  a process that stops in between has the draft started at its next start. */
describe.each(dialects)('COE drafts of resolved pulls on %s', (dialect) => {
  let store: TestStore;
  let t: TestApp;
  let olga: Caller;
  beforeAll(async () => {
    store = newTestStore(dialect);
    t = await createTestApp(dialect, { store });
    await signUp(t.app, 'root');
    olga = await signUp(t.app, 'olga');
    await call(t.app, olga, 'POST', '/api/v1/teams', { name: 'payments' });
    await call(t.app, olga, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'checkout', owner: 'payments', lifecycle: 'production', type: 'service' });
  });
  afterAll(async () => {
    await t.close();
    await store.drop();
  });

  const pull = async (severity: number) => (await call(t.app, olga, 'POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: 'checkout' }, reason: `sev ${severity}`, severity })).body as { id: string; number: number };
  const resolvedNotices = async (id: string) =>
    (await t.database.db.selectFrom('outbox_notices').select('payload_json').where('type', '=', 'andon.resolved').execute()).map((n) => JSON.parse(n.payload_json).pull).filter((p) => p.id === id);
  const auditOf = async (id: string) => (await t.database.db.selectFrom('audit_events').select(['action', 'after_json']).where('entity_id', '=', id).orderBy('seq').execute()).map((a) => ({ action: a.action, coe: JSON.parse(a.after_json ?? 'null')?.coe }));
  const draftsOf = async (id: string) => (await t.database.db.selectFrom('coes').select(['number', 'pulls_json', 'created_by']).execute()).filter((c) => JSON.parse(c.pulls_json).includes(id));

  it('answers a severity 2 resolve with its draft, announced once, after the gate opened', async () => {
    const p = await pull(2);
    const resolved = await call(t.app, olga, 'POST', `/api/v1/andon/pulls/${p.id}/resolve`, { note: 'rolled back' });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', coe: expect.any(Number) });
    const drafts = await draftsOf(p.id);
    expect(drafts.map((d) => d.number)).toEqual([resolved.body.coe]);
    expect((await call(t.app, olga, 'GET', '/api/v1/gates/checkout')).body.open).toBe(true);
    // The resolve is recorded without a draft, then the draft's link; the one notice names the draft.
    expect(await auditOf(p.id)).toEqual([
      { action: 'andon.pulled', coe: null },
      { action: 'andon.resolved', coe: null },
      { action: 'andon.coe_started', coe: resolved.body.coe },
    ]);
    expect((await resolvedNotices(p.id)).map((n) => n.coe)).toEqual([resolved.body.coe]);
    const detail = await call(t.app, olga, 'GET', `/api/v1/andon/pulls/${p.id}`);
    expect(detail.body).toMatchObject({ coe: resolved.body.coe, version: resolved.body.version });
  });

  it('announces a severity 3 resolve at once and starts no draft', async () => {
    const p = await pull(3);
    const resolved = await call(t.app, olga, 'POST', `/api/v1/andon/pulls/${p.id}/resolve`, { note: 'fine' });
    expect(resolved.body.coe).toBeNull();
    expect(await draftsOf(p.id)).toEqual([]);
    expect((await resolvedNotices(p.id)).map((n) => n.coe)).toEqual([null]);
  });

  /** What a process that stopped between the two steps leaves: a resolved pull with no draft and no notice. */
  const resolveWithoutDraft = async (severity: number, agoMs: number) => {
    const p = await pull(severity);
    const at = new Date(Date.now() - agoMs).toISOString();
    await t.database.db
      .updateTable('andon_pulls')
      .set({ status: 'resolved', resolved_by: 'olga', resolved_at: at, resolution: 'restarted the pods', acknowledged_by: 'olga', acknowledged_at: at, version: 2 })
      .where('id', '=', p.id)
      .execute();
    return p;
  };

  it('starts the drafts a stopped process left behind when the next one starts, and leaves recent resolves to their request', async () => {
    const left = await resolveWithoutDraft(1, FOLLOW_UP_AFTER_MS + 5_000);
    const recent = await resolveWithoutDraft(2, 0);
    // Resolved long ago without a draft, as by a version without COEs: left as it is.
    const old = await resolveWithoutDraft(2, FOLLOW_UP_WITHIN_MS + 60_000);
    await t.close();
    t = await createTestApp(dialect, { store }); // the instance comes back
    await vi.waitFor(async () => expect((await call(t.app, olga, 'GET', `/api/v1/andon/pulls/${left.id}`)).body.coe).toEqual(expect.any(Number)), { timeout: 10_000, interval: 50 });
    const detail = (await call(t.app, olga, 'GET', `/api/v1/andon/pulls/${left.id}`)).body;
    const drafts = await draftsOf(left.id);
    expect(drafts).toEqual([{ number: detail.coe, pulls_json: JSON.stringify([left.id]), created_by: 'olga' }]);
    expect((await resolvedNotices(left.id)).map((n) => n.coe)).toEqual([detail.coe]);
    expect((await call(t.app, olga, 'GET', `/api/v1/andon/pulls/${recent.id}`)).body.coe).toBeNull();
    expect((await call(t.app, olga, 'GET', `/api/v1/andon/pulls/${old.id}`)).body.coe).toBeNull();
    expect(await draftsOf(old.id)).toEqual([]);
  });

  it('links one draft when two starts race for the same pull; the other rolls back', async () => {
    const p = await resolveWithoutDraft(2, 0);
    const db = t.database.db;
    let made = 0;
    // Each start writes a row in its own transaction, so a rolled-back start leaves none.
    const startCoe = async (trx: typeof db) => {
      const n = 9_000 + ++made;
      await trx.insertInto('andon_events').values({ id: newId(), pull_id: p.id, at: new Date().toISOString(), actor: 'test', type: 'comment', body: `draft ${n}` }).execute();
      return n;
    };
    const followUp = createCoeFollowUp({ db, store: createAndonStore(db, dialect), audit: createAuditLog(dialect), startCoe });
    const actor: Principal = { id: 'olga-id', name: 'olga', displayName: 'Olga', role: 'member', kind: 'person', via: 'session' };
    const outcomes = await Promise.all([followUp.start(actor, p.id), followUp.start(actor, p.id)]);
    const won = outcomes.filter((o) => o !== undefined);
    expect(won).toHaveLength(1);
    const stored = await db.selectFrom('andon_pulls').select(['coe_number', 'version']).where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ coe_number: won[0]!.coe, version: 3 });
    const comments = await db.selectFrom('andon_events').select('body').where('pull_id', '=', p.id).where('type', '=', 'comment').execute();
    expect(comments).toEqual([{ body: `draft ${won[0]!.coe}` }]);
    // Nothing left to start for this pull: a third start and a later sweep leave it as it is.
    expect(await followUp.start(actor, p.id)).toBeUndefined();
    await followUp.finishPending(Date.now() + 2 * FOLLOW_UP_AFTER_MS);
    expect(await db.selectFrom('andon_pulls').select(['coe_number', 'version']).where('id', '=', p.id).executeTakeFirstOrThrow()).toEqual(stored);
  });
});
