import type { GaussianPrior } from './analysis-types';
import { normalCdf, normalPdf, normalQuantile, normalSf } from './normal-distribution';

/** Bayesian inference on the effect: a Gaussian likelihood (effect estimate, its variance) with a
 *  Gaussian prior on the effect (flat and improper when none is given) gives a Gaussian posterior,
 *  the conjugate update GrowthBook's gbstats `EffectBayesianABTest` performs. */

export interface BayesianOutcome {
  posteriorMean: number;
  posteriorSd: number;
  chanceToWin: number;
  ci: [number, number];
  risk: { control: number; treatment: number };
}

/** Expected loss for X ~ N(μ, σ²): of choosing control, E[max(X, 0)] = μΦ(μ/σ) + σφ(μ/σ); of choosing
 *  treatment, E[max(−X, 0)] = −μΦ(−μ/σ) + σφ(μ/σ). */
export function expectedLoss(mean: number, sd: number): { control: number; treatment: number } {
  const z = mean / sd;
  const density = sd * normalPdf(z);
  return {
    control: Math.max(0, mean * normalCdf(z) + density),
    treatment: Math.max(0, density - mean * normalSf(z)),
  };
}

export function bayesianTest(effect: number, variance: number, alpha: number, prior: GaussianPrior | null): BayesianOutcome {
  let precision = 1 / variance;
  let mean = effect;
  if (prior) {
    precision += 1 / prior.variance;
    mean = (effect / variance + prior.mean / prior.variance) / precision;
  }
  const sd = Math.sqrt(1 / precision);
  const halfWidth = normalQuantile(1 - alpha / 2) * sd;
  return {
    posteriorMean: mean,
    posteriorSd: sd,
    chanceToWin: normalCdf(mean / sd),
    ci: [mean - halfWidth, mean + halfWidth],
    risk: expectedLoss(mean, sd),
  };
}
