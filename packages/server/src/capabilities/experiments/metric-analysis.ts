import { analyze, StatsInputError, type Covariate, type TreatmentResult, type VariantInput } from '@dayone/stats';
import type { Experiment } from '@dayone/contracts';
import type { ExperimentVariantStatsTable } from '../../platform/db/schema';

/** The sufficient statistics of one metric and variant: all users, or those first exposed by a day. */
export type MetricSums = Pick<ExperimentVariantStatsTable, 'metric' | 'variant' | 'users' | 'sum' | 'sum_squares' | 'covariate_sum' | 'covariate_sum_squares' | 'sum_products'>;
type Metric = Experiment['metrics'][number];

export const emptySums = (metric: string, variant: number): MetricSums => ({ metric, variant, users: 0, sum: 0, sum_squares: 0, covariate_sum: 0, covariate_sum_squares: 0, sum_products: 0 });

/** Adds b into a (drivers may answer sums as strings, so every value goes through Number). */
export function addSums(a: MetricSums, b: MetricSums): MetricSums {
  return {
    metric: a.metric,
    variant: a.variant,
    users: Number(a.users) + Number(b.users),
    sum: Number(a.sum) + Number(b.sum),
    sum_squares: Number(a.sum_squares) + Number(b.sum_squares),
    covariate_sum: Number(a.covariate_sum) + Number(b.covariate_sum),
    covariate_sum_squares: Number(a.covariate_sum_squares) + Number(b.covariate_sum_squares),
    sum_products: Number(a.sum_products) + Number(b.sum_products),
  };
}

/** The engine's input for one variant: a proportion for `any` metrics, a mean otherwise, and the
 *  pre-exposure covariate (Σx, Σx², Σxy) when the metric is analysed with CUPED. */
export function variantInput(name: string, m: Metric, s: MetricSums): VariantInput {
  const n = Number(s.users);
  const covariate: Covariate | undefined = m.cuped ? { sum: Number(s.covariate_sum), sumSquares: Number(s.covariate_sum_squares), sumProduct: Number(s.sum_products) } : undefined;
  const base = m.aggregation === 'any' ? { name, n, conversions: Number(s.sum) } : { name, n, sum: Number(s.sum), sumSquares: Number(s.sum_squares) };
  return covariate ? { ...base, covariate } : base;
}

/** Every treatment of one metric against the control, relative differences; null while a comparison
 *  cannot be made yet (fewer than two users in an arm). */
export function analyseMetric(e: Experiment, m: Metric, sums: MetricSums[]): (TreatmentResult | null)[] {
  const variants = e.variants.map((v, i) => variantInput(v.name, m, sums[i] ?? emptySums(m.key, i)));
  try {
    const result = analyze({ engine: e.engine, metric: m.aggregation === 'any' ? 'proportion' : 'mean', difference: 'relative', variants });
    return result.variants.slice(1).map((v) => (v.control ? null : v));
  } catch (error) {
    if (!(error instanceof StatsInputError)) throw error;
    return variants.slice(1).map(() => null);
  }
}

/** The rows of one metric, by variant index (missing rows are zero). */
export function sumsOf(e: Experiment, metric: string, rows: MetricSums[]): MetricSums[] {
  return e.variants.map((_, v) => rows.find((r) => r.metric === metric && Number(r.variant) === v) ?? emptySums(metric, v));
}
