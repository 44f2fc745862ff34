import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance, FastifyServerFactory } from 'fastify';
import type { TokenScope } from '@dayone/contracts';
import type { Credentials } from '../auth/credentials';
import type { RequestMetrics, StatusObserver } from './request-metrics';
import { fillRateHeaders, rateKey, type RateLimit } from './rate-limit';
import type { WindowCount } from './fixed-window-limiter';
import { SECURITY_HEADERS } from './security-headers';

/** What a lane route answers: the status, the headers its Fastify route sets (in the order it sets
 *  them) and the body (none for 304). */
export interface LaneAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  body?: string;
}

/** A hot read answered before Fastify, in exactly the words of the Fastify route `url`, for the one
 *  case that needs no work: everything else is left to the route. */
export interface LaneRoute {
  /** The Fastify route, ending in its one path parameter: `/api/v1/gates/:service`. */
  url: string;
  /** The token scopes the route accepts (any one). */
  scopes: readonly TokenScope[];
  /** The answer from memory for the path parameter (as sent: no percent-escapes) and the raw query
   *  string, or undefined whenever Fastify's route could answer anything else (unknown name, a query
   *  it would refuse, nothing in memory yet). Give the same object for as long as the answer holds. */
  answer(param: string, query: string, headers: IncomingHttpHeaders): LaneAnswer | undefined;
}

export interface LaneDeps {
  credentials: Pick<Credentials, 'cachedBearer'>;
  metrics: Pick<RequestMetrics, 'bind'>;
  rateLimit?: RateLimit;
  log: FastifyBaseLogger;
  /** The log field of the request id (Fastify's `requestIdLogLabel`). */
  requestIdLogLabel: string;
}

/** pino's loggers say whether a level is on; Fastify's silent stand-in does not. */
type LevelAware = { isLevelEnabled?: (level: string) => boolean };

/** The options of Fastify's that shape the server it makes itself (fastify/lib/server.js). */
interface ServerOptions {
  http?: http.ServerOptions;
  keepAliveTimeout: number;
  requestTimeout: number;
  connectionTimeout: number;
  maxRequestsPerSocket: number;
}

interface Compiled extends LaneRoute {
  prefix: string;
  /** Counts the route's answers in the request metrics (bound on first use). */
  observe?: StatusObserver;
}

/** A path parameter the router would hand over unchanged: no escapes to decode, none of the characters
 *  that need them, and within find-my-way's default maxParamLength (100). */
const PLAIN_PARAM = /^[A-Za-z0-9._~-]{1,100}$/;
/** Where a request URL leads in the lane: its route, path parameter and raw query. */
interface Target {
  route: Compiled;
  param: string;
  query: string;
}

/** URLs remembered (lane targets, and null for the others); dropped whole when full. */
const TARGETS_KEPT = 1_000;

const hasScope = (held: readonly TokenScope[] | undefined, accepted: readonly TokenScope[]) => !held || accepted.some((s) => held.includes(s));

/** The lean lane: a plain node:http handler in front of Fastify (through its `serverFactory`) that
 *  answers the plain success case of a few hot reads itself: a GET with a bearer token already in the
 *  credentials cache (nothing to write for it), holding a scope the route accepts, within its rate
 *  budget, for something the route's memory holds. It answers the same status, body and headers as the
 *  Fastify route, x-request-id and security headers included, counts the request in the metrics and in
 *  the same rate budget, and logs it as Fastify would. Every other request (another method or path, no
 *  or unknown token, wrong scope, unknown name, a query the route would refuse, over budget, shutting
 *  down) goes to Fastify untouched, so errors are answered in one place. `app.inject()` does not pass
 *  through it; only real connections do. */
export function createLeanLane() {
  /** Per answer, its headers in the order Fastify sends them: the rate headers when requests are
   *  limited, the route's, x-request-id, the security headers, content-length. Built once per answer
   *  (routes hand out the same answer object until it changes) and refilled for every request with its
   *  id and rate standing: writeHead reads the object at once and keeps nothing of it. */
  const built = new WeakMap<LaneAnswer, Record<string, string>>();
  const headersOf = (found: LaneAnswer, limited: boolean): Record<string, string> => {
    let headers = built.get(found);
    if (!headers) {
      const rate: Record<string, string> = limited ? { 'x-ratelimit-limit': '', 'x-ratelimit-remaining': '', 'x-ratelimit-reset': '' } : {};
      headers = { ...rate, ...found.headers, 'x-request-id': '', ...SECURITY_HEADERS };
      if (found.body !== undefined) headers['content-length'] = String(Buffer.byteLength(found.body));
      built.set(found, headers);
    }
    return headers;
  };
  const routes: Compiled[] = [];
  /** GET routes Fastify has with a fixed path (`/api/v1/gates/stream`): the router prefers them to a
   *  parameter, so the lane leaves them alone. */
  const fixedPaths = new Set<string>();
  let deps: LaneDeps | undefined;
  let closing = false;
  let server: http.Server | undefined;

  const targets = new Map<string, Target | null>();
  /** The lane route a URL names, with a parameter the router would hand over unchanged; null when the
   *  URL is not the lane's (no such route, a parameter to decode, a fixed path the router prefers). */
  function targetOf(url: string): Target | null {
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const route = routes.find((r) => path.startsWith(r.prefix));
    if (!route) return null;
    const param = path.slice(route.prefix.length);
    if (!PLAIN_PARAM.test(param) || fixedPaths.has(path)) return null;
    return { route, param, query: q < 0 ? '' : url.slice(q + 1) };
  }

  function answer(req: IncomingMessage, res: ServerResponse, started: number): boolean {
    if (!deps || closing || !lane.enabled || req.method !== 'GET') return false;
    const url = req.url ?? '';
    let target = targets.get(url);
    if (target === undefined) {
      target = targetOf(url);
      if (targets.size >= TARGETS_KEPT) targets.clear();
      targets.set(url, target);
    }
    if (!target) return false;
    const { route, param, query } = target;
    const headers = req.headers;
    // What could make Fastify do more than route, authenticate and answer: a body, versioned routing.
    if (headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0')) return false;
    if (headers['accept-version'] !== undefined) return false;
    const principal = headers.authorization ? deps.credentials.cachedBearer(headers.authorization) : undefined;
    if (!principal || !hasScope(principal.scopes, route.scopes)) return false;
    const found = route.answer(param, query, headers);
    if (!found) return false;
    let standing: WindowCount | undefined;
    if (deps.rateLimit) {
      standing = deps.rateLimit.tryHit(rateKey(principal, req.socket.remoteAddress ?? '', route.url), route.url);
      if (!standing) return false;
    }

    const id = randomUUID();
    const out = headersOf(found, standing !== undefined);
    if (standing) fillRateHeaders(out, standing);
    out['x-request-id'] = id;
    const log = (deps.log as LevelAware).isLevelEnabled?.('info') ? deps.log.child({ [deps.requestIdLogLabel]: id }) : undefined;
    log?.info({ req: { method: req.method, url, headers: {}, host: headers.host, ip: req.socket.remoteAddress, socket: req.socket } }, 'incoming request');
    res.writeHead(found.status, out);
    res.end(found.body);
    const elapsedMs = performance.now() - started;
    (route.observe ??= deps.metrics.bind('GET', route.url))(found.status, elapsedMs / 1000);
    log?.info({ res: { statusCode: found.status }, responseTime: elapsedMs }, 'request completed');
    lane.answered++;
    return true;
  }

  const lane = {
    /** Off: every request goes to Fastify (tests compare the two). */
    enabled: true,
    /** Requests the lane has answered. */
    answered: 0,

    /** Fastify's `serverFactory`: the HTTP server Fastify would make, with the lane in front. */
    serverFactory: ((handler, fastifyOptions) => {
      const options = fastifyOptions as unknown as ServerOptions;
      const made = http.createServer(options.http ?? {}, (req, res) => {
        const started = performance.now();
        let done = false;
        try {
          done = answer(req, res, started);
        } catch (error) {
          // Nothing has been written when the lane fails: let Fastify answer.
          deps?.log.error({ err: error }, 'lean lane failed; answering through Fastify');
          done = res.headersSent;
        }
        if (!done) handler(req, res);
      });
      // As Fastify sets up the server it makes itself.
      made.keepAliveTimeout = options.keepAliveTimeout;
      made.requestTimeout = options.requestTimeout;
      made.setTimeout(options.connectionTimeout);
      if (options.maxRequestsPerSocket > 0) made.maxRequestsPerSocket = options.maxRequestsPerSocket;
      server = made;
      return made;
    }) as FastifyServerFactory,

    /** Before any route is registered: learns the fixed GET paths, and steps aside on shutdown. */
    attach(app: FastifyInstance) {
      app.decorate('leanLane', lane);
      app.addHook('onRoute', (r) => {
        const methods = [r.method].flat();
        if (methods.includes('GET') && !r.url.includes(':') && !r.url.includes('*')) {
          fixedPaths.add(r.url);
          targets.clear();
        }
      });
      // Fastify answers 503 while it closes; from here on it answers everything.
      app.addHook('preClose', async () => {
        closing = true;
      });
      // A server that never listened (tests that inject) is closed here, which Fastify leaves undone.
      app.addHook('onClose', (_instance, done) => {
        if (!server || server.listening) return done();
        server.close(() => done());
      });
    },

    /** Once the collaborators exist (before the app listens). */
    configure(next: LaneDeps) {
      deps = next;
    },

    route(route: LaneRoute) {
      const at = route.url.indexOf(':');
      if (at < 0 || route.url.indexOf('/', at) >= 0) throw new Error(`a lane route ends in its one parameter: ${route.url}`);
      routes.push({ ...route, prefix: route.url.slice(0, at) });
      targets.clear();
    },
  };
  return lane;
}
export type LeanLane = ReturnType<typeof createLeanLane>;

declare module 'fastify' {
  interface FastifyInstance {
    /** The lean lane in front of this app's HTTP server (see lean-lane.ts). */
    leanLane: LeanLane;
  }
}
