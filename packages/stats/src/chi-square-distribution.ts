import { regularizedGamma } from './incomplete-gamma';

/** The chi-square distribution with k degrees of freedom: P(X ≤ x) = P(k/2, x/2). */
export function chiSquareCdf(x: number, k: number): number {
  return regularizedGamma(0.5 * k, 0.5 * x).lower;
}

/** P(X > x) = Q(k/2, x/2), accurate in the far tail (small p-values). */
export function chiSquareSf(x: number, k: number): number {
  return regularizedGamma(0.5 * k, 0.5 * x).upper;
}
