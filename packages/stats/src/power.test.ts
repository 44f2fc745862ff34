import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from './normal-distribution';
import { power } from './power';
import { StatsInputError } from './stats-input-error';

/** n = (z₁₋α/₂ + z_power)² (σ²_c + σ²_t)/δ², rounded up. References: SciPy 1.17.1,
 *  za = stats.norm.ppf(1 − α/2 or 1 − α); zb = stats.norm.ppf(power); (za + zb)**2 * varsum / delta**2. */
const cases = [
  {
    name: 'conversion 10% → 11% (relative +10%), α 0.05, power 0.8',
    request: { metric: 'proportion' as const, baseline: 0.1, mde: 0.1 },
    exact: 14748.045020841953,
    users: 14749,
    source: 'scipy: (norm.ppf(.975)+norm.ppf(.8))**2*(.1*.9+.11*.89)/.01**2',
  },
  {
    name: 'conversion 5% → 6% (absolute), α 0.01 one-sided, power 0.9',
    request: { metric: 'proportion' as const, baseline: 0.05, mde: 0.01, difference: 'absolute' as const, alpha: 0.01, power: 0.9, alternative: 'greater' as const },
    exact: 13524.598962441214,
    users: 13525,
    source: 'scipy: (norm.ppf(.99)+norm.ppf(.9))**2*(.05*.95+.06*.94)/.01**2',
  },
  {
    name: 'mean 50, sd 20, relative +2%',
    request: { metric: 'mean' as const, baseline: 50, standardDeviation: 20, mde: 0.02 },
    exact: 6279.103787479271,
    users: 6280,
    source: 'scipy: (norm.ppf(.975)+norm.ppf(.8))**2*2*20**2/1**2',
  },
  {
    name: "Cohen's d = 0.5 (normal approximation), α 0.05, power 0.8",
    request: { metric: 'mean' as const, baseline: 1, standardDeviation: 1, mde: 0.5, difference: 'absolute' as const },
    exact: 62.79103787479271,
    users: 63,
    source: 'scipy: 2*(norm.ppf(.975)+norm.ppf(.8))**2/0.5**2',
  },
];

describe('power / sample size', () => {
  it.each(cases)('$name ($source)', ({ request, users }) => {
    const result = power(request);
    expect(result.usersPerVariant).toBe(users);
    expect(result.totalUsers).toBe(users * 2);
    expect(result.days).toBeNull();
  });

  it('the returned n reaches the power and n − 1 does not', () => {
    const r = power({ metric: 'proportion', baseline: 0.1, mde: 0.1 });
    const varianceSum = 0.1 * 0.9 + 0.11 * 0.89;
    const achieved = (n: number) => normalCdf(0.01 / Math.sqrt(varianceSum / n) - normalQuantile(0.975));
    expect(achieved(r.usersPerVariant)).toBeGreaterThanOrEqual(0.8);
    expect(achieved(r.usersPerVariant - 1)).toBeLessThan(0.8);
  });

  it('counts days at a daily traffic split over the variants', () => {
    const r = power({ metric: 'proportion', baseline: 0.1, mde: 0.1, variants: 3, dailyTraffic: 5000 });
    expect(r.totalUsers).toBe(14749 * 3);
    expect(r.days).toBe(Math.ceil((14749 * 3) / 5000));
  });

  it('names bad fields', () => {
    const path = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as StatsInputError).path;
      }
      return undefined;
    };
    expect(path(() => power({ metric: 'proportion', baseline: 1.2, mde: 0.1 }))).toBe('baseline');
    expect(path(() => power({ metric: 'proportion', baseline: 0.6, mde: 1 }))).toBe('mde');
    expect(path(() => power({ metric: 'mean', baseline: 5, mde: 0.1 }))).toBe('standardDeviation');
    expect(path(() => power({ metric: 'mean', baseline: 5, standardDeviation: 1, mde: 0 }))).toBe('mde');
    expect(path(() => power({ metric: 'mean', baseline: 5, standardDeviation: 1, mde: 0.1, power: 1 }))).toBe('power');
    expect(path(() => power({ metric: 'mean', baseline: 5, standardDeviation: 1, mde: 0.1, dailyTraffic: 0 }))).toBe('dailyTraffic');
  });
});
