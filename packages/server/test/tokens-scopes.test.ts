import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCaller, call, createTestApp, dialects, signUp, type Caller, type TestApp } from './harness';

const catalogYaml = `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: checkout }
spec: { type: service, lifecycle: production, owner: payments }
`;

const bearer = (name: string, token: string): Caller => ({ name, headers: { authorization: `Bearer ${token}` } });

describe.each(dialects)('scoped API tokens on %s', (dialect) => {
  let t: TestApp;
  let ada: Caller; // the first account: an admin
  let bob: Caller; // a member of payments
  let now = new Date('2030-06-01T12:00:00.000Z');
  const clock = () => now;

  const mint = async (caller: Caller, body: Record<string, unknown>) => {
    const res = await call(t.app, caller, 'POST', '/api/v1/tokens', body);
    if (res.status !== 201) throw new Error(`token creation failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; token: string; scopes: string[]; expiresAt: string | null };
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    ada = await signUp(t.app, 'ada');
    bob = await signUp(t.app, 'bob');
    expect((await call(t.app, bob, 'POST', '/api/v1/teams', { name: 'payments' })).status).toBe(201);
    const imported = await t.app.inject({ method: 'POST', url: '/api/v1/catalog/import', payload: catalogYaml, headers: { ...adminCaller.headers, 'content-type': 'application/yaml' } });
    expect(imported.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('lets a pipeline token with gates:read and events:write read a gate and send events, and not edit a team', async () => {
    const created = await mint(bob, { name: 'deploy pipeline', scopes: ['gates:read', 'events:write'] });
    expect(created.scopes).toEqual(['gates:read', 'events:write']);
    const pipeline = bearer('bob', created.token);

    const gate = await call(t.app, pipeline, 'GET', '/api/v1/gates/checkout');
    expect(gate.status).toBe(200);
    expect(gate.body.open).toBe(true);
    const events = await call(t.app, pipeline, 'POST', '/api/v1/events', []);
    expect(events.status).toBe(200);

    const edit = await call(t.app, pipeline, 'PATCH', '/api/v1/teams/payments', { mission: 'hijacked' }, { 'if-match': '"1"' });
    expect(edit.status).toBe(403);
    expect(edit.headers['content-type']).toContain('application/problem+json');
    expect(edit.body.code).toBe('TOKEN_SCOPE_MISSING');
    expect(edit.body.missingScopes).toEqual(['write']);
    expect(edit.body.tokenScopes).toEqual(['gates:read', 'events:write']);
    expect(edit.body.detail).toContain('"write"');
    const team = await call(t.app, bob, 'GET', '/api/v1/teams/payments');
    expect(team.body.mission).not.toBe('hijacked');

    const list = await call(t.app, pipeline, 'GET', '/api/v1/teams');
    expect(list.status).toBe(403);
    expect(list.body.missingScopes).toEqual(['read']);
  });

  it('maps every scope to the routes it opens and refuses the others, naming what is missing', async () => {
    const tokenWith = async (scope: string) => bearer('ada', (await mint(ada, { name: `only ${scope}`, scopes: [scope] })).token);
    const pull = { target: { kind: 'service', name: 'checkout' }, reason: 'scope mapping test' };
    // [scope, a request it opens (and its status), a request it does not open, the scopes that one needs]
    const cases: [string, [string, string, unknown, number], [string, string, unknown], string[]][] = [
      ['read', ['GET', '/api/v1/teams', undefined, 200], ['POST', '/api/v1/teams', { name: 'by-read' }], ['write']],
      ['write', ['POST', '/api/v1/teams', { name: 'by-write' }, 201], ['GET', '/api/v1/teams', undefined], ['read']],
      ['andon:pull', ['POST', '/api/v1/andon/pulls', pull, 201], ['GET', '/api/v1/andon/pulls', undefined], ['read']],
      ['gates:read', ['GET', '/api/v1/gates/checkout', undefined, 200], ['GET', '/api/v1/catalog/entities', undefined], ['read']],
      ['events:write', ['POST', '/api/v1/events', [], 200], ['POST', '/api/v1/andon/pulls', pull], ['andon:pull', 'write']],
      ['admin', ['GET', '/api/v1/audit/verify', undefined, 200], ['GET', '/api/v1/teams', undefined], ['read']],
    ];
    for (const [scope, [method, url, body, status], [deniedMethod, deniedUrl, deniedBody], missing] of cases) {
      const caller = await tokenWith(scope);
      const allowed = await call(t.app, caller, method as 'GET', url, body);
      expect({ scope, status: allowed.status }).toEqual({ scope, status });
      const denied = await call(t.app, caller, deniedMethod as 'GET', deniedUrl, deniedBody);
      expect({ scope, status: denied.status, code: denied.body.code, missing: denied.body.missingScopes }).toEqual({ scope, status: 403, code: 'TOKEN_SCOPE_MISSING', missing });
    }
    // The broad scopes open the narrow routes too.
    const readWrite = bearer('ada', (await mint(ada, { name: 'broad' })).token);
    expect((await call(t.app, readWrite, 'GET', '/api/v1/gates/checkout')).status).toBe(200);
    expect((await call(t.app, readWrite, 'POST', '/api/v1/events', [])).status).toBe(200);
  });

  it('publishes each operation’s scopes in the OpenAPI document: declared ones, otherwise read for GET and write for the rest', async () => {
    const doc = (await call(t.app, null, 'GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, { security?: { bearer?: string[] }[] }>> };
    const declared: Record<string, string[]> = {
      'post /api/v1/andon/pulls': ['andon:pull', 'write'],
      'get /api/v1/gates/{service}': ['gates:read', 'read'],
      'get /api/v1/gates/stream': ['gates:read', 'read'],
      'post /api/v1/events': ['events:write', 'write'],
      'get /api/v1/audit': ['admin'],
      'get /api/v1/audit/verify': ['admin'],
      'patch /api/v1/settings': ['admin'],
      'post /api/v1/invites': ['admin'],
      'get /api/v1/invites': ['admin'],
    };
    let checked = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const scopes = operation.security?.find((s) => s.bearer)?.bearer;
        if (!path.startsWith('/api/v1/') || !scopes) continue;
        const expected = declared[`${method} ${path}`] ?? (method === 'get' || method === 'head' ? ['read'] : ['write']);
        expect({ operation: `${method} ${path}`, scopes }).toEqual({ operation: `${method} ${path}`, scopes: expected });
        checked++;
      }
    }
    for (const key of Object.keys(declared)) {
      const [method, path] = key.split(' ');
      expect(doc.paths[path]?.[method]?.security, key).toBeDefined();
    }
    expect(checked).toBeGreaterThan(40);
    // Public operations (signing in) need no token, so they list no scopes.
    expect(doc.paths['/api/v1/auth/signin'].post.security).toBeUndefined();
  });

  it('gives an admin’s token admin powers only with the admin scope', async () => {
    const plain = bearer('ada', (await mint(ada, { name: 'no admin' })).token);
    const audit = await call(t.app, plain, 'GET', '/api/v1/audit');
    expect(audit.status).toBe(403);
    expect(audit.body).toMatchObject({ code: 'TOKEN_SCOPE_MISSING', missingScopes: ['admin'] });
    // Without `admin`, the token cannot use the admin override on another team either.
    const edit = await call(t.app, plain, 'PATCH', '/api/v1/teams/payments', { mission: 'admin override' }, { 'if-match': '"1"' });
    expect(edit.status).toBe(403);
    expect(edit.body.code).toBe('TEAM_EDIT_FORBIDDEN');

    const admin = bearer('ada', (await mint(ada, { name: 'admin', scopes: ['read', 'write', 'admin'] })).token);
    expect((await call(t.app, admin, 'GET', '/api/v1/audit')).status).toBe(200);
    const overridden = await call(t.app, admin, 'PATCH', '/api/v1/teams/payments', { mission: 'admin override' }, { 'if-match': '"1"' });
    expect(overridden.status).toBe(200);
  });

  it('never lets a token hold more than its maker: no admin for members, no new scopes from a narrower token', async () => {
    const member = await call(t.app, bob, 'POST', '/api/v1/tokens', { name: 'sneaky', scopes: ['admin'] });
    expect(member.status).toBe(403);
    expect(member.body.code).toBe('ADMIN_REQUIRED');
    const reader = bearer('bob', (await mint(bob, { name: 'reader', scopes: ['read', 'write'] })).token);
    const narrow = bearer('bob', (await mint(reader, { name: 'narrow', scopes: ['write', 'gates:read'] })).token);
    const wider = await call(t.app, narrow, 'POST', '/api/v1/tokens', { name: 'wider', scopes: ['write', 'read'] });
    expect(wider.status).toBe(403);
    expect(wider.body).toMatchObject({ code: 'TOKEN_SCOPE_MISSING', missingScopes: ['read'] });
  });

  it('refuses unknown scopes naming them, and an empty list', async () => {
    const unknown = await call(t.app, bob, 'POST', '/api/v1/tokens', { name: 'typo', scopes: ['read', 'gates:wirte'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('VALIDATION_FAILED');
    expect(unknown.body.errors[0].path).toBe('body.scopes.1');
    expect(unknown.body.errors[0].message).toContain('unknown scope "gates:wirte"');
    expect(unknown.body.detail).toContain('gates:wirte');
    const empty = await call(t.app, bob, 'POST', '/api/v1/tokens', { name: 'none', scopes: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe('body.scopes');
    const notList = await call(t.app, bob, 'POST', '/api/v1/tokens', { name: 'str', scopes: 'read' });
    expect(notList.status).toBe(400);
    const count = await t.database.db.selectFrom('api_tokens').select((eb) => eb.fn.countAll().as('n')).where('name', 'in', ['typo', 'none', 'str']).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('lists scopes and expiry, and audits them', async () => {
    const created = await mint(bob, { name: 'listed', scopes: ['andon:pull'], expiresAt: '2030-07-01T00:00:00Z' });
    const list = await call(t.app, bob, 'GET', '/api/v1/tokens');
    const listed = list.body.items.find((i: { id: string }) => i.id === created.id);
    expect(listed).toMatchObject({ name: 'listed', scopes: ['andon:pull'], expiresAt: '2030-07-01T00:00:00.000Z', createdAt: '2030-06-01T12:00:00.000Z' });
    const audit = await call(t.app, adminCaller, 'GET', `/api/v1/audit?entityType=token&entityId=${created.id}`);
    expect(audit.body.items[0].after).toMatchObject({ scopes: ['andon:pull'] });
  });

  it('refuses an expired token with 401 saying so, from the in-memory cache as well as from the database', async () => {
    now = new Date('2030-06-01T12:00:00.000Z');
    // Expires in 30 s: after its first use it sits in the credentials cache, which holds entries for a minute.
    const soon = await mint(bob, { name: 'short-lived', expiresAt: '2030-06-01T12:00:30Z' });
    const caller = bearer('bob', soon.token);
    expect((await call(t.app, caller, 'GET', '/api/v1/teams')).status).toBe(200);
    now = new Date('2030-06-01T12:00:31.000Z');
    const cached = await call(t.app, caller, 'GET', '/api/v1/teams');
    expect(cached.status).toBe(401);
    expect(cached.body.code).toBe('AUTH_TOKEN_EXPIRED');
    expect(cached.body.detail).toContain('expired');
    now = new Date('2030-06-02T00:00:00.000Z');
    const later = await call(t.app, caller, 'GET', '/api/v1/teams');
    expect(later.body.code).toBe('AUTH_TOKEN_EXPIRED');
    // An unknown token is told apart from an expired one.
    const unknown = await call(t.app, bearer('x', 'dayone_nothing_here'), 'GET', '/api/v1/teams');
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('AUTH_INVALID_TOKEN');
    // Expiry dates are judged by the same clock.
    const past = await call(t.app, bob, 'POST', '/api/v1/tokens', { name: 'past', expiresAt: '2030-06-01T23:59:59Z' });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].path).toBe('expiresAt');
  });

  it('keeps sessions at full rights: a signed-in person needs no scopes', async () => {
    expect((await call(t.app, bob, 'GET', '/api/v1/gates/checkout')).status).toBe(200);
    expect((await call(t.app, bob, 'POST', '/api/v1/events', [])).status).toBe(200);
    expect((await call(t.app, ada, 'GET', '/api/v1/audit/verify')).status).toBe(200);
  });

  it('problem bodies carry the request id that the x-request-id header shows', async () => {
    const refused = await call(t.app, bearer('x', 'dayone_nothing_here'), 'GET', '/api/v1/teams');
    expect(refused.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(refused.body.requestId).toBe(refused.headers['x-request-id']);
    expect(refused.body.instance).toBe('/api/v1/teams');
  });
});
