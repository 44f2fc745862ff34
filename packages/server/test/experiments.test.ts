import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign } from '@dayone/sdk';
import { analyze, srm } from '@dayone/stats';
import { adminCaller, call, createTestApp, dialects, signUp, type Caller, type TestApp } from './harness';

const body = {
  key: 'checkout-button',
  hypothesis: 'We believe a larger checkout button will raise conversion, measured by purchases per user.',
  team: 'payments',
  variants: [
    { name: 'control', weight: 0.5 },
    { name: 'big-button', weight: 0.5 },
  ],
  metrics: [
    { key: 'purchase', aggregation: 'any' },
    { key: 'revenue', aggregation: 'sum' },
  ],
};

describe.each(dialects)('experiments on %s', (dialect) => {
  let t: TestApp;
  let owner: Caller;
  let other: Caller;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await signUp(t.app, 'root');
    owner = await signUp(t.app, 'pat');
    other = await signUp(t.app, 'quinn');
    await call(t.app, owner, 'POST', '/api/v1/teams', { name: 'payments' });
  });
  afterAll(() => t.close());

  it('creates a draft and names each bad field', async () => {
    const bad = await call(t.app, owner, 'POST', '/api/v1/experiments', { ...body, key: 'Bad Key', variants: [{ name: 'a', weight: 0.7 }, { name: 'b', weight: 0.7 }], metrics: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.key', 'body.metrics', 'body.variants']);
    const noTeam = await call(t.app, owner, 'POST', '/api/v1/experiments', { ...body, team: 'nobody' });
    expect(noTeam.body.errors[0].path).toBe('team');
    const created = await call(t.app, other, 'POST', '/api/v1/experiments', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'checkout-button', status: 'draft', seed: 'checkout-button', hashVersion: 2, createdBy: 'quinn' });
    expect((await call(t.app, owner, 'POST', '/api/v1/experiments', body)).status).toBe(409);
  });

  it('lets only the owning team start it, and assigns like the SDK does', async () => {
    const denied = await call(t.app, other, 'POST', '/api/v1/experiments/checkout-button/start');
    expect(denied.status).toBe(403);
    const started = await call(t.app, owner, 'POST', '/api/v1/experiments/checkout-button/start');
    expect(started.body.status).toBe('running');
    const a = await call(t.app, other, 'POST', '/api/v1/experiments/checkout-button/assign', { userId: 'user-42' });
    expect(a.body).toEqual(assign({ key: 'checkout-button', variants: body.variants }, 'user-42'));
    const sdk = await call(t.app, other, 'GET', '/api/v1/sdk/experiments');
    expect(sdk.body.experiments).toEqual([{ key: 'checkout-button', variants: body.variants, coverage: 1, seed: 'checkout-button', hashVersion: 2 }]);
  });

  it('ingests a batch with per-line results: accepted, duplicate, rejected with the reason', async () => {
    const ndjson = [
      JSON.stringify({ type: 'exposure', id: 'e1', experiment: 'checkout-button', user: 'u1' }),
      JSON.stringify({ type: 'metric', id: 'm1', experiment: 'checkout-button', metric: 'revenue', user: 'u1', value: 30 }),
      'not json',
      JSON.stringify({ type: 'metric', id: 'm2', experiment: 'checkout-button', metric: 'nope', user: 'u1', value: 1 }),
      JSON.stringify({ type: 'metric', id: 'm3', experiment: 'unknown-exp', metric: 'revenue', user: 'u1', value: 1 }),
      JSON.stringify({ type: 'metric', id: 'm4', experiment: 'checkout-button', metric: 'revenue', user: 'u1', value: 'lots' }),
      JSON.stringify({ type: 'metric', id: 'm1', experiment: 'checkout-button', metric: 'revenue', user: 'u1', value: 30 }),
    ].join('\n');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/events', payload: ndjson, headers: { ...adminCaller.headers, 'content-type': 'application/x-ndjson' } });
    expect(res.statusCode).toBe(200);
    const out = res.json();
    expect({ accepted: out.accepted, duplicate: out.duplicate, rejected: out.rejected }).toEqual({ accepted: 2, duplicate: 1, rejected: 4 });
    const byLine = (n: number) => out.results.find((r: { line: number }) => r.line === n);
    expect(byLine(3)).toMatchObject({ status: 'rejected', reason: 'is not valid JSON' });
    expect(byLine(4).reason).toContain('no metric "nope"');
    expect(byLine(5).reason).toContain('no experiment has the key "unknown-exp"');
    expect(byLine(6).reason).toContain('value');
    expect(byLine(7)).toMatchObject({ status: 'duplicate', id: 'm1' });
  });

  it('keeps per-variant sufficient statistics from events after first exposure only', async () => {
    const events = [];
    const expected = [
      { users: 0, sum: 0, sumSq: 0 },
      { users: 0, sum: 0, sumSq: 0 },
    ];
    const u1 = assign({ key: 'checkout-button', variants: body.variants }, 'u1').index;
    expected[u1] = { users: 1, sum: 30, sumSq: 900 };
    for (let i = 2; i <= 40; i++) {
      const user = `u${i}`;
      events.push({ type: 'metric', id: `pre-${i}`, experiment: 'checkout-button', metric: 'revenue', user, value: 1000 }); // before exposure: not counted
      events.push({ type: 'exposure', id: `x-${i}`, experiment: 'checkout-button', user });
      events.push({ type: 'metric', id: `r1-${i}`, experiment: 'checkout-button', metric: 'revenue', user, value: i });
      events.push({ type: 'metric', id: `r2-${i}`, experiment: 'checkout-button', metric: 'revenue', user, value: 1 });
      const v = assign({ key: 'checkout-button', variants: body.variants }, user).index;
      expected[v].users += 1;
      expected[v].sum += i + 1;
      expected[v].sumSq += (i + 1) ** 2;
    }
    const res = await call(t.app, adminCaller, 'POST', '/api/v1/events', events);
    expect(res.body.rejected).toBe(0);
    const stats = await t.database.db.selectFrom('experiment_variant_stats').selectAll().where('experiment_key', '=', 'checkout-button').where('metric', '=', 'revenue').orderBy('variant').execute();
    expect(stats.map((s) => ({ users: Number(s.users), sum: Number(s.sum), sumSq: Number(s.sum_squares) }))).toEqual(expected);

    // The results page reads those rollups: the same numbers the engine gives for the sums counted here.
    const results = await call(t.app, other, 'GET', '/api/v1/experiments/checkout-button/results');
    expect(results.status).toBe(200);
    expect(results.body.users).toBe(expected[0].users + expected[1].users);
    const revenue = results.body.metrics.find((m: { key: string }) => m.key === 'revenue');
    const reference = analyze({
      engine: 'sequential',
      metric: 'mean',
      difference: 'relative',
      variants: expected.map((e, i) => ({ name: body.variants[i].name, n: e.users, sum: e.sum, sumSquares: e.sumSq })),
    }).variants[1];
    expect(revenue.variants[0]).toMatchObject({ name: 'control', users: expected[0].users, mean: expected[0].sum / expected[0].users, effect: null });
    expect(reference.control).toBe(false);
    if (!reference.control) {
      expect(revenue.variants[1].effect).toBeCloseTo(reference.effect, 12);
      expect(revenue.variants[1].pValue).toBeCloseTo(reference.pValue!, 12);
      expect(revenue.variants[1].ci).toEqual(reference.ci);
    }
    expect(results.body.srm.pValue).toBeCloseTo(srm([expected[0].users, expected[1].users], [0.5, 0.5]).pValue, 12);
    const purchase = results.body.metrics.find((m: { key: string }) => m.key === 'purchase');
    expect(purchase.variants.map((v: { mean: number }) => v.mean)).toEqual([0, 0]);
  });

  it('requires a lesson with every decision, and rejects events once decided', async () => {
    const none = await call(t.app, owner, 'POST', '/api/v1/experiments/checkout-button/decision', { decision: 'kill', lesson: ' ' });
    expect(none.body.errors[0].path).toBe('body.lesson');
    const decided = await call(t.app, owner, 'POST', '/api/v1/experiments/checkout-button/decision', { decision: 'kill', lesson: 'Bigger buttons did not move purchases; the friction is in the address form.' });
    expect(decided.body).toMatchObject({ status: 'decided', decision: 'kill', decidedBy: 'pat' });
    const late = await call(t.app, adminCaller, 'POST', '/api/v1/events', [{ type: 'exposure', id: 'late', experiment: 'checkout-button', user: 'z' }]);
    expect(late.body.results[0].reason).toContain('decided, not running');
    const velocity = await call(t.app, other, 'GET', '/api/v1/experiments/velocity');
    const month = new Date().toISOString().slice(0, 7);
    expect(velocity.body.items).toEqual([{ team: 'payments', month, started: 1, decided: 1, withLesson: 1, killed: 1 }]);
  });
});
