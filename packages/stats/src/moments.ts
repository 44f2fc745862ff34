import { StatsInputError } from './stats-input-error';

/** Means, variances and covariances of per-user quantities from their sufficient statistics. */

/** Σx and Σx² of one per-user quantity over n users. `binary` marks a 0/1 quantity, whose variance is
 *  taken as p(1 − p) (the maximum-likelihood form GrowthBook uses for proportions). */
export interface SampleSums {
  n: number;
  sum: number;
  sumSquares: number;
  binary: boolean;
}

/** A variant's metric reduced to what a two-sample comparison needs: n, the (possibly adjusted) mean
 *  and the per-user variance. */
export interface ArmStatistic {
  n: number;
  mean: number;
  variance: number;
}

/** Relative rounding allowance when a variance or covariance is formed by subtracting large sums. */
const ROUNDING = 1e-9;

export function sampleMean(s: SampleSums): number {
  return s.sum / s.n;
}

/** The per-user variance; throws when the sums imply a negative one. */
export function sampleVariance(s: SampleSums, path: string): number {
  if (s.binary) {
    const p = s.sum / s.n;
    return p * (1 - p);
  }
  const centred = s.sumSquares - (s.sum * s.sum) / s.n;
  if (centred < 0) {
    if (-centred > ROUNDING * Math.max(s.sumSquares, (s.sum * s.sum) / s.n)) {
      throw new StatsInputError(path, 'is smaller than (Σx)²/n: the sums imply a negative variance');
    }
    return 0;
  }
  return centred / (s.n - 1);
}

/** The per-user covariance of x and y from Σxy; the 0/1–0/1 case in the maximum-likelihood form. */
export function sampleCovariance(n: number, x: SampleSums, y: SampleSums, sumProduct: number): number {
  if (x.binary && y.binary) return sumProduct / n - (x.sum * y.sum) / (n * n);
  return (sumProduct - (x.sum * y.sum) / n) / (n - 1);
}

/** Throws unless |cov| ≤ √(var x · var y) up to rounding, i.e. unless the sums can come from real data. */
export function checkCovariance(
  n: number,
  cov: number,
  varX: number,
  varY: number,
  x: SampleSums,
  y: SampleSums,
  sumProduct: number,
  path: string,
): void {
  const limit = Math.sqrt(varX * varY);
  const slack = (ROUNDING * (Math.abs(sumProduct) + Math.abs(x.sum * y.sum) / n)) / Math.max(1, n - 1);
  if (Math.abs(cov) > limit * (1 + ROUNDING) + slack) {
    throw new StatsInputError(path, 'is inconsistent with the sums and sums of squares (|correlation| would exceed 1)');
  }
}

/** Delta-method variance of M/D for per-user means M, D with variances varM, varD and covariance cov:
 *  varM/D² − 2·cov·M/D³ + M²·varD/D⁴. */
export function varianceOfRatio(meanM: number, varM: number, meanD: number, varD: number, cov: number): number {
  const d2 = meanD * meanD;
  const v = varM / d2 - (2 * cov * meanM) / (d2 * meanD) + (meanM * meanM * varD) / (d2 * d2);
  return Math.max(0, v);
}

/** Welch–Satterthwaite degrees of freedom for two samples with per-user variances vA, vB. */
export function welchDof(a: ArmStatistic, b: ArmStatistic): number {
  const qa = a.variance / a.n;
  const qb = b.variance / b.n;
  const denominator = (qa * qa) / (a.n - 1) + (qb * qb) / (b.n - 1);
  if (denominator === 0) return a.n + b.n - 2;
  return ((qa + qb) * (qa + qb)) / denominator;
}
