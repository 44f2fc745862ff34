import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCaller, call, createTestApp, dialects, signUp, type Caller, type TestApp } from './harness';

describe.each(dialects)('teams on %s', (dialect) => {
  let t: TestApp;
  let ada: Caller;
  let bob: Caller;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    ada = await signUp(t.app, 'ada');
    bob = await signUp(t.app, 'bob');
  });
  afterAll(() => t.close());

  it('creates a team, makes the creator a member and reports it by name', async () => {
    const created = await call(t.app, ada, 'POST', '/api/v1/teams', { name: 'payments', displayName: 'Payments', mission: 'Take money safely', leader: 'ada' });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({ name: 'payments', displayName: 'Payments', leader: { name: 'ada' }, memberCount: 1, members: [{ name: 'ada' }], version: 1 });
    expect(created.body.fitness).toEqual({ fit: true, memberCount: 1, limit: 10, findings: [] });

    const read = await call(t.app, bob, 'GET', '/api/v1/teams/PAYMENTS');
    expect(read.status).toBe(200);
    expect(read.body.name).toBe('payments');
  });

  it('refuses a duplicate name with 409, case-insensitively', async () => {
    const dup = await call(t.app, bob, 'POST', '/api/v1/teams', { name: 'Payments' });
    expect(dup.status).toBe(409);
    expect(dup.headers['content-type']).toContain('application/problem+json');
    expect(dup.body.code).toBe('TEAM_NAME_TAKEN');
  });

  it('names each bad field and rejects unknown fields', async () => {
    const bad = await call(t.app, ada, 'POST', '/api/v1/teams', { name: 'no spaces allowed', mission: 42, colour: 'red' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const paths = bad.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['body.colour', 'body.mission', 'body.name']);
    const none = await call(t.app, ada, 'GET', '/api/v1/teams/no spaces allowed');
    expect(none.status).toBe(404);
  });

  it('refuses a parent or leader that does not exist, naming the field', async () => {
    const res = await call(t.app, ada, 'POST', '/api/v1/teams', { name: 'ghost', parent: 'nowhere' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'parent', message: 'no team is named "nowhere"' }]);
    const leader = await call(t.app, ada, 'POST', '/api/v1/teams', { name: 'ghost', leader: 'nobody' });
    expect(leader.body.errors[0].path).toBe('leader');
    expect((await call(t.app, ada, 'GET', '/api/v1/teams/ghost')).status).toBe(404);
  });

  it('takes If-Match: a stale write gets 412 and changes nothing; a missing one gets 428', async () => {
    const first = await call(t.app, ada, 'PATCH', '/api/v1/teams/payments', { mission: 'Take money, never lose it' }, { 'if-match': '"1"' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await call(t.app, ada, 'PATCH', '/api/v1/teams/payments', { mission: 'overwritten?' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    const missing = await call(t.app, ada, 'PATCH', '/api/v1/teams/payments', { mission: 'no version' });
    expect(missing.status).toBe(428);
    const now = await call(t.app, ada, 'GET', '/api/v1/teams/payments');
    expect(now.body.mission).toBe('Take money, never lose it');
    expect(now.body.version).toBe(2);
  });

  it('lets only members and admins edit; anyone may join', async () => {
    const denied = await call(t.app, bob, 'PATCH', '/api/v1/teams/payments', { mission: 'hijack' }, { 'if-match': '"2"' });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('TEAM_EDIT_FORBIDDEN');
    const addOther = await call(t.app, bob, 'POST', '/api/v1/teams/payments/members', { person: 'bob' });
    expect(addOther.status).toBe(200);
    expect(addOther.body.members.map((m: { name: string }) => m.name)).toEqual(['ada', 'bob']);
    const edit = await call(t.app, bob, 'PATCH', '/api/v1/teams/payments', { displayName: 'Payments Team' }, { 'if-match': `"${addOther.body.version}"` });
    expect(edit.status).toBe(200);
    const admin = await call(t.app, adminCaller, 'PATCH', '/api/v1/teams/payments', { displayName: 'Payments' }, { 'if-match': `"${edit.body.version}"` });
    expect(admin.status).toBe(200);
  });

  it('reports the two-pizza findings: over ten people, no leader, a leader of several teams', async () => {
    await call(t.app, ada, 'POST', '/api/v1/teams', { name: 'big', leader: 'ada' });
    for (let i = 0; i < 10; i++) {
      const p = await signUp(t.app, `big-${i}`);
      await call(t.app, p, 'POST', '/api/v1/teams/big/members', {});
    }
    const big = await call(t.app, ada, 'GET', '/api/v1/teams/big');
    expect(big.body.memberCount).toBe(11);
    const codes = big.body.fitness.findings.map((f: { code: string }) => f.code);
    expect(codes).toEqual(['OVER_SIZE', 'LEADER_LEADS_SEVERAL']);
    expect(big.body.fitness.findings[0].message).toContain('11 people');

    await call(t.app, bob, 'POST', '/api/v1/teams', { name: 'leaderless' });
    const unfit = await call(t.app, ada, 'GET', '/api/v1/teams?fitness=unfit');
    expect(unfit.body.items.map((x: { name: string }) => x.name)).toEqual(['big', 'leaderless', 'payments']);
  });

  it('refuses a parent that would make a loop and builds the org tree', async () => {
    await call(t.app, ada, 'POST', '/api/v1/teams', { name: 'checkout', parent: 'payments' });
    const p = await call(t.app, ada, 'GET', '/api/v1/teams/payments');
    const loop = await call(t.app, ada, 'PATCH', '/api/v1/teams/payments', { parent: 'checkout' }, { 'if-match': `"${p.body.version}"` });
    expect(loop.status).toBe(400);
    expect(loop.body.errors[0].path).toBe('parent');
    const tree = await call(t.app, ada, 'GET', '/api/v1/org/tree');
    const payments = tree.body.roots.find((n: { name: string }) => n.name === 'payments');
    expect(payments.children.map((c: { name: string }) => c.name)).toEqual(['checkout']);
  });

  it('pages through teams with a cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { name: string }[]; nextCursor: string | null } } = await call(t.app, ada, 'GET', `/api/v1/teams?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.items.map((x) => x.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['big', 'checkout', 'leaderless', 'payments']);
    const bad = await call(t.app, ada, 'GET', '/api/v1/teams?cursor=garbage');
    expect(bad.status).toBe(400);
    const unknown = await call(t.app, ada, 'GET', '/api/v1/teams?colour=red');
    expect(unknown.status).toBe(400);
  });

  it('refuses to delete a team with members or sub-teams, then deletes an empty one', async () => {
    const withChildren = await call(t.app, ada, 'GET', '/api/v1/teams/payments');
    const refused = await call(t.app, ada, 'DELETE', '/api/v1/teams/payments', undefined, { 'if-match': `"${withChildren.body.version}"` });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('TEAM_HAS_MEMBERS');

    const leaderless = await call(t.app, bob, 'GET', '/api/v1/teams/leaderless');
    const left = await call(t.app, bob, 'DELETE', '/api/v1/teams/leaderless/members/bob');
    expect(left.status).toBe(200);
    expect(left.body.members).toEqual([]);
    const stale = await call(t.app, adminCaller, 'DELETE', '/api/v1/teams/leaderless', undefined, { 'if-match': `"${leaderless.body.version}"` });
    expect(stale.status).toBe(412);
    const gone = await call(t.app, adminCaller, 'DELETE', '/api/v1/teams/leaderless', undefined, { 'if-match': `"${left.body.version}"` });
    expect(gone.status).toBe(204);
    expect((await call(t.app, ada, 'GET', '/api/v1/teams/leaderless')).status).toBe(404);
  });

  it('requires a signed-in caller', async () => {
    const res = await call(t.app, null, 'GET', '/api/v1/teams');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH_REQUIRED');
  });
});
