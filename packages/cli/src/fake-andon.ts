import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AndonPull, Gate, PullTarget } from '@dayone/sdk';
import { problem, readBody, send } from './fake-http';

/** The andon and gate endpoints of the fake Day One server (see fake-dayone-server.ts). */
export interface FakeAndon {
  /** Services the catalog knows, by name; each is owned by `owner`. */
  services: string[];
  owner: string;
  pulls: AndonPull[];
  /** What gate answers say about freshness. */
  stale: boolean;
  /** Answers GET /api/v1/gates/{service} with this status (500, 503…) instead. */
  gateFailure?: number;
  /** Refuses acknowledge / resolve / override with 403, as for someone outside the owning team. */
  forbidRelease: boolean;
  /** The `retry:` hint sent at the start of every stream, in milliseconds. */
  retryMs: number;
  /** Last-Event-ID header of every stream request, in order (undefined when none was sent). */
  streamRequests: (string | undefined)[];
  /** Resolves once `count` stream connections have been opened in all. */
  streamsOpened(count: number): Promise<void>;
  /** Streams open right now. */
  openStreams(): number;
  /** Resolves once no stream is open (the client hung up). */
  streamsClosed(): Promise<void>;
  /** The gate of a service as the server computes it. */
  gate(service: string, environment: string | null): Gate;
  /** Sends every open stream its gates if they changed (the API calls below do this themselves). */
  push(): void;
  /** Ends every open stream, as a restarting server (or a proxy timing out) would. */
  dropStreams(): void;
}

interface Stream {
  res: ServerResponse;
  services: string[];
  environment: string | null;
  sent: Map<string, string>;
}

const PULLED_AT = '2025-03-01T09:30:00.000Z';

export function createFakeAndon(): FakeAndon & { handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> } {
  const streams = new Set<Stream>();
  const waiters: { count: number; resolve: () => void }[] = [];
  let closedWaiters: (() => void)[] = [];
  let opened = 0;

  const fake = {
    services: ['checkout', 'cart'],
    owner: 'payments',
    pulls: [] as AndonPull[],
    stale: false,
    gateFailure: undefined as number | undefined,
    forbidRelease: false,
    retryMs: 20,
    streamRequests: [] as (string | undefined)[],

    streamsOpened(count: number): Promise<void> {
      if (opened >= count) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push({ count, resolve }));
    },
    openStreams: () => streams.size,
    streamsClosed(): Promise<void> {
      if (streams.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => closedWaiters.push(resolve));
    },

    gate(service: string, environment: string | null): Gate {
      const now = new Date().toISOString();
      const relevant = fake.pulls.filter(
        (p) => p.status !== 'resolved' && covers(p, service, fake.owner) && (!environment || !p.environment || p.environment === environment),
      );
      const active = (p: AndonPull) => p.overrides.filter((o) => o.expiresAt > now);
      const blocking = relevant.filter((p) => active(p).length === 0);
      return {
        service: `component:default/${service}`,
        environment,
        open: blocking.length === 0,
        stale: fake.stale,
        pulls: blocking.map((p) => ({
          id: p.id,
          number: p.number,
          severity: p.severity,
          reason: p.reason,
          status: p.status,
          pulledBy: p.pulledBy,
          pulledAt: p.pulledAt,
          target: { kind: p.target.kind, name: p.target.name },
          environment: p.environment,
        })),
        overrides: relevant.flatMap((p) => active(p).map((o) => ({ pullId: p.id, reason: o.reason, by: o.by, expiresAt: o.expiresAt }))),
      };
    },

    push(): void {
      for (const stream of streams) {
        if (stream.res.destroyed) continue;
        for (const service of stream.services) {
          const json = JSON.stringify(fake.gate(service, stream.environment));
          if (stream.sent.get(service) === json) continue;
          stream.sent.set(service, json);
          stream.res.write(`event: gate\nid: ${service}-${hash(json)}\ndata: ${json}\n\n`);
        }
      }
    },

    dropStreams(): void {
      for (const stream of streams) stream.res.destroy();
    },

    async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
      const route = `${req.method} ${url.pathname}`;
      const known = (service: string) => fake.services.includes(service.toLowerCase().replace(/^component:default\//, ''));
      const serviceName = (service: string) => service.toLowerCase().replace(/^component:default\//, '');

      if (route === 'GET /api/v1/gates/stream') {
        const services = (url.searchParams.get('service') ?? '').split(',').filter(Boolean);
        const unknown = services.find((s) => !known(s));
        if (services.length === 0 || unknown !== undefined) {
          problem(res, 404, 'GATE_SERVICE_NOT_FOUND', `No service "${unknown ?? ''}" is in the catalog; register it or check the name.`);
          return true;
        }
        fake.streamRequests.push(req.headers['last-event-id'] as string | undefined);
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
        res.write(`retry: ${fake.retryMs}\n\n`);
        const stream: Stream = { res, services: services.map(serviceName), environment: url.searchParams.get('environment'), sent: new Map() };
        streams.add(stream);
        res.on('close', () => {
          streams.delete(stream);
          if (streams.size > 0) return;
          const resolvers = closedWaiters;
          closedWaiters = [];
          resolvers.forEach((resolve) => resolve());
        });
        fake.push();
        opened++;
        for (const waiter of waiters.filter((w) => opened >= w.count)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
        return true;
      }

      const gate = /^GET \/api\/v1\/gates\/([^/]+)$/.exec(route);
      if (gate) {
        const service = decodeURIComponent(gate[1]);
        if (fake.gateFailure) problem(res, fake.gateFailure, 'INTERNAL', 'Something went wrong.');
        else if (!known(service)) problem(res, 404, 'GATE_SERVICE_NOT_FOUND', `No service "${service}" is in the catalog; register it or check the name.`);
        else send(res, 200, fake.gate(serviceName(service), url.searchParams.get('environment')));
        return true;
      }

      if (route === 'POST /api/v1/andon/pulls') {
        const body = JSON.parse(await readBody(req)) as { target: PullTarget; reason?: string; severity?: number; environment?: string };
        if (!body.reason?.trim()) {
          problem(res, 400, 'VALIDATION_FAILED', 'body.reason: must say why the line stops', [{ path: 'body.reason', message: 'must say why the line stops' }]);
          return true;
        }
        const { target } = body;
        if (target.kind === 'service' && !known(target.name)) {
          problem(res, 404, 'ANDON_TARGET_NOT_FOUND', `Service "${target.name}" is not in the catalog.`, [
            { path: 'target.name', message: `Service "${target.name}" does not exist` },
          ]);
          return true;
        }
        const number = fake.pulls.length + 1;
        const name = target.kind === 'organisation' ? null : target.name;
        const pull: AndonPull = {
          id: `pull-${number}`,
          number,
          coe: null,
          target: { kind: target.kind, name, ref: name === null ? null : `${target.kind === 'team' ? 'group' : target.kind === 'service' ? 'component' : 'system'}:default/${name}` },
          environment: body.environment ?? null,
          severity: body.severity ?? 3,
          reason: body.reason.trim(),
          status: 'active',
          ownerTeam: target.kind === 'organisation' ? null : fake.owner,
          pulledBy: 'oscar',
          pulledAt: PULLED_AT,
          acknowledgedBy: null,
          acknowledgedAt: null,
          resolvedBy: null,
          resolvedAt: null,
          resolution: null,
          secondsToAcknowledge: null,
          secondsToResolve: null,
          overrides: [],
          version: 1,
        };
        fake.pulls.push(pull);
        fake.push();
        res.writeHead(201, { 'content-type': 'application/json', location: `/api/v1/andon/pulls/${pull.id}` }).end(JSON.stringify(pull));
        return true;
      }

      if (route === 'GET /api/v1/andon/pulls') {
        const status = url.searchParams.get('status') ?? 'open';
        const team = url.searchParams.get('team');
        const service = url.searchParams.get('service');
        const matching = [...fake.pulls]
          .reverse()
          .filter((p) => status === 'all' || (status === 'resolved') === (p.status === 'resolved'))
          .filter((p) => !team || p.ownerTeam?.toLowerCase() === team.toLowerCase())
          .filter((p) => !service || p.target.ref === service);
        const limit = Number(url.searchParams.get('limit') ?? 50);
        const start = Number(url.searchParams.get('cursor') ?? 0);
        const end = start + Math.min(limit, 2); // small pages, to exercise pagination
        send(res, 200, { items: matching.slice(start, end), nextCursor: end < matching.length ? String(end) : null });
        return true;
      }

      const action = /^POST \/api\/v1\/andon\/pulls\/([^/]+)\/(acknowledge|resolve|overrides|comments)$/.exec(route);
      if (action) {
        const body = JSON.parse((await readBody(req)) || '{}') as { note?: string; reason?: string; minutes?: number; body?: string };
        const pull = fake.pulls.find((p) => p.id === decodeURIComponent(action[1]));
        if (!pull) {
          problem(res, 404, 'ANDON_PULL_NOT_FOUND', `No andon pull has id ${decodeURIComponent(action[1])}.`);
          return true;
        }
        const verb = action[2];
        if (verb !== 'comments' && fake.forbidRelease) {
          const what = verb === 'overrides' ? 'override' : verb;
          problem(res, 403, 'ANDON_RELEASE_FORBIDDEN', `Only members of ${pull.ownerTeam} (the owning team) or admins may ${what} this pull.`);
          return true;
        }
        if (verb === 'acknowledge') {
          if (pull.status !== 'active') {
            problem(res, 409, 'ANDON_PULL_NOT_ACTIVE', `Pull #${pull.number} is ${pull.status} already.`);
            return true;
          }
          Object.assign(pull, { status: 'acknowledged', acknowledgedBy: 'ada', acknowledgedAt: '2025-03-01T09:35:00.000Z', secondsToAcknowledge: 300 });
        } else if (verb === 'resolve') {
          if (pull.status === 'resolved') {
            problem(res, 409, 'ANDON_PULL_ALREADY_RESOLVED', `Pull #${pull.number} was resolved by ${pull.resolvedBy} at ${pull.resolvedAt}.`);
            return true;
          }
          Object.assign(pull, { status: 'resolved', resolvedBy: 'ada', resolvedAt: '2025-03-01T11:30:00.000Z', resolution: body.note, secondsToResolve: 7200 });
        } else if (verb === 'overrides') {
          const expiresAt = new Date(Date.now() + (body.minutes ?? 60) * 60_000).toISOString();
          pull.overrides.push({ id: `o${pull.overrides.length + 1}`, reason: body.reason ?? '', by: 'ada', createdAt: new Date().toISOString(), expiresAt, active: true });
        }
        pull.version++;
        fake.push();
        send(res, 200, pull);
        return true;
      }
      return false;
    },
  };
  return fake;
}

function covers(pull: AndonPull, service: string, owner: string): boolean {
  switch (pull.target.kind) {
    case 'organisation':
      return true;
    case 'service':
      return pull.target.name === service;
    case 'team':
      return pull.target.name === owner;
    case 'system':
      return false;
  }
}

function hash(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}


