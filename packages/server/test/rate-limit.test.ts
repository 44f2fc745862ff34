import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, DEFAULT_RATE_LIMIT } from '../src/config';
import { call, createTestApp, dialects, signUp, type Caller, type TestApp } from './harness';
import { openStream } from './sse-client';

const LIMIT = 10;
const catalogYaml = `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: checkout }
spec: { type: service, lifecycle: production, owner: payments }
`;

describe.each(dialects)('rate limits on %s', (dialect) => {
  let t: TestApp;
  let ada: Caller;
  let bob: Caller;
  const tokens: string[] = [];
  const bearer = (i: number): Caller => ({ name: 'ada', headers: { authorization: `Bearer ${tokens[i]}` } });

  beforeAll(async () => {
    t = await createTestApp(dialect, { rateLimit: LIMIT });
    ada = await signUp(t.app, 'ada');
    bob = await signUp(t.app, 'bob');
    await call(t.app, ada, 'POST', '/api/v1/teams', { name: 'payments' });
    await t.app.inject({ method: 'POST', url: '/api/v1/catalog/import', payload: catalogYaml, headers: { ...ada.headers, 'content-type': 'application/yaml' } });
    for (const name of ['one', 'two', 'three', 'four']) tokens.push((await call(t.app, ada, 'POST', '/api/v1/tokens', { name })).body.token);
  });
  afterAll(() => t.close());

  it('answers 429 problem+json with Retry-After once a token has used its requests for the minute', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await call(t.app, bearer(0), 'GET', '/api/v1/teams')).status).toBe(200);
    const refused = await call(t.app, bearer(0), 'GET', '/api/v1/teams');
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(refused.body.detail).toContain('this token');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(refused.body.retryAfterSeconds).toBe(retryAfter);
    expect(refused.body.requestId).toBe(refused.headers['x-request-id']);
    // Writes count against the same budget and are refused before they touch anything.
    const write = await call(t.app, bearer(0), 'POST', '/api/v1/teams', { name: 'too-many' });
    expect(write.status).toBe(429);
    expect((await call(t.app, ada, 'GET', '/api/v1/teams/too-many')).status).toBe(404);
  });

  it('counts each token, each signed-in person and each address on its own', async () => {
    expect((await call(t.app, bearer(1), 'GET', '/api/v1/teams')).status).toBe(200);
    for (let i = 0; i < LIMIT; i++) expect((await call(t.app, bob, 'GET', '/api/v1/people')).status).toBe(200);
    const person = await call(t.app, bob, 'GET', '/api/v1/people');
    expect(person.status).toBe(429);
    expect(person.body.detail).toContain('from you');
    // Without a token or a session, the address counts (192.0.2.0/24 is the documentation range, RFC 5737).
    const anonymous = (remoteAddress: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/setup', remoteAddress }).then((r) => r.statusCode);
    const statuses = [];
    for (let i = 0; i <= LIMIT; i++) statuses.push(await anonymous('192.0.2.10'));
    expect(statuses).toEqual([...Array(LIMIT).fill(200), 429]);
    expect(await anonymous('192.0.2.11')).toBe(200);
  });

  it('never limits health, readiness and metrics', async () => {
    for (let i = 0; i < LIMIT * 3; i++) {
      expect((await call(t.app, null, 'GET', '/healthz')).status).toBe(200);
      expect((await call(t.app, null, 'GET', '/readyz')).status).toBe(200);
      expect((await call(t.app, null, 'GET', '/metrics')).status).toBe(200);
    }
  });

  it('gives gate checks their own budget of ten times the limit, and never counts stream connections', async () => {
    for (let i = 0; i < LIMIT; i++) await call(t.app, bearer(2), 'GET', '/api/v1/teams');
    expect((await call(t.app, bearer(2), 'GET', '/api/v1/teams')).status).toBe(429);
    const gates = [];
    for (let i = 0; i <= LIMIT * 10; i++) gates.push((await call(t.app, bearer(2), 'GET', '/api/v1/gates/checkout')).status);
    expect(gates.slice(0, LIMIT * 10).every((s) => s === 200)).toBe(true);
    expect(gates[LIMIT * 10]).toBe(429);

    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const streams = [];
    for (let i = 0; i < LIMIT * 2; i++) {
      const stream = await openStream(`${url}/api/v1/gates/stream?service=checkout`, bearer(3).headers);
      await stream.waitFor((e) => e.event === 'gate');
      streams.push(stream);
    }
    expect(streams).toHaveLength(LIMIT * 2);
    streams.forEach((s) => s.close());
  });
});

describe('DAYONE_RATE_LIMIT', () => {
  it('defaults to a generous limit, takes 0 for none and refuses nonsense', () => {
    expect(DEFAULT_RATE_LIMIT).toBe(1200);
    expect(loadConfig({}).rateLimit).toBe(1200);
    expect(loadConfig({ DAYONE_RATE_LIMIT: '60' }).rateLimit).toBe(60);
    expect(loadConfig({ DAYONE_RATE_LIMIT: '0' }).rateLimit).toBe(0);
    expect(() => loadConfig({ DAYONE_RATE_LIMIT: 'lots' })).toThrow(/DAYONE_RATE_LIMIT must be a whole number/);
    expect(() => loadConfig({ DAYONE_RATE_LIMIT: '-1' })).toThrow(/DAYONE_RATE_LIMIT/);
  });
});
