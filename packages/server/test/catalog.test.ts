import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLog } from '../src/platform/audit/audit-log';
import { verifyAuditChain } from '../src/platform/audit/audit-verify';
import { createBulkWriter } from '../src/platform/db/bulk-writer';
import { adminCaller, call, createTestApp, dialects, signUp, type Caller, type TestApp } from './harness';

const fixture = readFileSync(new URL('./fixtures/catalog-info.yaml', import.meta.url), 'utf8');
const yamlPost = (t: TestApp, caller: Caller, body: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/catalog/import', payload: body, headers: { ...caller.headers, 'content-type': 'application/yaml' } });

describe.each(dialects)('service catalog on %s', (dialect) => {
  let t: TestApp;
  let root: Caller;
  let mallory: Caller;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    root = await signUp(t.app, 'root');
    mallory = await signUp(t.app, 'mallory');
  });
  afterAll(() => t.close());

  it('imports Backstage descriptors and says what happened to each', async () => {
    const res = await yamlPost(t, adminCaller, fixture);
    expect(res.statusCode).toBe(200);
    const summary = res.json();
    expect({ created: summary.created, updated: summary.updated, rejected: summary.rejected, skipped: summary.skipped }).toEqual({ created: 13, updated: 0, rejected: 2, skipped: 1 });
    const byDoc = (n: number) => summary.results.find((r: { document: number }) => r.document === n);
    expect(byDoc(14)).toMatchObject({ status: 'skipped', ref: 'template:default/new-service' });
    expect(byDoc(15).status).toBe('rejected');
    expect(byDoc(15).reason).toContain('metadata.name');
    expect(byDoc(16)).toMatchObject({ status: 'rejected', ref: 'component:default/no-lifecycle', reason: 'spec.lifecycle: is required for a Component' });
  });

  it('turns groups into teams with parents and members, and users into people without passwords', async () => {
    const payments = await call(t.app, adminCaller, 'GET', '/api/v1/teams/payments');
    expect(payments.body).toMatchObject({ displayName: 'Payments', mission: 'Take money safely', parent: 'commerce', members: [{ name: 'alice' }] });
    expect(payments.body.owns.map((o: { name: string }) => o.name)).toEqual(['api:default/checkout-api', 'component:default/cart', 'component:default/checkout', 'system:default/checkout-system']);
    const platform = await call(t.app, adminCaller, 'GET', '/api/v1/teams/platform');
    expect(platform.body.parent).toBe('commerce');
    expect(platform.body.members.map((m: { name: string }) => m.name)).toEqual(['bob']);
    const alice = await t.database.db.selectFrom('people').selectAll().where('name', '=', 'alice').executeTakeFirstOrThrow();
    expect(alice.password_hash).toBeNull();
    expect(alice.display_name).toBe('Alice Archer');
  });

  it('resolves references with Backstage defaults, case-insensitively, and derives relations both ways', async () => {
    const checkout = await call(t.app, adminCaller, 'GET', '/api/v1/catalog/entities/component/default/checkout');
    expect(checkout.status).toBe(200);
    expect(checkout.body).toMatchObject({
      owner: 'group:default/payments',
      ownerTeam: 'payments',
      system: 'system:default/checkout-system',
      tier: '1',
      annotations: { 'example.com/pager': 'checkout-oncall' },
      providesApis: ['api:default/checkout-api'],
      consumesApis: ['api:pricing/pricing-api'],
      dependsOn: ['component:default/cart', 'resource:default/orders-db'],
    });
    const rel = (type: string) => checkout.body.relations.filter((r: { type: string }) => r.type === type).map((r: { target: string }) => r.target);
    expect(rel('ownedBy')).toEqual(['group:default/payments']);
    expect(rel('dependencyOf')).toEqual(['component:default/cart']);
    const api = await call(t.app, adminCaller, 'GET', '/api/v1/catalog/entities/api/pricing/pricing-api');
    const apiRel = (type: string) => api.body.relations.filter((r: { type: string }) => r.type === type).map((r: { target: string }) => r.target);
    expect(apiRel('apiProvidedBy')).toEqual(['component:pricing/pricing-svc']);
    expect(apiRel('apiConsumedBy')).toEqual(['component:default/checkout']);
    const system = await call(t.app, adminCaller, 'GET', '/api/v1/catalog/entities/system/default/checkout-system');
    expect(system.body.relations.filter((r: { type: string }) => r.type === 'hasPart').map((r: { target: string }) => r.target)).toEqual(['component:default/cart', 'component:default/checkout']);
  });

  it('keeps dangling references and lists them in the health view with the cycle', async () => {
    const legacy = await call(t.app, adminCaller, 'GET', '/api/v1/catalog/entities/component/default/legacy-billing');
    expect(legacy.body.ownerTeam).toBeNull();
    expect(legacy.body.relations).toEqual(
      expect.arrayContaining([
        { type: 'ownedBy', target: 'group:default/finance', exists: false, title: null },
        { type: 'dependsOn', target: 'component:default/ghost', exists: false, title: null },
      ]),
    );
    const health = await call(t.app, adminCaller, 'GET', '/api/v1/catalog/health');
    expect(health.body.cycles).toEqual([['component:default/cart', 'component:default/checkout']]);
    const codes = (code: string) => health.body.findings.filter((f: { code: string }) => f.code === code);
    expect(codes('DANGLING_OWNER').map((f: { entities: string[] }) => f.entities[0])).toEqual(['component:default/legacy-billing']);
    expect(codes('DANGLING_REFERENCE').map((f: { detail: string }) => f.detail.split(' ')[0]).sort()).toEqual(['component:default/ghost', 'domain:default/commerce-domain']);
    // payments -> platform: checkout -> orders-db and checkout -> pricing-api; pricing-api -> pricing-svc stays inside platform
    expect(health.body.crossTeamEdges).toBe(2);
  });

  it('re-importing the same file changes nothing and says so', async () => {
    const again = (await yamlPost(t, adminCaller, fixture)).json();
    expect({ created: again.created, updated: again.updated, unchanged: again.unchanged }).toEqual({ created: 0, updated: 0, unchanged: 13 });
  });

  it('exports what it imported: an import of the export into an empty instance gives the same export', async () => {
    const exported = await call(t.app, adminCaller, 'GET', '/api/v1/catalog/export');
    expect(exported.headers['content-type']).toContain('application/yaml');
    const fresh = await createTestApp(dialect);
    try {
      const summary = (await yamlPost(fresh, adminCaller, exported.body)).json();
      expect(summary.rejected).toBe(0);
      const second = await call(fresh.app, adminCaller, 'GET', '/api/v1/catalog/export');
      expect(second.body.replace(/\nmetadata:\n  name: (root|mallory)[\s\S]*?(?=---)/g, '')).toBe(exported.body.replace(/\nmetadata:\n  name: (root|mallory)[\s\S]*?(?=---)/g, ''));
    } finally {
      await fresh.close();
    }
  });

  it('answers YAML that does not parse with 400 naming the document and line', async () => {
    const res = await yamlPost(t, adminCaller, 'kind: Component\nmetadata:\n  name: ok\n---\nkind: [unclosed\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('YAML_PARSE_ERROR');
    expect(res.json().detail).toMatch(/^document 2, line \d+/);
  });

  it('lets only the owning team change an entity; others are refused with the reason', async () => {
    const cart = await call(t.app, mallory, 'GET', '/api/v1/catalog/entities/component/default/cart');
    const denied = await call(t.app, mallory, 'PATCH', '/api/v1/catalog/entities/component/default/cart', { description: 'mine now' }, { 'if-match': `"${cart.body.version}"` });
    expect(denied.status).toBe(403);
    expect(denied.body.detail).toContain('only members of payments');
    const sneaky = (await yamlPost(t, mallory, fixture.replace('Turns a cart into an order', 'Hijacked'))).json();
    expect(sneaky.results.find((r: { ref: string }) => r.ref === 'component:default/checkout')).toMatchObject({ status: 'rejected' });
    const unchanged = await call(t.app, adminCaller, 'GET', '/api/v1/catalog/entities/component/default/checkout');
    expect(unchanged.body.description).toBe('Turns a cart into an order');
  });

  it('registers, edits with If-Match and retires an entity through the JSON API', async () => {
    await call(t.app, root, 'POST', '/api/v1/teams', { name: 'search' });
    const bad = await call(t.app, root, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'x', owner: 'search', lifecycle: 'forever', tags: ['Not OK'], dependsOn: ['cart'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.lifecycle', 'body.tags.0']);
    const noKind = await call(t.app, root, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'x', owner: 'search', dependsOn: ['cart'] });
    expect(noKind.status).toBe(400);
    expect(noKind.body.errors[0].path).toBe('dependsOn.0');
    const created = await call(t.app, root, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'search-api-gw', owner: 'search', lifecycle: 'experimental', type: 'service', dependsOn: ['component:checkout'] });
    expect(created.status).toBe(201);
    expect(created.body.ref).toBe('component:default/search-api-gw');
    const dup = await call(t.app, root, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'Search-API-GW', owner: 'search' });
    expect(dup.status).toBe(409);
    const url = '/api/v1/catalog/entities/component/default/search-api-gw';
    const edited = await call(t.app, root, 'PATCH', url, { lifecycle: 'production' }, { 'if-match': '"1"' });
    expect(edited.body).toMatchObject({ lifecycle: 'production', version: 2, dependsOn: ['component:default/checkout'] });
    expect((await call(t.app, root, 'PATCH', url, { lifecycle: 'deprecated' }, { 'if-match': '"1"' })).status).toBe(412);
    const team = await call(t.app, root, 'GET', '/api/v1/teams/search');
    await call(t.app, root, 'DELETE', '/api/v1/teams/search/members/root');
    const refused = await call(t.app, adminCaller, 'DELETE', '/api/v1/teams/search', undefined, { 'if-match': `"${team.body.version + 1}"` });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('TEAM_OWNS_ENTITIES');
    expect((await call(t.app, adminCaller, 'DELETE', url, undefined, { 'if-match': '"2"' })).status).toBe(204);
    expect((await call(t.app, root, 'GET', url)).status).toBe(404);
  });

  it('finds dependents directly and transitively', async () => {
    const direct = await call(t.app, root, 'GET', '/api/v1/catalog/entities/component/pricing/pricing-svc/dependents?transitive=false');
    expect(direct.body.items).toEqual([{ ref: 'api:pricing/pricing-api', depth: 1 }]);
    const all = await call(t.app, root, 'GET', '/api/v1/catalog/entities/component/pricing/pricing-svc/dependents');
    expect(all.body.items).toEqual([
      { ref: 'api:pricing/pricing-api', depth: 1 },
      { ref: 'component:default/checkout', depth: 2 },
      { ref: 'api:default/checkout-api', depth: 3 }, // an API depends on the component that provides it
      { ref: 'component:default/cart', depth: 3 },
    ]);
  });

  it('searches and filters the catalog with pagination', async () => {
    const q = async (query: string) => (await call(t.app, root, 'GET', `/api/v1/catalog/entities?${query}`)).body.items.map((e: { ref: string }) => e.ref);
    expect(await q('kind=Component&owner=payments')).toEqual(['component:default/cart', 'component:default/checkout']);
    expect(await q('tag=java')).toEqual(['component:default/checkout']);
    expect(await q('lifecycle=deprecated')).toEqual(['component:default/legacy-billing']);
    expect(await q('system=checkout-system')).toEqual(['component:default/cart', 'component:default/checkout']);
    expect(await q('q=cart')).toEqual(['component:default/cart', 'component:default/checkout']);
    const first = await call(t.app, root, 'GET', '/api/v1/catalog/entities?limit=3');
    const second = await call(t.app, root, 'GET', `/api/v1/catalog/entities?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].ref > first.body.items[2].ref).toBe(true);
  });

  it('draws a neighbourhood of the graph around one entity', async () => {
    const g = await call(t.app, root, 'GET', '/api/v1/catalog/graph?focus=component:default/checkout&depth=1');
    expect(g.body.nodes.map((n: { ref: string }) => n.ref).sort()).toEqual(['api:default/checkout-api', 'api:pricing/pricing-api', 'component:default/cart', 'component:default/checkout', 'resource:default/orders-db']);
    expect(g.body.edges).toContainEqual({ from: 'component:default/checkout', to: 'component:default/cart', type: 'dependsOn' });
  });
});

describe.each(dialects)('changing only the relations of an entity on %s', (dialect) => {
  it('is saved as a change (a new version), not taken for an unchanged entity', async () => {
    const t = await createTestApp(dialect);
    try {
      const owner = await signUp(t.app, 'root');
      await call(t.app, owner, 'POST', '/api/v1/teams', { name: 'payments' });
      const create = (name: string, dependsOn: string[] = []) => call(t.app, owner, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name, owner: 'payments', lifecycle: 'production', type: 'service', dependsOn });
      expect((await create('ledger')).status).toBe(201);
      expect((await create('checkout', ['component:ledger'])).status).toBe(201);
      const patched = await call(t.app, owner, 'PATCH', '/api/v1/catalog/entities/component/default/ledger', { dependsOn: ['component:checkout'] }, { 'if-match': '"1"' });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ version: 2, dependsOn: ['component:default/checkout'] });
      const health = await call(t.app, owner, 'GET', '/api/v1/catalog/health');
      expect(health.body.cycles).toEqual([['component:default/checkout', 'component:default/ledger']]);
    } finally {
      await t.close();
    }
  });
});

describe.each(dialects)('an import by a member of one team on %s', (dialect) => {
  const component = (name: string, owner: string, description: string) =>
    `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  description: ${description}\nspec:\n  type: service\n  lifecycle: production\n  owner: ${owner}\n  dependsOn: [component:ledger]\n`;

  it('writes what their team owns, refuses the rest with the reason, and takes an entity named twice as created, then updated', async () => {
    const t = await createTestApp(dialect);
    try {
      await signUp(t.app, 'first'); // the first person is an admin
      const root = await signUp(t.app, 'root');
      const other = await signUp(t.app, 'other');
      expect((await call(t.app, root, 'POST', '/api/v1/teams', { name: 'payments' })).status).toBe(201);
      expect((await call(t.app, other, 'POST', '/api/v1/teams', { name: 'search' })).status).toBe(201);
      const file = [
        component('ledger', 'payments', 'Keeps the books'),
        component('cart', 'group:Payments', 'Holds what people buy'),
        component('index', 'search', 'Not theirs'),
        component('orphan', 'ghost-team', 'Owned by no team here'),
        component('ledger', 'payments', 'Keeps the books, twice over'),
        component('query', 'search', 'Not theirs either'),
      ].join('---\n');
      const res = await yamlPost(t, root, file);
      expect(res.statusCode).toBe(200);
      const summary = res.json();
      expect({ created: summary.created, updated: summary.updated, unchanged: summary.unchanged, rejected: summary.rejected }).toEqual({ created: 3, updated: 1, unchanged: 0, rejected: 2 });
      expect(summary.results.map((r: { status: string }) => r.status)).toEqual(['created', 'created', 'rejected', 'created', 'updated', 'rejected']);
      for (const n of [2, 5]) expect(summary.results[n].reason).toContain('only members of search (or admins)');

      const ledger = await call(t.app, root, 'GET', '/api/v1/catalog/entities/component/default/ledger');
      expect(ledger.body).toMatchObject({ version: 2, description: 'Keeps the books, twice over', dependsOn: ['component:default/ledger'] });
      expect(ledger.body.relations.filter((r: { type: string }) => r.type === 'dependencyOf').map((r: { target: string }) => r.target)).toEqual(['component:default/cart', 'component:default/ledger', 'component:default/orphan']);
      expect((await call(t.app, root, 'GET', '/api/v1/catalog/entities/component/default/index')).status).toBe(404);

      // Every write has its audit entry and its search document; the refused ones have neither.
      const audit = await call(t.app, adminCaller, 'GET', '/api/v1/audit?entityType=catalog_entity&limit=50');
      expect(audit.body.items.map((e: { action: string; entityId: string }) => `${e.action} ${e.entityId}`).reverse()).toEqual([
        'catalog.entity_created component:default/ledger',
        'catalog.entity_created component:default/cart',
        'catalog.entity_created component:default/orphan',
        'catalog.entity_updated component:default/ledger',
      ]);
      expect(audit.body.items[0]).toMatchObject({ actor: 'root', before: { description: 'Keeps the books' }, after: { description: 'Keeps the books, twice over' } });
      const documents = await t.database.db.selectFrom('search_documents').select(['doc_key', 'body']).where('type', '=', 'service').orderBy('doc_key').execute();
      expect(documents.map((d) => d.doc_key)).toEqual(['service:component:default/cart', 'service:component:default/ledger', 'service:component:default/orphan']);
      expect(documents[1].body).toContain('Keeps the books, twice over');
      expect((await call(t.app, adminCaller, 'GET', '/api/v1/audit/verify')).body).toMatchObject({ ok: true });

      const again = (await yamlPost(t, root, file)).json();
      expect(again.results.map((r: { status: string }) => r.status)).toEqual(['updated', 'unchanged', 'rejected', 'unchanged', 'updated', 'rejected']);
    } finally {
      await t.close();
    }
  });
});

describe.each(dialects)('re-importing groups with several changes to one team on %s', (dialect) => {
  const group = (name: string, displayName: string, more = '') =>
    `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: ${name}\nspec:\n  type: team\n  profile:\n    displayName: ${displayName}\n  children: []\n${more}`;

  it('applies each change over the one before it, one version each', async () => {
    const t = await createTestApp(dialect);
    try {
      expect((await yamlPost(t, adminCaller, [group('commerce', 'Commerce'), group('payments', 'Payments')].join('---\n'))).json()).toMatchObject({ created: 2 });
      const before = await call(t.app, adminCaller, 'GET', '/api/v1/teams/payments');
      const user = 'apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: alice\nspec:\n  memberOf: [payments]\n';
      const again = (await yamlPost(t, adminCaller, [group('commerce', 'Commerce'), group('Payments', 'Payments and refunds', '  parent: commerce\n'), user].join('---\n'))).json();
      expect(again).toMatchObject({ created: 1, updated: 1, unchanged: 1, rejected: 0 });
      const after = await call(t.app, adminCaller, 'GET', '/api/v1/teams/payments');
      expect(after.body).toMatchObject({ displayName: 'Payments and refunds', parent: 'commerce', members: [{ name: 'alice' }], version: before.body.version + 3 });
      const audit = await call(t.app, adminCaller, 'GET', '/api/v1/audit?entityType=team&limit=50');
      expect(audit.body.items.slice(0, 3).map((e: { action: string }) => e.action)).toEqual(['team.member_added', 'team.updated', 'team.updated']);
    } finally {
      await t.close();
    }
  });
});

describe.each(dialects)('audit entries written many at a time (an import) on %s', (dialect) => {
  it('link into the chain exactly as entries written one by one, in order, with every value kept as written', async () => {
    const t = await createTestApp(dialect);
    try {
      const audit = createAuditLog(dialect);
      const actor = { id: 'importer', name: 'importer' };
      const entry = (n: string, after?: unknown) => ({ action: 'test.entry', entityType: 'test', entityId: n, after });
      const odd = ['a"b', "it's", 'back\\slash', 'é 😀 中', '\u2028', '', '{"json": [1]}', 'x'.repeat(150)];
      await t.database.db.transaction().execute(async (trx) => {
        await audit.record(trx, actor, entry('one'));
        // Through the store's own writer (cached statements on SQLite, JSON rows on PostgreSQL) …
        await audit.recordMany(trx, actor, odd.map((n, i) => entry(n, { n, i, nested: { text: n } })), createBulkWriter(t.database));
        await audit.record(trx, actor, entry('two'));
      });
      // … and through plain multi-row statements, in a transaction of its own.
      await t.database.db.transaction().execute((trx) => audit.recordMany(trx, actor, [entry('three'), entry('four', [null, 'x'])]));

      const rows = await t.database.db.selectFrom('audit_events').selectAll().where('entity_type', '=', 'test').orderBy('seq').execute();
      expect(rows.map((r) => r.entity_id)).toEqual(['one', ...odd, 'two', 'three', 'four']);
      expect(rows.map((r) => r.seq - rows[0].seq)).toEqual(rows.map((_, i) => i));
      rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i].hash));
      odd.forEach((n, i) => expect(JSON.parse(rows[i + 1].after_json!)).toEqual({ n, i, nested: { text: n } }));
      expect(rows.at(-1)!.after_json).toBe('[null,"x"]');
      expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true, firstBad: null });
    } finally {
      await t.close();
    }
  });
});
