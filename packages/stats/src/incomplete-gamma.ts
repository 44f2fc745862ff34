import { logGamma } from './log-gamma';

/** Regularised incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x), for a > 0, x ≥ 0.
 *  Series expansion below x < a + 1, Legendre's continued fraction (modified Lentz) above it, as in
 *  Numerical Recipes §6.2; whichever of P and Q is small is computed directly, so tails keep their
 *  relative accuracy. */

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 10_000;

function prefactor(a: number, x: number): number {
  return Math.exp(a * Math.log(x) - x - logGamma(a));
}

/** P(a, x) by its power series; valid (and fast) for x < a + 1. */
function seriesP(a: number, x: number): number {
  let ap = a;
  let term = 1 / a;
  let sum = term;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return sum * prefactor(a, x);
}

/** Q(a, x) by its continued fraction; valid (and fast) for x ≥ a + 1. */
function continuedFractionQ(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return prefactor(a, x) * h;
}

/** Both P(a, x) and Q(a, x), each accurate relative to its own size. */
export function regularizedGamma(a: number, x: number): { lower: number; upper: number } {
  if (x <= 0) return { lower: 0, upper: 1 };
  if (x === Infinity) return { lower: 1, upper: 0 };
  if (x < a + 1) {
    const lower = Math.min(1, seriesP(a, x));
    return { lower, upper: 1 - lower };
  }
  const upper = Math.min(1, continuedFractionQ(a, x));
  return { lower: 1 - upper, upper };
}

/** P(a, x), the regularised lower incomplete gamma function. */
export function regularizedGammaP(a: number, x: number): number {
  return regularizedGamma(a, x).lower;
}

/** Q(a, x) = 1 − P(a, x), the regularised upper incomplete gamma function. */
export function regularizedGammaQ(a: number, x: number): number {
  return regularizedGamma(a, x).upper;
}
