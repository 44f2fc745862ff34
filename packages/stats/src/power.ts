import type { Alternative, Difference } from './analysis-types';
import { normalQuantile } from './normal-distribution';
import { StatsInputError } from './stats-input-error';
import {
  optional,
  requireCount,
  requireFinite,
  requireObject,
  requireOneOf,
  requireOpenUnit,
  requirePositive,
} from './validate-fields';
import { ALTERNATIVES, DIFFERENCES } from './validate';

/** Sample size for a two-arm comparison by the normal approximation:
 *    n per variant = (z₁₋α′ + z_power)² · (σ²_control + σ²_treatment) / δ²
 *  with α′ = α/2 two-sided, α one-sided; δ the minimum detectable effect on the absolute scale. For a
 *  proportion σ² = p(1 − p) in each arm (p_treatment = p_control + δ); for a mean both arms share the
 *  given standard deviation. Days assume the daily traffic is split evenly over the variants. */

export interface PowerRequest {
  metric: 'mean' | 'proportion';
  /** Control mean, or control conversion rate for a proportion. */
  baseline: number;
  /** Per-user standard deviation; required for a mean metric. */
  standardDeviation?: number;
  /** Minimum detectable effect, in the scale of `difference` (0.05 = +5% when relative). */
  mde: number;
  /** Default 'relative'. */
  difference?: Difference;
  /** Default 0.05. */
  alpha?: number;
  /** Default 0.8. */
  power?: number;
  /** Default 'two-sided'. */
  alternative?: Alternative;
  /** Number of variants including control; default 2. */
  variants?: number;
  /** Users entering the experiment per day, all variants together. */
  dailyTraffic?: number;
}

export interface PowerResult {
  usersPerVariant: number;
  totalUsers: number;
  /** Days at `dailyTraffic` (null when not given). */
  days: number | null;
  /** The minimum detectable effect on the absolute scale. */
  absoluteEffect: number;
}

export function power(request: PowerRequest): PowerResult {
  const o = requireObject(request, 'request');
  const metric = requireOneOf(o.metric, 'metric', ['mean', 'proportion'] as const);
  const difference = optional<Difference>(o.difference, 'relative', (v) => requireOneOf(v, 'difference', DIFFERENCES));
  const alpha = optional(o.alpha, 0.05, (v) => requireOpenUnit(v, 'alpha'));
  const targetPower = optional(o.power, 0.8, (v) => requireOpenUnit(v, 'power'));
  const alternative = optional<Alternative>(o.alternative, 'two-sided', (v) => requireOneOf(v, 'alternative', ALTERNATIVES));
  const variants = optional(o.variants, 2, (v) => requireCount(v, 'variants', 2));
  const dailyTraffic = optional<number | null>(o.dailyTraffic, null, (v) => requirePositive(v, 'dailyTraffic'));
  const baseline = requireFinite(o.baseline, 'baseline');
  const mde = requireFinite(o.mde, 'mde');
  if (mde === 0) throw new StatsInputError('mde', 'must not be 0');

  let delta: number;
  let varianceSum: number;
  if (metric === 'proportion') {
    if (!(baseline > 0 && baseline < 1)) throw new StatsInputError('baseline', 'must be a conversion rate between 0 and 1, exclusive');
    const treated = difference === 'relative' ? baseline * (1 + mde) : baseline + mde;
    if (!(treated > 0 && treated < 1)) throw new StatsInputError('mde', 'takes the treatment conversion rate outside (0, 1)');
    delta = treated - baseline;
    varianceSum = baseline * (1 - baseline) + treated * (1 - treated);
  } else {
    const sd = requirePositive(o.standardDeviation, 'standardDeviation');
    if (difference === 'relative' && baseline === 0) throw new StatsInputError('baseline', 'must not be 0 for a relative effect');
    delta = difference === 'relative' ? mde * Math.abs(baseline) : mde;
    varianceSum = 2 * sd * sd;
  }
  const zAlpha = normalQuantile(1 - (alternative === 'two-sided' ? alpha / 2 : alpha));
  const zPower = normalQuantile(targetPower);
  const exact = ((zAlpha + zPower) * (zAlpha + zPower) * varianceSum) / (delta * delta);
  if (!Number.isFinite(exact) || exact > Number.MAX_SAFE_INTEGER) {
    throw new StatsInputError('mde', 'is too small to detect with any practical sample');
  }
  // a hair of tolerance so that e.g. 1000.0000000001 from rounding does not become 1001
  const usersPerVariant = Math.max(2, Math.ceil(exact * (1 - 1e-12)));
  const totalUsers = usersPerVariant * variants;
  return {
    usersPerVariant,
    totalUsers,
    days: dailyTraffic === null ? null : Math.ceil(totalUsers / dailyTraffic),
    absoluteEffect: delta,
  };
}
