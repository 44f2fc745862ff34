import { z } from 'zod';
import { entityName, page, pageQuery } from './common';
import { prfaqLintResult } from './prfaq-lint';
import { attachment } from './attachments';
import { prfaq, prfaqBet, prfaqSection, prfaqSectionName, prfaqStatus, prfaqStatusEvent } from './prfaq-document';
import { prfaqReviewRound } from './prfaq-review';
import { prfaqDecision } from './prfaq-decisions';

export * from './prfaq-document';
export * from './prfaq-review';
export * from './prfaq-decisions';

/* ───────────── Requests and replies ───────────── */

export const prfaqDetail = prfaq.extend({
  sections: z.array(prfaqSection),
  statusHistory: z.array(prfaqStatusEvent),
  rounds: z.array(prfaqReviewRound),
  decisions: z.array(prfaqDecision),
  /** The writing coach's advice on the current version (null until the coach is available). */
  coach: prfaqLintResult.nullable(),
});
export type PrfaqDetail = z.infer<typeof prfaqDetail>;

export const createPrfaqBody = z.strictObject({
  title: z.string().trim().min(1).max(300),
  team: entityName,
  customer: z.string().trim().max(1000).default(''),
});
export const patchPrfaqBody = z.strictObject({
  title: z.string().trim().min(1).max(300).optional(),
  customer: z.string().trim().max(1000).optional(),
  bet: prfaqBet.nullable().optional(),
});
/** Status steps a person takes by hand; in_review and decided follow review rounds and decisions. */
export const prfaqStatusBody = z.strictObject({ status: z.enum(['draft', 'building', 'launched', 'shelved']), note: z.string().trim().max(5000).default('') });

export const prfaqsQuery = pageQuery.extend({
  team: z.string().max(63).optional(),
  status: prfaqStatus.optional(),
  author: z.string().max(63).optional(),
  q: z.string().max(200).optional(),
});
export const prfaqsPage = page(prfaq);
export const prfaqParams = z.strictObject({ number: z.coerce.number().int().min(1) });
export const prfaqSectionParams = prfaqParams.extend({ section: prfaqSectionName });
export const prfaqVersionParams = prfaqParams.extend({ version: z.coerce.number().int().min(1) });
export const prfaqCompareQuery = z.strictObject({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
export const prfaqMarkdownQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });
export const putPrfaqSectionBody = z.strictObject({ content: z.unknown() });
export const prfaqRoundParams = prfaqParams.extend({ round: z.coerce.number().int().min(1) });
export const prfaqCommentParams = prfaqRoundParams.extend({ id: z.string().min(1).max(100) });
export const prfaqDecisionParams = prfaqParams.extend({ id: z.string().min(1).max(100) });
export const prfaqRoundsList = z.object({ items: z.array(prfaqReviewRound) });
export const prfaqDecisionsList = z.object({ items: z.array(prfaqDecision) });
/** Mock-up images uploaded to a PR/FAQ (POST …/mockups with the image as the body). */
export const prfaqMockupsList = z.object({ items: z.array(attachment) });
