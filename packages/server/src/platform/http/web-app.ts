import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '../errors/app-error';
import { sendProblem } from '../errors/problem-handler';

const isApi = (url: string) => url.startsWith('/api/') || url === '/api' || url === '/metrics' || url.startsWith('/healthz') || url.startsWith('/readyz');

/** Serves the built web app, answering unknown non-API paths with index.html so client routes load directly.
 *  Unknown API paths get a problem+json 404. */
export async function registerWebApp(app: FastifyInstance, webDist: string | undefined) {
  const hasWeb = !!webDist && existsSync(join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && !isApi(request.url) && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(request, reply, new AppError('NOT_FOUND', `Nothing is at ${request.method} ${request.url.split('?')[0]}.`));
  });
}
