import type { AnalysisWarning, Difference } from './analysis-types';
import { cupedMomentEstimate, cupedRatioEstimate } from './cuped';
import { sampleCovariance, sampleMean, sampleVariance, varianceOfRatio, type ArmStatistic } from './moments';
import type { MomentVariant, RatioVariantData, ValidVariant } from './validate';

/** The point estimate of treatment − control (absolute) or (treatment − control)/|control| (relative)
 *  and its variance, by the delta method where a ratio is involved. Engines take it from here. */

export interface EffectEstimate {
  effect: number;
  /** Variance of `effect`. */
  variance: number;
  /** Per-user statistics of each arm (CUPED-adjusted when a covariate was given), for Welch's dof. */
  control: ArmStatistic;
  treatment: ArmStatistic;
  theta: number | null;
}

export type EstimateOutcome =
  | { ok: true; estimate: EffectEstimate }
  | { ok: false; warning: AnalysisWarning; theta: number | null };

export function momentArm(v: MomentVariant): ArmStatistic {
  return { n: v.n, mean: sampleMean(v.metric), variance: sampleVariance(v.metric, `${v.path}.sumSquares`) };
}

/** Σm/Σd and its per-user delta-method variance; null when Σd = 0. */
export function ratioArm(v: RatioVariantData): ArmStatistic | null {
  if (v.denominator.sum === 0) return null;
  const meanM = sampleMean(v.numerator);
  const meanD = sampleMean(v.denominator);
  const varM = sampleVariance(v.numerator, `${v.path}.numerator.sumSquares`);
  const varD = sampleVariance(v.denominator, `${v.path}.denominator.sumSquares`);
  const cov = sampleCovariance(v.n, v.numerator, v.denominator, v.sumProduct);
  return { n: v.n, mean: v.numerator.sum / v.denominator.sum, variance: varianceOfRatio(meanM, varM, meanD, varD, cov) };
}

/** The two-sample estimate from arm statistics; `baseline` is the unadjusted control mean. */
export function armEstimate(
  a: ArmStatistic,
  b: ArmStatistic,
  difference: Difference,
  theta: number | null,
  baseline: number = a.mean,
): EstimateOutcome {
  let effect: number;
  let variance: number;
  if (difference === 'absolute') {
    effect = b.mean - a.mean;
    variance = b.variance / b.n + a.variance / a.n;
  } else {
    // A baseline indistinguishable from zero at double precision makes a relative lift meaningless.
    if (baseline === 0 || Math.abs(baseline) < 1e-12 * Math.sqrt(a.variance)) return { ok: false, warning: 'ZERO_BASELINE', theta };
    const base2 = baseline * baseline;
    effect = (b.mean - a.mean) / Math.abs(baseline);
    variance = b.variance / (b.n * base2) + (a.variance * b.mean * b.mean) / (a.n * base2 * base2);
  }
  return finish(effect, variance, a, b, theta);
}

export function finish(
  effect: number,
  variance: number,
  control: ArmStatistic,
  treatment: ArmStatistic,
  theta: number | null,
): EstimateOutcome {
  if (!(variance > 0) || !Number.isFinite(variance) || !Number.isFinite(effect)) {
    return { ok: false, warning: 'ZERO_VARIANCE', theta };
  }
  return { ok: true, estimate: { effect, variance, control, treatment, theta } };
}

export function estimateEffect(control: ValidVariant, treatment: ValidVariant, difference: Difference): EstimateOutcome {
  if (control.kind === 'moments' && treatment.kind === 'moments') {
    if (control.covariate && treatment.covariate) return cupedMomentEstimate(control, treatment, difference);
    return armEstimate(momentArm(control), momentArm(treatment), difference, null);
  }
  if (control.kind === 'ratio' && treatment.kind === 'ratio') {
    if (control.covariate && treatment.covariate) return cupedRatioEstimate(control, treatment, difference);
    const a = ratioArm(control);
    const b = ratioArm(treatment);
    if (!a || !b) return { ok: false, warning: 'ZERO_DENOMINATOR', theta: null };
    return armEstimate(a, b, difference, null);
  }
  throw new Error('control and treatment must be of the same metric type');
}
