import { logBeta } from './log-gamma';

/** Regularised incomplete beta function I_x(a, b) and its complement, by the continued fraction of
 *  Numerical Recipes §6.4 (modified Lentz), using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) so the
 *  fraction is always evaluated where it converges quickly. The caller passes both x and y = 1 − x
 *  (and optionally their logarithms) so neither needs forming by a cancelling subtraction. */

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;

function continuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

export interface BetaTails {
  /** I_x(a, b) */
  lower: number;
  /** 1 − I_x(a, b) = I_y(b, a) */
  upper: number;
}

/** I_x(a, b) and its complement for a, b > 0, 0 ≤ x ≤ 1, y = 1 − x. */
export function regularizedBeta(
  a: number,
  b: number,
  x: number,
  y: number = 1 - x,
  logX: number = Math.log(x),
  logY: number = Math.log1p(-x),
): BetaTails {
  if (x <= 0) return { lower: 0, upper: 1 };
  if (y <= 0) return { lower: 1, upper: 0 };
  const front = Math.exp(a * logX + b * logY - logBeta(a, b));
  if (x < (a + 1) / (a + b + 2)) {
    const lower = Math.min(1, (front * continuedFraction(a, b, x)) / a);
    return { lower, upper: 1 - lower };
  }
  const upper = Math.min(1, (front * continuedFraction(b, a, y)) / b);
  return { lower: 1 - upper, upper };
}
