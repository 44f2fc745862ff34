import type { Alternative } from './analysis-types';

/** Always-valid inference: the asymptotic confidence sequences of Waudby-Smith, Arnold, Wu, Howard,
 *  Ramdas, "Time-uniform central limit theory and asymptotic confidence sequences" (2023,
 *  arXiv:2103.06476), in the normal-mixture form GrowthBook's gbstats uses. The mixture parameter ρ is
 *  set from a tuning sample size N* (default 5000, both arms together) at which the sequence is
 *  tightest (their eq. 161). A result may be looked at every day without inflating the error rate.
 *
 *  With n the pairwise sample size and s² = se²·n the per-observation variance:
 *    two-sided half-width  √s² · √( 2(nρ²+1)/(nρ)² · ln(√(nρ²+1)/α) )
 *    one-sided half-width  √s² · √( 2(nρ²+1)/(nρ)² · ln(1 + √(nρ²+1)/(2α)) ), ρ set with 2α
 *  The two-sided p-value is 1/e-value (their eq. 155); the one-sided one is the α at which the
 *  one-sided bound touches 0 with ρ held fixed, which has a closed form. */

export interface SequentialOutcome {
  pValue: number;
  ci: [number | null, number | null];
}

export function sequentialRho(alpha: number, tuning: number, twoSided: boolean): number {
  const a = twoSided ? alpha : 2 * alpha;
  const l = -2 * Math.log(a);
  return Math.sqrt((l + Math.log(l + 1)) / tuning);
}

export function sequentialTest(
  effect: number,
  se: number,
  n: number,
  alpha: number,
  alternative: Alternative,
  tuning: number,
): SequentialOutcome {
  const twoSided = alternative === 'two-sided';
  const rho = sequentialRho(alpha, tuning, twoSided);
  const nr2 = n * rho * rho;
  const s2 = se * se * n;
  const shape = (2 * (nr2 + 1)) / (n * nr2); // 2(nρ²+1)/(nρ)²
  if (twoSided) {
    const halfWidth = Math.sqrt(s2 * shape * Math.log(Math.sqrt(nr2 + 1) / alpha));
    // log e-value = ρ²·(effect²·n/se²)/(2(nρ²+1)) − ½ ln(nρ²+1)
    const logE = (rho * rho * ((effect * effect * n) / (se * se))) / (2 * (nr2 + 1)) - 0.5 * Math.log(nr2 + 1);
    return { pValue: logE > 0 ? Math.exp(-logE) : 1, ci: [effect - halfWidth, effect + halfWidth] };
  }
  const halfWidth = Math.sqrt(s2 * shape * Math.log1p(Math.sqrt(nr2 + 1) / (2 * alpha)));
  const towardAlternative = alternative === 'greater' ? effect > 0 : effect < 0;
  // effect² = s²·shape·ln(1 + √(nρ²+1)/(2α′))  ⇒  α′ = √(nρ²+1) / (2·(exp(effect²/(s²·shape)) − 1))
  const pValue = towardAlternative ? Math.min(1, Math.sqrt(nr2 + 1) / (2 * Math.expm1((effect * effect) / (s2 * shape)))) : 1;
  return {
    pValue,
    ci: alternative === 'greater' ? [effect - halfWidth, null] : [null, effect + halfWidth],
  };
}
