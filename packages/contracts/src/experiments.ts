import { z } from 'zod';
import { entityName, isoDateTime, pageQuery, page } from './common';

export const experimentKey = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+([-_.][a-z0-9]+)*$/, 'must be lower-case letters and digits separated by "-", "_" or "."');

export const metricDefinition = z.strictObject({
  key: experimentKey,
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(['goal', 'guardrail']).default('goal'),
  /** How a user's events add up: their values' sum, their count, or whether they had any (0/1). */
  aggregation: z.enum(['sum', 'count', 'any']).default('sum'),
  higherIsBetter: z.boolean().default(true),
  /** Analyse with CUPED, using each user's pre-exposure value of this metric (events with `preExposure`). */
  cuped: z.boolean().default(false),
});

export const variantDefinition = z.strictObject({
  name: z.string().trim().min(1).max(100),
  weight: z.number().min(0).max(1),
});

const finite = (path: string) => z.number().refine(Number.isFinite, `${path} must be a finite number`);

export const createExperimentBody = z
  .strictObject({
    key: experimentKey.refine((k) => k !== 'velocity', 'is reserved (GET /api/v1/experiments/velocity)'),
    name: z.string().trim().min(1).max(200).optional(),
    hypothesis: z.string().trim().min(1, 'must say what you believe, what will change and how it is measured').max(5000),
    team: entityName,
    services: z.array(z.string().max(200)).max(50).optional(),
    /** The number of the PR/FAQ whose claim the experiment tests (12 or "12"). */
    prfaq: z.union([z.number().int().positive(), z.string().regex(/^[1-9][0-9]{0,9}$/, 'must be the number of a PR/FAQ')]).optional(),
    variants: z.array(variantDefinition).min(2, 'needs a control and at least one treatment').max(10),
    coverage: z.number().min(0).max(1).default(1),
    metrics: z.array(metricDefinition).min(1, 'needs at least one metric').max(20),
    engine: z.enum(['frequentist', 'bayesian', 'sequential']).default('sequential'),
    hashVersion: z.union([z.literal(1), z.literal(2)]).default(2),
    seed: z.string().max(100).optional(),
  })
  .superRefine((body, ctx) => {
    const total = body.variants.reduce((a, v) => a + v.weight, 0);
    if (Math.abs(total - 1) > 1e-6) ctx.addIssue({ code: 'custom', path: ['variants'], message: `weights must sum to 1 (they sum to ${total})` });
    const names = body.variants.map((v) => v.name.toLowerCase());
    if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', path: ['variants'], message: 'variant names must differ' });
    const keys = body.metrics.map((m) => m.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', path: ['metrics'], message: 'metric keys must differ' });
  });
export type CreateExperiment = z.infer<typeof createExperimentBody>;

export const experimentStatus = z.enum(['draft', 'running', 'stopped', 'decided']);

export const experiment = z.object({
  key: z.string(),
  name: z.string(),
  hypothesis: z.string(),
  team: z.string(),
  services: z.array(z.string()),
  prfaq: z.string().nullable(),
  variants: z.array(z.object({ name: z.string(), weight: z.number() })),
  coverage: z.number(),
  metrics: z.array(z.object({ key: z.string(), name: z.string(), role: z.enum(['goal', 'guardrail']), aggregation: z.enum(['sum', 'count', 'any']), higherIsBetter: z.boolean(), cuped: z.boolean() })),
  engine: z.enum(['frequentist', 'bayesian', 'sequential']),
  hashVersion: z.union([z.literal(1), z.literal(2)]),
  seed: z.string(),
  status: experimentStatus,
  startedAt: isoDateTime.nullable(),
  stoppedAt: isoDateTime.nullable(),
  decision: z.enum(['ship', 'kill', 'iterate']).nullable(),
  lesson: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: isoDateTime.nullable(),
  createdBy: z.string(),
  createdAt: isoDateTime,
  version: z.number().int(),
});
export type Experiment = z.infer<typeof experiment>;

export const experimentsQuery = pageQuery.extend({ team: z.string().max(63).optional(), status: experimentStatus.optional() });
export const experimentsPage = page(experiment);
export const experimentParams = z.strictObject({ key: experimentKey });

export const decideBody = z.strictObject({
  decision: z.enum(['ship', 'kill', 'iterate']),
  lesson: z.string().trim().min(1, 'must say what was learned, whatever the outcome').max(10_000),
});

export const assignBody = z.strictObject({ userId: z.string().min(1).max(200) });
export const assignment = z.object({ variant: z.string().nullable(), index: z.number().int(), hash: z.number() });

export const sdkExperiments = z.object({
  experiments: z.array(z.object({ key: z.string(), variants: z.array(z.object({ name: z.string(), weight: z.number() })), coverage: z.number(), seed: z.string(), hashVersion: z.union([z.literal(1), z.literal(2)]) })),
});

/** One line of an event batch: an exposure of a user to an experiment, or a metric value. */
export const eventLine = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('exposure'),
    id: z.string().min(1).max(200),
    experiment: experimentKey,
    user: z.string().min(1).max(200),
    timestamp: isoDateTime.pipe(z.iso.datetime({ offset: true })).optional(),
  }),
  z.strictObject({
    type: z.literal('metric'),
    id: z.string().min(1).max(200),
    experiment: experimentKey,
    metric: experimentKey,
    user: z.string().min(1).max(200),
    value: finite('value').default(1),
    /** A value from before the user's exposure: it adds up (like the metric) into the user's CUPED
     *  covariate instead of the metric, whether or not the user is exposed yet. */
    preExposure: z.boolean().default(false),
    timestamp: isoDateTime.pipe(z.iso.datetime({ offset: true })).optional(),
  }),
]);
export type EventLine = z.infer<typeof eventLine>;

export const eventResult = z.object({
  line: z.number().int(),
  id: z.string().nullable(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  reason: z.string().optional(),
});
export const eventBatchResult = z.object({ accepted: z.number().int(), duplicate: z.number().int(), rejected: z.number().int(), results: z.array(eventResult) });

export const variantResult = z.object({
  name: z.string(),
  users: z.number().int(),
  mean: z.number().nullable(),
  effect: z.number().nullable(),
  ci: z.tuple([z.number().nullable(), z.number().nullable()]).nullable(),
  se: z.number().nullable(),
  pValue: z.number().nullable(),
  adjustedPValue: z.number().nullable(),
  chanceToWin: z.number().nullable(),
  risk: z.object({ control: z.number(), treatment: z.number() }).nullable(),
  /** CUPED's coefficient, when the metric is analysed with CUPED. */
  theta: z.number().nullable(),
});
export const experimentResults = z.object({
  key: z.string(),
  engine: z.string(),
  users: z.number().int(),
  srm: z.object({ pValue: z.number().nullable(), mismatch: z.boolean() }),
  metrics: z.array(z.object({ key: z.string(), name: z.string(), role: z.string(), higherIsBetter: z.boolean(), cuped: z.boolean(), variants: z.array(variantResult) })),
  note: z.string(),
});
export type ExperimentResults = z.infer<typeof experimentResults>;

/** Cumulative results at the end of each day (UTC) on which users were first exposed. */
export const experimentDailyResults = z.object({
  key: z.string(),
  engine: z.string(),
  variants: z.array(z.string()),
  days: z.array(
    z.object({
      day: z.string().describe('YYYY-MM-DD'),
      users: z.array(z.number().int()).describe('users exposed up to the end of the day, per variant'),
      metrics: z.array(
        z.object({
          key: z.string(),
          variants: z.array(z.object({ name: z.string(), effect: z.number().nullable(), ci: z.tuple([z.number().nullable(), z.number().nullable()]).nullable() })).describe('the treatments'),
        }),
      ),
    }),
  ),
});
export type ExperimentDailyResults = z.infer<typeof experimentDailyResults>;

export const experimentVelocity = z.object({
  items: z.array(z.object({ team: z.string(), month: z.string(), started: z.number().int(), decided: z.number().int(), withLesson: z.number().int(), killed: z.number().int() })),
});
