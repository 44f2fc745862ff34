import type { Aggregation, Engine, MetricRole, NewExperiment } from './experiments-api';

export type VariantValues = { name: string; percent: number | string };
export type MetricValues = { key: string; name: string; role: MetricRole; aggregation: Aggregation; higherIsBetter: boolean; cuped: boolean };
export type ExperimentFormValues = {
  key: string;
  name: string;
  hypothesis: string;
  team: string | null;
  engine: Engine;
  variants: VariantValues[];
  metrics: MetricValues[];
};

export const emptyMetric: MetricValues = { key: '', name: '', role: 'goal', aggregation: 'sum', higherIsBetter: true, cuped: false };

export const emptyExperiment: ExperimentFormValues = {
  key: '',
  name: '',
  hypothesis: '',
  team: null,
  engine: 'sequential',
  variants: [
    { name: 'control', percent: 50 },
    { name: 'treatment', percent: 50 },
  ],
  metrics: [{ ...emptyMetric }],
};

/** Fields the form shows its own errors for (the server's and its own). */
export const experimentFieldNames = ['key', 'name', 'hypothesis', 'team', 'engine', 'variants', 'metrics'];

const percentOf = (v: VariantValues) => (typeof v.percent === 'number' ? v.percent : Number(v.percent));

/** Splits 100 % as evenly as whole percents allow, the remainder to the first variants. */
export function evenSplit(count: number): number[] {
  const base = Math.floor(100 / count);
  return Array.from({ length: count }, (_, i) => base + (i < 100 - base * count ? 1 : 0));
}

/** Checks the form can make sense before asking the server, which checks everything again. */
export function localErrors(values: ExperimentFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.team) errors.team = 'Choose the team that runs the experiment';
  if (!values.hypothesis.trim()) errors.hypothesis = 'Say what you believe, what will change and how it is measured';
  const percents = values.variants.map(percentOf);
  if (percents.some((p) => !Number.isFinite(p) || p < 0 || p > 100)) errors.variants = 'Each weight is a percentage from 0 to 100';
  else if (Math.abs(percents.reduce((a, p) => a + p, 0) - 100) > 1e-6) errors.variants = `The weights must add up to 100 % (they add up to ${percents.reduce((a, p) => a + p, 0)} %)`;
  return errors;
}

export function toCreateBody(values: ExperimentFormValues): NewExperiment {
  return {
    key: values.key.trim(),
    name: values.name.trim() || undefined,
    hypothesis: values.hypothesis.trim(),
    team: values.team ?? '',
    engine: values.engine,
    variants: values.variants.map((v) => ({ name: v.name.trim(), weight: percentOf(v) / 100 })),
    metrics: values.metrics.map((m) => ({
      key: m.key.trim(),
      name: m.name.trim() || undefined,
      role: m.role,
      aggregation: m.aggregation,
      higherIsBetter: m.higherIsBetter,
      cuped: m.cuped,
    })),
  };
}
