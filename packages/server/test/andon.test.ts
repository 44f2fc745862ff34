import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCaller, call, createTestApp, dialects, signUp, type Caller, type TestApp } from './harness';
import { openStream } from './sse-client';

const catalogYaml = `
apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: shop }
spec: { owner: payments }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: checkout }
spec: { type: service, lifecycle: production, owner: payments, system: shop }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: cart }
spec: { type: service, lifecycle: production, owner: payments, system: shop }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: search }
spec: { type: service, lifecycle: production, owner: discovery }
`;

describe.each(dialects)('andon cord and deploy gates on %s', (dialect) => {
  let t: TestApp;
  let owner: Caller;
  let outsider: Caller;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, { heartbeatMs: 200 });
    await signUp(t.app, 'root');
    owner = await signUp(t.app, 'olive');
    outsider = await signUp(t.app, 'oscar');
    await call(t.app, owner, 'POST', '/api/v1/teams', { name: 'payments', leader: 'olive' });
    await call(t.app, outsider, 'POST', '/api/v1/teams', { name: 'discovery' });
    const imported = await t.app.inject({ method: 'POST', url: '/api/v1/catalog/import', payload: catalogYaml, headers: { ...adminCaller.headers, 'content-type': 'application/yaml' } });
    expect(imported.json().created).toBe(4);
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  const gate = (service: string, query = '') => call(t.app, adminCaller, 'GET', `/api/v1/gates/${service}${query}`);

  it('answers an open gate with an empty list and an ETag pollers can reuse', async () => {
    const open = await gate('checkout');
    expect(open.status).toBe(200);
    expect(open.body).toEqual({ service: 'component:default/checkout', environment: null, open: true, stale: false, pulls: [], overrides: [] });
    const again = await gate('checkout', '');
    expect(again.headers.etag).toBe(open.headers.etag);
    const notModified = await call(t.app, adminCaller, 'GET', '/api/v1/gates/checkout', undefined, { 'if-none-match': open.headers.etag as string });
    expect(notModified.status).toBe(304);
  });

  it('refuses bad pulls naming the field, and unknown services with 404', async () => {
    const pull = (body: unknown) => call(t.app, outsider, 'POST', '/api/v1/andon/pulls', body);
    const empty = await pull({ target: { kind: 'service', name: 'checkout' }, reason: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe('body.reason');
    const long = await pull({ target: { kind: 'service', name: 'checkout' }, reason: 'x'.repeat(1001) });
    expect(long.body.errors[0]).toEqual({ path: 'body.reason', message: 'must be at most 1000 characters' });
    const severity = await pull({ target: { kind: 'service', name: 'checkout' }, reason: 'r', severity: 5 });
    expect(severity.body.errors[0].path).toBe('body.severity');
    const env = await pull({ target: { kind: 'service', name: 'checkout' }, reason: 'r', environment: 'Prod Env' });
    expect(env.body.errors[0].path).toBe('body.environment');
    const unknown = await pull({ target: { kind: 'service', name: 'nope' }, reason: 'r' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('ANDON_TARGET_NOT_FOUND');
    const gateUnknown = await gate('nope');
    expect(gateUnknown.status).toBe(404);
    expect(gateUnknown.body.code).toBe('GATE_SERVICE_NOT_FOUND');
    expect((await gate('checkout', '?environment=Not%20Valid')).status).toBe(400);
  });

  it('lets anyone pull; the gate closes at once, and the stream pushes the change', async () => {
    const stream = await openStream(`${url}/api/v1/gates/stream?service=checkout&environment=production`, adminCaller.headers);
    try {
      expect(stream.headers.get('content-type')).toContain('text/event-stream');
      const first = await stream.waitFor((e) => e.event === 'gate');
      expect(JSON.parse(first.data).open).toBe(true);
      const pulled = await call(t.app, outsider, 'POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: 'checkout' }, reason: 'Orders double-charged', severity: 2, environment: 'production' });
      expect(pulled.status).toBe(201);
      expect(pulled.body).toMatchObject({ status: 'active', ownerTeam: 'payments', pulledBy: 'oscar', severity: 2, environment: 'production', target: { kind: 'service', ref: 'component:default/checkout' } });
      const closed = await gate('checkout', '?environment=production');
      expect(closed.body.open).toBe(false);
      expect(closed.body.pulls[0]).toMatchObject({ reason: 'Orders double-charged', pulledBy: 'oscar', severity: 2 });
      expect((await gate('checkout', '?environment=staging')).body.open).toBe(true);
      expect((await gate('cart', '?environment=production')).body.open).toBe(true);
      const pushed = await stream.waitFor((e) => e.event === 'gate' && JSON.parse(e.data).open === false);
      expect(JSON.parse(pushed.data).pulls[0].id).toBe(pulled.body.id);
      await stream.waitFor((e) => e.event === 'heartbeat');
    } finally {
      stream.close();
    }
  });

  it('lets only the owning team acknowledge and resolve, saying who may', async () => {
    const [open] = (await call(t.app, owner, 'GET', '/api/v1/andon/pulls')).body.items;
    const denied = await call(t.app, outsider, 'POST', `/api/v1/andon/pulls/${open.id}/acknowledge`, {});
    expect(denied.status).toBe(403);
    expect(denied.body.detail).toContain('members of payments');
    const ack = await call(t.app, owner, 'POST', `/api/v1/andon/pulls/${open.id}/acknowledge`, {});
    expect(ack.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'olive' });
    expect(ack.body.secondsToAcknowledge).toBeGreaterThanOrEqual(0);
    const comment = await call(t.app, outsider, 'POST', `/api/v1/andon/pulls/${open.id}/comments`, { body: 'Seen it again at 10:02' });
    expect(comment.status).toBe(200);
    const noNote = await call(t.app, owner, 'POST', `/api/v1/andon/pulls/${open.id}/resolve`, { note: '' });
    expect(noNote.body.errors[0].path).toBe('body.note');
    const [a, b] = await Promise.all([
      call(t.app, owner, 'POST', `/api/v1/andon/pulls/${open.id}/resolve`, { note: 'Rolled back 4.2.1' }),
      call(t.app, adminCaller, 'POST', `/api/v1/andon/pulls/${open.id}/resolve`, { note: 'Fixed too' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((x) => x.status === 409)!.body.code).toBe('ANDON_PULL_ALREADY_RESOLVED');
    expect((await gate('checkout', '?environment=production')).body.open).toBe(true);
    const detail = await call(t.app, outsider, 'GET', `/api/v1/andon/pulls/${open.id}`);
    expect(detail.body.events.map((e: { type: string }) => e.type)).toEqual(['pulled', 'acknowledged', 'comment', 'resolved']);
  });

  it('records every concurrent pull; system and team pulls cover their services', async () => {
    const results = await Promise.all(
      ['one', 'two', 'three'].map((n) => call(t.app, outsider, 'POST', '/api/v1/andon/pulls', { target: { kind: 'system', name: 'shop' }, reason: `pull ${n}` })),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(results.map((r) => r.body.number)).size).toBe(3);
    expect((await gate('cart')).body.pulls).toHaveLength(3);
    expect((await gate('search')).body.open).toBe(true);
    const team = await call(t.app, owner, 'POST', '/api/v1/andon/pulls', { target: { kind: 'team', name: 'discovery' }, reason: 'their search index is corrupt' });
    expect(team.body.ownerTeam).toBe('discovery');
    expect((await gate('search')).body.open).toBe(false);
    for (const r of [...results, team]) await call(t.app, adminCaller, 'POST', `/api/v1/andon/pulls/${r.body.id}/resolve`, { note: 'cleared' });
    expect((await gate('cart')).body.open).toBe(true);
  });

  it('opens the gate for a recorded, time-boxed override shown to everyone', async () => {
    const p = await call(t.app, outsider, 'POST', '/api/v1/andon/pulls', { target: { kind: 'organisation' }, reason: 'Region outage: freeze everything', severity: 1 });
    expect(p.body.ownerTeam).toBeNull();
    expect((await gate('search')).body.open).toBe(false);
    const byOwner = await call(t.app, owner, 'POST', `/api/v1/andon/pulls/${p.body.id}/overrides`, { reason: 'hotfix', minutes: 10 });
    expect(byOwner.status).toBe(403);
    expect(byOwner.body.detail).toContain('admins');
    const o = await call(t.app, adminCaller, 'POST', `/api/v1/andon/pulls/${p.body.id}/overrides`, { reason: 'Deploy the failover fix', minutes: 10 });
    expect(o.body.overrides[0]).toMatchObject({ reason: 'Deploy the failover fix', by: 'dayone-admin-token', active: true });
    const g = (await gate('search')).body;
    expect(g.open).toBe(true);
    expect(g.overrides[0].reason).toBe('Deploy the failover fix');
    await call(t.app, adminCaller, 'POST', `/api/v1/andon/pulls/${p.body.id}/resolve`, { note: 'region back' });
  });

  it('keeps each pull with its own overrides, in the order they were given, however many pulls are in force', async () => {
    const first = await call(t.app, outsider, 'POST', '/api/v1/andon/pulls', { target: { kind: 'organisation' }, reason: 'Freeze: data centre move', severity: 1 });
    const second = await call(t.app, outsider, 'POST', '/api/v1/andon/pulls', { target: { kind: 'organisation' }, reason: 'Freeze: certificate rotation', severity: 1 });
    const third = await call(t.app, outsider, 'POST', '/api/v1/andon/pulls', { target: { kind: 'organisation' }, reason: 'Freeze: audit week', severity: 1 });
    for (const reason of ['Move the DNS first', 'Then the load balancer']) {
      expect((await call(t.app, adminCaller, 'POST', `/api/v1/andon/pulls/${first.body.id}/overrides`, { reason, minutes: 10 })).status).toBe(200);
    }
    expect((await call(t.app, adminCaller, 'POST', `/api/v1/andon/pulls/${third.body.id}/overrides`, { reason: 'Auditors agreed', minutes: 10 })).status).toBe(200);
    const g = (await gate('search')).body;
    // The second pull has no override, so it still holds the gate; the others are let through.
    expect(g.open).toBe(false);
    expect(g.pulls.map((p: { id: string }) => p.id)).toEqual([second.body.id]);
    expect(g.overrides.map((o: { pullId: string; reason: string }) => [o.pullId, o.reason])).toEqual([
      [first.body.id, 'Move the DNS first'],
      [first.body.id, 'Then the load balancer'],
      [third.body.id, 'Auditors agreed'],
    ]);
    for (const p of [first, second, third]) await call(t.app, adminCaller, 'POST', `/api/v1/andon/pulls/${p.body.id}/resolve`, { note: 'done' });
    expect((await gate('search')).body).toMatchObject({ open: true, pulls: [], overrides: [] });
  });

  it('lists history and reports time to acknowledge and resolve per team and month', async () => {
    const history = await call(t.app, owner, 'GET', '/api/v1/andon/pulls?status=resolved&team=payments');
    expect(history.body.items.length).toBe(4);
    const stats = await call(t.app, owner, 'GET', '/api/v1/andon/stats');
    const payments = stats.body.items.find((i: { team: string }) => i.team === 'payments');
    expect(payments.pulls).toBe(4);
    expect(payments.medianSecondsToResolve).toBeGreaterThanOrEqual(0);
  });
});

describe('shutting down with streams open', () => {
  it('ends every stream with a retry hint instead of hanging', async () => {
    const t = await createTestApp('sqlite');
    await call(t.app, adminCaller, 'POST', '/api/v1/teams', { name: 'payments' });
    await call(t.app, adminCaller, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'checkout', owner: 'payments', lifecycle: 'production', type: 'service' });
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openStream(`${url}/api/v1/gates/stream?service=checkout`, adminCaller.headers);
    await stream.waitFor((e) => e.event === 'gate');
    await t.close();
    const bye = await stream.waitFor((e) => e.event === 'shutdown');
    expect(JSON.parse(bye.data)).toEqual({ retryMs: 1000 });
  });
});
