import { z } from 'zod';
import { entityName, isoDateTime, page, pageQuery } from './common';
import { prfaqStatus } from './prfaq-document';

/* ───────────── Decisions: the Institutional Yes ───────────── */

export const decisionDoor = z.enum(['two_way', 'one_way']);
export const prfaqDecisionState = z.enum(['open', 'escalated', 'decided']);
/** How an outcome came: the window closing in silence (two-way default yes), or a person deciding. */
export const prfaqDecidedHow = z.enum(['default', 'decider']);
export const MIN_NO_WORDS = 50;

export const prfaqDecisionEvent = z.object({
  type: z.enum(['requested', 'no', 'escalated', 'redirected', 'decided', 'commitment']),
  at: isoDateTime,
  /** Who acted; `system` for what the window's scheduler did. */
  by: z.string(),
  /** The leader it went to (escalated, redirected). */
  to: z.string().nullable(),
  reasons: z.string(),
  wouldChangeMind: z.string(),
});
export const prfaqDecision = z.object({
  id: z.string(),
  prfaq: z.number().int(),
  title: z.string(),
  team: z.string(),
  door: decisionDoor,
  /** The content version the decision is about. */
  version: z.number().int(),
  requestedBy: z.string(),
  requestedAt: isoDateTime,
  windowSeconds: z.number().int(),
  state: prfaqDecisionState,
  /** When the window closes (a two-way door's default yes; a silent decider's escalation); null once decided or when nobody is left above. */
  dueAt: isoDateTime.nullable(),
  /** Who must decide now: the one-way door's decider, or the leader a no escalated to; null in a two-way window. */
  decider: z.string().nullable(),
  outcome: z.enum(['yes', 'no']).nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: isoDateTime.nullable(),
  how: prfaqDecidedHow.nullable(),
  reasons: z.string(),
  wouldChangeMind: z.string(),
  secondsToDecision: z.number().int().nullable(),
  nos: z.array(z.object({ by: z.string(), at: isoDateTime, reasons: z.string(), wouldChangeMind: z.string() })),
  commitments: z.array(z.object({ by: z.string(), at: isoDateTime, note: z.string() })),
  events: z.array(prfaqDecisionEvent),
});
export type PrfaqDecision = z.infer<typeof prfaqDecision>;

export const requestPrfaqDecisionBody = z.strictObject({
  door: decisionDoor,
  /** One-way door only: who decides (default: the leader of the owning team's parent team). */
  decider: entityName.optional(),
});
const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;
export const countWords = words;
/** A written no: reasons (at least MIN_NO_WORDS words, checked by the server with code PRFAQ_NO_TOO_SHORT) and what would change the writer's mind. */
export const prfaqWrittenNoBody = z.strictObject({
  reasons: z.string().trim().min(1).max(20_000),
  wouldChangeMind: z.string().trim().min(1, 'say what would change your mind').max(20_000),
});
export const prfaqDecideBody = z.strictObject({
  answer: z.enum(['yes', 'no']),
  /** Why; required (and at least MIN_NO_WORDS words) for a no. */
  reasons: z.string().trim().max(20_000).default(''),
  wouldChangeMind: z.string().trim().max(20_000).default(''),
});
export const prfaqRedirectBody = z.strictObject({ leader: entityName, note: z.string().trim().max(5000).default('') });
export const prfaqCommitmentBody = z.strictObject({ note: z.string().trim().max(5000).default('') });

export const prfaqDecisionsQuery = pageQuery.extend({
  team: z.string().max(63).optional(),
  outcome: z.enum(['yes', 'no']).optional(),
  state: prfaqDecisionState.optional(),
});
export const prfaqDecisionsPage = page(prfaqDecision);

/* ───────────── Bold bets ───────────── */

/** A long shot: probability of success at most 0.1 and a payoff of at least 10 times the cost. */
export const LONG_SHOT = { maxProbability: 0.1, minPayoff: 10 } as const;
export const prfaqPortfolioBet = z.object({
  number: z.number().int(),
  title: z.string(),
  team: z.string(),
  status: prfaqStatus,
  probability: z.number(),
  payoff: z.number(),
  cost: z.number(),
  /** probability × payoff × cost: what the bet returns on average. */
  expectedReturn: z.number(),
  /** expectedReturn − cost. */
  expectedValue: z.number(),
  longShot: z.boolean(),
});
export const prfaqPortfolio = z.object({
  bets: z.array(prfaqPortfolioBet),
  totalCost: z.number(),
  expectedReturn: z.number(),
  expectedValue: z.number(),
  longShots: z.number().int(),
  /** True when the portfolio holds bets but not one long shot. */
  noLongShots: z.boolean(),
  advice: z.string().nullable(),
});
export const prfaqPortfolioQuery = z.strictObject({ team: z.string().max(63).optional() });

/* ───────────── The decision window (DAYONE_DECISION_WINDOW, or the admin's setting) ───────────── */

const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };
/** Seconds in a duration such as `72h`, `30m`, `5s`, `2d` or `1h30m` (at most 365 days); null when it is not one. */
export function parseDurationSeconds(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (!/^(\d+[smhd])+$/.test(trimmed)) return null;
  let seconds = 0;
  for (const [, n, unit] of trimmed.matchAll(/(\d+)([smhd])/g)) seconds += Number(n) * DURATION_UNITS[unit];
  return seconds > 0 && seconds <= 365 * 86_400 ? seconds : null;
}
export const decisionWindowText = z
  .string()
  .trim()
  .max(20)
  .refine((s) => parseDurationSeconds(s) !== null, 'must be a duration such as 72h, 30m or 5s (1 second to 365 days)');
export const prfaqSettings = z.object({
  /** The admin's setting; null when the environment (or the 72-hour default) applies. */
  decisionWindow: z.string().nullable(),
  /** The window new requests get now, and where it comes from. */
  windowSeconds: z.number().int(),
  source: z.enum(['setting', 'environment', 'default']),
  /** The instance settings' version (ETag; PATCH takes it as If-Match). */
  version: z.number().int(),
});
export const patchPrfaqSettingsBody = z.strictObject({ decisionWindow: decisionWindowText.nullable() });
