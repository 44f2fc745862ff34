import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { adminCaller, call, createTestApp, dialects, newTestStore, signUp, type Caller, type TestApp } from './harness';

const lesson = 'Canary every change to the card client before it reaches all regions.';

describe.each(dialects)('search on %s', (dialect) => {
  let t: TestApp;
  let owner: Caller;
  const search = (query: string) => call(t.app, owner, 'GET', `/api/v1/search?${query}`);
  const keys = (body: { items: { type: string; key: string }[] }) => body.items.map((i) => `${i.type}:${i.key}`);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await signUp(t.app, 'root');
    owner = await signUp(t.app, 'olga');
    await call(t.app, owner, 'POST', '/api/v1/teams', { name: 'commerce', displayName: 'Commerce', mission: 'Everything a customer buys.' });
    await call(t.app, owner, 'POST', '/api/v1/teams', { name: 'payments', displayName: 'Payments', mission: 'Take every payment first time.', parent: 'commerce' });
    await call(t.app, owner, 'POST', '/api/v1/teams', { name: 'search-team', displayName: 'Discovery', mission: 'Help customers find products.' });
    await call(t.app, owner, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'checkout', title: 'Checkout', description: 'Takes card payments for orders.', owner: 'payments', lifecycle: 'production', type: 'service' });
    await call(t.app, owner, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'catalogue-browser', description: 'Lists products.', owner: 'search-team', lifecycle: 'production', type: 'service' });
  });
  afterAll(() => t.close());

  it('finds teams and services as soon as they are written, on whole words and on parts of words', async () => {
    const whole = await search('q=payments');
    expect(whole.status).toBe(200);
    expect(keys(whole.body)).toEqual(expect.arrayContaining(['team:payments', 'service:component:default/checkout']));
    const part = await search('q=heckou');
    expect(keys(part.body)).toEqual(['service:component:default/checkout']);
    expect(part.body.items[0]).toMatchObject({ title: 'Checkout', path: '/catalog/component/default/checkout', team: 'payments', titleHighlights: [{ start: 1, end: 7 }] });
  });

  it('finds a lesson written in a COE section, with the match highlighted in the snippet', async () => {
    const coe = await call(t.app, owner, 'POST', '/api/v1/coes', { title: 'Card payments failed after a deploy', team: 'payments' });
    expect(coe.status).toBe(201);
    const saved = await call(t.app, owner, 'PUT', `/api/v1/coes/${coe.body.number}/sections/lessons`, { content: lesson }, { 'if-match': '"1"' });
    expect(saved.status).toBe(200);
    const found = await search('q=canary%20regions');
    expect(keys(found.body)).toEqual([`coe:${coe.body.number}`]);
    const hit = found.body.items[0];
    expect(hit.path).toBe(`/coes/${coe.body.number}`);
    const marked = hit.snippetHighlights.map((h: { start: number; end: number }) => hit.snippet.slice(h.start, h.end));
    expect(marked).toEqual(['Canary', 'regions']);
  });

  it('keeps the index in step with edits and removals', async () => {
    const entity = await call(t.app, owner, 'GET', '/api/v1/catalog/entities/component/default/catalogue-browser');
    const renamed = await call(t.app, owner, 'PATCH', '/api/v1/catalog/entities/component/default/catalogue-browser', { description: 'Shows the shelf of recommended products.' }, { 'if-match': `"${entity.body.version}"` });
    expect(renamed.status).toBe(200);
    expect(keys((await search('q=shelf')).body)).toEqual(['service:component:default/catalogue-browser']);
    expect(keys((await search('q=lists%20products')).body)).toEqual([]);
    const current = await call(t.app, owner, 'GET', '/api/v1/catalog/entities/component/default/catalogue-browser');
    const retired = await call(t.app, owner, 'DELETE', '/api/v1/catalog/entities/component/default/catalogue-browser', undefined, { 'if-match': `"${current.body.version}"` });
    expect(retired.status).toBe(204);
    expect(keys((await search('q=shelf')).body)).toEqual([]);
  });

  it('filters by type, by team with its sub-teams, and by date', async () => {
    expect(keys((await search('q=payment&type=team')).body)).toEqual(['team:payments']);
    const underCommerce = await search('q=e&team=commerce&type=team,service');
    expect(keys(underCommerce.body).sort()).toEqual(['service:component:default/checkout', 'team:commerce', 'team:payments']);
    expect(keys((await search('q=payments&from=2999-01-01')).body)).toEqual([]);
    expect((await search('q=payments&to=2000-01-01')).body.items).toEqual([]);
  });

  it('pages with a cursor', async () => {
    const first = await search('q=e&limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await search(`q=e&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.status).toBe(200);
    expect(keys(second.body)).not.toEqual(expect.arrayContaining(keys(first.body)));
  });

  it('treats operators, quotes, brackets and emoji as plain text, never as syntax', async () => {
    for (const q of ['"checkout', 'checkout OR', 'NOT checkout', '(checkout', 'check*', 'checkout)"^:', 'NEAR(checkout payments)', "checkout'; drop table teams; --", '🚀 checkout', 'ch', '%_%']) {
      const res = await search(`q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBeLessThan(500);
      if (res.status !== 200) expect(res.body.errors[0].path).toBe('querystring.q');
    }
    expect(keys((await search(`q=${encodeURIComponent('"checkout OR (')}`)).body)).toContain('service:component:default/checkout');
    expect((await call(t.app, adminCaller, 'GET', '/api/v1/teams/payments')).status).toBe(200);
  });

  it('answers a clear 400 naming q for an empty, symbol-only or 10,000-character query, and for an unknown type', async () => {
    for (const q of ['', '   ', '🚀🚀', '()""', 'x'.repeat(10_000)]) {
      const res = await search(`q=${encodeURIComponent(q)}`);
      expect(res.status, q.slice(0, 20)).toBe(400);
      expect(res.body.errors[0].path).toBe('querystring.q');
    }
    const missing = await search('');
    expect(missing.status).toBe(400);
    const badType = await search('q=x&type=spaceship');
    expect(badType.status).toBe(400);
    expect(badType.body.errors[0].path).toMatch(/^querystring\.type/);
    const badCursor = await search('q=checkout&cursor=nonsense');
    expect(badCursor.status).toBe(400);
  });
});

describe.each(dialects)('the search index at start on %s', (dialect) => {
  it('is rebuilt from the documents when it is empty or its full-text rows are missing (a restored backup)', async () => {
    const store = newTestStore(dialect);
    const first = await createTestApp(dialect, { store });
    const owner = await signUp(first.app, 'root');
    await call(first.app, owner, 'POST', '/api/v1/teams', { name: 'ledger', mission: 'Record every transfer exactly once.' });
    // What a restore leaves behind: the documents, but not the engine's own full-text rows (SQLite), or nothing.
    if (dialect === 'sqlite') await sql`delete from search_fts`.execute(first.database.db);
    else await first.database.db.deleteFrom('search_documents').execute();
    await first.close();

    const second = await createTestApp(dialect, { store });
    try {
      const found = await call(second.app, owner, 'GET', '/api/v1/search?q=transfer');
      expect(found.body.items.map((i: { key: string }) => i.key)).toEqual(['ledger']);
    } finally {
      await second.close();
      await store.drop();
    }
  });
});
