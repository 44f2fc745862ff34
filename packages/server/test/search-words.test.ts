import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrate, openDatabase } from '../src/platform/db/database';
import { createSearchQuery } from '../src/capabilities/search/search-query';
import { createSearchIndex } from '../src/capabilities/search/search-index';
import { call, createTestApp, dialects, newTestStore, signUp, type Caller, type TestApp } from './harness';

describe.each(dialects)('search words on %s', (dialect) => {
  let t: TestApp;
  let owner: Caller;
  const search = (query: string) => call(t.app, owner, 'GET', `/api/v1/search?${query}`);
  const keys = (body: { items: { type: string; key: string }[] }) => body.items.map((i) => `${i.type}:${i.key}`);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    owner = await signUp(t.app, 'root');
    // Written oldest first: the team that has the word whole is the older one.
    await call(t.app, owner, 'POST', '/api/v1/teams', { name: 'shipping', displayName: 'Shipping', mission: 'We deploy every change behind a flag.' });
    await call(t.app, owner, 'POST', '/api/v1/teams', { name: 'fleet', displayName: 'Fleet', mission: 'Deployment notes for the redeployed hosts.' });
    await call(t.app, owner, 'POST', '/api/v1/teams', { name: 'platform', displayName: 'Platform', mission: 'Runs the K8s clusters and the CI for everyone.' });
    await call(t.app, owner, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'builder', description: 'Builds images for k8s.', owner: 'platform', lifecycle: 'production', type: 'service' });
    await call(t.app, owner, 'POST', '/api/v1/teams', { name: 'cafe', displayName: 'Café', mission: 'Über-fresh crème brûlée.' });
  });
  afterAll(() => t.close());

  it('finds one- and two-character words anywhere in a word, alone, together, with longer words and with filters', async () => {
    expect(keys((await search('q=k8')).body).sort()).toEqual(['service:component:default/builder', 'team:platform']);
    expect(keys((await search('q=K8&type=team')).body)).toEqual(['team:platform']);
    expect(keys((await search('q=ci%20clusters')).body)).toEqual(['team:platform']);
    expect(keys((await search('q=8%20s%20images')).body)).toEqual(['service:component:default/builder']);
    expect(keys((await search('q=k8&team=fleet')).body)).toEqual([]);
    expect(keys((await search('q=qx')).body)).toEqual([]);
    // Inside a word, not only at its start: "ep" is in "deploy" and "redeployed".
    expect(keys((await search('q=ep&type=team')).body).sort()).toEqual(['team:fleet', 'team:shipping']);
  });

  it('matches letters beyond ASCII in any case, short and long', async () => {
    expect(keys((await search('q=%C3%A9')).body)).toEqual(['team:cafe']); // é
    expect(keys((await search('q=%C3%9Cb')).body)).toEqual(['team:cafe']); // Üb
    expect(keys((await search('q=cr%C3%A8me')).body)).toEqual(['team:cafe']);
  });

  it('ranks a word found whole above the same letters inside longer words, even when those are newer', async () => {
    const found = await search('q=deploy&type=team');
    expect(keys(found.body)).toEqual(['team:shipping', 'team:fleet']);
    expect(found.body.items[1].snippetHighlights.length).toBe(2);
  });

  it('treats FTS operators, column filters, quotes, brackets and emoji around short words as plain text', async () => {
    const odd = ['"k8', 'k8 OR ci', 'NOT ci', '(k8', 'k8*', 'grams : "k8"', 'tags:type=team', '{title body}: ci', '\u241ftype=team\u241f', 'NEAR(k8 ci, 1)', 'ci)"^:', '🚀 k8 🚀', "k8'; drop table teams; --", '"""a"""', 'a'];
    for (const q of odd) {
      const res = await search(`q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    expect(keys((await search(`q=${encodeURIComponent('("k8" OR')}`)).body).sort()).toEqual(['service:component:default/builder', 'team:platform']);
    // Words that look like the index's own filters find documents by their text only.
    expect(keys((await search(`q=${encodeURIComponent('tags : "\u241ftype=service\u241f"')}`)).body)).toEqual([]);
    expect((await call(t.app, owner, 'GET', '/api/v1/teams/platform')).status).toBe(200);
  });

  it('answers 400 naming q for 10,000 characters of anything, never a 500', async () => {
    for (const q of ['k8 '.repeat(3_334).slice(0, 10_000), '('.repeat(10_000), '🚀'.repeat(5_000), '"'.repeat(10_000)]) {
      const res = await search(`q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toBe('querystring.q');
    }
  });

  // Last: it takes a document's pieces away.
  it("keeps each document's short pieces beside it on PostgreSQL (SQLite's FTS table holds its own), and rebuilds when they are missing", async () => {
    const { db } = t.database;
    const rows = await db.selectFrom('search_documents').select(['doc_key', 'grams']).execute();
    const index = createSearchIndex(dialect);
    expect(await index.stale(db)).toBe(false);
    if (dialect === 'sqlite') {
      expect(rows.every((r) => r.grams === null)).toBe(true);
      return;
    }
    expect(rows.every((r) => r.grams !== null)).toBe(true);
    const platform = rows.find((r) => r.doc_key === 'team:platform')!.grams!;
    expect(platform).toContain(' k8 ');
    expect(platform).toContain(' k ');
    expect(platform).not.toContain(' k8s ');
    await db.updateTable('search_documents').set({ grams: null }).where('doc_key', '=', 'team:platform').execute();
    expect(await index.stale(db)).toBe(true);
  });
});

describe.each(dialects)('upgrading the search index on %s', (dialect) => {
  it('fills the new index from the documents already indexed', async () => {
    const store = newTestStore(dialect);
    const database = openDatabase(store);
    try {
      await migrate(database, '20261126-0014-flywheel');
      const { db } = database;
      const at = '2026-11-01T09:00:00.000Z';
      const docs = [
        { doc_key: 'team:platform', type: 'team', team: 'platform', title: 'Platform', body: 'platform\nRuns the K8s clusters.', path: '/teams/platform', updated_at: at },
        { doc_key: 'coe:4', type: 'coe', team: 'platform', title: 'COE #4: Cluster upgrade stalled', body: 'Drain nodes one zone at a time.', path: '/coes/4', updated_at: at },
      ];
      for (const doc of docs) {
        const { seq } = await db.insertInto('search_documents').values(doc).returning('seq').executeTakeFirstOrThrow();
        if (dialect === 'sqlite') await sql`insert into search_fts (rowid, title, body) values (${seq}, ${doc.title}, ${doc.body})`.execute(db);
      }
      await migrate(database);
      const query = createSearchQuery({ db, dialect });
      const keys = async (q: string, type?: 'coe' | 'team') => (await query({ q, limit: 20, type: type ? [type] : undefined })).items.map((i) => `${i.type}:${i.key}`);
      expect(await keys('cluster')).toEqual(['coe:4', 'team:platform']);
      expect(await keys('k8')).toEqual(['team:platform']);
      expect(await keys('zone', 'coe')).toEqual(['coe:4']);
      expect(await keys('zone', 'team')).toEqual([]);
    } finally {
      await database.close();
      await store.drop();
    }
  });
});
