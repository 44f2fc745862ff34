import type { FastifyInstance } from 'fastify';
import { isReachable, type Db } from '../db/database';

export function healthRoutes(app: FastifyInstance, db: Db) {
  app.get('/healthz', { config: { public: true }, schema: { tags: ['operations'], summary: 'The process is up' } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, schema: { tags: ['operations'], summary: 'The database answers' } }, async (_req, reply) => {
    const ok = await isReachable(db);
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'database unreachable' });
  });
}
