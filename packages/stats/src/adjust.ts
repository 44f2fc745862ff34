import { StatsInputError } from './stats-input-error';
import { requireArray, requireFinite, requireOneOf } from './validate-fields';

/** Multiple-comparison adjustment of p-values, returned in the original order.
 *  holm: Holm (1979) step-down, controls the family-wise error rate:
 *        p̃₍ᵢ₎ = max_{j≤i} min(1, (m − j + 1) p₍ⱼ₎).
 *  benjamini-hochberg: Benjamini & Hochberg (1995) step-up, controls the false discovery rate:
 *        p̃₍ᵢ₎ = min_{j≥i} min(1, m p₍ⱼ₎ / j). */

export type AdjustmentMethod = 'holm' | 'benjamini-hochberg';
export const ADJUSTMENT_METHODS: readonly AdjustmentMethod[] = ['holm', 'benjamini-hochberg'];

export function adjust(method: AdjustmentMethod, pValues: readonly number[]): number[] {
  const m = requireOneOf(method, 'method', ADJUSTMENT_METHODS);
  const ps = requireArray(pValues, 'pValues').map((p, i) => {
    const x = requireFinite(p, `pValues[${i}]`);
    if (x < 0 || x > 1) throw new StatsInputError(`pValues[${i}]`, 'must be between 0 and 1');
    return x;
  });
  const count = ps.length;
  const order = ps.map((_, i) => i).sort((a, b) => ps[a] - ps[b]);
  const adjusted = new Array<number>(count);
  if (m === 'holm') {
    let running = 0;
    order.forEach((index, rank) => {
      running = Math.max(running, Math.min(1, (count - rank) * ps[index]));
      adjusted[index] = running;
    });
  } else {
    let running = 1;
    for (let rank = count - 1; rank >= 0; rank--) {
      const index = order[rank];
      // (m / rank)·p rather than m·p / rank: the factor is ≥ 1 exactly, so rounding never takes p̃ below p
      running = Math.min(running, Math.min(1, (count / (rank + 1)) * ps[index]));
      adjusted[index] = running;
    }
  }
  return adjusted;
}
