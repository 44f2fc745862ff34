import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCaller, call, createTestApp, dialects, newTestStore, signUp, type Caller, type TestApp, type TestStore } from './harness';
import { eventually, freePort, sleep, startReceiver, verify } from './webhook-receiver';
import { deliverySettingsFromEnv, resolveDeliverySettings, retryDelay } from '../src/platform/outbox/index';

// Fast retries for the tests: 20 ms, 40 ms, 80 ms, then every 100 ms; look every 50 ms when idle.
const envBefore = { ...process.env };
Object.assign(process.env, { DAYONE_WEBHOOK_BACKOFF_MS: '20', DAYONE_WEBHOOK_MAX_BACKOFF_MS: '100', DAYONE_WEBHOOK_POLL_MS: '50', DAYONE_WEBHOOK_MAX_ATTEMPTS: '100000' });
afterAll(() => {
  for (const key of Object.keys(process.env)) if (key.startsWith('DAYONE_WEBHOOK_') && !(key in envBefore)) delete process.env[key];
});

describe.each(dialects)('outbox and webhooks on %s', (dialect) => {
  let store: TestStore;
  let t: TestApp;
  let olive: Caller;
  let oscar: Caller;

  beforeAll(async () => {
    store = newTestStore(dialect);
    t = await createTestApp(dialect, { store });
    await signUp(t.app, 'root');
    olive = await signUp(t.app, 'olive');
    oscar = await signUp(t.app, 'oscar');
    expect((await call(t.app, olive, 'POST', '/api/v1/teams', { name: 'payments' })).status).toBe(201);
    expect((await call(t.app, oscar, 'POST', '/api/v1/teams', { name: 'discovery' })).status).toBe(201);
    const component = await call(t.app, olive, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'checkout', owner: 'payments', lifecycle: 'production', type: 'service' });
    expect(component.status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    await store.drop();
  });

  const register = async (caller: Caller, body: Record<string, unknown>) => {
    const res = await call(t.app, caller, 'POST', '/api/v1/webhooks', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; secret: string; version: number };
  };
  const switchOff = async (hook: { id: string }) => {
    const current = await call(t.app, adminCaller, 'GET', `/api/v1/webhooks/${hook.id}`);
    const res = await call(t.app, adminCaller, 'PATCH', `/api/v1/webhooks/${hook.id}`, { active: false }, { 'if-match': current.headers.etag as string });
    expect(res.status).toBe(200);
  };
  const pull = async (reason = 'Orders double-charged') => {
    const res = await call(t.app, oscar, 'POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: 'checkout' }, reason, severity: 2, environment: 'production' });
    expect(res.status).toBe(201);
    return res.body as { id: string; number: number };
  };
  const deliveries = async (hook: { id: string }, caller: Caller = olive) => {
    const res = await call(t.app, caller, 'GET', `/api/v1/webhooks/${hook.id}/deliveries`);
    expect(res.status).toBe(200);
    return res.body.items as { id: string; noticeId: string; status: string; attempts: number; lastStatusCode: number | null; lastError: string | null; nextAttemptAt: string | null; deliveredAt: string | null; attemptLog: { attempt: number; ok: boolean; statusCode: number | null; error: string | null }[] }[];
  };

  it('registers a webhook for a team, shows its secret once and records it in the audit log', async () => {
    const created = await call(t.app, olive, 'POST', '/api/v1/webhooks', { url: 'https://hooks.example.com/dayone', events: ['andon.pulled', 'andon.pulled'], team: 'payments', description: 'pager' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: 'https://hooks.example.com/dayone', format: 'json', events: ['andon.pulled'], team: 'payments', active: true, createdBy: 'olive', version: 1 });
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{40,}$/);
    expect(created.headers.location).toBe(`/api/v1/webhooks/${created.body.id}`);
    expect(created.headers.etag).toBe('"1"');

    const read = await call(t.app, olive, 'GET', `/api/v1/webhooks/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('secret');
    const mine = await call(t.app, olive, 'GET', '/api/v1/webhooks');
    expect(mine.body.items.map((h: { id: string }) => h.id)).toContain(created.body.id);
    expect(mine.body.items[0]).not.toHaveProperty('secret');
    expect((await call(t.app, oscar, 'GET', '/api/v1/webhooks')).body.items.map((h: { id: string }) => h.id)).not.toContain(created.body.id);
    const foreign = await call(t.app, oscar, 'GET', `/api/v1/webhooks/${created.body.id}`);
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('WEBHOOK_FORBIDDEN');
    expect((await call(t.app, oscar, 'GET', `/api/v1/webhooks/${created.body.id}/deliveries`)).status).toBe(403);

    const audit = await t.database.db.selectFrom('audit_events').selectAll().where('entity_id', '=', created.body.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['webhook.created']);
    expect(audit[0].after_json).not.toContain(created.body.secret);

    const stale = await call(t.app, olive, 'PATCH', `/api/v1/webhooks/${created.body.id}`, { active: false }, { 'if-match': '"7"' });
    expect(stale.status).toBe(412);
    expect((await call(t.app, olive, 'PATCH', `/api/v1/webhooks/${created.body.id}`, { active: false })).status).toBe(428);
    expect((await call(t.app, oscar, 'PATCH', `/api/v1/webhooks/${created.body.id}`, { active: false }, { 'if-match': '"1"' })).status).toBe(403);
    const patched = await call(t.app, olive, 'PATCH', `/api/v1/webhooks/${created.body.id}`, { active: false, format: 'slack' }, { 'if-match': '"1"' });
    expect(patched.body).toMatchObject({ active: false, format: 'slack', version: 2 });
    expect(patched.headers.etag).toBe('"2"');
    expect((await call(t.app, olive, 'DELETE', `/api/v1/webhooks/${created.body.id}`, undefined, { 'if-match': '"1"' })).status).toBe(412);
    expect((await call(t.app, olive, 'DELETE', `/api/v1/webhooks/${created.body.id}`, undefined, { 'if-match': '"2"' })).status).toBe(204);
    const gone = await call(t.app, olive, 'GET', `/api/v1/webhooks/${created.body.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('WEBHOOK_NOT_FOUND');
    const trail = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', created.body.id).orderBy('seq').execute();
    expect(trail.map((a) => a.action)).toEqual(['webhook.created', 'webhook.updated', 'webhook.deleted']);
  });

  it('refuses bad input naming the fields, and registrations for teams one is not in', async () => {
    const bad = await call(t.app, olive, 'POST', '/api/v1/webhooks', { url: 'ftp://example.com/x', format: 'xml', events: [], team: 'payments', colour: 'red' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const paths = bad.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.url', 'body.format', 'body.events', 'body.colour']));
    expect(bad.body.errors.find((e: { path: string }) => e.path === 'body.url').message).toBe('must be an http or https URL');
    const event = await call(t.app, olive, 'POST', '/api/v1/webhooks', { url: 'https://example.com/x', events: ['andon.pulled', 'andon.exploded'], team: 'payments' });
    expect(event.status).toBe(400);
    expect(event.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.events.1']);
    const noUrl = await call(t.app, olive, 'POST', '/api/v1/webhooks', { events: ['*'], team: 'payments' });
    expect(noUrl.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.url']);
    const unknownTeam = await call(t.app, olive, 'POST', '/api/v1/webhooks', { url: 'https://example.com/x', events: ['*'], team: 'nobody' });
    expect(unknownTeam.status).toBe(400);
    expect(unknownTeam.body.errors).toEqual([{ path: 'team', message: 'no team is named "nobody"' }]);

    const outsider = await call(t.app, oscar, 'POST', '/api/v1/webhooks', { url: 'https://example.com/x', events: ['*'], team: 'payments' });
    expect(outsider.status).toBe(403);
    expect(outsider.body.code).toBe('WEBHOOK_FORBIDDEN');
    expect(outsider.body.detail).toContain('members of payments');
    const orgWide = await call(t.app, oscar, 'POST', '/api/v1/webhooks', { url: 'https://example.com/x', events: ['*'] });
    expect(orgWide.status).toBe(403);
    expect(orgWide.body.detail).toContain('admins');
    expect((await call(t.app, null, 'POST', '/api/v1/webhooks', { url: 'https://example.com/x', events: ['*'], team: 'payments' })).status).toBe(401);
    const count = await t.database.db.selectFrom('webhooks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('delivers a signed JSON notice when the cord is pulled, only to webhooks that asked for it', async () => {
    const receiver = await startReceiver();
    const other = await startReceiver();
    try {
      const hook = await register(olive, { url: receiver.url, events: ['andon.pulled'], team: 'payments' });
      const theirs = await register(oscar, { url: other.url, events: ['*'], team: 'discovery' });
      const off = await register(olive, { url: other.url, events: ['*'], team: 'payments', active: false });
      const pulled = await pull();

      const [request] = await receiver.waitFor(1);
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['x-dayone-event']).toBe('andon.pulled');
      expect(request.headers['x-dayone-attempt']).toBe('1');
      expect(verify(hook.secret, request.body, request.headers['x-dayone-signature'])).toBe(true);
      expect(verify('not-the-secret', request.body, request.headers['x-dayone-signature'])).toBe(false);
      const body = JSON.parse(request.body);
      expect(Object.keys(body).sort()).toEqual(['data', 'id', 'occurredAt', 'type']);
      expect(body.type).toBe('andon.pulled');
      expect(body.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(body.data).toMatchObject({ actor: 'oscar', path: `/andon/pulls/${pulled.id}`, pull: { id: pulled.id, ownerTeam: 'payments', pulledBy: 'oscar', reason: 'Orders double-charged', severity: 2, status: 'active' } });

      const [delivered] = await eventually(() => deliveries(hook), (d) => d[0]?.status === 'delivered');
      expect(delivered).toMatchObject({ id: request.headers['x-dayone-delivery'], noticeId: body.id, attempts: 1, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
      expect(delivered.deliveredAt).not.toBeNull();
      expect(delivered.attemptLog).toMatchObject([{ attempt: 1, ok: true, statusCode: 200, error: null }]);

      // Acknowledging is another event type: not for this webhook. The other team's and the inactive one get nothing.
      expect((await call(t.app, olive, 'POST', `/api/v1/andon/pulls/${pulled.id}/acknowledge`, {})).status).toBe(200);
      expect(await deliveries(hook)).toHaveLength(1);
      expect(await deliveries(theirs, oscar)).toHaveLength(0);
      expect(await deliveries(off)).toHaveLength(0);
      await Promise.all([switchOff(hook), switchOff(theirs)]);
      expect(other.received).toHaveLength(0);
    } finally {
      await receiver.close();
      await other.close();
    }
  });

  it('sends Slack-shaped messages to a slack webhook', async () => {
    const receiver = await startReceiver();
    try {
      const hook = await register(olive, { url: receiver.url, format: 'slack', events: ['*'], team: 'payments' });
      const pulled = await pull('Checkout <returns> 502 & times out');
      const [request] = await receiver.waitFor(1);
      expect(verify(hook.secret, request.body, request.headers['x-dayone-signature'])).toBe(true);
      const message = JSON.parse(request.body);
      expect(Object.keys(message).sort()).toEqual(['blocks', 'text']);
      expect(message.text).toContain('*oscar* pulled the andon cord on service *checkout* (production)');
      expect(message.text).toContain('Reason: Checkout &lt;returns&gt; 502 &amp; times out');
      expect(message.text).toContain('Severity 2');
      expect(message.text).toContain(`Pull #${pulled.number} (/andon/pulls/${pulled.id})`);
      expect(message.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
      expect(message.blocks[1].type).toBe('context');

      expect((await call(t.app, olive, 'POST', `/api/v1/andon/pulls/${pulled.id}/resolve`, { note: 'Rolled back' })).status).toBe(200);
      const [, resolved] = await receiver.waitFor(2);
      expect(resolved.headers['x-dayone-event']).toBe('andon.resolved');
      expect(JSON.parse(resolved.body).text).toContain('*olive* resolved andon pull');
      expect(JSON.parse(resolved.body).text).toContain('Resolution: Rolled back');
      await switchOff(hook);
    } finally {
      await receiver.close();
    }
  });

  it('retries with backoff: a receiver that answers 500 twice gets the notice on the third attempt', async () => {
    const receiver = await startReceiver((n) => (n <= 2 ? 500 : 200));
    try {
      const hook = await register(olive, { url: receiver.url, events: ['andon.pulled'], team: 'payments' });
      await pull('flaky receiver');
      const requests = await receiver.waitFor(3);
      expect(new Set(requests.map((r) => r.headers['x-dayone-delivery'])).size).toBe(1);
      expect(requests.map((r) => r.headers['x-dayone-attempt'])).toEqual(['1', '2', '3']);
      expect(new Set(requests.map((r) => r.body)).size).toBe(1);
      const [delivery] = await eventually(() => deliveries(hook), (d) => d[0]?.status === 'delivered');
      expect(delivery).toMatchObject({ attempts: 3, lastStatusCode: 200, lastError: null });
      expect(delivery.attemptLog.map((a) => [a.attempt, a.ok, a.statusCode])).toEqual([
        [1, false, 500],
        [2, false, 500],
        [3, true, 200],
      ]);
      expect(delivery.attemptLog[0].error).toBe('HTTP 500: receiver is unwell');
      await switchOff(hook);
    } finally {
      await receiver.close();
    }
  });

  it('never makes the pull wait for a receiver that hangs or is down, and delivers once it is back', async () => {
    let hang = true;
    const hanging = await startReceiver(() => (hang ? 'hang' : 200));
    const port = await freePort();
    let later: Awaited<ReturnType<typeof startReceiver>> | undefined;
    try {
      const slow = await register(olive, { url: hanging.url, events: ['andon.pulled'], team: 'payments' });
      const down = await register(olive, { url: `http://127.0.0.1:${port}/hook`, events: ['andon.pulled'], team: 'payments' });
      await pull('receiver hangs');
      await hanging.waitFor(1);
      // The first delivery is still waiting for an answer, and the other receiver refuses connections: pulls go on.
      const second = await pull('receiver still hangs');
      expect(second.number).toBeGreaterThan(0);
      const failing = await eventually(() => deliveries(down), (d) => d.length === 2 && d.every((x) => x.attempts >= 1));
      expect(failing[0]).toMatchObject({ status: 'pending', lastStatusCode: null, deliveredAt: null });
      expect(failing[0].lastError).toContain('ECONNREFUSED');
      expect(failing[0].nextAttemptAt).not.toBeNull();

      later = await startReceiver(() => 200, port);
      const arrived = await later.waitFor(2);
      expect(arrived.map((r) => JSON.parse(r.body).data.pull.reason).sort()).toEqual(['receiver hangs', 'receiver still hangs']);
      await eventually(() => deliveries(down), (d) => d.every((x) => x.status === 'delivered'));

      hang = false;
      hanging.release(200);
      await eventually(() => deliveries(slow), (d) => d.length === 2 && d.every((x) => x.status === 'delivered'));
      await Promise.all([switchOff(slow), switchOff(down)]);
    } finally {
      await hanging.close();
      await later?.close();
    }
  });

  it('loses no undelivered notice across a restart', async () => {
    const port = await freePort();
    const hook = await register(olive, { url: `http://127.0.0.1:${port}/hook`, events: ['andon.pulled'], team: 'payments' });
    const pulled = await pull('delivered after the restart');
    await eventually(() => deliveries(hook), (d) => d[0]?.attempts >= 1);
    await t.close();

    const receiver = await startReceiver(() => 200, port);
    try {
      t = await createTestApp(dialect, { store });
      const [request] = await receiver.waitFor(1);
      expect(JSON.parse(request.body).data.pull.id).toBe(pulled.id);
      expect(verify(hook.secret, request.body, request.headers['x-dayone-signature'])).toBe(true);
      const [delivery] = await eventually(() => deliveries(hook), (d) => d[0]?.status === 'delivered');
      expect(delivery.attemptLog.at(-1)).toMatchObject({ ok: true, statusCode: 200 });
      expect(delivery.attemptLog.slice(0, -1).every((a) => !a.ok && a.error?.includes('ECONNREFUSED'))).toBe(true);
      await switchOff(hook);
    } finally {
      await receiver.close();
    }
  });

  it('lets two instances share the store without sending a delivery twice', async () => {
    const receiver = await startReceiver();
    const second = await createTestApp(dialect, { store });
    try {
      const hook = await register(olive, { url: receiver.url, events: ['andon.pulled'], team: 'payments' });
      const pulls = await Promise.all(['one', 'two', 'three', 'four', 'five', 'six'].map((n) => pull(`shared ${n}`)));
      await eventually(() => deliveries(hook), (d) => d.length === pulls.length && d.every((x) => x.status === 'delivered'));
      const ids = receiver.received.map((r) => r.headers['x-dayone-delivery']);
      expect(ids).toHaveLength(pulls.length);
      expect(new Set(ids).size).toBe(pulls.length);
      expect((await deliveries(hook)).every((d) => d.attempts === 1 && d.attemptLog.length === 1)).toBe(true);
      await switchOff(hook);
    } finally {
      await second.close();
      await receiver.close();
    }
  });

  it('gives up after the configured number of attempts and marks the delivery failed (organisation-wide webhook)', async () => {
    process.env.DAYONE_WEBHOOK_MAX_ATTEMPTS = '3';
    const small = await createTestApp(dialect);
    process.env.DAYONE_WEBHOOK_MAX_ATTEMPTS = '100000';
    const receiver = await startReceiver(() => 503);
    try {
      const created = await call(small.app, adminCaller, 'POST', '/api/v1/webhooks', { url: receiver.url, events: ['*'] });
      expect(created.status).toBe(201);
      expect(created.body.team).toBeNull();
      const pulled = await call(small.app, adminCaller, 'POST', '/api/v1/andon/pulls', { target: { kind: 'organisation' }, reason: 'Region outage' });
      expect(pulled.status).toBe(201);
      const read = () => call(small.app, adminCaller, 'GET', `/api/v1/webhooks/${created.body.id}/deliveries?status=failed`).then((r) => r.body.items);
      const [failed] = await eventually(read, (items) => items.length === 1);
      expect(failed).toMatchObject({ status: 'failed', attempts: 3, lastStatusCode: 503, nextAttemptAt: null, deliveredAt: null });
      expect(failed.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([503, 503, 503]);
      expect(receiver.received).toHaveLength(3);
      const page = await call(small.app, adminCaller, 'GET', `/api/v1/webhooks/${created.body.id}/deliveries?status=delivered`);
      expect(page.body.items).toEqual([]);
    } finally {
      await small.close();
      await receiver.close();
    }
  });
});

describe('retry schedule', () => {
  it('doubles from the base delay up to the cap', () => {
    const settings = resolveDeliverySettings();
    expect(settings).toMatchObject({ backoffMs: 1000, maxBackoffMs: 3_600_000, maxAttempts: 24 });
    expect([1, 2, 3, 4, 12].map((failures) => retryDelay(failures, settings))).toEqual([1000, 2000, 4000, 8000, 2_048_000]);
    expect(retryDelay(13, settings)).toBe(3_600_000);
    expect(retryDelay(1000, settings)).toBe(3_600_000);
  });

  it('reads DAYONE_WEBHOOK_* and refuses values that are not positive whole numbers', () => {
    expect(deliverySettingsFromEnv({ DAYONE_WEBHOOK_BACKOFF_MS: '50', DAYONE_WEBHOOK_MAX_ATTEMPTS: '5', DAYONE_WEBHOOK_TIMEOUT_MS: '' })).toEqual({ backoffMs: 50, maxAttempts: 5 });
    expect(() => deliverySettingsFromEnv({ DAYONE_WEBHOOK_POLL_MS: '0' })).toThrow('DAYONE_WEBHOOK_POLL_MS must be a positive whole number, got "0"');
    expect(() => deliverySettingsFromEnv({ DAYONE_WEBHOOK_BACKOFF_MS: '1.5' })).toThrow('DAYONE_WEBHOOK_BACKOFF_MS');
    expect(resolveDeliverySettings({ backoffMs: 5 }, { backoffMs: 7, pollMs: undefined }).backoffMs).toBe(7);
  });
});
