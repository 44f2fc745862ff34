import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCaller, call, createTestApp, type TestApp } from './harness';

// Welch's t-test reference, SciPy 1.17.1: stats.ttest_ind(B, A, equal_var=False) on
//   A = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4]
//   B = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4]
//   -> statistic 2.455356398286006, pvalue 0.021378001462866992, CI95 (0.3492370661924069, 3.984096267140929)
const A = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
const B = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
const suff = (name: string, xs: number[]) => ({ name, n: xs.length, sum: xs.reduce((a, x) => a + x, 0), sumSquares: xs.reduce((a, x) => a + x * x, 0) });

describe('the statistics engine over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('analyses a Welch test to SciPy’s numbers', async () => {
    const res = await call(t.app, adminCaller, 'POST', '/api/v1/stats/analyze', { engine: 'frequentist', metric: 'mean', difference: 'absolute', variants: [suff('A', A), suff('B', B)] });
    expect(res.status).toBe(200);
    const b = res.body.variants[1];
    expect(b.pValue).toBeCloseTo(0.021378001462866992, 9);
    expect(b.ci[0]).toBeCloseTo(0.3492370661924069, 9);
    expect(b.ci[1]).toBeCloseTo(3.984096267140929, 9);
  });

  it('names the field at fault for inputs the engine cannot analyse', async () => {
    const res = await call(t.app, adminCaller, 'POST', '/api/v1/stats/analyze', { engine: 'frequentist', metric: 'mean', difference: 'absolute', variants: [suff('A', A), { name: 'B', n: 1, sum: 3, sumSquares: 9 }] });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('body.variants.1.n');
    const neg = await call(t.app, adminCaller, 'POST', '/api/v1/stats/analyze', { engine: 'frequentist', metric: 'proportion', difference: 'absolute', variants: [{ name: 'A', n: 10, conversions: 11 }, { name: 'B', n: 10, conversions: 2 }] });
    expect(neg.status).toBe(400);
    expect(neg.body.errors[0].path).toMatch(/^body\.variants\.0\./);
    const weights = await call(t.app, adminCaller, 'POST', '/api/v1/stats/srm', { observed: [100, 100], weights: [0.7, 0.7] });
    expect(weights.status).toBe(400);
    expect(weights.body.errors[0].path).toBe('body.weights');
  });

  it('adjusts p-values (Holm and BH) in the original order', async () => {
    // Holm: sorted 0.01, 0.03, 0.04 -> 0.03, 0.06, 0.06 (step-down with running max); BH: 0.03, 0.04, 0.04.
    const holm = await call(t.app, adminCaller, 'POST', '/api/v1/stats/adjust', { method: 'holm', pValues: [0.04, 0.01, 0.03] });
    expect(holm.body.adjusted.map((p: number) => Number(p.toFixed(10)))).toEqual([0.06, 0.03, 0.06]);
    const bh = await call(t.app, adminCaller, 'POST', '/api/v1/stats/adjust', { method: 'bh', pValues: [0.04, 0.01, 0.03] });
    expect(bh.body.adjusted.map((p: number) => Number(p.toFixed(10)))).toEqual([0.04, 0.03, 0.04]);
  });

  it('checks the sample ratio and sizes an experiment', async () => {
    // SciPy: stats.chisquare([5100, 4900], [5000, 5000]) -> pvalue 0.04550026389635857
    const s = await call(t.app, adminCaller, 'POST', '/api/v1/stats/srm', { observed: [5100, 4900], weights: [0.5, 0.5] });
    expect(s.body.pValue).toBeCloseTo(0.04550026389635857, 9);
    expect(s.body.mismatch).toBe(false);
    const p = await call(t.app, adminCaller, 'POST', '/api/v1/stats/power', { metric: 'proportion', baseline: 0.1, mde: 0.1, dailyTraffic: 1000 });
    expect(p.status).toBe(200);
    expect(p.body.usersPerVariant).toBeGreaterThan(10_000);
    expect(p.body.days).toBe(Math.ceil(p.body.totalUsers / 1000));
  });
});
