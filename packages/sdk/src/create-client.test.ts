import { describe, expect, it } from 'vitest';
import { createClient } from './create-client';
import { collect } from './paginate';
import { DayOneError } from './dayone-error';
import { fakeFetch, json, problem } from './fake-fetch';

const team = (name: string) => ({
  name,
  displayName: name,
  mission: '',
  parent: null,
  leader: null,
  memberCount: 3,
  fitness: { fit: true, memberCount: 3, limit: 10, findings: [] },
  version: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
});

describe('createClient', () => {
  it('sends the bearer token and JSON accept header', async () => {
    const fetch = fakeFetch(json(200, { items: [] }));
    const client = createClient({ url: 'http://dayone.test:4000', token: 's3cret', fetch });
    await client.tokens.list();
    expect(fetch.calls[0]).toMatchObject({
      url: 'http://dayone.test:4000/api/v1/tokens',
      method: 'GET',
      headers: { authorization: 'Bearer s3cret', accept: 'application/json, application/problem+json' },
    });
    expect(fetch.calls[0].headers).not.toHaveProperty('content-type');
  });

  it('sends no Authorization header without a token', async () => {
    const fetch = fakeFetch(json(200, { items: [] }));
    await createClient({ url: 'http://dayone.test', fetch }).tokens.list();
    expect(fetch.calls[0].headers).not.toHaveProperty('authorization');
  });

  it('keeps a path prefix and drops trailing slashes of the base URL', async () => {
    const fetch = fakeFetch(json(200, { ok: true, checked: 0, firstBad: null }));
    await createClient({ url: 'https://example.com/dayone//', fetch }).audit.verify();
    expect(fetch.calls[0].url).toBe('https://example.com/dayone/api/v1/audit/verify');
  });

  it('rejects a URL that is not http(s)', () => {
    expect(() => createClient({ url: 'localhost:4000' })).toThrow(TypeError);
    expect(() => createClient({ url: 'not a url' })).toThrow(/invalid Day One URL/);
  });

  it('builds the teams query string, leaving out unset values', async () => {
    const fetch = fakeFetch(json(200, { items: [], nextCursor: null }), json(200, { items: [], nextCursor: null }));
    const client = createClient({ url: 'http://h', fetch });
    await client.teams.list({ q: 'pay & ments', limit: 20, cursor: undefined, fitness: 'unfit' });
    await client.teams.list();
    expect(fetch.calls[0].url).toBe('http://h/api/v1/teams?q=pay+%26+ments&limit=20&fitness=unfit');
    expect(fetch.calls[1].url).toBe('http://h/api/v1/teams');
  });

  it('encodes path segments', async () => {
    const fetch = fakeFetch(json(200, team('a')), new Response(null, { status: 204 }));
    const client = createClient({ url: 'http://h', fetch });
    await client.teams.get('a/b');
    await client.tokens.revoke('tok 1');
    expect(fetch.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET http://h/api/v1/teams/a%2Fb',
      'DELETE http://h/api/v1/tokens/tok%201',
    ]);
  });

  it('posts a token as JSON and returns the secret', async () => {
    const created = {
      id: 't1',
      name: 'ci',
      prefix: 'dyo_ab',
      createdAt: '2025-01-01T00:00:00Z',
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
      token: 'dyo_abcdef',
    };
    const fetch = fakeFetch(json(201, created));
    const result = await createClient({ url: 'http://h', token: 'x', fetch }).tokens.create({ name: 'ci' });
    expect(result.token).toBe('dyo_abcdef');
    expect(fetch.calls[0]).toMatchObject({
      method: 'POST',
      body: { name: 'ci' },
      headers: { 'content-type': 'application/json' },
    });
  });

  it('revoke resolves to undefined on 204', async () => {
    const fetch = fakeFetch(new Response(null, { status: 204 }));
    await expect(createClient({ url: 'http://h', fetch }).tokens.revoke('t1')).resolves.toBeUndefined();
  });

  it('iterates every page following nextCursor', async () => {
    const fetch = fakeFetch(
      json(200, { items: [team('a'), team('b')], nextCursor: 'c2' }),
      json(200, { items: [team('c')], nextCursor: null }),
    );
    const client = createClient({ url: 'http://h', fetch });
    const names = (await collect(client.teams.iterate({ fitness: 'unfit', limit: 2 }))).map((t) => t.name);
    expect(names).toEqual(['a', 'b', 'c']);
    expect(fetch.calls.map((c) => c.url)).toEqual([
      'http://h/api/v1/teams?fitness=unfit&limit=2',
      'http://h/api/v1/teams?fitness=unfit&limit=2&cursor=c2',
    ]);
  });

  it('stops a server that repeats a cursor', async () => {
    const fetch = fakeFetch(
      json(200, { items: [], nextCursor: 'same' }),
      json(200, { items: [], nextCursor: 'same' }),
    );
    await expect(collect(createClient({ url: 'http://h', fetch }).people.iterate())).rejects.toThrow(/pagination loop/);
  });

  it('people.list passes q, limit and cursor', async () => {
    const fetch = fakeFetch(json(200, { items: [], nextCursor: null }));
    await createClient({ url: 'http://h', fetch }).people.list({ q: 'ada', limit: 5, cursor: 'abc' });
    expect(fetch.calls[0].url).toBe('http://h/api/v1/people?q=ada&limit=5&cursor=abc');
  });

  it('request() is generic: method, path, body and extra headers', async () => {
    const fetch = fakeFetch(json(200, { version: 3 }));
    const client = createClient({ url: 'http://h', token: 't', fetch });
    const result = await client.request<{ version: number }>('patch', 'api/v1/teams/a', { mission: 'm' }, {
      'If-Match': '2',
    });
    expect(result.version).toBe(3);
    expect(fetch.calls[0]).toMatchObject({
      url: 'http://h/api/v1/teams/a',
      method: 'PATCH',
      body: { mission: 'm' },
      headers: { 'if-match': '2', authorization: 'Bearer t' },
    });
  });

  it('catalog.importYaml posts the YAML text as application/yaml and returns the summary', async () => {
    const summary = {
      created: 1,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      skipped: 0,
      results: [
        { document: 1, ref: 'component:default/a', status: 'created' },
        { document: 2, ref: null, status: 'rejected', reason: 'metadata.name: is required' },
      ],
    };
    const fetch = fakeFetch(json(200, summary));
    const text = 'kind: Component\nmetadata: {name: a}\n---\nkind: Component\n';
    const result = await createClient({ url: 'http://h', token: 't', fetch }).catalog.importYaml(text);
    expect(result).toEqual(summary);
    expect(fetch.calls[0]).toMatchObject({
      url: 'http://h/api/v1/catalog/import',
      method: 'POST',
      body: text,
      headers: { 'content-type': 'application/yaml', authorization: 'Bearer t' },
    });
  });

  it('catalog.importYaml turns a YAML parse error into a DayOneError', async () => {
    const fetch = fakeFetch(problem(400, 'YAML_PARSE_ERROR', 'document 2, line 5: Unexpected flow-map-end token'));
    const error = await createClient({ url: 'http://h', fetch }).catalog.importYaml('a: }').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DayOneError);
    expect(error).toMatchObject({ status: 400, code: 'YAML_PARSE_ERROR', detail: 'document 2, line 5: Unexpected flow-map-end token' });
  });
});
