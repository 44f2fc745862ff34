import { z } from 'zod';
import { isoDateTime } from './common';

/** A metric's key: lower-case letters and digits separated by single "-" or "_". */
export const flywheelMetricKey = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9]+([-_][a-z0-9]+)*$/, 'must be lower-case letters and digits separated by single "-" or "_"');

/** A week is named by its ISO week's Monday, YYYY-MM-DD. */
export const isoWeek = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD (the Monday that starts the week)');

export const flywheelMetricKind = z.enum(['input', 'output']);

export const flywheelMetricInput = z.strictObject({
  key: flywheelMetricKey,
  name: z.string().trim().min(1, 'must name the metric').max(100),
  unit: z.string().trim().max(30).default(''),
  kind: flywheelMetricKind,
  /** The metric this one drives: the next in the loop, or the loop metric a spur feeds. */
  next: flywheelMetricKey,
});

export const putFlywheelBody = z.strictObject({
  metrics: z.array(flywheelMetricInput).min(2, 'a flywheel needs at least two metrics').max(20, 'a flywheel has at most 20 metrics'),
});

export const flywheelPoint = z.object({ week: z.string(), value: z.number() });

export const flywheelMetric = z.object({
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: flywheelMetricKind,
  next: z.string(),
  /** Whether the metric is on the loop itself (not on a spur that feeds it). */
  onLoop: z.boolean(),
  /** The most recent week with a value, if any. */
  latest: flywheelPoint.nullable(),
});

export const flywheel = z.object({
  team: z.string(),
  metrics: z.array(flywheelMetric),
  /** The loop's keys in order, starting from its first metric as defined. */
  loop: z.array(z.string()),
  version: z.number().int(),
  updatedBy: z.string(),
  updatedAt: isoDateTime,
});
export type Flywheel = z.infer<typeof flywheel>;
export type FlywheelMetric = z.infer<typeof flywheelMetric>;

export const flywheelParams = z.strictObject({ name: z.string().min(1).max(200) });

export const flywheelValueInput = z.strictObject({
  metric: z.string().max(100),
  week: z.string().max(40),
  value: z.number(),
});
export const flywheelValuesBody = z.strictObject({
  values: z.array(flywheelValueInput).min(1, 'send at least one value').max(10_000, 'send at most 10,000 values at once'),
});
export const FLYWHEEL_CSV_HEADER = 'metric,week,value';
export const flywheelValuesUpload = z.union([flywheelValuesBody, z.string().describe(`text/csv with the header ${FLYWHEEL_CSV_HEADER}`)]);

export const flywheelValuesQuery = z.strictObject({
  partial: z.enum(['true', 'false']).default('false').describe('true: import the good rows and report the bad ones; otherwise nothing is imported while any row is bad'),
});

export const flywheelRejectedRow = z.object({
  /** Where the row is: "line 4" in a CSV, "values.3" in JSON. */
  row: z.string(),
  line: z.number().int().nullable(),
  field: z.string().nullable(),
  message: z.string(),
});
export type FlywheelRejectedRow = z.infer<typeof flywheelRejectedRow>;

export const flywheelWrittenValue = z.object({
  metric: z.string(),
  week: z.string(),
  value: z.number(),
  previous: z.number().nullable(),
  outcome: z.enum(['created', 'replaced', 'unchanged']),
});

export const flywheelValuesResult = z.object({
  imported: z.number().int(),
  created: z.number().int(),
  replaced: z.number().int(),
  unchanged: z.number().int(),
  values: z.array(flywheelWrittenValue),
  rejected: z.array(flywheelRejectedRow),
});
export type FlywheelValuesResult = z.infer<typeof flywheelValuesResult>;

export const flywheelRangeQuery = z.strictObject({
  from: isoWeek.optional().describe('first week (a Monday); default 52 weeks before `to`'),
  to: isoWeek.optional().describe('last week (a Monday); default the current week'),
});

export const flywheelValue = z.object({ metric: z.string(), week: z.string(), value: z.number(), updatedBy: z.string(), updatedAt: isoDateTime });
export const flywheelValues = z.object({ from: z.string(), to: z.string(), items: z.array(flywheelValue) });

export const flywheelReviewQuery = z.strictObject({
  week: isoWeek.optional().describe('the week under review (a Monday); default the latest week with a value, else the current week'),
});

/** A change in percent, rounded to one decimal; null ("n/a") when either value is missing or the earlier is zero. */
export const percentChange = z.number().nullable();

export const flywheelReviewWeek = z.object({
  week: z.string(),
  value: z.number().nullable(),
  weekOverWeek: percentChange,
  yearAgoWeek: z.string(),
  yearAgoValue: z.number().nullable(),
  yearOverYear: percentChange,
});
export const flywheelReview = z.object({
  team: z.string(),
  week: z.string(),
  weeks: z.array(z.string()),
  yearAgoWeeks: z.array(z.string()),
  metrics: z.array(z.object({ key: z.string(), name: z.string(), unit: z.string(), kind: flywheelMetricKind, weeks: z.array(flywheelReviewWeek) })),
});
export type FlywheelReview = z.infer<typeof flywheelReview>;
