import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCaller, call, createTestApp, dialects, type TestApp } from './harness';

describe.each(dialects)('HTTP edges on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { bodyLimit: 4096 });
  });
  afterAll(() => t.close());

  const post = (payload: string, contentType: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/teams', payload, headers: { ...adminCaller.headers, 'content-type': contentType } });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await post('{"name": ', 'application/json');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('MALFORMED_BODY');
  });

  it('answers an oversized body with 413', async () => {
    const res = await post(JSON.stringify({ name: 'big', mission: 'x'.repeat(10_000) }), 'application/json');
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('BODY_TOO_LARGE');
  });

  it('answers a wrong content type with 415', async () => {
    const res = await post('name=x', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await post('x', 'text/plain')).statusCode).toBe(415);
  });

  it('answers an empty JSON body with 400 and an unknown API path with 404', async () => {
    expect((await post('', 'application/json')).statusCode).toBe(400);
    const res = await call(t.app, adminCaller, 'GET', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('reports health, readiness and Prometheus metrics', async () => {
    expect((await call(t.app, null, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
    expect((await call(t.app, null, 'GET', '/readyz')).body).toEqual({ status: 'ready' });
    await call(t.app, adminCaller, 'GET', '/api/v1/teams');
    const metrics = await call(t.app, null, 'GET', '/metrics');
    expect(metrics.body).toMatch(/dayone_http_requests_total\{method="GET",route="\/api\/v1\/teams",status="200"\} \d+/);
    expect(metrics.body).toContain('dayone_http_request_duration_seconds_bucket');
  });

  it('publishes an OpenAPI 3.1 document generated from the contracts, and a reference page', async () => {
    const doc = await call(t.app, null, 'GET', '/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    const post = doc.body.paths['/api/v1/teams'].post;
    const schema = post.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(['name']);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/teams/{name}', '/api/v1/teams/{name}/members', '/api/v1/tokens', '/api/v1/audit/verify', '/api/v1/people']));
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('gives every answer a request id, also in errors', async () => {
    const res = await call(t.app, null, 'GET', '/api/v1/teams');
    expect(res.headers['x-request-id']).toBe(res.body.requestId);
  });
});

describe('security headers', () => {
  it('sends them on API answers, and a strict CSP on the web app', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { buildApp } = await import('../src/app');
    const { migrate, openDatabase } = await import('../src/platform/db/database');
    const web = mkdtempSync(join(tmpdir(), 'dayone-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Day One</title>');
    const database = openDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'dayone-test-')) });
    await migrate(database);
    const app = await buildApp({ logLevel: 'silent', bodyLimit: 1 << 20, secureCookies: false, webDist: web }, database);
    try {
      const api = await app.inject({ method: 'GET', url: '/healthz' });
      expect(api.headers['x-content-type-options']).toBe('nosniff');
      expect(api.headers['x-frame-options']).toBe('DENY');
      const page = await app.inject({ method: 'GET', url: '/teams/payments' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    } finally {
      await app.close();
      await database.close();
    }
  });
});
