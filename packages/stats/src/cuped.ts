import type { Difference } from './analysis-types';
import { armEstimate, finish, ratioArm, type EstimateOutcome } from './effect-estimate';
import { sampleCovariance, sampleMean, sampleVariance, type ArmStatistic, type SampleSums } from './moments';
import { StatsInputError } from './stats-input-error';
import type { MomentVariant, RatioVariantData } from './validate';

/** CUPED (Deng, Xu, Kohavi & Walker 2013): subtract θ·(pre-exposure covariate) from the metric, with θ
 *  estimated from both arms together, which leaves the expected difference unchanged and removes the
 *  part of the variance the covariate explains. The conventions (θ from the pooled sample, the
 *  delta-method variance of the relative effect) follow GrowthBook's gbstats, whose published test
 *  cases this reproduces. */

function joined(a: SampleSums, b: SampleSums): SampleSums {
  return { n: a.n + b.n, sum: a.sum + b.sum, sumSquares: a.sumSquares + b.sumSquares, binary: a.binary && b.binary };
}

/** θ = Cov(y, x) / Var(x) over the pooled sample of both arms (0 when either variance is 0). */
export function cupedTheta(a: MomentVariant, b: MomentVariant): number {
  if (!a.covariate || !b.covariate) return 0;
  const post = joined(a.metric, b.metric);
  const pre = joined(a.covariate.sums, b.covariate.sums);
  const varPost = sampleVariance(post, 'variants');
  const varPre = sampleVariance(pre, 'variants');
  if (varPost === 0 || varPre === 0) return 0;
  const cov = sampleCovariance(post.n, post, pre, a.covariate.sumProduct + b.covariate.sumProduct);
  return cov / varPre;
}

interface AdjustedMoments {
  arm: ArmStatistic;
  postMean: number;
  postVariance: number;
  preVariance: number;
  covariance: number;
}

function adjustMoments(v: MomentVariant, theta: number): AdjustedMoments {
  const covariate = v.covariate!;
  const postMean = sampleMean(v.metric);
  const postVariance = sampleVariance(v.metric, `${v.path}.sumSquares`);
  const preVariance = sampleVariance(covariate.sums, `${v.path}.covariate.sumSquares`);
  const covariance = sampleCovariance(v.n, v.metric, covariate.sums, covariate.sumProduct);
  const variance = Math.max(0, postVariance + theta * theta * preVariance - 2 * theta * covariance);
  const mean = postMean - theta * sampleMean(covariate.sums);
  return { arm: { n: v.n, mean, variance }, postMean, postVariance, preVariance, covariance };
}

export function cupedMomentEstimate(a: MomentVariant, b: MomentVariant, difference: Difference): EstimateOutcome {
  const theta = cupedTheta(a, b);
  const ctrl = adjustMoments(a, theta);
  const trt = adjustMoments(b, theta);
  if (difference === 'absolute') return armEstimate(ctrl.arm, trt.arm, 'absolute', theta);

  const base = ctrl.postMean;
  if (base === 0) return { ok: false, warning: 'ZERO_BASELINE', theta };
  const base2 = base * base;
  const effect = (trt.arm.mean - ctrl.arm.mean) / Math.abs(base);
  // Gradient of (adjB − adjA)/|ȳA| taken where θ(x̄B − x̄A) = 0, as gbstats does.
  const varTreatment = trt.arm.variance / (b.n * base2);
  const yB = trt.postMean;
  const varControl =
    ((ctrl.postVariance * yB * yB) / base2 - (2 * theta * ctrl.covariance * yB) / base + theta * theta * ctrl.preVariance) /
    (a.n * base2);
  return finish(effect, varTreatment + varControl, ctrl.arm, trt.arm, theta);
}

// ----- ratio metrics: the vector (m̄, d̄, m̄′, d̄′) of post and pre numerator and denominator means -----

type Vector4 = [number, number, number, number];
type Matrix4 = [Vector4, Vector4, Vector4, Vector4];

interface RatioMoments {
  v: RatioVariantData;
  means: Vector4;
  lambda: Matrix4;
  /** Gradient of m̄/d̄ (post) and of m̄′/d̄′ (pre). */
  gradPost: [number, number];
  gradPre: [number, number];
}

function quadratic(g: Vector4, m: Matrix4): number {
  let total = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) total += g[i] * m[i][j] * g[j];
  return total;
}

function ratioMoments(v: RatioVariantData): RatioMoments {
  const c = v.covariate!;
  const n = v.n;
  const parts = [v.numerator, v.denominator, c.numerator, c.denominator];
  const variances = parts.map((s) => sampleVariance(s, v.path));
  const cov = (i: number, j: number, product: number) => sampleCovariance(n, parts[i], parts[j], product);
  const md = cov(0, 1, v.sumProduct);
  const mm2 = cov(0, 2, c.numeratorPreNumerator);
  const md2 = cov(0, 3, c.numeratorPreDenominator);
  const dm2 = cov(1, 2, c.denominatorPreNumerator);
  const dd2 = cov(1, 3, c.denominatorPreDenominator);
  const m2d2 = cov(2, 3, c.sumProduct);
  const lambda: Matrix4 = [
    [variances[0], md, mm2, md2],
    [md, variances[1], dm2, dd2],
    [mm2, dm2, variances[2], m2d2],
    [md2, dd2, m2d2, variances[3]],
  ];
  const means = parts.map(sampleMean) as Vector4;
  return {
    v,
    means,
    lambda,
    gradPost: [1 / means[1], -means[0] / (means[1] * means[1])],
    gradPre: [1 / means[3], -means[2] / (means[3] * means[3])],
  };
}

/** Per-user covariance of the post and pre ratios, and variance of the pre ratio. */
function preTerms(r: RatioMoments): { covariance: number; preVariance: number } {
  const [p0, p1] = r.gradPre;
  const [q0, q1] = r.gradPost;
  const L = r.lambda;
  return {
    covariance: p0 * (L[2][0] * q0 + L[2][1] * q1) + p1 * (L[3][0] * q0 + L[3][1] * q1),
    preVariance: p0 * p0 * L[2][2] + 2 * p0 * p1 * L[2][3] + p1 * p1 * L[3][3],
  };
}

function checkedVariance(g: Vector4, r: RatioMoments): number {
  const v = quadratic(g, r.lambda);
  if (v < 0) {
    let scale = 0;
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) scale += Math.abs(g[i] * r.lambda[i][j] * g[j]);
    if (-v > 1e-9 * scale) {
      throw new StatsInputError(`${r.v.path}.covariate`, 'the sums and products are inconsistent (they imply a negative variance)');
    }
    return 0;
  }
  return v;
}

function adjustedRatioArm(r: RatioMoments, theta: number): { arm: ArmStatistic; gradient: Vector4 } {
  const gradient: Vector4 = [r.gradPost[0], r.gradPost[1], -theta * r.gradPre[0], -theta * r.gradPre[1]];
  const mean = r.means[0] / r.means[1] - theta * (r.means[2] / r.means[3]);
  return { arm: { n: r.v.n, mean, variance: checkedVariance(gradient, r) }, gradient };
}

export function cupedRatioEstimate(a: RatioVariantData, b: RatioVariantData, difference: Difference): EstimateOutcome {
  if (a.denominator.sum === 0 || b.denominator.sum === 0) return { ok: false, warning: 'ZERO_DENOMINATOR', theta: null };
  if (a.covariate!.denominator.sum === 0 || b.covariate!.denominator.sum === 0) {
    // no usable pre-period ratio: analyse without adjustment
    return armEstimate(ratioArm(a)!, ratioArm(b)!, difference, 0);
  }
  const ra = ratioMoments(a);
  const rb = ratioMoments(b);
  const ta = preTerms(ra);
  const tb = preTerms(rb);
  const pooledPre = ta.preVariance + tb.preVariance;
  const theta = pooledPre > 0 ? (ta.covariance + tb.covariance) / pooledPre : 0;
  const ctrl = adjustedRatioArm(ra, theta);
  const trt = adjustedRatioArm(rb, theta);
  if (difference === 'absolute') return armEstimate(ctrl.arm, trt.arm, 'absolute', theta);

  const base = ra.means[0] / ra.means[1];
  if (base === 0) return { ok: false, warning: 'ZERO_BASELINE', theta };
  const absBase = Math.abs(base);
  const gap = trt.arm.mean - ctrl.arm.mean;
  const effect = gap / absBase;
  // r = gap/|R|, gap = adjB − (R − θP): ∂r/∂R = −1/|R| − gap·sign(R)/R², ∂r/∂P = θ/|R|
  const dR = -1 / absBase - (gap * Math.sign(base)) / (base * base);
  const dP = theta / absBase;
  const gradA: Vector4 = [dR * ra.gradPost[0], dR * ra.gradPost[1], dP * ra.gradPre[0], dP * ra.gradPre[1]];
  const gradB = trt.gradient.map((g) => g / absBase) as Vector4;
  const variance = checkedVariance(gradA, ra) / a.n + checkedVariance(gradB, rb) / b.n;
  return finish(effect, variance, ctrl.arm, trt.arm, theta);
}
