import type { FastifyInstance } from 'fastify';
import { andonPull, andonPullDetail, andonStats, commentBody, createPullBody, overrideBody, pullParams, pullsPage, pullsQuery, resolvePullBody } from '@dayone/contracts';
import { z } from 'zod';
import { principalOf } from '../../platform/auth/principal';
import { errorReplies, typed } from '../../platform/http/typed';
import type { AndonService } from './andon-service';

const tags = ['andon'];

export function andonRoutes(app: FastifyInstance, andon: AndonService) {
  const r = typed(app);
  r.post('/api/v1/andon/pulls', { config: { scopes: ['andon:pull', 'write'] }, schema: { tags, summary: 'Pull the andon cord on a service, system, team or the whole organisation (anyone signed in)', body: createPullBody, response: { 201: andonPull, ...errorReplies } } }, async (req, reply) => {
    const pull = await andon.pull(principalOf(req), req.body);
    return reply.code(201).header('location', `/api/v1/andon/pulls/${pull.id}`).send(pull);
  });
  r.get('/api/v1/andon/pulls', { schema: { tags, summary: 'Pulls, newest first: open (default), resolved or all; by owning team or service', querystring: pullsQuery, response: { 200: pullsPage, ...errorReplies } } }, (req) =>
    andon.list(req.query),
  );
  r.get('/api/v1/andon/stats', { schema: { tags, summary: 'Pulls per owning team and month, with median time to acknowledge and to resolve', response: { 200: andonStats, ...errorReplies } } }, () => andon.stats());
  r.get('/api/v1/andon/pulls/:id', { schema: { tags, summary: 'One pull with its timeline', params: pullParams, response: { 200: andonPullDetail, ...errorReplies } } }, (req) => andon.detail(req.params.id));
  r.post('/api/v1/andon/pulls/:id/acknowledge', { schema: { tags, summary: 'Acknowledge (owning team or admins); records the time to acknowledge', params: pullParams, body: z.strictObject({}).optional(), response: { 200: andonPull, ...errorReplies } } }, (req) =>
    andon.acknowledge(principalOf(req), req.params.id),
  );
  r.post('/api/v1/andon/pulls/:id/resolve', { schema: { tags, summary: 'Resolve with a note (owning team or admins); a second resolve gets 409', params: pullParams, body: resolvePullBody, response: { 200: andonPull, ...errorReplies } } }, (req) =>
    andon.resolve(principalOf(req), req.params.id, req.body.note),
  );
  r.post('/api/v1/andon/pulls/:id/overrides', { schema: { tags, summary: 'Let deploys through despite the cord, for a while, with a reason (owning team or admins; shown to everyone)', params: pullParams, body: overrideBody, response: { 200: andonPull, ...errorReplies } } }, (req) =>
    andon.override(principalOf(req), req.params.id, req.body.reason, req.body.minutes),
  );
  r.post('/api/v1/andon/pulls/:id/comments', { schema: { tags, summary: 'Add a comment to the pull’s timeline (anyone signed in)', params: pullParams, body: commentBody, response: { 200: andonPull, ...errorReplies } } }, (req) =>
    andon.comment(principalOf(req), req.params.id, req.body.body),
  );
}
