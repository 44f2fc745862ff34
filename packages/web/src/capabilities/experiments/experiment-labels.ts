import type { Aggregation, Decision, Engine, ExperimentStatus, MetricRole } from './experiments-api';

/** Kept here rather than read from the contracts, so the web bundle does not carry zod. */
export const statusOptions: { value: ExperimentStatus; label: string; color: string }[] = [
  { value: 'draft', label: 'Draft', color: 'gray' },
  { value: 'running', label: 'Running', color: 'blue' },
  { value: 'stopped', label: 'Stopped', color: 'yellow' },
  { value: 'decided', label: 'Decided', color: 'teal' },
];

export const decisionOptions: { value: Decision; label: string; color: string; meaning: string }[] = [
  { value: 'ship', label: 'Ship', color: 'teal', meaning: 'Roll the treatment out to everyone' },
  { value: 'kill', label: 'Kill', color: 'red', meaning: 'Keep the control; drop the idea' },
  { value: 'iterate', label: 'Iterate', color: 'violet', meaning: 'Change the idea and test again' },
];

export const aggregationOptions: { value: Aggregation; label: string }[] = [
  { value: 'sum', label: 'Sum of the values per user' },
  { value: 'count', label: 'Number of events per user' },
  { value: 'any', label: 'Whether the user had any (0 or 1)' },
];

export const roleOptions: { value: MetricRole; label: string }[] = [
  { value: 'goal', label: 'Goal' },
  { value: 'guardrail', label: 'Guardrail' },
];

export const engineOptions: { value: Engine; label: string }[] = [
  { value: 'sequential', label: 'Sequential (safe to look at any time)' },
  { value: 'frequentist', label: 'Frequentist (look once, at the planned end)' },
  { value: 'bayesian', label: 'Bayesian (chance to win)' },
];

export const statusOf = (status: ExperimentStatus) => statusOptions.find((o) => o.value === status) ?? statusOptions[0];
export const decisionOf = (decision: Decision) => decisionOptions.find((o) => o.value === decision) ?? decisionOptions[0];
