import { regularizedBeta } from './incomplete-beta';
import { logBeta } from './log-gamma';
import { normalCdf, normalQuantile } from './normal-distribution';

/** Student's t distribution with ν > 0 degrees of freedom (ν need not be an integer: Welch's ν isn't).
 *
 *  CDF: P(T ≤ −|t|) = ½ I_x(ν/2, ½) with x = ν/(ν + t²) (Abramowitz & Stegun 26.7.1 / 26.5.27).
 *  For very large ν the incomplete-beta fraction needs O(√ν) terms, so above LARGE_DF both the CDF and
 *  the quantile use the Cornish–Fisher expansion of A&S 26.7.5 (four terms; the remainder is O(ν⁻⁵),
 *  far below double precision there).
 *  Quantile: closed forms for ν = 1 and ν = 2, otherwise Newton's method on the exact CDF started from
 *  the Cornish–Fisher value and kept inside a bracket (bisection when a step would leave it). */

const LARGE_DF = 1e5;

/** t(z) = z + g₁(z)/ν + g₂(z)/ν² + g₃(z)/ν³ + g₄(z)/ν⁴ (A&S 26.7.5). */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  const v = 1 / df;
  return z + v * (g1 + v * (g2 + v * (g3 + v * g4)));
}

/** d t(z) / dz for the expansion above. */
function cornishFisherSlope(z: number, df: number): number {
  const z2 = z * z;
  const d1 = (3 * z2 + 1) / 4;
  const d2 = ((25 * z2 + 48) * z2 + 3) / 96;
  const d3 = (((21 * z2 + 95) * z2 + 51) * z2 - 15) / 384;
  const d4 = ((((711 * z2 + 5432) * z2 + 7410) * z2 - 5760) * z2 - 945) / 92160;
  const v = 1 / df;
  return 1 + v * (d1 + v * (d2 + v * (d3 + v * d4)));
}

/** The z with cornishFisher(z) = t, so that F_ν(t) = Φ(z). */
function equivalentNormal(t: number, df: number): number {
  let z = t;
  for (let i = 0; i < 20; i++) {
    const step = (cornishFisher(z, df) - t) / cornishFisherSlope(z, df);
    z -= step;
    if (Math.abs(step) <= 1e-16 * Math.max(1, Math.abs(z))) break;
  }
  return z;
}

/** P(T ≤ t) for t ≤ 0, accurate relative to its size. */
function lowerTail(t: number, df: number): number {
  if (t === -Infinity) return 0;
  if (df > LARGE_DF) return normalCdf(equivalentNormal(t, df));
  const t2 = t * t;
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  return 0.5 * regularizedBeta(0.5 * df, 0.5, x, y, -Math.log1p(t2 / df), Math.log(y)).lower;
}

export function studentTPdf(t: number, df: number): number {
  return Math.exp(-logBeta(0.5 * df, 0.5) - 0.5 * Math.log(df) - 0.5 * (df + 1) * Math.log1p((t * t) / df));
}

/** P(T ≤ t). */
export function studentTCdf(t: number, df: number): number {
  return t <= 0 ? lowerTail(t, df) : 1 - lowerTail(-t, df);
}

/** P(T > t), without cancellation for large t. */
export function studentTSf(t: number, df: number): number {
  return studentTCdf(-t, df);
}

/** The quantile for p < ½ (a negative t). */
function lowerQuantile(p: number, df: number): number {
  if (df > LARGE_DF) return cornishFisher(normalQuantile(p), df);
  if (df === 1) return -1 / Math.tan(Math.PI * p);
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));

  // Start from Cornish–Fisher; in the far tail of small ν, from the power law F(t) ≈ c ν^((ν−1)/2) |t|^(−ν)
  // when that is the less extreme of the two.
  let t = cornishFisher(normalQuantile(p), df);
  if (p < 1e-3 && df < 10) {
    const logC = -logBeta(0.5 * df, 0.5) - 0.5 * Math.log(df);
    const tailStart = -Math.exp((logC + 0.5 * (df - 1) * Math.log(df) - Math.log(p)) / df);
    if (tailStart > t) t = tailStart;
  }
  if (!(t < 0) || !Number.isFinite(t)) t = -1;

  // Halley's method (cubic convergence) on F(t) − p, kept inside a bracket [lo, hi] around the root.
  let lo = -Infinity;
  let hi = 0;
  for (let i = 0; i < 100; i++) {
    const f = lowerTail(t, df);
    if (f === p) return t;
    if (f < p) lo = t;
    else hi = t;
    const density = studentTPdf(t, df);
    const slope = (-density * (df + 1) * t) / (df + t * t); // f'(t)
    const newton = (f - p) / density;
    let next = t - newton / (1 - (0.5 * newton * slope) / density);
    // Once a step is this small the cubic convergence has already put the error far below rounding.
    if (Math.abs(next - t) <= 1e-9 * Math.abs(t)) return next;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) {
      if (lo === -Infinity) next = 2 * t;
      else next = hi < 0 && lo / hi > 4 ? -Math.sqrt(lo * hi) : 0.5 * (lo + hi);
    }
    t = next;
  }
  return t;
}

/** The t with P(T ≤ t) = p. Returns ±Infinity at p = 0 and p = 1 (never passed in this package). */
export function studentTQuantile(p: number, df: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p === 0.5) return 0;
  return p < 0.5 ? lowerQuantile(p, df) : -lowerQuantile(1 - p, df);
}
