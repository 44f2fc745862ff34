import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, dialects, signUp, type Caller, type TestApp } from './harness';

/** The lean lane only sees real connections (inject() goes straight to Fastify), so these tests listen
 *  on a loopback port and compare each answer with the one Fastify gives with the lane switched off. */

const LIMIT = 40;
const GATE_BUDGET = LIMIT * 10;

interface Answer {
  status: number;
  /** Header names and values in the order they were sent. */
  headers: [string, string][];
  body: string;
}

function request(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const pairs: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i].toLowerCase(), res.rawHeaders[i + 1]]);
        resolve({ status: res.statusCode!, headers: pairs, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const header = (a: Answer, name: string) => a.headers.find(([n]) => n === name)?.[1];

/** What must match between the two ways of answering: everything but the request id, the date and the
 *  budget left (one less on the second of two requests). A problem body names its own request id. */
function comparable(a: Answer) {
  const id = header(a, 'x-request-id');
  let body: unknown = a.body;
  if (header(a, 'content-type')?.includes('json') && a.body) {
    const parsed = JSON.parse(a.body) as Record<string, unknown>;
    if ('requestId' in parsed) {
      expect(parsed.requestId).toBe(id);
      delete parsed.requestId;
    }
    body = parsed;
  }
  const headers = a.headers.map(([n, v]) => [n, n === 'x-request-id' || n === 'date' || n === 'x-ratelimit-remaining' ? '…' : v]);
  return { status: a.status, headers, body };
}

describe.each(dialects)('the lean lane in front of Fastify on %s', (dialect) => {
  let t: TestApp;
  let base: string;
  let ada: Caller;
  const tokens: Record<string, string> = {};
  const bearer = (name: string) => ({ authorization: `Bearer ${tokens[name]}` });
  const mint = async (name: string, scopes: string[]) => {
    const created = await call(t.app, ada, 'POST', '/api/v1/tokens', { name, scopes });
    expect(created.status).toBe(201);
    tokens[name] = created.body.token;
  };

  /** The same request with the lane on, then off; says whether the lane answered the first. */
  async function both(path: string, headers: Record<string, string> = {}, method = 'GET') {
    const lane = t.app.leanLane;
    const before = lane.answered;
    const viaLane = await request(base, path, headers, method);
    const answeredByLane = lane.answered > before;
    lane.enabled = false;
    try {
      const viaFastify = await request(base, path, headers, method);
      expect(lane.answered).toBe(before + (answeredByLane ? 1 : 0));
      expect(comparable(viaLane)).toEqual(comparable(viaFastify));
      if (answeredByLane) expect(header(viaLane, 'x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      if (header(viaLane, 'x-request-id')) expect(header(viaLane, 'x-request-id')).not.toBe(header(viaFastify, 'x-request-id'));
      return { answer: viaLane, answeredByLane };
    } finally {
      lane.enabled = true;
    }
  }

  beforeAll(async () => {
    t = await createTestApp(dialect, { rateLimit: LIMIT });
    ada = await signUp(t.app, 'ada');
    expect((await call(t.app, ada, 'POST', '/api/v1/teams', { name: 'payments' })).status).toBe(201);
    const entity = await call(t.app, ada, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'checkout', owner: 'payments', lifecycle: 'production', type: 'service' });
    expect(entity.status).toBe(201);
    await mint('pipeline', ['gates:read']);
    await mint('reader', ['read']);
    await mint('writer', ['write']);
    await mint('budget', ['gates:read', 'read']);
    await mint('metrics', ['gates:read']);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    // A token's first use is read from the database and recorded: that one goes through Fastify.
    for (const name of Object.keys(tokens)) {
      const before = t.app.leanLane.answered;
      await request(base, '/api/v1/teams', bearer(name));
      expect(t.app.leanLane.answered).toBe(before);
    }
  });
  afterAll(() => t.close());

  it('answers a gate check itself, with the status, body and headers Fastify gives', async () => {
    for (const [name, path] of [
      ['pipeline', '/api/v1/gates/checkout'],
      ['pipeline', '/api/v1/gates/checkout?environment=production'],
      ['pipeline', '/api/v1/gates/CHECKOUT'],
      ['reader', '/api/v1/gates/checkout?environment=eu-west.prod_2'],
    ]) {
      const { answer, answeredByLane } = await both(path, bearer(name));
      expect(answeredByLane, path).toBe(true);
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ service: 'component:default/checkout', open: true, pulls: [] });
      expect(answer.headers.map(([n]) => n).filter((n) => !['date', 'connection', 'keep-alive'].includes(n))).toEqual([
        'x-ratelimit-limit',
        'x-ratelimit-remaining',
        'x-ratelimit-reset',
        'etag',
        'cache-control',
        'content-type',
        'x-request-id',
        'x-content-type-options',
        'referrer-policy',
        'x-frame-options',
        'cross-origin-opener-policy',
        'content-length',
      ]);
      expect(header(answer, 'x-ratelimit-limit')).toBe(String(GATE_BUDGET));
    }
  });

  it('answers a closed gate and 304 for a matching If-None-Match, and follows every change', async () => {
    const open = await both('/api/v1/gates/checkout', bearer('pipeline'));
    const etag = header(open.answer, 'etag')!;
    const same = await both('/api/v1/gates/checkout', { ...bearer('pipeline'), 'if-none-match': etag });
    expect(same.answeredByLane).toBe(true);
    expect(same.answer.status).toBe(304);
    expect(same.answer.body).toBe('');
    expect(header(same.answer, 'content-length')).toBeUndefined();
    const other = await both('/api/v1/gates/checkout', { ...bearer('pipeline'), 'if-none-match': '"something-else"' });
    expect(other.answeredByLane).toBe(true);
    expect(other.answer.status).toBe(200);

    const pull = await call(t.app, ada, 'POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: 'checkout' }, reason: 'payments fail', severity: 2 });
    expect(pull.status).toBe(201);
    const closed = await both('/api/v1/gates/checkout', { ...bearer('pipeline'), 'if-none-match': etag });
    expect(closed.answeredByLane).toBe(true);
    expect(closed.answer.status).toBe(200);
    expect(JSON.parse(closed.answer.body)).toMatchObject({ open: false, pulls: [{ id: pull.body.id, reason: 'payments fail', severity: 2 }] });
    expect(header(closed.answer, 'etag')).not.toBe(etag);
    expect((await call(t.app, ada, 'POST', `/api/v1/andon/pulls/${pull.body.id}/resolve`, { note: 'fixed' })).status).toBe(200);
    const reopened = await both('/api/v1/gates/checkout', { ...bearer('pipeline'), 'if-none-match': header(closed.answer, 'etag')! });
    expect(reopened.answer.status).toBe(200);
    expect(JSON.parse(reopened.answer.body)).toMatchObject({ open: true, pulls: [] });
  });

  it('leaves every other case to Fastify, which answers it as it always has', async () => {
    const cases: [string, string, Record<string, string>, number, string?][] = [
      ['no token', '/api/v1/gates/checkout', {}, 401],
      ['unknown token', '/api/v1/gates/checkout', { authorization: 'Bearer dayone_nobody_knows_this' }, 401],
      ['not a bearer header', '/api/v1/gates/checkout', { authorization: `Basic ${tokens.pipeline}` }, 401],
      ['a scope the route does not take', '/api/v1/gates/checkout', bearer('writer'), 403],
      ['unknown service', '/api/v1/gates/nope', bearer('pipeline'), 404],
      ['an environment the contract refuses', '/api/v1/gates/checkout?environment=Prod', bearer('pipeline'), 400],
      ['an empty environment', '/api/v1/gates/checkout?environment=', bearer('pipeline'), 400],
      ['an environment given twice', '/api/v1/gates/checkout?environment=a&environment=b', bearer('pipeline'), 400],
      ['an unknown query field', '/api/v1/gates/checkout?env=production', bearer('pipeline'), 400],
      ['an escaped name', '/api/v1/gates/default%2Fcheckout', bearer('pipeline'), 200],
      ['a NUL in the name', '/api/v1/gates/check%00out', bearer('pipeline'), 400],
      ['a name past the router limit', `/api/v1/gates/${'c'.repeat(101)}`, bearer('pipeline'), 414],
      ['a trailing slash', '/api/v1/gates/checkout/', bearer('reader'), 404],
      ['the stream without a service', '/api/v1/gates/stream', bearer('pipeline'), 400],
      ['another path', '/api/v1/teams', bearer('reader'), 200],
    ];
    for (const [what, path, headers, status] of cases) {
      const { answer, answeredByLane } = await both(path, headers);
      expect(answeredByLane, what).toBe(false);
      expect(answer.status, what).toBe(status);
    }
    const head = await both('/api/v1/gates/checkout', bearer('pipeline'), 'HEAD');
    expect(head.answeredByLane).toBe(false);
    expect(head.answer.status).toBe(200);
    const post = await both('/api/v1/gates/checkout', bearer('pipeline'), 'POST');
    expect(post.answeredByLane).toBe(false);
    expect(post.answer.status).toBe(403);
    // A signed-in person (no bearer token) is looked up by Fastify.
    const session = await both('/api/v1/gates/checkout', ada.headers);
    expect(session.answeredByLane).toBe(false);
    expect(session.answer.status).toBe(200);
  });

  it('leaves a token to Fastify when it is not in memory, or its last use is due to be recorded', async () => {
    await mint('fresh', ['gates:read']);
    const first = await both('/api/v1/gates/checkout', bearer('fresh'));
    expect(first.answeredByLane).toBe(false);
    expect(first.answer.status).toBe(200);
    const second = await both('/api/v1/gates/checkout', bearer('fresh'));
    expect(second.answeredByLane).toBe(true);
    // Revoked: evicted from memory at once, so the lane no longer knows it.
    const listed = await call(t.app, ada, 'GET', '/api/v1/tokens');
    const id = (listed.body.items as { id: string; name: string }[]).find((k) => k.name === 'fresh')!.id;
    expect((await call(t.app, ada, 'DELETE', `/api/v1/tokens/${id}`)).status).toBe(204);
    const revoked = await both('/api/v1/gates/checkout', bearer('fresh'));
    expect(revoked.answeredByLane).toBe(false);
    expect(revoked.answer.status).toBe(401);
  });

  it('shares the rate budget with Fastify: the lane counts, and the request past it gets Fastify\'s 429', async () => {
    const lane = t.app.leanLane;
    const remaining: number[] = [];
    let byLane = 0;
    for (let i = 0; i < GATE_BUDGET; i++) {
      // Every third request through Fastify, the rest through the lane.
      lane.enabled = i % 3 !== 0;
      const before = lane.answered;
      const answer = await request(base, '/api/v1/gates/checkout', bearer('budget'));
      byLane += lane.answered - before;
      expect(answer.status).toBe(200);
      remaining.push(Number(header(answer, 'x-ratelimit-remaining')));
    }
    lane.enabled = true;
    expect(byLane).toBe(GATE_BUDGET - Math.ceil(GATE_BUDGET / 3));
    expect(remaining).toEqual(Array.from({ length: GATE_BUDGET }, (_, i) => GATE_BUDGET - 1 - i));

    const before = lane.answered;
    const refused = await request(base, '/api/v1/gates/checkout', bearer('budget'));
    expect(lane.answered).toBe(before);
    expect(refused.status).toBe(429);
    expect(header(refused, 'content-type')).toContain('application/problem+json');
    const problem = JSON.parse(refused.body);
    expect(problem).toMatchObject({ code: 'RATE_LIMITED', limit: GATE_BUDGET });
    expect(problem.detail).toContain(`More than ${GATE_BUDGET} requests a minute from this token`);
    const retryAfter = Number(header(refused, 'retry-after'));
    expect(retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(problem.retryAfterSeconds).toBe(retryAfter);
    expect(header(refused, 'x-ratelimit-remaining')).toBe('0');
    // Other API requests of the same token have their own budget.
    expect((await request(base, '/api/v1/teams', bearer('budget'))).status).toBe(200);
  });

  it('answers a team page from the read cache, and leaves to Fastify what is not in it', async () => {
    // The first read loads the team (Fastify); from then on it is in memory.
    const loaded = await both('/api/v1/teams/payments', bearer('reader'));
    const cached = await both('/api/v1/teams/payments', bearer('reader'));
    expect(cached.answeredByLane).toBe(true);
    expect(cached.answer.status).toBe(200);
    expect(cached.answer.body).toBe(loaded.answer.body);
    expect(header(cached.answer, 'etag')).toBe(`"${JSON.parse(cached.answer.body).version}"`);
    expect(header(cached.answer, 'x-ratelimit-limit')).toBe(String(LIMIT));
    expect((await both('/api/v1/teams/PAYMENTS', bearer('reader'))).answeredByLane).toBe(true);

    for (const [path, headers, status] of [
      ['/api/v1/teams/payments?expand=1', bearer('reader'), 200],
      ['/api/v1/teams/nobody', bearer('reader'), 404],
      ['/api/v1/teams/payments', bearer('pipeline'), 403],
      ['/api/v1/teams/payments/members', bearer('reader'), 404],
    ] as const) {
      const { answer, answeredByLane } = await both(path, headers);
      expect(answeredByLane, path).toBe(false);
      expect(answer.status, path).toBe(status);
    }

    // A change empties the cache: the next read is Fastify's, with the change, and the one after the lane's.
    const version = JSON.parse(cached.answer.body).version as number;
    const patched = await call(t.app, ada, 'PATCH', '/api/v1/teams/payments', { mission: 'Take payments' }, { 'if-match': `"${version}"` });
    expect(patched.status).toBe(200);
    const reloaded = await both('/api/v1/teams/payments', bearer('reader'));
    expect(reloaded.answeredByLane).toBe(false);
    expect(JSON.parse(reloaded.answer.body)).toMatchObject({ mission: 'Take payments', version: version + 1 });
    const again = await both('/api/v1/teams/payments', bearer('reader'));
    expect(again.answeredByLane).toBe(true);
    expect(again.answer.body).toBe(reloaded.answer.body);
  });

  it('counts the requests it answers in the metrics, as Fastify does', async () => {
    const count = async (status: number) => {
      const text = (await request(base, '/metrics')).body;
      const line = text.split('\n').find((l) => l.startsWith(`dayone_http_requests_total{method="GET",route="/api/v1/gates/:service",status="${status}"}`));
      return line ? Number(line.split(' ').pop()) : 0;
    };
    const histogram = async () => {
      const text = (await request(base, '/metrics')).body;
      const line = text.split('\n').find((l) => l.startsWith('dayone_http_request_duration_seconds_count{method="GET",route="/api/v1/gates/:service"}'));
      return line ? Number(line.split(' ').pop()) : 0;
    };
    const ok = await count(200);
    const notModified = await count(304);
    const observed = await histogram();
    const before = t.app.leanLane.answered;
    const first = await request(base, '/api/v1/gates/checkout', bearer('metrics'));
    for (let i = 0; i < 4; i++) await request(base, '/api/v1/gates/checkout', bearer('metrics'));
    await request(base, '/api/v1/gates/checkout', { ...bearer('metrics'), 'if-none-match': header(first, 'etag')! });
    expect(t.app.leanLane.answered - before).toBe(6);
    expect(await count(200)).toBe(ok + 5);
    expect(await count(304)).toBe(notModified + 1);
    expect(await histogram()).toBe(observed + 6);
  });
});
