import type { FastifyInstance } from 'fastify';
import { createdWebhook, createWebhookBody, deliveriesPage, deliveriesQuery, patchWebhookBody, webhook, webhookParams, webhooksPage, webhooksQuery } from '@dayone/contracts';
import { principalOf } from '../../platform/auth/principal';
import { errorReplies, noContent, typed } from '../../platform/http/typed';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning';
import type { WebhooksService } from './webhooks-service';

const tags = ['webhooks'];

export function webhooksRoutes(app: FastifyInstance, webhooks: WebhooksService) {
  const r = typed(app);

  r.post('/api/v1/webhooks', { schema: { tags, summary: 'Register a webhook for your team (admins: organisation-wide, with no team); the signing secret is shown once', body: createWebhookBody, response: { 201: createdWebhook, ...errorReplies } } }, async (req, reply) => {
    const hook = await webhooks.create(principalOf(req), req.body);
    setVersionTag(reply, hook.version);
    return reply.code(201).header('location', `/api/v1/webhooks/${hook.id}`).send(hook);
  });

  r.get('/api/v1/webhooks', { schema: { tags, summary: 'Webhooks of your teams (admins: all), newest first', querystring: webhooksQuery, response: { 200: webhooksPage, ...errorReplies } } }, (req) =>
    webhooks.list(principalOf(req), req.query),
  );

  r.get('/api/v1/webhooks/:id', { schema: { tags, summary: 'One webhook (its team’s members and admins)', params: webhookParams, response: { 200: webhook, ...errorReplies } } }, async (req, reply) => {
    const hook = await webhooks.detail(principalOf(req), req.params.id);
    setVersionTag(reply, hook.version);
    return hook;
  });

  r.patch('/api/v1/webhooks/:id', { schema: { tags, summary: 'Change a webhook: url, format, events, team, description, active (If-Match required)', params: webhookParams, body: patchWebhookBody, response: { 200: webhook, ...errorReplies } } }, async (req, reply) => {
    const hook = await webhooks.update(principalOf(req), req.params.id, expectedVersion(req), req.body);
    setVersionTag(reply, hook.version);
    return hook;
  });

  r.delete('/api/v1/webhooks/:id', { schema: { tags, summary: 'Remove a webhook with its delivery log; pending deliveries are dropped (If-Match required)', params: webhookParams, response: { 204: noContent, ...errorReplies } } }, async (req, reply) => {
    await webhooks.remove(principalOf(req), req.params.id, expectedVersion(req));
    return reply.code(204).send(null);
  });

  r.get('/api/v1/webhooks/:id/deliveries', { schema: { tags, summary: 'The delivery log, newest first: status, attempts with status code and error, next attempt, delivered at', params: webhookParams, querystring: deliveriesQuery, response: { 200: deliveriesPage, ...errorReplies } } }, async (req) =>
    webhooks.deliveries(principalOf(req), req.params.id, req.query),
  );
}
