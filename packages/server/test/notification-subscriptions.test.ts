import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCaller, call, createTestApp, dialects, signUp, type Caller, type TestApp } from './harness';
import { startReceiver, verify } from './webhook-receiver';

// Quick retries so a personal webhook's delivery arrives at once.
const envBefore = { ...process.env };
Object.assign(process.env, { DAYONE_WEBHOOK_BACKOFF_MS: '20', DAYONE_WEBHOOK_MAX_BACKOFF_MS: '100', DAYONE_WEBHOOK_POLL_MS: '50' });
afterAll(() => {
  for (const key of Object.keys(process.env)) if (key.startsWith('DAYONE_WEBHOOK_') && !(key in envBefore)) delete process.env[key];
});

describe.each(dialects)('watching and choosing notices on %s', (dialect) => {
  let t: TestApp;
  // pia and pat are in payments (which owns checkout); wes watches; nia is in nothing; oz pulls cords.
  let pia: Caller, pat: Caller, wes: Caller, nia: Caller, oz: Caller;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await signUp(t.app, 'root');
    [pia, pat, wes, nia, oz] = [await signUp(t.app, 'pia'), await signUp(t.app, 'pat'), await signUp(t.app, 'wes'), await signUp(t.app, 'nia'), await signUp(t.app, 'oz')];
    expect((await call(t.app, pia, 'POST', '/api/v1/teams', { name: 'payments', displayName: 'Payments' })).status).toBe(201);
    expect((await call(t.app, pia, 'POST', '/api/v1/teams/payments/members', { person: 'pat' })).status).toBeLessThan(300);
    expect((await call(t.app, oz, 'POST', '/api/v1/teams', { name: 'search' })).status).toBe(201);
    expect((await call(t.app, pia, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'checkout', title: 'Checkout', owner: 'payments', lifecycle: 'production', type: 'service' })).status).toBe(201);
  });
  afterAll(() => t.close());

  const inbox = async (who: Caller, kind?: string) => {
    const items = (await call(t.app, who, 'GET', '/api/v1/notifications?limit=500')).body.items as { kind: string; title: string; link: string }[];
    return kind ? items.filter((n) => n.kind === kind) : items;
  };
  const pull = async (reason: string) => {
    const res = await call(t.app, oz, 'POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: 'checkout' }, reason, severity: 2, environment: 'production' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; number: number };
  };
  const preferences = async (who: Caller) => {
    const res = await call(t.app, who, 'GET', '/api/v1/notifications/preferences');
    expect(res.status).toBe(200);
    return res;
  };
  const choose = async (who: Caller, body: unknown) => {
    const current = await preferences(who);
    return call(t.app, who, 'PUT', '/api/v1/notifications/preferences', body, { 'if-match': current.headers.etag as string });
  };

  it('watches a team, a service, a PR/FAQ and a COE by the names people use, once each, and stops watching', async () => {
    const prfaq = await call(t.app, pia, 'POST', '/api/v1/prfaqs', { title: 'One-click refunds', team: 'payments' });
    expect(prfaq.status, JSON.stringify(prfaq.body)).toBe(201);
    const coe = await call(t.app, pia, 'POST', '/api/v1/coes', { title: 'Refunds stalled', team: 'payments' });
    expect(coe.status, JSON.stringify(coe.body)).toBe(201);

    const team = await call(t.app, nia, 'POST', '/api/v1/notifications/subscriptions', { kind: 'team', name: 'PAYMENTS' });
    expect(team.status).toBe(201);
    expect(team.body).toMatchObject({ kind: 'team', name: 'payments', title: 'Payments', link: '/teams/payments' });
    expect(team.headers.location).toBe(`/api/v1/notifications/subscriptions/${team.body.id}`);
    const again = await call(t.app, nia, 'POST', '/api/v1/notifications/subscriptions', { kind: 'team', name: 'payments' });
    expect([again.status, again.body.id]).toEqual([200, team.body.id]);

    const service = await call(t.app, nia, 'POST', '/api/v1/notifications/subscriptions', { kind: 'service', name: 'component:default/Checkout' });
    expect(service.body).toMatchObject({ kind: 'service', name: 'component:default/checkout', title: 'Checkout', link: '/catalog/component/default/checkout' });
    const byShortName = await call(t.app, nia, 'POST', '/api/v1/notifications/subscriptions', { kind: 'service', name: 'checkout' });
    expect([byShortName.status, byShortName.body.id]).toEqual([200, service.body.id]);
    const doc = await call(t.app, nia, 'POST', '/api/v1/notifications/subscriptions', { kind: 'prfaq', id: prfaq.body.number });
    expect(doc.body).toMatchObject({ kind: 'prfaq', name: String(prfaq.body.number), title: `PR/FAQ ${prfaq.body.number}: One-click refunds`, link: `/prfaqs/${prfaq.body.number}` });
    const review = await call(t.app, nia, 'POST', '/api/v1/notifications/subscriptions', { kind: 'coe', id: coe.body.number });
    expect(review.body).toMatchObject({ kind: 'coe', link: `/coes/${coe.body.number}` });

    const all = await call(t.app, nia, 'GET', '/api/v1/notifications/subscriptions');
    expect(all.body.items.map((s: { kind: string }) => s.kind).sort()).toEqual(['coe', 'prfaq', 'service', 'team']);
    const one = await call(t.app, nia, 'GET', '/api/v1/notifications/subscriptions?kind=team&name=payments');
    expect(one.body.items.map((s: { id: string }) => s.id)).toEqual([team.body.id]);
    expect((await call(t.app, nia, 'GET', '/api/v1/notifications/subscriptions?kind=team&name=search')).body.items).toEqual([]);
    const paged = await call(t.app, nia, 'GET', '/api/v1/notifications/subscriptions?limit=3');
    expect(paged.body.items).toHaveLength(3);
    const rest = await call(t.app, nia, 'GET', `/api/v1/notifications/subscriptions?limit=3&cursor=${paged.body.nextCursor}`);
    expect(rest.body.items).toHaveLength(1);
    expect(rest.body.nextCursor).toBeNull();
    // Each person sees only their own.
    expect((await call(t.app, wes, 'GET', '/api/v1/notifications/subscriptions')).body.items).toEqual([]);
    expect((await call(t.app, wes, 'DELETE', `/api/v1/notifications/subscriptions/${review.body.id}`)).body.code).toBe('NOTIFICATION_SUBSCRIPTION_NOT_FOUND');

    for (const s of [team, doc, review]) expect((await call(t.app, nia, 'DELETE', `/api/v1/notifications/subscriptions/${s.body.id}`)).status).toBe(204);
    expect((await call(t.app, nia, 'DELETE', `/api/v1/notifications/subscriptions/${team.body.id}`)).status).toBe(404);
    expect((await call(t.app, nia, 'GET', '/api/v1/notifications/subscriptions')).body.items.map((s: { id: string }) => s.id)).toEqual([service.body.id]);
    expect((await call(t.app, nia, 'DELETE', `/api/v1/notifications/subscriptions/${service.body.id}`)).status).toBe(204);
    const audit = await t.database.db.selectFrom('audit_events').select('action').where('action', 'like', 'notification.%subscribed').execute();
    expect(audit.filter((a) => a.action === 'notification.subscribed')).toHaveLength(4);
    expect(audit.filter((a) => a.action === 'notification.unsubscribed')).toHaveLength(4);
  });

  it('refuses what cannot be watched, naming the field', async () => {
    const post = (body: unknown) => call(t.app, nia, 'POST', '/api/v1/notifications/subscriptions', body);
    const badKind = await post({ kind: 'planet', name: 'mars' });
    expect([badKind.status, badKind.body.errors[0].path]).toEqual([400, 'body.kind']);
    expect(badKind.body.errors[0].message).toContain('team, service, prfaq, coe');
    const both = await post({ kind: 'team', name: 'payments', id: '1' });
    expect([both.status, both.body.errors[0].path]).toEqual([400, 'body.name']);
    expect((await post({ kind: 'team' })).status).toBe(400);
    expect((await post({ kind: 'team', name: 'payments', extra: 1 })).status).toBe(400);
    const missing = await post({ kind: 'team', name: 'nobody-here' });
    expect([missing.status, missing.body.code]).toEqual([404, 'NOTIFICATION_TARGET_NOT_FOUND']);
    expect(missing.body.detail).toContain('nobody-here');
    expect((await post({ kind: 'prfaq', id: 99999 })).body.code).toBe('NOTIFICATION_TARGET_NOT_FOUND');
    expect((await post({ kind: 'service', name: ':/' })).body.code).toBe('NOTIFICATION_TARGET_NOT_FOUND');
    const nameWithoutKind = await call(t.app, nia, 'GET', '/api/v1/notifications/subscriptions?name=payments');
    expect([nameWithoutKind.status, nameWithoutKind.body.errors[0].path]).toEqual([400, 'query.name']);
    expect((await call(t.app, null, 'GET', '/api/v1/notifications/subscriptions')).status).toBe(401);
    expect(Number((await t.database.db.selectFrom('notification_subscriptions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
  });

  it("puts an andon pull in the owning team's inboxes and its watchers', never the puller's, and follows each person's choice", async () => {
    expect((await call(t.app, wes, 'POST', '/api/v1/notifications/subscriptions', { kind: 'service', name: 'checkout' })).status).toBe(201);
    // pat keeps pulls out of the inbox.
    const off = await choose(pat, { kinds: [{ kind: 'andon.pulled', inbox: false }] });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.kinds.find((k: { kind: string }) => k.kind === 'andon.pulled')).toMatchObject({ inbox: false, webhook: false });

    const pulled = await pull('Card payments failing');
    const forPia = await inbox(pia, 'andon.pulled');
    expect(forPia).toEqual([expect.objectContaining({ title: 'oz pulled the andon cord on service checkout (production)', link: `/andon/pulls/${pulled.id}` })]);
    expect(await inbox(wes, 'andon.pulled')).toHaveLength(1);
    expect(await inbox(pat, 'andon.pulled')).toEqual([]);
    expect(await inbox(nia, 'andon.pulled')).toEqual([]);
    expect(await inbox(oz, 'andon.pulled')).toEqual([]);

    // Acknowledging reaches the same people, and pat (who turned off only pulls).
    const ack = await call(t.app, pia, 'POST', `/api/v1/andon/pulls/${pulled.id}/acknowledge`, {});
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
    expect(await inbox(pat, 'andon.acknowledged')).toHaveLength(1);
    expect(await inbox(wes, 'andon.acknowledged')).toHaveLength(1);
    expect(await inbox(pia, 'andon.acknowledged')).toEqual([]);
  });

  it('sends the kinds a person chose to their own webhook, signed, with a secret shown once', async () => {
    const receiver = await startReceiver();
    try {
      const before = await preferences(nia);
      expect(before.headers.etag).toBe('"0"');
      expect(before.body).toMatchObject({ version: 0, updatedAt: null, webhook: { url: null, format: 'json' } });
      expect(before.body.kinds.map((k: { kind: string }) => k.kind)).toContain('prfaq.decided');
      expect(before.body.kinds.every((k: { inbox: boolean; webhook: boolean; description: string }) => k.inbox && !k.webhook && k.description.length > 10)).toBe(true);

      const saved = await choose(nia, { webhook: { url: receiver.url }, kinds: [{ kind: 'andon.pulled', webhook: true, inbox: false }] });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.headers.etag).toBe('"1"');
      expect(saved.body.secret).toMatch(/^whsec_/);
      const read = await preferences(nia);
      expect(read.body.secret).toBeUndefined();
      expect(read.body.webhook).toEqual({ url: receiver.url, format: 'json' });
      // Changing something else keeps the secret and does not show it again.
      const format = await choose(nia, { kinds: [{ kind: 'andon.resolved', inbox: false }] });
      expect(format.body.secret).toBeUndefined();

      expect((await call(t.app, nia, 'POST', '/api/v1/notifications/subscriptions', { kind: 'team', name: 'payments' })).status).toBe(201);
      const pulled = await pull('Refunds failing');
      const [request] = await receiver.waitFor(1);
      expect(request.headers['x-dayone-event']).toBe('andon.pulled');
      expect(verify(saved.body.secret, request.body, request.headers['x-dayone-signature'])).toBe(true);
      expect(JSON.parse(request.body).data.pull.id).toBe(pulled.id);
      expect((await inbox(nia, 'andon.pulled')).length).toBe(0);
      const log = await call(t.app, nia, 'GET', '/api/v1/notifications/preferences/deliveries');
      expect(log.status).toBe(200);
      expect(log.body.items[0]).toMatchObject({ event: 'andon.pulled', attempts: expect.any(Number) });
      expect((await call(t.app, wes, 'GET', '/api/v1/notifications/preferences/deliveries')).body.items).toEqual([]);

      const renewed = await choose(nia, { webhook: { newSecret: true } });
      expect(renewed.body.secret).toMatch(/^whsec_/);
      expect(renewed.body.secret).not.toBe(saved.body.secret);
    } finally {
      await receiver.close();
    }
  });

  it('refuses bad choices naming the field, and a change over a stale version', async () => {
    const put = (body: unknown, etag?: string) => call(t.app, oz, 'PUT', '/api/v1/notifications/preferences', body, etag ? { 'if-match': etag } : {});
    expect((await put({ kinds: [] })).status).toBe(428);
    const noUrl = await put({ kinds: [{ kind: 'andon.pulled', webhook: true }] }, '"0"');
    expect([noUrl.status, noUrl.body.errors[0].path]).toEqual([400, 'webhook.url']);
    const badKind = await put({ kinds: [{ kind: 'weather.changed', inbox: false }] }, '"0"');
    expect([badKind.status, badKind.body.errors[0].path]).toEqual([400, 'body.kinds.0.kind']);
    const twice = await put({ kinds: [{ kind: 'andon.pulled', inbox: false }, { kind: 'andon.pulled', inbox: true }] }, '"0"');
    expect([twice.status, twice.body.errors[0].path]).toEqual([400, 'kinds.1.kind']);
    const badUrl = await put({ webhook: { url: 'ftp://example.com/x' } }, '"0"');
    expect([badUrl.status, badUrl.body.errors[0].path]).toEqual([400, 'body.webhook.url']);
    const badFormat = await put({ webhook: { format: 'xml' } }, '"0"');
    expect([badFormat.status, badFormat.body.errors[0].path]).toEqual([400, 'body.webhook.format']);
    expect((await put({ colour: 'blue' }, '"0"')).status).toBe(400);
    expect((await put({ webhook: { newSecret: true } }, '"0"')).body.errors[0].path).toBe('webhook.newSecret');

    expect((await put({ kinds: [{ kind: 'prfaq.decided', inbox: false }] }, '"0"')).status).toBe(200);
    const stale = await put({ kinds: [{ kind: 'prfaq.decided', inbox: true }] }, '"0"');
    expect([stale.status, stale.body.code]).toEqual([412, 'PRECONDITION_FAILED']);
    expect((await preferences(oz)).body.kinds.find((k: { kind: string }) => k.kind === 'prfaq.decided').inbox).toBe(false);
    expect((await call(t.app, null, 'GET', '/api/v1/notifications/preferences')).status).toBe(401);
    expect((await call(t.app, adminCaller, 'GET', '/api/v1/openapi.json')).status).toBeLessThan(500);
  });
});
