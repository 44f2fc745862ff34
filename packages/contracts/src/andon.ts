import { z } from 'zod';
import { isoDateTime, pageQuery, page } from './common';

export const environmentName = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9]+([-_.][a-z0-9]+)*$/, 'must be lower-case letters and digits separated by "-", "_" or "." (e.g. production)');

export const pullTargetKind = z.enum(['service', 'system', 'team', 'organisation']);
export const pullTarget = z.union([
  z.strictObject({ kind: z.enum(['service', 'system', 'team']), name: z.string().min(1).max(200) }),
  z.strictObject({ kind: z.literal('organisation'), name: z.string().max(200).optional() }),
]);
export type PullTarget = z.infer<typeof pullTarget>;

export const createPullBody = z.strictObject({
  target: pullTarget,
  reason: z.string().trim().min(1, 'must say why the line stops').max(1000, 'must be at most 1000 characters'),
  severity: z.number().int().min(1, 'must be 1 (worst) to 4').max(4, 'must be 1 (worst) to 4').default(3),
  environment: environmentName.optional(),
});

export const pullStatus = z.enum(['active', 'acknowledged', 'resolved']);

export const andonOverride = z.object({
  id: z.string(),
  reason: z.string(),
  by: z.string(),
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
  active: z.boolean(),
});

export const andonEvent = z.object({
  at: isoDateTime,
  actor: z.string(),
  type: z.enum(['pulled', 'acknowledged', 'comment', 'override', 'resolved']),
  body: z.string().nullable(),
});

export const andonPull = z.object({
  id: z.string(),
  number: z.number().int(),
  target: z.object({ kind: pullTargetKind, name: z.string().nullable(), ref: z.string().nullable() }),
  environment: z.string().nullable(),
  severity: z.number().int(),
  reason: z.string(),
  status: pullStatus,
  ownerTeam: z.string().nullable(),
  pulledBy: z.string(),
  pulledAt: isoDateTime,
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: isoDateTime.nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: isoDateTime.nullable(),
  resolution: z.string().nullable(),
  secondsToAcknowledge: z.number().nullable(),
  secondsToResolve: z.number().nullable(),
  overrides: z.array(andonOverride),
  coe: z.number().int().nullable().describe('the COE a severity 1 or 2 pull led to'),
  version: z.number().int(),
});
export type AndonPull = z.infer<typeof andonPull>;
export const andonPullDetail = andonPull.extend({ events: z.array(andonEvent) });

export const pullsQuery = pageQuery.extend({
  status: z.enum(['open', 'resolved', 'all']).default('open'),
  team: z.string().max(63).optional(),
  service: z.string().max(200).optional(),
});
export const pullsPage = page(andonPull);
export const pullParams = z.strictObject({ id: z.string().min(1).max(100) });

export const resolvePullBody = z.strictObject({ note: z.string().trim().min(1, 'must say what fixed it').max(5000) });
export const commentBody = z.strictObject({ body: z.string().trim().min(1).max(5000) });
export const overrideBody = z.strictObject({
  reason: z.string().trim().min(1, 'must say why deploying is safe').max(1000),
  minutes: z.number().int().min(1).max(1440).default(60),
});

export const gatePull = z.object({
  id: z.string(),
  number: z.number().int(),
  severity: z.number().int(),
  reason: z.string(),
  status: pullStatus,
  pulledBy: z.string(),
  pulledAt: isoDateTime,
  target: z.object({ kind: pullTargetKind, name: z.string().nullable() }),
  environment: z.string().nullable(),
});
export const gate = z.object({
  service: z.string(),
  environment: z.string().nullable(),
  open: z.boolean(),
  stale: z.boolean(),
  pulls: z.array(gatePull),
  overrides: z.array(z.object({ pullId: z.string(), reason: z.string(), by: z.string(), expiresAt: isoDateTime })),
});
export type Gate = z.infer<typeof gate>;
export const gateParams = z.strictObject({ service: z.string().min(1).max(200) });
export const gateQuery = z.strictObject({ environment: environmentName.optional() });
export const gateStreamQuery = z.strictObject({
  service: z.string().min(1).max(2000).describe('one service, or several separated by commas'),
  environment: environmentName.optional(),
});

export const andonStats = z.object({
  items: z.array(z.object({ team: z.string().nullable(), month: z.string(), pulls: z.number().int(), medianSecondsToAcknowledge: z.number().nullable(), medianSecondsToResolve: z.number().nullable() })),
});
