import type { FastifyInstance } from 'fastify';
import { createTokenBody, createdToken, tokenIdParam, tokenList } from '@dayone/contracts';
import { principalOf } from '../../platform/auth/principal';
import { errorReplies, noContent, typed } from '../../platform/http/typed';
import type { TokenService } from './token-service';

const tags = ['tokens'];

export function tokenRoutes(app: FastifyInstance, tokens: TokenService) {
  const r = typed(app);
  r.get('/api/v1/tokens', { schema: { tags, summary: 'Your API tokens (never their secrets)', response: { 200: tokenList, ...errorReplies } } }, async (req) => ({
    items: await tokens.list(principalOf(req)),
  }));
  r.post('/api/v1/tokens', { schema: { tags, summary: 'Create an API token; the secret is in this answer only', body: createTokenBody, response: { 201: createdToken, ...errorReplies } } }, async (req, reply) =>
    reply.code(201).send(await tokens.create(principalOf(req), req.body)),
  );
  r.delete('/api/v1/tokens/:id', { schema: { tags, summary: 'Revoke one of your tokens', params: tokenIdParam, response: { 204: noContent, ...errorReplies } } }, async (req, reply) => {
    await tokens.revoke(principalOf(req), req.params.id);
    return reply.code(204).send(null);
  });
}
