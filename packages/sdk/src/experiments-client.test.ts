import { describe, expect, it } from 'vitest';
import { assign } from './assignment/index';
import { createClient } from './create-client';
import { DayOneError } from './dayone-error';
import { fakeFetch, json, problem } from './fake-fetch';

const variants = [
  { name: 'control', weight: 0.5 },
  { name: 'big-button', weight: 0.5 },
];
const experiment = {
  key: 'checkout-button',
  name: 'checkout-button',
  hypothesis: 'A larger button raises purchases per user.',
  team: 'payments',
  services: [],
  prfaq: null,
  variants,
  coverage: 1,
  metrics: [{ key: 'purchase', name: 'purchase', role: 'goal', aggregation: 'any', higherIsBetter: true }],
  engine: 'sequential',
  hashVersion: 2,
  seed: 'checkout-button',
  status: 'draft',
  startedAt: null,
  stoppedAt: null,
  decision: null,
  lesson: null,
  decidedBy: null,
  decidedAt: null,
  createdBy: 'pat',
  createdAt: '2025-03-01T09:30:00.000Z',
  version: 1,
};
const batchAnswer = { accepted: 1, duplicate: 0, rejected: 0, results: [{ line: 1, id: 'e1', status: 'accepted' }] };

describe('client.experiments', () => {
  it('creates, starts, stops and decides, with the key encoded in the path', async () => {
    const fetch = fakeFetch(json(201, experiment), json(200, experiment), json(200, experiment), json(200, experiment), json(200, experiment));
    const { experiments } = createClient({ url: 'http://h', token: 't', fetch });
    const input = { key: 'checkout-button', hypothesis: experiment.hypothesis, team: 'payments', variants, metrics: [{ key: 'purchase', aggregation: 'any' as const }] };
    expect(await experiments.create(input)).toEqual(experiment);
    await experiments.start('checkout-button');
    await experiments.stop('checkout-button');
    await experiments.decide('checkout-button', { decision: 'kill', lesson: 'Friction is in the address form.' });
    await experiments.get('a/b');
    expect(fetch.calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      'POST http://h/api/v1/experiments',
      'POST http://h/api/v1/experiments/checkout-button/start',
      'POST http://h/api/v1/experiments/checkout-button/stop',
      'POST http://h/api/v1/experiments/checkout-button/decision',
      'GET http://h/api/v1/experiments/a%2Fb',
    ]);
    expect(fetch.calls[0].body).toEqual(input);
    expect(fetch.calls[3].body).toEqual({ decision: 'kill', lesson: 'Friction is in the address form.' });
  });

  it('lists with filters and follows pages', async () => {
    const fetch = fakeFetch(
      json(200, { items: [experiment], nextCursor: 'c2' }),
      json(200, { items: [{ ...experiment, key: 'second' }], nextCursor: null }),
    );
    const keys: string[] = [];
    for await (const item of createClient({ url: 'http://h', fetch }).experiments.iterate({ team: 'payments', status: 'running' })) keys.push(item.key);
    expect(keys).toEqual(['checkout-button', 'second']);
    expect(fetch.calls.map((call) => call.url)).toEqual([
      'http://h/api/v1/experiments?team=payments&status=running',
      'http://h/api/v1/experiments?team=payments&status=running&cursor=c2',
    ]);
  });

  it('assign asks the server for one user', async () => {
    const fetch = fakeFetch(json(200, { variant: 'big-button', index: 1, hash: 0.9943 }));
    const answer = await createClient({ url: 'http://h', fetch }).experiments.assign('checkout-button', 'user-42');
    expect(answer).toEqual({ variant: 'big-button', index: 1, hash: 0.9943 });
    expect(fetch.calls[0]).toMatchObject({ method: 'POST', url: 'http://h/api/v1/experiments/checkout-button/assign', body: { userId: 'user-42' } });
  });
});

describe('client.experiments.assignLocally', () => {
  const payload = {
    experiments: [
      { key: 'checkout-button', variants, coverage: 1, seed: 'checkout-button', hashVersion: 2 },
      { key: 'my-test', variants, coverage: 0.4, seed: 'my-test', hashVersion: 1 },
      { key: 'reseeded', variants, coverage: 1, seed: 'another-seed', hashVersion: 2 },
    ],
  };

  it('throws until refresh() has loaded the running experiments', () => {
    const { experiments } = createClient({ url: 'http://h', fetch: fakeFetch() });
    expect(experiments.cached()).toBeUndefined();
    expect(() => experiments.assignLocally('checkout-button', 'u1')).toThrow(/experiments\.refresh\(\)/);
  });

  it('assigns every user from the payload of one request, as the server does', async () => {
    const fetch = fakeFetch(json(200, payload));
    const { experiments } = createClient({ url: 'http://h', fetch });
    expect(await experiments.refresh()).toEqual(payload);
    for (let i = 0; i < 200; i++) {
      const user = `user-${i}`;
      expect(experiments.assignLocally('checkout-button', user)).toEqual(assign({ key: 'checkout-button', variants }, user));
      expect(experiments.assignLocally('reseeded', user)).toEqual(assign({ key: 'reseeded', seed: 'another-seed', variants }, user));
    }
    expect(fetch.calls.map((call) => `${call.method} ${call.url}`)).toEqual(['GET http://h/api/v1/sdk/experiments']);
    expect(experiments.cached()?.map((e) => e.key)).toEqual(['checkout-button', 'my-test', 'reseeded']);
  });

  it('uses hash version 1 and coverage (GrowthBook "coverage" case: out, 0, 0, out, 1, out, 0, 1)', async () => {
    const { experiments } = createClient({ url: 'http://h', fetch: fakeFetch(json(200, payload)) });
    await experiments.refresh();
    const indexes = ['1', '2', '3', '4', '5', '6', '7', '8'].map((id) => experiments.assignLocally('my-test', id)!.index);
    expect(indexes).toEqual([-1, 0, 0, -1, 1, -1, 0, 1]);
    expect(experiments.assignLocally('my-test', '1')?.variant).toBeNull();
  });

  it('answers null for an experiment that is not running, and forgets experiments a refresh drops', async () => {
    const fetch = fakeFetch(json(200, payload), json(200, { experiments: [] }));
    const { experiments } = createClient({ url: 'http://h', fetch });
    await experiments.refresh();
    expect(experiments.assignLocally('u1', 'unknown')).toBeNull();
    expect(experiments.assignLocally('checkout-button', 'u1')).not.toBeNull();
    await experiments.refresh();
    expect(experiments.assignLocally('checkout-button', 'u1')).toBeNull();
  });

  it('keeps the last payload when a refresh fails', async () => {
    const fetch = fakeFetch(json(200, payload), problem(500, 'INTERNAL', 'Something went wrong.'));
    const { experiments } = createClient({ url: 'http://h', fetch });
    await experiments.refresh();
    await expect(experiments.refresh()).rejects.toBeInstanceOf(DayOneError);
    expect(experiments.assignLocally('checkout-button', 'u1')).toEqual(assign({ key: 'checkout-button', variants }, 'u1'));
  });
});

describe('client.events', () => {
  it('send posts a JSON array', async () => {
    const fetch = fakeFetch(json(200, batchAnswer));
    const batch = [{ type: 'exposure' as const, id: 'e1', experiment: 'checkout-button', user: 'u1' }];
    expect(await createClient({ url: 'http://h', token: 't', fetch }).events.send(batch)).toEqual(batchAnswer);
    expect(fetch.calls[0]).toMatchObject({
      method: 'POST',
      url: 'http://h/api/v1/events',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
      body: batch,
    });
  });

  it('sendNdjson posts the text as application/x-ndjson', async () => {
    const fetch = fakeFetch(json(200, batchAnswer));
    const text = '{"type":"exposure","id":"e1","experiment":"checkout-button","user":"u1"}\nnot json\n';
    await createClient({ url: 'http://h', fetch }).events.sendNdjson(text);
    expect(fetch.calls[0]).toMatchObject({ method: 'POST', url: 'http://h/api/v1/events', headers: { 'content-type': 'application/x-ndjson' }, body: text });
  });
});
