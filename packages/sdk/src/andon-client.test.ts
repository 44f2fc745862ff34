import { describe, expect, it } from 'vitest';
import { createClient } from './create-client';
import { collect } from './paginate';
import { fakeFetch, json, problem } from './fake-fetch';

const pull = (number: number) => ({ id: `p${number}`, number, status: 'active' });

describe('andon', () => {
  it('pull posts the target, reason, severity and environment', async () => {
    const fetch = fakeFetch(json(201, pull(1)));
    const client = createClient({ url: 'http://h', token: 't', fetch });
    const created = await client.andon.pull({ target: { kind: 'service', name: 'checkout' }, reason: 'double charges', severity: 2, environment: 'production' });
    expect(created).toMatchObject({ id: 'p1', number: 1 });
    expect(fetch.calls[0]).toMatchObject({
      url: 'http://h/api/v1/andon/pulls',
      method: 'POST',
      body: { target: { kind: 'service', name: 'checkout' }, reason: 'double charges', severity: 2, environment: 'production' },
    });
  });

  it('list and iterate pass the filters and follow nextCursor', async () => {
    const fetch = fakeFetch(
      json(200, { items: [pull(3)], nextCursor: 'c' }),
      json(200, { items: [pull(2)], nextCursor: null }),
    );
    const items = await collect(createClient({ url: 'http://h', fetch }).andon.iterate({ status: 'all', team: 'payments', limit: 1 }));
    expect(items.map((p) => p.number)).toEqual([3, 2]);
    expect(fetch.calls.map((c) => c.url)).toEqual([
      'http://h/api/v1/andon/pulls?status=all&team=payments&limit=1',
      'http://h/api/v1/andon/pulls?status=all&team=payments&limit=1&cursor=c',
    ]);
  });

  it('get, acknowledge, resolve, override and comment hit the pull by id', async () => {
    const fetch = fakeFetch(...Array.from({ length: 5 }, () => json(200, pull(1))));
    const { andon } = createClient({ url: 'http://h', fetch });
    await andon.get('a/b');
    await andon.acknowledge('p1');
    await andon.resolve('p1', 'rolled back');
    await andon.override('p1', { reason: 'hotfix', minutes: 30 });
    await andon.comment('p1', 'looking');
    expect(fetch.calls.map((c) => [c.method, c.url, c.body])).toEqual([
      ['GET', 'http://h/api/v1/andon/pulls/a%2Fb', undefined],
      ['POST', 'http://h/api/v1/andon/pulls/p1/acknowledge', {}],
      ['POST', 'http://h/api/v1/andon/pulls/p1/resolve', { note: 'rolled back' }],
      ['POST', 'http://h/api/v1/andon/pulls/p1/overrides', { reason: 'hotfix', minutes: 30 }],
      ['POST', 'http://h/api/v1/andon/pulls/p1/comments', { body: 'looking' }],
    ]);
  });

  it('turns 403 ANDON_RELEASE_FORBIDDEN into a DayOneError', async () => {
    const fetch = fakeFetch(problem(403, 'ANDON_RELEASE_FORBIDDEN', 'Only members of payments (the owning team) or admins may resolve this pull.'));
    await expect(createClient({ url: 'http://h', fetch }).andon.resolve('p1', 'x')).rejects.toMatchObject({ status: 403, code: 'ANDON_RELEASE_FORBIDDEN' });
  });
});

describe('gates.check', () => {
  it('gets the gate of a service, with the environment when given', async () => {
    const gate = { service: 'component:default/checkout', environment: 'production', open: true, stale: false, pulls: [], overrides: [] };
    const fetch = fakeFetch(json(200, gate), json(200, { ...gate, environment: null }));
    const { gates } = createClient({ url: 'http://h', fetch });
    expect(await gates.check('checkout', { environment: 'production' })).toEqual(gate);
    await gates.check('default/checkout');
    expect(fetch.calls.map((c) => c.url)).toEqual([
      'http://h/api/v1/gates/checkout?environment=production',
      'http://h/api/v1/gates/default%2Fcheckout',
    ]);
  });
});
