import { regularizedGamma } from './incomplete-gamma';

/** The standard normal distribution. The CDF goes through erfc(z) = Q(½, z²), so both tails keep full
 *  relative accuracy; the quantile starts from Acklam's rational approximation (relative error below
 *  1.15e-9) and takes one Halley step on the exact CDF, which brings it to machine precision. */

const SQRT_2PI = 2.5066282746310002; // √(2π)

export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/** Φ(x) = P(Z ≤ x). */
export function normalCdf(x: number): number {
  if (x === -Infinity) return 0;
  if (x === Infinity) return 1;
  const tails = regularizedGamma(0.5, 0.5 * x * x);
  return x < 0 ? 0.5 * tails.upper : 0.5 + 0.5 * tails.lower;
}

/** 1 − Φ(x) = P(Z > x), without cancellation for large x. */
export function normalSf(x: number): number {
  return normalCdf(-x);
}

// Acklam's coefficients (P. J. Acklam, "An algorithm for computing the inverse normal cumulative
// distribution function", 2003).
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

function acklamLower(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
      ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
  );
}

/** Φ⁻¹(p) for p ≤ ½, refined on the lower tail where Φ is computed accurately. */
function lowerQuantile(p: number): number {
  let x = acklamLower(p);
  for (let i = 0; i < 2; i++) {
    const e = normalCdf(x) - p;
    if (e === 0) break;
    const u = e * SQRT_2PI * Math.exp(0.5 * x * x);
    const next = x - u / (1 + 0.5 * x * u);
    if (Math.abs(next - x) <= 1e-15 * Math.abs(x)) {
      x = next;
      break;
    }
    x = next;
  }
  return x;
}

// The last quantile asked for: analyses ask for the same 1 − α/2 over and over.
let lastP = Number.NaN;
let lastQuantile = Number.NaN;

/** Φ⁻¹(p). Returns ±Infinity at p = 0 and p = 1 (callers in this package never pass those). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p === 0.5) return 0;
  if (p === lastP) return lastQuantile;
  // 1 − p is exact for p ≥ ½ (Sterbenz), so the upper half reflects without loss.
  const x = p < 0.5 ? lowerQuantile(p) : -lowerQuantile(1 - p);
  lastP = p;
  lastQuantile = x;
  return x;
}
