import type { FastifyInstance, FastifyReply } from 'fastify';
import { gate, gateParams, gateQuery, gateStreamQuery } from '@dayone/contracts';
import { AppError } from '../../platform/errors/app-error';
import { errorReplies, typed } from '../../platform/http/typed';
import type { GateState } from './gate-state';

const tags = ['gates'];
export const HEARTBEAT_MS = 15_000;
/** A pipeline's token may hold just `gates:read`. */
export const GATE_SCOPES = ['gates:read', 'read'] as const;
export const GATE_ROUTE = '/api/v1/gates/:service';

function resolveOrThrow(gates: GateState, service: string): string {
  const ref = gates.resolve(service);
  if (!ref) throw new AppError('GATE_SERVICE_NOT_FOUND', `No service "${service}" is in the catalog; register it or check the name.`);
  return ref;
}

/** Deploy gates, answered from memory: one JSON answer with an ETag for pollers, and a server-sent
 *  event stream that sends the state on connect, every change, and a heartbeat. */
export function gateRoutes(app: FastifyInstance, gates: GateState, options: { heartbeatMs?: number } = {}) {
  const r = typed(app);
  const open = new Set<() => void>();
  // On shutdown, tell every subscriber to come back shortly (to another instance) and end the stream.
  app.addHook('preClose', async () => {
    for (const close of [...open]) close();
  });

  r.get(GATE_ROUTE, { config: { scopes: GATE_SCOPES }, schema: { tags, summary: 'Is the deploy gate of a service open? (ETag / If-None-Match supported)', params: gateParams, querystring: gateQuery, response: { 200: gate, 304: gate, ...errorReplies } } }, async (req, reply) => {
    const answer = gates.gate(resolveOrThrow(gates, req.params.service), req.query.environment ?? null);
    // The answer is serialised once per change, not per request: send those bytes as they are.
    const raw = reply as FastifyReply;
    raw.header('etag', answer.etag).header('cache-control', 'no-cache');
    if (req.headers['if-none-match'] === answer.etag) return raw.code(304).send();
    return raw.type('application/json; charset=utf-8').send(answer.json);
  });

  app.get('/api/v1/gates/stream', { config: { scopes: GATE_SCOPES }, schema: { tags, summary: 'Server-sent events: the gate of each service on connect, every change, and a heartbeat', querystring: gateStreamQuery } }, async (req, reply: FastifyReply) => {
    const query = gateStreamQuery.parse(req.query);
    const refs = [...new Set(query.service.split(',').map((s) => s.trim()).filter(Boolean).map((s) => resolveOrThrow(gates, s)))];
    const environment = query.environment ?? null;
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': req.id,
    });
    raw.write('retry: 3000\n\n');
    const sent = new Map<string, string>();
    // Frames leave at once. Left to itself, node holds a response's writes until the current tick ends,
    // and a change is announced in the middle of the request that made it (a resolve still has its COE
    // draft to write): every stream would wait for that request's remaining work.
    const socket = raw.socket;
    const push = () => {
      socket?.cork();
      for (const ref of refs) {
        const answer = gates.gate(ref, environment);
        if (sent.get(ref) === answer.etag) continue;
        sent.set(ref, answer.etag);
        raw.write(answer.frame);
      }
      socket?.uncork();
    };
    push();
    const unsubscribe = gates.onChange(push);
    const heartbeat = setInterval(() => raw.write(`event: heartbeat\ndata: {"at":"${new Date().toISOString()}"}\n\n`), options.heartbeatMs ?? HEARTBEAT_MS);
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(shutdown);
    };
    const shutdown = () => {
      end();
      raw.end('event: shutdown\ndata: {"retryMs":1000}\nretry: 1000\n\n');
    };
    open.add(shutdown);
    raw.on('close', end);
    raw.on('error', end);
  });
}
