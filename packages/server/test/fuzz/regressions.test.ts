import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCaller, call, createTestApp, dialects, signUp, type TestApp } from '../harness';

// Requests the write-endpoint fuzzer once answered with a 500, kept here as they were found.

describe.each(dialects)('bad input the fuzzer found, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const importYaml = (text: string, type = 'application/yaml') => call(t.app, adminCaller, 'POST', '/api/v1/catalog/import', text, { 'content-type': type });

  it('a catalog import with an alias that names no anchor is a YAML error, as JSON text or as YAML', async () => {
    const asJson = await call(t.app, adminCaller, 'POST', '/api/v1/catalog/import', JSON.stringify('*/cwVh'), { 'content-type': 'application/json' });
    expect(asJson.status).toBe(400);
    expect(asJson.body).toMatchObject({ code: 'YAML_PARSE_ERROR', errors: [{ path: 'document[1]' }] });
    const asYaml = await importYaml('kind: Component\nmetadata: *nowhere\n');
    expect(asYaml.status).toBe(400);
    expect(asYaml.body.detail).toContain('Unresolved alias');
  });

  it('a catalog import whose aliases contain themselves or expand without end is a YAML error', async () => {
    const circular = await importYaml('kind: Component\nmetadata: &m\n  name: loop\n  self: *m\n');
    expect(circular.status).toBe(400);
    expect(circular.body.code).toBe('YAML_PARSE_ERROR');
    // A "billion laughs": twelve levels of ten aliases each.
    const laughs = Array.from({ length: 12 }, (_, i) => `l${i}: &l${i} [${Array(10).fill(i ? `*l${i - 1}` : 'lol').join(', ')}]`).join('\n');
    const bomb = await importYaml(laughs);
    expect(bomb.status).toBe(400);
    expect(bomb.body.detail).toContain('resource exhaustion');
    const entities = await call(t.app, adminCaller, 'GET', '/api/v1/catalog/entities');
    expect(entities.body.items).toEqual([]);
  });

  it('a NUL character in a path, a query or a body field is refused naming where, and writes nothing (PostgreSQL cannot store it)', async () => {
    const member = await signUp(t.app, 'nul-tester');
    const token = await call(t.app, member, 'DELETE', '/api/v1/tokens/%00');
    expect(token.status).toBe(400);
    expect(token.body.errors).toEqual([{ path: 'params.id', message: 'must not contain the NUL character (U+0000)' }]);
    const pull = await call(t.app, adminCaller, 'POST', '/api/v1/andon/pulls/a%00b/acknowledge', {});
    expect(pull.body.errors[0].path).toBe('params.id');
    const query = await call(t.app, adminCaller, 'POST', '/api/v1/teams?x=%00', { name: 'nul-team' });
    expect(query.body.errors[0].path).toBe('querystring.x');
    const team = await call(t.app, adminCaller, 'POST', '/api/v1/teams', { name: 'nul-team', displayName: 'a\u0000b' });
    expect(team.status).toBe(400);
    expect(team.body.errors[0].path).toBe('body.displayName');
    const nested = await call(t.app, adminCaller, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'nul-service', labels: { note: 'ok', ['x\u0000']: 'key' } });
    expect(nested.body.errors[0].path).toBe('body.labels');
    expect((await call(t.app, adminCaller, 'GET', '/api/v1/teams/nul-team')).status).toBe(404);
  });

  it('links that would run script (javascript:, data:, vbscript:) are refused in the catalog and on action items', async () => {
    await call(t.app, adminCaller, 'POST', '/api/v1/teams', { name: 'link-team' });
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)']) {
      const entity = await call(t.app, adminCaller, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'link-service', owner: 'link-team', links: [{ url, title: 'Runbook' }] });
      expect(entity.status).toBe(400);
      expect(entity.body.errors).toEqual([{ path: 'body.links.0.url', message: 'must be an http, https or mailto address' }]);
    }
    const ok = await call(t.app, adminCaller, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'link-service', owner: 'link-team', links: [{ url: 'https://example.com/runbook' }, { url: 'mailto:oncall@example.com' }] });
    expect(ok.status).toBe(201);
    const coe = await call(t.app, adminCaller, 'POST', '/api/v1/coes', { title: 'Links', team: 'link-team' });
    const item = await call(t.app, adminCaller, 'POST', `/api/v1/coes/${coe.body.number}/action-items`, { title: 'Fix', owner: 'dayone-admin-token', dueDate: '2030-01-01', type: 'prevent', link: 'javascript:alert(1)' });
    expect(item.status).toBe(400);
    expect(item.body.errors[0].path).toBe('body.link');
  });
});
