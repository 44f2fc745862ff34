import type { FastifyInstance } from 'fastify';
import {
  inviteReviewersBody, prfaqComment, prfaqCommentBody, prfaqCommentParams, prfaqParams, prfaqReviewMeeting, prfaqReviewRound, prfaqRoundParams, prfaqRoundsList,
  prfaqThread, resolvePrfaqCommentBody, startReviewRoundBody,
} from '@dayone/contracts';
import { principalOf } from '../../platform/auth/principal';
import { errorReplies, typed } from '../../platform/http/typed';
import type { ReviewRounds } from './review-rounds';
import type { PrfaqService } from './prfaq-service';
import { tags } from './prfaq-routes';

export function reviewRoutes(app: FastifyInstance, prfaqs: PrfaqService, rounds: ReviewRounds, db: Parameters<ReviewRounds['list']>[0]) {
  const r = typed(app);
  const base = '/api/v1/prfaqs/:number/rounds';
  r.post(base, { schema: { tags, summary: 'Start a review round on the current version (author or owning team); closes the round before it', params: prfaqParams, body: startReviewRoundBody, response: { 201: prfaqReviewRound, ...errorReplies } } }, async (req, reply) =>
    reply.code(201).send(await rounds.start(principalOf(req), req.params.number, req.body.reviewers)),
  );
  r.get(base, { schema: { tags, summary: 'The review rounds, oldest first', params: prfaqParams, response: { 200: prfaqRoundsList, ...errorReplies } } }, async (req) =>
    db.transaction().execute(async (trx) => ({ items: await rounds.list(trx, await prfaqs.mustFind(trx, req.params.number)) })),
  );
  r.get(`${base}/:round`, { schema: { tags, summary: 'The meeting view: the frozen version, its silent-reading minutes, and the comment threads', params: prfaqRoundParams, response: { 200: prfaqReviewMeeting, ...errorReplies } } }, (req) =>
    rounds.meeting(req.params.number, req.params.round),
  );
  r.post(`${base}/:round/reviewers`, { schema: { tags, summary: 'Invite more reviewers to an open round', params: prfaqRoundParams, body: inviteReviewersBody, response: { 200: prfaqReviewRound, ...errorReplies } } }, (req) =>
    rounds.invite(principalOf(req), req.params.number, req.params.round, req.body.reviewers),
  );
  r.post(`${base}/:round/close`, { schema: { tags, summary: 'Close a round', params: prfaqRoundParams, response: { 200: prfaqReviewRound, ...errorReplies } } }, (req) =>
    rounds.close(principalOf(req), req.params.number, req.params.round),
  );
  r.post(`${base}/:round/comments`, { schema: { tags, summary: 'Comment (anyone): a thread on a passage, or a reply (parentId)', params: prfaqRoundParams, body: prfaqCommentBody, response: { 201: prfaqComment, ...errorReplies } } }, async (req, reply) =>
    reply.code(201).send(await rounds.comment(principalOf(req), req.params.number, req.params.round, req.body)),
  );
  r.post(`${base}/:round/comments/:id/resolve`, { schema: { tags, summary: 'Resolve (or, with resolved=false, reopen) a comment: its author, the author of the PR/FAQ or the owning team; answers its thread', params: prfaqCommentParams, body: resolvePrfaqCommentBody, response: { 200: prfaqThread, ...errorReplies } } }, (req) =>
    rounds.resolve(principalOf(req), req.params.number, req.params.round, req.params.id, req.body?.resolved ?? true),
  );
}
