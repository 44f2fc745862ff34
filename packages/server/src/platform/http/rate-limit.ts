import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { AppError } from '../errors/app-error';

export const RATE_WINDOW_MS = 60_000;
/** Gate checks are answered from memory and polled by every pipeline: they get their own, larger budget. */
export const GATE_BUDGET_FACTOR = 10;
const GATE_SUFFIX = ':gates';

/** Who a request counts against: its token, else its signed-in person, else its address. */
function keyOf(request: FastifyRequest): string {
  const p = request.principal;
  const base = p?.tokenId ? `token:${p.tokenId}` : p ? `person:${p.id}` : `address:${request.ip}`;
  return request.routeOptions.url === '/api/v1/gates/:service' ? base + GATE_SUFFIX : base;
}

const whose = (key: string) => (key.startsWith('token:') ? 'this token' : key.startsWith('person:') ? 'you' : 'this address');

/** Requests per minute per token, per person and per address on the API (`DAYONE_RATE_LIMIT`; 0 turns
 *  it off). It runs after authentication, so it knows the caller. Not counted: anything outside
 *  /api/v1 (health, readiness, metrics, the web app) and gate stream connections, which are one long
 *  request each and reconnect no faster than their `retry:` hint. Must be registered before the routes. */
export async function registerRateLimit(app: FastifyInstance, perMinute: number | undefined) {
  if (!perMinute) return;
  await app.register(rateLimit, {
    timeWindow: RATE_WINDOW_MS,
    hook: 'onRequest',
    max: (_request, key) => (key.endsWith(GATE_SUFFIX) ? perMinute * GATE_BUDGET_FACTOR : perMinute),
    keyGenerator: keyOf,
    allowList: (request) => !request.url.startsWith('/api/v1/') || request.routeOptions.url === '/api/v1/gates/stream',
    errorResponseBuilder: (request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError('RATE_LIMITED', `More than ${context.max} requests a minute from ${whose(keyOf(request))}; retry in ${seconds} s.`, {
        headers: { 'retry-after': String(seconds) },
        extensions: { limit: context.max, retryAfterSeconds: seconds },
      });
    },
  });
}
