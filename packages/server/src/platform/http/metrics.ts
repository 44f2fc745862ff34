import type { FastifyInstance } from 'fastify';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { createRequestMetrics, type RequestMetrics } from './request-metrics';

/** Prometheus text at /metrics: request counts and latencies by route (request-metrics.ts), plus the
 *  process's own gauges. Returns the request metrics, for requests answered outside Fastify (the lean
 *  lane). */
export function registerMetrics(app: FastifyInstance): RequestMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = createRequestMetrics();

  app.addHook('onResponse', async (request, reply) => {
    requests.observe(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
    reply.type(registry.contentType).send(`${requests.text()}\n${await registry.metrics()}`),
  );
  return requests;
}
