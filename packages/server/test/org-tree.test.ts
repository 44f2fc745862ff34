import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgNode } from '@dayone/contracts';
import { adminCaller, call, createTestApp, dialects, signUp, type Caller, type TestApp } from './harness';

const flatten = (nodes: OrgNode[]): OrgNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);
const codes = (tree: OrgNode[], name: string) => flatten(tree).find((n) => n.name === name)?.findings.map((f) => f.code);

describe.each(dialects)('the org tree coloured by the organisation checks on %s', (dialect) => {
  let t: TestApp;
  let people: Caller[];
  const team = (body: Record<string, unknown>) => call(t.app, adminCaller, 'POST', '/api/v1/teams', body);
  const join = (name: string, person: string) => call(t.app, adminCaller, 'POST', `/api/v1/teams/${name}/members`, { person });
  const component = (name: string, owner: string) => call(t.app, adminCaller, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name, owner, lifecycle: 'production', type: 'service' });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    people = [];
    for (let i = 0; i < 12; i++) people.push(await signUp(t.app, `p${String(i).padStart(2, '0')}`));
    // commerce: fit, the root. big: eleven people (over ten). leaderless: nobody leads it.
    // twin-a and twin-b: one leader for both. ops: one person, four components. sprawl: no leader and overloaded.
    expect((await team({ name: 'commerce', leader: 'p00' })).status).toBe(201);
    expect((await team({ name: 'big', parent: 'commerce', leader: 'p01' })).status).toBe(201);
    for (let i = 0; i < 11; i++) expect((await join('big', people[i].name)).status).toBe(200);
    expect((await team({ name: 'leaderless', parent: 'commerce' })).status).toBe(201);
    expect((await team({ name: 'twin-a', parent: 'big', leader: 'p02' })).status).toBe(201);
    expect((await team({ name: 'twin-b', leader: 'p02' })).status).toBe(201);
    expect((await team({ name: 'ops', leader: 'p03' })).status).toBe(201);
    await join('ops', 'p03');
    for (const name of ['queue', 'cron', 'dns', 'mail']) expect((await component(name, 'ops')).status).toBe(201);
    expect((await team({ name: 'sprawl' })).status).toBe(201);
    for (const name of ['a', 'b', 'c', 'd']) expect((await component(`sprawl-${name}`, 'group:Sprawl')).status).toBe(201);
    // Three components for one person is as much as it can carry, not more.
    expect((await team({ name: 'steady', leader: 'p04' })).status).toBe(201);
    await join('steady', 'p04');
    for (const name of ['x', 'y', 'z']) expect((await component(`steady-${name}`, 'steady')).status).toBe(201);
  });
  afterAll(() => t.close());

  it('gives every team the findings of every check, in one request', async () => {
    const res = await call(t.app, people[5], 'GET', '/api/v1/org/tree');
    expect(res.status).toBe(200);
    const roots: OrgNode[] = res.body.roots;
    expect(roots.map((n) => n.name)).toEqual(['commerce', 'ops', 'sprawl', 'steady', 'twin-b']);
    expect(codes(roots, 'commerce')).toEqual([]);
    expect(codes(roots, 'big')).toEqual(['OVER_SIZE']);
    expect(codes(roots, 'leaderless')).toEqual(['NO_LEADER']);
    expect(codes(roots, 'twin-a')).toEqual(['LEADER_LEADS_SEVERAL']);
    expect(codes(roots, 'twin-b')).toEqual(['LEADER_LEADS_SEVERAL']);
    expect(codes(roots, 'ops')).toEqual(['TEAM_OVERLOADED']);
    expect(codes(roots, 'sprawl')).toEqual(['NO_LEADER', 'TEAM_OVERLOADED']);
    expect(codes(roots, 'steady')).toEqual([]);

    const big = flatten(roots).find((n) => n.name === 'big')!;
    expect(big).toMatchObject({ memberCount: 11, fit: false, children: [{ name: 'twin-a' }] });
    const ops = flatten(roots).find((n) => n.name === 'ops')!;
    // Overloaded is not a two-pizza rule: the team keeps those, and the finding says why it is marked.
    expect(ops.fit).toBe(true);
    expect(ops.findings[0].message).toBe('This team owns 4 components with 1 person, more than the 3 per person it can carry well.');
    expect(flatten(roots).find((n) => n.name === 'sprawl')!.findings[1].message).toContain('owns 4 components with 0 people');
  });

  it('agrees with the catalog health on which teams are overloaded', async () => {
    const health = await call(t.app, adminCaller, 'GET', '/api/v1/catalog/health');
    const overloaded = health.body.findings.filter((f: { code: string }) => f.code === 'TEAM_OVERLOADED').flatMap((f: { entities: string[] }) => f.entities).sort();
    expect(overloaded).toEqual(['group:default/ops', 'group:default/sprawl']);
  });

  it('follows changes: a second person clears ops, a fourth component overloads steady', async () => {
    await join('ops', 'p05');
    const res = await call(t.app, adminCaller, 'GET', '/api/v1/org/tree');
    expect(codes(res.body.roots, 'ops')).toEqual([]);
    expect((await component('steady-w', 'steady')).status).toBe(201);
    const after = await call(t.app, adminCaller, 'GET', '/api/v1/org/tree');
    expect(codes(after.body.roots, 'steady')).toEqual(['TEAM_OVERLOADED']);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await call(t.app, null, 'GET', '/api/openapi.json');
    const text = JSON.stringify(doc.body);
    expect(text).toContain('TEAM_OVERLOADED');
    expect(doc.body.paths['/api/v1/org/tree'].get).toBeDefined();
  });
});
