import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { verifyAuditChain } from '../src/platform/audit/audit-verify';
import { BACKUP_FORMAT, BackupRefusal, restoreBackup, writeBackup } from '../src/platform/backup/index';
import { migrate, openDatabase, type DatabaseHandle, type Dialect } from '../src/platform/db/database';
import { populate, snapshotTables } from './backup-fixtures';
import { ADMIN_TOKEN, call, createTestApp, newTestStore, type TestApp, type TestStore } from './harness';

const pairs: [Dialect, Dialect][] = [
  ['sqlite', 'postgres'],
  ['postgres', 'sqlite'],
];

describe.each(pairs)('a backup of %s restored into %s', (from, to) => {
  let source: TestApp;
  let store: TestStore;
  let restored: DatabaseHandle;
  let folder: string;
  let file: string;
  beforeAll(async () => {
    source = await createTestApp(from);
    await populate(source.app);
    folder = mkdtempSync(join(tmpdir(), 'dayone-backup-'));
    file = join(folder, 'instance.dayone.gz');
    store = newTestStore(to);
    restored = openDatabase(store);
    // The target may be brand new or already migrated by a server that has started on it once.
    if (to === 'sqlite') await migrate(restored);
  });
  afterAll(async () => {
    await restored.close();
    await store.drop();
    await source.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('restores every table row for row, the audit chain included, and the chain verifies', async () => {
    const before = await snapshotTables(source.database);
    const written = await writeBackup(source.database, file);
    expect(written).toMatchObject({ file, sourceDialect: from, schemaVersion: expect.arrayContaining(['20261126-0001-foundation']) });
    const summary = await restoreBackup(restored, file);
    expect(summary).toMatchObject({ sourceDialect: from, rows: written.rows, tables: written.tables, migratedAfter: [] });

    const after = await snapshotTables(restored);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
    // Everything written above is there: sanity that the comparison compared something.
    const nonEmpty = Object.keys(before).filter((t) => before[t].length > 0);
    expect(nonEmpty).toEqual(expect.arrayContaining(['people', 'teams', 'team_members', 'catalog_entities', 'catalog_relations', 'andon_pulls', 'andon_events', 'coes', 'coe_sections', 'coe_action_items', 'attachments', 'experiments', 'experiment_events', 'experiment_variant_stats', 'webhooks', 'api_tokens', 'invites', 'audit_events']));
    expect(written.rows).toBe(Object.values(before).reduce((n, rows) => n + rows.length, 0));

    const chain = await verifyAuditChain(restored.db);
    expect(chain).toEqual({ ok: true, checked: before.audit_events.length, firstBad: null });
  });

  it('serves the restored instance: sign-in, teams, the COE and the experiment results', async () => {
    const app = await buildApp({ logLevel: 'silent', bodyLimit: 1024 * 1024, secureCookies: false, adminToken: ADMIN_TOKEN, reminders: false }, restored);
    try {
      const signIn = await call(app, null, 'POST', '/api/v1/auth/signin', { email: 'olga@example.com', password: 'correct horse battery' });
      expect([signIn.status, signIn.body.person.name]).toEqual([200, 'olga']);
      const admin = { name: 'admin', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } };
      const team = await call(app, admin, 'GET', '/api/v1/teams/payments');
      expect(team.body).toMatchObject({ name: 'payments', parent: 'commerce' });
      const coe = await call(app, admin, 'GET', '/api/v1/coes/1');
      expect(coe.body).toMatchObject({ team: 'payments', status: 'draft' });
      expect(coe.body.sections.find((s: { name: string }) => s.name === 'summary').content).toBe('Card payments failed for 42 minutes.');
      const results = await call(app, admin, 'GET', '/api/v1/experiments/checkout-button/results');
      expect(results.status).toBe(200);
      expect(results.body.users).toBe(20);
      const verify = await call(app, admin, 'GET', '/api/v1/audit/verify');
      expect(verify.body.ok).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('refuses to restore into a database that holds data, and changes nothing', async () => {
    const before = await snapshotTables(restored);
    const refusal = await restoreBackup(restored, file).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(BackupRefusal);
    expect(refusal).toMatchObject({ code: 'RESTORE_TARGET_NOT_EMPTY' });
    expect((refusal as Error).message).toMatch(/is not empty: .*people has \d+ rows/);
    expect(await snapshotTables(restored)).toEqual(before);
  });
});

describe.each(pairs)('a backup of %s taken while writes run, restored into %s', (from, to) => {
  it('is one consistent moment: every team has its audit entry and the chain verifies', async () => {
    const source = await createTestApp(from);
    const store = newTestStore(to);
    const restored = openDatabase(store);
    const folder = mkdtempSync(join(tmpdir(), 'dayone-backup-'));
    try {
      const { owner } = await populate(source.app);
      let writing = true;
      let written = 0;
      let duringBackup = 0;
      const lane = async (name: string) => {
        for (let i = 0; writing || i < 3; i++) {
          const res = await call(source.app, owner, 'POST', '/api/v1/teams', { name: `${name}-${i}` });
          expect(res.status).toBe(201);
          written += 1;
        }
      };
      const lanes = [lane('alpha'), lane('beta'), lane('gamma')];
      while (written < 6) await new Promise((resolve) => setImmediate(resolve));
      const file = join(folder, 'busy.dayone.gz');
      const startedAt = written;
      await writeBackup(source.database, file);
      duringBackup = written - startedAt;
      writing = false;
      await Promise.all(lanes);

      await restoreBackup(restored, file);
      expect(await verifyAuditChain(restored.db)).toMatchObject({ ok: true, firstBad: null });
      const teams = await restored.db.selectFrom('teams').select('id').execute();
      const created = await restored.db.selectFrom('audit_events').select('entity_id').where('action', '=', 'team.created').execute();
      expect(created.map((e) => e.entity_id).sort()).toEqual(teams.map((t) => t.id).sort());
      expect(teams.length).toBeGreaterThanOrEqual(8); // commerce, payments and the six written before the backup began
      console.log(`${from}: ${duringBackup} teams written while the backup ran; ${teams.length} in the backup; ${written} in all`);
    } finally {
      await restored.close();
      await store.drop();
      await source.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
