import { adjust, srm } from '@dayone/stats';
import type { Experiment, ExperimentResults } from '@dayone/contracts';
import { analyseMetric, sumsOf, type MetricSums } from './metric-analysis';

const NOTES = {
  sequential: 'Sequential testing: intervals and p-values stay valid however often you look.',
  frequentist: 'Fixed-horizon test: decide at the planned sample size; looking early inflates false positives.',
  bayesian: 'Bayesian test with a flat prior: chance to win and expected loss.',
} as const;

/** The sample-ratio check of the users per variant against the configured weights. */
export function sampleRatio(e: Experiment, usersByVariant: number[]) {
  const users = usersByVariant.reduce((a, b) => a + b, 0);
  const weighted = e.variants.filter((v) => v.weight > 0).length;
  if (users === 0 || weighted < 2) return { pValue: null, mismatch: false };
  const r = srm(usersByVariant, e.variants.map((v) => v.weight));
  return { pValue: r.pValue, mismatch: r.mismatch };
}

/** Results from the rollups only (never the raw events): per metric, each treatment against control,
 *  with Holm-adjusted p-values across metrics and variants, and the sample-ratio check. */
export function experimentResults(e: Experiment, stats: MetricSums[]): ExperimentResults {
  // Every metric row of a variant counts the same exposed users; the first metric's rows say how many.
  const usersByVariant = sumsOf(e, e.metrics[0].key, stats).map((s) => Number(s.users));
  const metrics = e.metrics.map((m) => {
    const sums = sumsOf(e, m.key, stats);
    return { m, sums, treatments: analyseMetric(e, m, sums) };
  });

  const pValues = metrics.flatMap((x) => x.treatments.map((t) => t?.pValue)).filter((p): p is number => typeof p === 'number');
  const adjusted = pValues.length ? adjust('holm', pValues) : [];
  let next = 0;
  return {
    key: e.key,
    engine: e.engine,
    users: usersByVariant.reduce((a, b) => a + b, 0),
    srm: sampleRatio(e, usersByVariant),
    note: `${NOTES[e.engine]} Values count from each user's first exposure.`,
    metrics: metrics.map(({ m, sums, treatments }) => ({
      key: m.key,
      name: m.name,
      role: m.role,
      higherIsBetter: m.higherIsBetter,
      cuped: m.cuped,
      variants: sums.map((s, i) => {
        const n = Number(s.users);
        const t = i === 0 ? null : treatments[i - 1];
        const p = t?.pValue;
        return {
          name: e.variants[i].name,
          users: n,
          mean: n > 0 ? Number(s.sum) / n : null,
          effect: t ? t.effect : null,
          ci: t ? t.ci : null,
          se: t ? t.se : null,
          pValue: typeof p === 'number' ? p : null,
          adjustedPValue: typeof p === 'number' ? adjusted[next++] : null,
          chanceToWin: t?.chanceToWin ?? null,
          risk: t?.risk ?? null,
          theta: t?.theta ?? null,
        };
      }),
    })),
  };
}
