import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH, type ChainedFields } from '../src/platform/audit/audit-log';
import { verifyAuditChain } from '../src/platform/audit/audit-verify';
import { restoreBackup, writeBackup } from '../src/platform/backup/index';
import { knownMigrations } from '../src/platform/backup/schema-version';
import { migrate, openDatabase, type DatabaseHandle } from '../src/platform/db/database';
import { sha256 } from '../src/platform/ids';
import { snapshotTables } from './backup-fixtures';
import { call, createTestApp, dialects, newTestStore, type TestApp, type TestStore } from './harness';

/** An instance made by an earlier version: only that version's migrations ran, and its rows were written
 *  the way that version's code wrote them. The current version must migrate it without losing a row or
 *  a value, and work on it; a backup that version made must restore and be brought up the same way. */
const TOKEN = 'dayone_upgrade_0123456789abcdefghijklmnopqrstuvwxyz';
const AT = '2026-11-01T09:00:00.000Z';

async function appendAudit(db: Kysely<any>, entries: Omit<ChainedFields, 'seq' | 'prev_hash' | 'at' | 'actor_id' | 'actor_name'>[]): Promise<void> {
  let prev = GENESIS_HASH;
  let seq = 0;
  for (const entry of entries) {
    const fields: ChainedFields = { seq: ++seq, at: AT, actor_id: 'p-admin', actor_name: 'ada', ...entry, prev_hash: prev };
    prev = entryHash(fields);
    await db.insertInto('audit_events').values({ ...fields, hash: prev }).execute();
  }
}

/** What the foundation and catalog versions wrote: an admin with an API token, two nested teams, a
 *  member, two catalog entities with a relation, instance settings changed once, and their audit trail. */
async function writeCatalogEra(db: Kysely<any>): Promise<void> {
  await db.insertInto('people').values([
    { id: 'p-admin', name: 'ada', email: 'ada@example.com', display_name: 'Ada', role: 'admin', kind: 'person', password_hash: 'scrypt$16384$8$1$c2FsdA$aGFzaA', created_at: AT, updated_at: AT },
    { id: 'p-member', name: 'bob', email: 'bob@example.com', display_name: 'Bob', role: 'member', kind: 'person', password_hash: null, created_at: AT, updated_at: AT },
  ]).execute();
  await db.insertInto('api_tokens').values({ id: 'tok-1', person_id: 'p-admin', name: 'ci', prefix: TOKEN.slice(0, 14), token_hash: sha256(TOKEN), created_at: AT, expires_at: null, last_used_at: null, revoked_at: null }).execute();
  await db.insertInto('teams').values([
    { id: 't-commerce', name: 'commerce', display_name: 'Commerce', mission: 'Everything about buying', parent_id: null, leader_id: 'p-admin', version: 1, created_at: AT, updated_at: AT },
    { id: 't-payments', name: 'payments', display_name: 'Payments', mission: 'Take the money', parent_id: 't-commerce', leader_id: null, version: 2, created_at: AT, updated_at: AT },
  ]).execute();
  await db.insertInto('team_members').values({ team_id: 't-payments', person_id: 'p-member', added_at: AT }).execute();
  await db.updateTable('instance_settings').set({ signup_mode: 'invite', version: 2 }).where('id', '=', 1).execute();
  const entity = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
    id, ref_key: `component:default/${name}`, kind: 'Component', namespace: 'default', name, title: null, description: `The ${name} service`,
    owner_ref: 'group:default/payments', owner_group: 'payments', lifecycle: 'production', type: 'service', tier: null,
    tags_json: '["web"]', links_json: '[]', system_ref: null, domain_ref: null, definition: null, labels_json: '{}', annotations_json: '{}',
    content_hash: sha256(name), version: 1, created_at: AT, updated_at: AT, ...extra,
  });
  await db.insertInto('catalog_entities').values([entity('c-checkout', 'checkout'), entity('c-ledger', 'ledger')]).execute();
  await db.insertInto('catalog_relations').values({ source_id: 'c-checkout', type: 'dependsOn', target_ref: 'component:default/ledger' }).execute();
  await appendAudit(db, [
    { action: 'team.created', entity_type: 'team', entity_id: 't-commerce', before_json: null, after_json: '{"name":"commerce"}' },
    { action: 'team.created', entity_type: 'team', entity_id: 't-payments', before_json: null, after_json: '{"name":"payments"}' },
    { action: 'catalog.entity_created', entity_type: 'catalog_entity', entity_id: 'c-checkout', before_json: null, after_json: '{"name":"checkout"}' },
  ]);
}

/** What the versions up to COEs added: a resolved severity 2 pull with its timeline and COE, an outbox
 *  notice delivered to a webhook, and a running experiment with its rollups. */
async function writeCoeEra(db: Kysely<any>): Promise<void> {
  await db.insertInto('andon_pulls').values({
    id: 'pull-1', number: 1, target_kind: 'service', target_name: 'checkout', target_ref: 'component:default/checkout', environment: null, severity: 2,
    reason: 'Card payments failing', status: 'resolved', owner_team: 'payments', pulled_by: 'bob', pulled_at: AT, acknowledged_by: 'ada', acknowledged_at: AT,
    resolved_by: 'ada', resolved_at: AT, resolution: 'Rolled back', version: 3, coe_number: 1,
  }).execute();
  await db.insertInto('andon_events').values([
    { id: 'ev-1', pull_id: 'pull-1', at: AT, actor: 'bob', type: 'pulled', body: 'Card payments failing' },
    { id: 'ev-2', pull_id: 'pull-1', at: AT, actor: 'ada', type: 'resolved', body: 'Rolled back' },
  ]).execute();
  await db.insertInto('coes').values({ id: 'coe-1', number: 1, title: 'Card payments failing', team: 'payments', status: 'draft', services_json: '["component:default/checkout"]', pulls_json: '["pull-1"]', created_by: 'ada', created_at: AT, updated_at: AT, version: 1 }).execute();
  await db.insertInto('coe_sections').values({ coe_id: 'coe-1', name: 'summary', content_json: '"Card payments failed for 42 minutes."', version: 2, updated_by: 'ada', updated_at: AT }).execute();
  await db.insertInto('coe_action_items').values({ id: 'ai-1', coe_id: 'coe-1', coe_number: 1, title: 'Canary the card client', owner: 'bob', team: 'payments', due_date: '2026-12-31', priority: 'high', type: 'prevent', status: 'open', wont_do_reason: null, link: null, created_at: AT, closed_at: null, reminded_on: null, version: 1 }).execute();
  await db.insertInto('webhooks').values({ id: 'wh-1', url: 'http://127.0.0.1:9/hook', format: 'json', events_json: '["andon.pulled"]', team_id: 't-payments', team_name: 'payments', description: 'pager', secret: 'whsec_upgrade', active: 0, created_by: 'ada', created_at: AT, updated_at: AT, version: 1 }).execute();
  await db.insertInto('outbox_notices').values({ id: 'n-1', type: 'andon.pulled', occurred_at: AT, team: 'payments', payload_json: '{"number":1}' }).execute();
  await db.insertInto('outbox_deliveries').values({ id: 'd-1', notice_id: 'n-1', sink: 'webhook', target_id: 'wh-1', status: 'delivered', attempts: 1, next_attempt_at: null, claimed_until: null, claimed_by: null, last_status_code: 200, last_error: null, delivered_at: AT, created_at: AT }).execute();
  await db.insertInto('outbox_attempts').values({ id: 'a-1', delivery_id: 'd-1', attempt: 1, at: AT, duration_ms: 12, ok: 1, status_code: 200, error: null }).execute();
  await db.insertInto('experiments').values({
    id: 'x-1', key: 'checkout-button', name: 'checkout-button', hypothesis: 'A larger button raises purchases per user.', team: 'payments', services_json: '[]', prfaq: null,
    variants_json: '[{"name":"control","weight":0.5},{"name":"big-button","weight":0.5}]', coverage: 1, metrics_json: '[{"key":"revenue","role":"goal","aggregation":"sum","higherIsBetter":true,"name":"revenue"}]',
    engine: 'frequentist', hash_version: 2, seed: 'checkout-button', status: 'running', started_at: AT, stopped_at: null, decision: null, lesson: null, decided_by: null, decided_at: null,
    created_by: 'ada', created_at: AT, version: 2,
  }).execute();
  const users = [['u1', 0, 3.5], ['u2', 1, 4.25], ['u3', 1, 0.5]] as const;
  await db.insertInto('experiment_exposures').values(users.map(([user, variant]) => ({ experiment_key: 'checkout-button', user_id: user, variant, first_at: AT }))).execute();
  await db.insertInto('experiment_user_metrics').values(users.map(([user, , value]) => ({ experiment_key: 'checkout-button', metric: 'revenue', user_id: user, value, events: 1 }))).execute();
  await db.insertInto('experiment_variant_stats').values([
    { experiment_key: 'checkout-button', metric: 'revenue', variant: 0, users: 1, sum: 3.5, sum_squares: 12.25 },
    { experiment_key: 'checkout-button', metric: 'revenue', variant: 1, users: 2, sum: 4.75, sum_squares: 18.3125 },
  ]).execute();
}

/** Each row of `before` is in `after`, unchanged in every column it had then (the server adds rows of its
 *  own at start, such as the admin token's machine account). */
function expectNothingLost(before: Record<string, string[]>, after: Record<string, string[]>): void {
  for (const [table, rows] of Object.entries(before)) {
    const columns = new Set(rows[0] ? (JSON.parse(rows[0]) as [string, unknown][]).map(([name]) => name) : []);
    const cut = (after[table] ?? []).map((row) => JSON.stringify((JSON.parse(row) as [string, unknown][]).filter(([name]) => columns.has(name)))).sort();
    expect({ table, rows: cut }).toEqual({ table, rows: expect.arrayContaining(rows) });
  }
}

const eras: [string, string, (db: Kysely<any>) => Promise<void>][] = [
  ['catalog', '20261126-0002-catalog', writeCatalogEra],
  ['COE', '20261126-0006-coe', async (db) => (await writeCatalogEra(db), writeCoeEra(db))],
];

describe.each(dialects)('upgrading on %s', (dialect) => {
  let store: TestStore | undefined;
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    await store?.drop();
    t = undefined;
    store = undefined;
  });

  it.each(eras)('from the %s version (migrations up to %s) loses nothing and the app works on it', async (era, lastMigration, write) => {
    store = newTestStore(dialect);
    const old: DatabaseHandle = openDatabase(store);
    await migrate(old, lastMigration);
    await write(old.db as unknown as Kysely<any>);
    const before = await snapshotTables(old);
    const file = join(store.dataDir, `${era}.dayone.gz`);
    await writeBackup(old, file);
    await old.close();

    t = await createTestApp(dialect, { store }); // runs the current migrations, as a server start does
    expectNothingLost(before, await snapshotTables(t.database));

    const admin = { name: 'ada', headers: { authorization: `Bearer ${TOKEN}` } };
    const team = await call(t.app, admin, 'GET', '/api/v1/teams/payments');
    expect(team.body).toMatchObject({ name: 'payments', parent: 'commerce', members: expect.arrayContaining([expect.objectContaining({ name: 'bob' })]) });
    const entity = await call(t.app, admin, 'GET', '/api/v1/catalog/entities?owner=payments');
    expect(entity.body.items.map((e: { name: string }) => e.name)).toEqual(['checkout', 'ledger']);
    const pull = await call(t.app, admin, 'POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: 'checkout' }, reason: `Pulled after the upgrade from the ${era} version` });
    expect(pull.status).toBe(201);
    expect((await call(t.app, admin, 'GET', '/api/v1/gates/checkout')).body).toMatchObject({ open: false });
    const verify = await call(t.app, admin, 'GET', '/api/v1/audit/verify');
    expect(verify.body).toMatchObject({ ok: true, firstBad: null });
    expect(verify.body.checked).toBeGreaterThan(3); // the old chain, continued by the new entries

    // A backup made by that version restores into the other database and is brought up to this version.
    const other = newTestStore(dialect === 'sqlite' ? 'postgres' : 'sqlite');
    const restored = openDatabase(other);
    try {
      const summary = await restoreBackup(restored, file);
      expect(summary.migratedAfter).toEqual(knownMigrations.slice(knownMigrations.indexOf(lastMigration) + 1));
      expectNothingLost(before, await snapshotTables(restored));
      expect(await verifyAuditChain(restored.db)).toEqual({ ok: true, checked: 3, firstBad: null });
    } finally {
      await restored.close();
      await other.drop();
    }

    if (era === 'COE') {
      const coe = await call(t.app, admin, 'GET', '/api/v1/coes/1');
      expect(coe.body).toMatchObject({ team: 'payments', status: 'draft', pulls: ['pull-1'] });
      expect(coe.body.sections.find((s: { name: string }) => s.name === 'summary')).toMatchObject({ content: 'Card payments failed for 42 minutes.', version: 2 });
      expect(pull.body.number).toBe(2);
      const results = await call(t.app, admin, 'GET', '/api/v1/experiments/checkout-button/results');
      expect([results.status, results.body.users, results.body.detail]).toEqual([200, 3, undefined]);
    }
  });
});
