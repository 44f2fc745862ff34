import { z } from 'zod';
import { entityName, isoDateTime } from './common';
import { prfaqSectionName, prfaqVersion } from './prfaq-document';

/* ───────────── Review rounds ───────────── */

/** A passage: a text field of a section (`summary`, `2.answer`, `useCases.0.description`, `howTo`),
 *  UTF-16 offsets into it, and the text quoted (it must equal field.slice(start, end) in the round's version). */
export const prfaqCommentAnchor = z.strictObject({
  section: prfaqSectionName,
  field: z.string().min(1).max(100),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  quote: z.string().min(1).max(5000),
});
export type PrfaqCommentAnchor = z.infer<typeof prfaqCommentAnchor>;

/** One comment. A reply names its parent (a thread's first comment or another reply). */
export const prfaqComment = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  author: z.string(),
  at: isoDateTime,
  body: z.string(),
  anchor: prfaqCommentAnchor.nullable(),
  resolved: z.boolean(),
  resolvedBy: z.string().nullable(),
  resolvedAt: isoDateTime.nullable(),
});
export type PrfaqComment = z.infer<typeof prfaqComment>;
/** A thread: its first comment (which may point at a passage) and every reply under it, in order. */
export const prfaqThread = prfaqComment.extend({ replies: z.array(prfaqComment) });
export type PrfaqThread = z.infer<typeof prfaqThread>;

export const prfaqReviewRound = z.object({
  number: z.number().int(),
  /** The content version under review, frozen for the round. */
  version: z.number().int(),
  startedBy: z.string(),
  startedAt: isoDateTime,
  closedAt: isoDateTime.nullable(),
  reviewers: z.array(z.string()),
  wordCount: z.number().int(),
  /** Suggested silent-reading time: words / 200 per minute, rounded up. */
  readingMinutes: z.number().int(),
  openComments: z.number().int(),
});
export type PrfaqReviewRound = z.infer<typeof prfaqReviewRound>;
/** The meeting view: the frozen document, the reading timer's minutes, and the threads. */
export const prfaqReviewMeeting = prfaqReviewRound.extend({ document: prfaqVersion, comments: z.array(prfaqThread) });

export const startReviewRoundBody = z.strictObject({ reviewers: z.array(entityName).max(100).default([]) });
export const inviteReviewersBody = z.strictObject({ reviewers: z.array(entityName).min(1).max(100) });
export const prfaqCommentBody = z.strictObject({
  body: z.string().trim().min(1).max(10_000),
  /** A top-level comment may point at a passage; a reply (parentId) belongs to its parent's thread. */
  anchor: prfaqCommentAnchor.optional(),
  parentId: z.string().min(1).max(100).optional(),
});
export const resolvePrfaqCommentBody = z.strictObject({ resolved: z.boolean().default(true) });
