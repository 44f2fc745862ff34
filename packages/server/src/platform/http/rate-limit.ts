import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Principal } from '../auth/principal';
import { AppError } from '../errors/app-error';
import { createFixedWindowLimiter, type WindowCount } from './fixed-window-limiter';

export const RATE_WINDOW_MS = 60_000;
/** Gate checks are answered from memory and polled by every pipeline: they get their own, larger budget. */
export const GATE_BUDGET_FACTOR = 10;
const GATE_ROUTE = '/api/v1/gates/:service';
const GATE_SUFFIX = ':gates';
const STREAM_ROUTE = '/api/v1/gates/stream';

/** Who a request counts against: its token, else its signed-in person, else its address; gate checks
 *  count in a budget of their own. */
export function rateKey(principal: Principal | null, address: string, route: string | undefined): string {
  const base = principal?.tokenId ? `token:${principal.tokenId}` : principal ? `person:${principal.id}` : `address:${address}`;
  return route === GATE_ROUTE ? base + GATE_SUFFIX : base;
}

const whose = (key: string) => (key.startsWith('token:') ? 'this token' : key.startsWith('person:') ? 'you' : 'this address');

/** The per-minute budget of every API route, in memory; one limiter shared by the Fastify hook and the
 *  lean lane, so a request counts once whichever way it is answered. */
export function createRateLimit(perMinute: number) {
  const limiter = createFixedWindowLimiter(RATE_WINDOW_MS);
  const limitFor = (route: string | undefined) => (route === GATE_ROUTE ? perMinute * GATE_BUDGET_FACTOR : perMinute);
  return {
    perMinute,
    limitFor,
    /** Counts a request; the standing, exceeded or not. */
    hit: (key: string, route: string | undefined): WindowCount => limiter.hit(key, limitFor(route)),
    /** Counts a request that stays within its budget; undefined, counting nothing, for one that would not. */
    tryHit: (key: string, route: string | undefined): WindowCount | undefined => limiter.tryHit(key, limitFor(route)),
  };
}
export type RateLimit = ReturnType<typeof createRateLimit>;

const seconds = (c: WindowCount) => Math.ceil(c.ttlMs / 1000);

/** The headers an answer within budget carries. */
export function rateHeaders(c: WindowCount): Record<string, string> {
  return fillRateHeaders({}, c);
}

/** Sets the rate headers of an answer within budget on `headers` (which it returns). */
export function fillRateHeaders(headers: Record<string, string>, c: WindowCount): Record<string, string> {
  headers['x-ratelimit-limit'] = String(c.limit);
  headers['x-ratelimit-remaining'] = String(c.remaining);
  headers['x-ratelimit-reset'] = String(seconds(c));
  return headers;
}

function refuse(reply: FastifyReply, key: string, c: WindowCount): never {
  const after = Math.max(1, seconds(c));
  reply.header('x-ratelimit-limit', String(c.limit));
  reply.header('x-ratelimit-remaining', '0');
  reply.header('x-ratelimit-reset', String(seconds(c)));
  reply.header('retry-after', String(seconds(c)));
  throw new AppError('RATE_LIMITED', `More than ${c.limit} requests a minute from ${whose(key)}; retry in ${after} s.`, {
    headers: { 'retry-after': String(after) },
    extensions: { limit: c.limit, retryAfterSeconds: after },
  });
}

const COUNTED = Symbol('rate-limit counted');
type Counted = FastifyRequest & { [COUNTED]?: boolean };

/** Requests per minute per token, per person and per address on the API (`DAYONE_RATE_LIMIT`; 0 turns
 *  it off): a 429 problem with Retry-After past the budget, `x-ratelimit-*` headers on every answer
 *  counted. It runs after authentication, so it knows the caller. Not counted: anything outside /api/v1
 *  (health, readiness, metrics, the web app), unknown paths, and gate stream connections, which are one
 *  long request each and reconnect no faster than their `retry:` hint. Must be registered before the
 *  routes; the routes registered after it are the ones limited. */
export function registerRateLimit(app: FastifyInstance, perMinute: number | undefined): RateLimit | undefined {
  if (!perMinute) return undefined;
  const limit = createRateLimit(perMinute);
  app.decorateRequest(COUNTED, false);
  const check: onRequestAsyncHookHandler = async (request, reply) => {
    // A route's HEAD twin shares its hooks: count a request once.
    if ((request as Counted)[COUNTED]) return;
    (request as Counted)[COUNTED] = true;
    const route = request.routeOptions.url;
    if (!request.url.startsWith('/api/v1/') || route === STREAM_ROUTE) return;
    const key = rateKey(request.principal, request.ip, route);
    const c = limit.hit(key, route);
    if (c.exceeded) refuse(reply, key, c);
    reply.headers(rateHeaders(c));
  };
  app.addHook('onRoute', (route) => {
    // Route-level, so it runs after the application-wide authentication hook.
    route.onRequest = [...(route.onRequest ? [route.onRequest].flat() : []), check];
  });
  return limit;
}
