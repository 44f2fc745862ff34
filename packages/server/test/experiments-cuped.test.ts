import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign } from '@dayone/sdk';
import { analyze } from '@dayone/stats';
import { adminCaller, call, createTestApp, dialects, signUp, type Caller, type TestApp } from './harness';

const variants = [
  { name: 'control', weight: 0.5 },
  { name: 'treatment', weight: 0.5 },
];

/** The first `count` users (u0, u1, …) that the experiment's hashing puts in each variant. */
function usersByVariant(key: string, count: number): string[][] {
  const arms: string[][] = [[], []];
  for (let i = 0; arms.some((a) => a.length < count); i++) {
    const index = assign({ key, variants }, `u${i}`).index;
    if (arms[index].length < count) arms[index].push(`u${i}`);
  }
  return arms;
}

/** Pre-exposure value x and post-exposure value y of each user, per arm (control first). */
const DATA = [
  [
    [1, 2],
    [2, 3],
    [3, 5],
    [4, 6],
  ],
  [
    [2, 3],
    [2, 5],
    [3, 6],
    [5, 8],
  ],
];

describe.each(dialects)('experiment rollups for CUPED and results over time on %s', (dialect) => {
  let t: TestApp;
  let owner: Caller;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await signUp(t.app, 'root');
    owner = await signUp(t.app, 'pat');
    await call(t.app, owner, 'POST', '/api/v1/teams', { name: 'payments' });
    await call(t.app, adminCaller, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'checkout', owner: 'payments', lifecycle: 'production', type: 'service' });
  });
  afterAll(() => t.close());

  it('links services in the catalog and an existing PR/FAQ, and names the link that is not there', async () => {
    const base = { hypothesis: 'We believe a pre-period covariate sharpens the comparison.', team: 'payments', variants, metrics: [{ key: 'revenue' }] };
    const unknown = await call(t.app, owner, 'POST', '/api/v1/experiments', { ...base, key: 'links', services: ['checkout', 'nope'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: 'services.1', message: '"nope" is not in the catalog' }]);
    const noPrfaq = await call(t.app, owner, 'POST', '/api/v1/experiments', { ...base, key: 'links', prfaq: 999 });
    expect(noPrfaq.body.errors).toEqual([{ path: 'prfaq', message: 'no PR/FAQ has the number 999' }]);
    const notANumber = await call(t.app, owner, 'POST', '/api/v1/experiments', { ...base, key: 'links', prfaq: 'the big one' });
    expect(notANumber.body.errors[0].path).toBe('body.prfaq');
    const doc = await call(t.app, owner, 'POST', '/api/v1/prfaqs', { title: 'Free shipping for members', team: 'payments' });
    expect(doc.status).toBe(201);
    const created = await call(t.app, owner, 'POST', '/api/v1/experiments', { ...base, key: 'links', services: ['Checkout', 'component:default/checkout'], prfaq: String(doc.body.number) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ services: ['component:default/checkout'], prfaq: String(doc.body.number) });
  });

  it('keeps Σy, Σy², Σx, Σx², Σxy per variant and analyses a CUPED metric with them', async () => {
    const key = 'cuped-revenue';
    const created = await call(t.app, owner, 'POST', '/api/v1/experiments', {
      key,
      hypothesis: 'We believe free shipping raises revenue per user, measured by revenue.',
      team: 'payments',
      variants,
      metrics: [{ key: 'revenue', cuped: true }, { key: 'clicks', aggregation: 'count' }],
    });
    expect(created.body.metrics[0]).toMatchObject({ key: 'revenue', cuped: true });
    expect(created.body.metrics[1]).toMatchObject({ key: 'clicks', cuped: false });
    await call(t.app, owner, 'POST', `/api/v1/experiments/${key}/start`);

    const arms = usersByVariant(key, 4);
    const first: object[] = [];
    const second: object[] = [];
    DATA.forEach((arm, v) =>
      arm.forEach(([x, y], j) => {
        const user = arms[v][j];
        const timestamp = j < 2 ? '2026-11-20T10:00:00Z' : '2026-11-21T10:00:00Z';
        const metric = (id: string, value: number, extra = {}) => ({ type: 'metric', id: `${user}-${id}`, experiment: key, metric: 'revenue', user, value, ...extra });
        // Even users' covariate arrives before their exposure, odd users' after it; x = 5 comes as 2 + 3.
        const pre = x === 5 ? [metric('pre-a', 2, { preExposure: true }), metric('pre-b', 3, { preExposure: true })] : [metric('pre', x, { preExposure: true })];
        if (j % 2 === 0) first.push(...pre);
        first.push(metric('early', 100)); // a post-exposure value sent before the exposure: not counted
        first.push({ type: 'exposure', id: `${user}-x`, experiment: key, user, timestamp });
        first.push(metric('y1', y - 1), metric('y2', 1));
        first.push({ type: 'metric', id: `${user}-click`, experiment: key, metric: 'clicks', user });
        if (j % 2 === 1) second.push(...pre);
      }),
    );
    const bad = { type: 'metric', id: 'bad-pre', experiment: key, metric: 'revenue', user: 'u1', value: 1, preExposure: 'yes' };
    const one = await call(t.app, adminCaller, 'POST', '/api/v1/events', [...first, bad]);
    expect(one.body.rejected).toBe(1);
    expect(one.body.results.at(-1).reason).toContain('preExposure');
    expect((await call(t.app, adminCaller, 'POST', '/api/v1/events', second)).body.rejected).toBe(0);

    // The sums by hand from DATA.
    const sums = [
      { users: 4, sum: 16, sum_squares: 74, covariate_sum: 10, covariate_sum_squares: 30, sum_products: 47 },
      { users: 4, sum: 22, sum_squares: 134, covariate_sum: 12, covariate_sum_squares: 42, sum_products: 74 },
    ];
    const rows = await t.database.db.selectFrom('experiment_variant_stats').select(['users', 'sum', 'sum_squares', 'covariate_sum', 'covariate_sum_squares', 'sum_products']).where('experiment_key', '=', key).where('metric', '=', 'revenue').orderBy('variant').execute();
    expect(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])))).toEqual(sums);

    const results = await call(t.app, owner, 'GET', `/api/v1/experiments/${key}/results`);
    expect(results.status).toBe(200);
    const revenue = results.body.metrics.find((m: { key: string }) => m.key === 'revenue');
    expect(revenue.cuped).toBe(true);
    const row = revenue.variants[1];

    // 1. The engine called directly on the same sufficient statistics.
    const direct = analyze({
      engine: 'sequential',
      metric: 'mean',
      difference: 'relative',
      variants: sums.map((s, i) => ({ name: variants[i].name, n: s.users, sum: s.sum, sumSquares: s.sum_squares, covariate: { sum: s.covariate_sum, sumSquares: s.covariate_sum_squares, sumProduct: s.sum_products } })),
    }).variants[1];
    if (direct.control) throw new Error('the second variant is a treatment');
    expect(row.effect).toBeCloseTo(direct.effect, 12);
    expect(row.se).toBeCloseTo(direct.se, 12);
    expect(row.pValue).toBeCloseTo(direct.pValue!, 12);
    expect(row.ci[0]).toBeCloseTo(direct.ci[0]!, 12);
    expect(row.ci[1]).toBeCloseTo(direct.ci[1]!, 12);
    expect(row.theta).toBeCloseTo(direct.theta!, 12);

    // 2. By hand, after Deng, Xu, Kohavi & Walker (WSDM 2013), "Improving the sensitivity of online
    //    controlled experiments by utilizing pre-experiment data", θ = Cov(Y, X) / Var(X) on the pooled
    //    sample: x̄ = 22/8 = 2.75, ȳ = 38/8 = 4.75, Σ(x − x̄)² = 5.25 + 6.25 = 11.5,
    //    Σ(x − x̄)(y − ȳ) = 7.75 + 8.75 = 16.5, so θ = 16.5 / 11.5 = 33/23. The adjusted means differ by
    //    (ȳB − ȳA) − θ(x̄B − x̄A) = (5.5 − 4) − (33/23)(3 − 2.5) = 18/23, relative to ȳA = 4: 9/46.
    expect(row.theta).toBeCloseTo(33 / 23, 12);
    expect(row.effect).toBeCloseTo(9 / 46, 12);
    // Without CUPED the lift would be (5.5 − 4) / 4 = 0.375: the covariate explains part of it.
    const clicks = results.body.metrics.find((m: { key: string }) => m.key === 'clicks');
    expect(clicks).toMatchObject({ cuped: false });
    expect(clicks.variants[1].theta).toBeNull();
  });

  it('answers the cumulative results per day of first exposure', async () => {
    const daily = await call(t.app, owner, 'GET', '/api/v1/experiments/cuped-revenue/results/daily');
    expect(daily.status).toBe(200);
    expect(daily.body.variants).toEqual(['control', 'treatment']);
    expect(daily.body.days.map((d: { day: string; users: number[] }) => [d.day, d.users])).toEqual([
      ['2026-11-20', [2, 2]],
      ['2026-11-21', [4, 4]],
    ]);
    const results = await call(t.app, owner, 'GET', '/api/v1/experiments/cuped-revenue/results');
    const last = daily.body.days[1].metrics.find((m: { key: string }) => m.key === 'revenue').variants[0];
    const now = results.body.metrics.find((m: { key: string }) => m.key === 'revenue').variants[1];
    expect(last.name).toBe('treatment');
    expect(last.effect).toBeCloseTo(now.effect, 12);
    expect(last.ci).toEqual(now.ci);
    expect((await call(t.app, owner, 'GET', '/api/v1/experiments/nothing-here/results/daily')).status).toBe(404);
  });

  it('flags a sample-ratio mismatch on a skewed split', async () => {
    const key = 'skewed-split';
    await call(t.app, owner, 'POST', '/api/v1/experiments', { key, hypothesis: 'We believe nothing; the split is broken on purpose.', team: 'payments', variants, metrics: [{ key: 'purchase', aggregation: 'any' }] });
    await call(t.app, owner, 'POST', `/api/v1/experiments/${key}/start`);
    const arms = usersByVariant(key, 300);
    const exposed = [...arms[0], ...arms[1].slice(0, 200)];
    const sent = await call(t.app, adminCaller, 'POST', '/api/v1/events', exposed.map((user) => ({ type: 'exposure', id: `${key}-${user}`, experiment: key, user })));
    expect(sent.body.accepted).toBe(500);
    const results = await call(t.app, owner, 'GET', `/api/v1/experiments/${key}/results`);
    expect(results.body.users).toBe(500);
    // scipy.stats.chisquare([300, 200]).pvalue = 7.744216431044088e-06 (χ² = 20, 1 degree of freedom)
    expect(results.body.srm.pValue).toBeCloseTo(7.744216431044088e-6, 17);
    expect(results.body.srm.mismatch).toBe(true);
  });
});
