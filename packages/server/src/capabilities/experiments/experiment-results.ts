import { adjust, analyze, srm, StatsInputError, type TreatmentResult, type VariantInput } from '@dayone/stats';
import type { Experiment } from '@dayone/contracts';
import type { ExperimentVariantStatsTable } from '../../platform/db/schema';

const NOTES = {
  sequential: 'Sequential testing: intervals and p-values stay valid however often you look.',
  frequentist: 'Fixed-horizon test: decide at the planned sample size; looking early inflates false positives.',
  bayesian: 'Bayesian test with a flat prior: chance to win and expected loss.',
} as const;

/** Results from the rollups only (never the raw events): per metric, each treatment against control,
 *  with Holm-adjusted p-values across metrics and variants, and the sample-ratio check. */
export function experimentResults(e: Experiment, stats: ExperimentVariantStatsTable[]) {
  const usersByVariant = e.variants.map((_, v) => Number(stats.find((s) => s.variant === v)?.users ?? 0));
  const users = usersByVariant.reduce((a, b) => a + b, 0);
  const weighted = e.variants.filter((v) => v.weight > 0).length;
  let srmResult: { pValue: number | null; mismatch: boolean } = { pValue: null, mismatch: false };
  if (users > 0 && weighted >= 2) {
    const r = srm(usersByVariant, e.variants.map((v) => v.weight));
    srmResult = { pValue: r.pValue, mismatch: r.mismatch };
  }

  const metrics = e.metrics.map((m) => {
    const rows = e.variants.map((v, i) => {
      const s = stats.find((x) => x.metric === m.key && x.variant === i);
      const n = Number(s?.users ?? 0);
      const sum = Number(s?.sum ?? 0);
      const input: VariantInput = m.aggregation === 'any' ? { name: v.name, n, conversions: sum } : { name: v.name, n, sum, sumSquares: Number(s?.sum_squares ?? 0) };
      return { name: v.name, n, mean: n > 0 ? sum / n : null, input };
    });
    let treatments: (TreatmentResult | null)[] = rows.slice(1).map(() => null);
    try {
      const result = analyze({ engine: e.engine, metric: m.aggregation === 'any' ? 'proportion' : 'mean', difference: 'relative', variants: rows.map((r) => r.input) });
      treatments = result.variants.slice(1).map((v) => (v.control ? null : v));
    } catch (error) {
      if (!(error instanceof StatsInputError)) throw error; // too few users yet: no comparison
    }
    return { key: m.key, name: m.name, role: m.role, rows, treatments };
  });

  const pValues = metrics.flatMap((m) => m.treatments.map((t) => t?.pValue)).filter((p): p is number => typeof p === 'number');
  const adjusted = pValues.length ? adjust('holm', pValues) : [];
  let next = 0;
  return {
    key: e.key,
    engine: e.engine,
    users,
    srm: srmResult,
    note: `${NOTES[e.engine]} Values count from each user's first exposure.`,
    metrics: metrics.map((m) => ({
      key: m.key,
      name: m.name,
      role: m.role,
      variants: m.rows.map((r, i) => {
        const t = i === 0 ? null : m.treatments[i - 1];
        const p = t?.pValue;
        return {
          name: r.name,
          users: r.n,
          mean: r.mean,
          effect: t ? t.effect : null,
          ci: t ? t.ci : null,
          pValue: typeof p === 'number' ? p : null,
          adjustedPValue: typeof p === 'number' ? adjusted[next++] : null,
          chanceToWin: t?.chanceToWin ?? null,
        };
      }),
    })),
  };
}
