import type { SrmResult } from './analysis-types';
import { chiSquareSf } from './chi-square-distribution';
import { requireArray, requireCount, requireOpenUnit, requireWeights } from './validate-fields';

/** Sample-ratio-mismatch check: Pearson's chi-square goodness of fit of the users each variant received
 *  against the configured split. Variants with weight 0 are left out entirely (their users are not
 *  expected in the other arms and add no degree of freedom), as in GrowthBook's `check_srm`. With fewer
 *  than two weighted variants, or no users yet, there is nothing to test: p = 1. */

export function chiSquareGoodnessOfFit(observed: readonly number[], weights: readonly number[], threshold: number): SrmResult {
  let total = 0;
  let weightTotal = 0;
  let arms = 0;
  for (let i = 0; i < observed.length; i++) {
    if (weights[i] > 0) {
      total += observed[i];
      weightTotal += weights[i];
      arms++;
    }
  }
  if (arms < 2 || total === 0) return { chiSquare: 0, degreesOfFreedom: Math.max(0, arms - 1), pValue: 1, mismatch: false };
  let chiSquare = 0;
  for (let i = 0; i < observed.length; i++) {
    if (weights[i] > 0) {
      const expected = (total * weights[i]) / weightTotal;
      chiSquare += ((observed[i] - expected) * (observed[i] - expected)) / expected;
    }
  }
  const pValue = chiSquareSf(chiSquare, arms - 1);
  return { chiSquare, degreesOfFreedom: arms - 1, pValue, mismatch: pValue < threshold };
}

/** SRM check of observed user counts against weights that sum to 1; a mismatch is p < threshold (0.001). */
export function srm(observed: readonly number[], weights: readonly number[], threshold = 0.001): SrmResult {
  const counts = requireArray(observed, 'observed', 1).map((o, i) => requireCount(o, `observed[${i}]`));
  const checkedWeights = requireWeights(weights, 'weights', counts.length);
  return chiSquareGoodnessOfFit(counts, checkedWeights, requireOpenUnit(threshold, 'threshold'));
}
