import type { Alternative } from './analysis-types';
import { studentTCdf, studentTQuantile, studentTSf } from './student-t-distribution';

/** Welch's t-test on an effect estimate with standard error `se` and Welch–Satterthwaite `dof`. */

export interface FrequentistOutcome {
  pValue: number;
  ci: [number | null, number | null];
}

export function welchTest(effect: number, se: number, dof: number, alpha: number, alternative: Alternative): FrequentistOutcome {
  const t = effect / se;
  if (alternative === 'two-sided') {
    const halfWidth = studentTQuantile(1 - alpha / 2, dof) * se;
    return { pValue: Math.min(1, 2 * studentTCdf(-Math.abs(t), dof)), ci: [effect - halfWidth, effect + halfWidth] };
  }
  const halfWidth = studentTQuantile(1 - alpha, dof) * se;
  if (alternative === 'greater') return { pValue: studentTSf(t, dof), ci: [effect - halfWidth, null] };
  return { pValue: studentTCdf(t, dof), ci: [null, effect + halfWidth] };
}
