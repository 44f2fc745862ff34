import type { FastifyInstance } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Counts one answered request, as the hook below does for those Fastify answers. */
export type RequestObserver = (method: string, route: string, status: number, seconds: number) => void;

/** Prometheus text at /metrics: request counts and latencies by route, plus the process's own gauges.
 *  Returns the observer for requests answered outside Fastify (the lean lane). */
export function registerMetrics(app: FastifyInstance): RequestObserver {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({ name: 'dayone_http_requests_total', help: 'HTTP requests answered', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const latency = new Histogram({
    name: 'dayone_http_request_duration_seconds',
    help: 'Time to answer HTTP requests',
    labelNames: ['method', 'route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const observe: RequestObserver = (method, route, status, seconds) => {
    requests.inc({ method, route, status: String(status) });
    latency.observe({ method, route }, seconds);
  };

  app.addHook('onResponse', async (request, reply) => {
    observe(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
  return observe;
}
