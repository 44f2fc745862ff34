import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiToken, AuditVerification, Team } from '@dayone/sdk';

/** Test double of a Day One server on 127.0.0.1 answering the endpoints the CLI uses. */
export interface FakeDayOne {
  url: string;
  /** "METHOD /path?query" of every request, in order. */
  requests: string[];
  /** Authorization headers received, in order. */
  authorizations: (string | undefined)[];
  tokens: ApiToken[];
  teams: Team[];
  audit: AuditVerification;
  close(): Promise<void>;
}

export const FAKE_TOKEN = 'dyo_test_admin';

export async function startFakeDayOne(options: { pageSize?: number } = {}): Promise<FakeDayOne> {
  const pageSize = options.pageSize ?? 2;
  const state = {
    requests: [] as string[],
    authorizations: [] as (string | undefined)[],
    tokens: [] as ApiToken[],
    teams: [] as Team[],
    audit: { ok: true, checked: 0, firstBad: null } as AuditVerification,
  };
  let nextId = 1;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    state.requests.push(`${req.method} ${url.pathname}${url.search}`);
    state.authorizations.push(req.headers.authorization);
    if (req.headers.authorization !== `Bearer ${FAKE_TOKEN}`) {
      return problem(res, 401, 'AUTH_REQUIRED', 'Sign in or send a valid API token.');
    }
    const route = `${req.method} ${url.pathname}`;

    if (route === 'GET /api/v1/tokens') return send(res, 200, { items: state.tokens });
    if (route === 'POST /api/v1/tokens') {
      const body = JSON.parse(await readBody(req)) as { name?: string; expiresAt?: string };
      if (!body.name?.trim()) {
        return problem(res, 400, 'VALIDATION_FAILED', 'The request body is invalid.', [
          { path: 'name', message: 'Too small: expected string to have >=1 characters' },
        ]);
      }
      const token: ApiToken = {
        id: `tok_${nextId++}`,
        name: body.name,
        prefix: 'dyo_ab12',
        createdAt: '2025-03-01T09:30:00.000Z',
        expiresAt: body.expiresAt ?? null,
        lastUsedAt: null,
        revokedAt: null,
      };
      state.tokens.push(token);
      return send(res, 201, { ...token, token: 'dyo_ab12_SECRET' });
    }
    const revoke = /^DELETE \/api\/v1\/tokens\/([^/]+)$/.exec(route);
    if (revoke) {
      const token = state.tokens.find((t) => t.id === decodeURIComponent(revoke[1]));
      if (!token) return problem(res, 404, 'TOKEN_NOT_FOUND', `No API token has id ${decodeURIComponent(revoke[1])}.`);
      token.revokedAt = '2025-03-02T00:00:00.000Z';
      res.writeHead(204).end();
      return;
    }
    if (route === 'GET /api/v1/audit/verify') return send(res, 200, state.audit);
    if (route === 'GET /api/v1/teams') {
      const unfit = url.searchParams.get('fitness') === 'unfit';
      const matching = state.teams.filter((team) => !unfit || !team.fitness.fit);
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 50), pageSize);
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const end = start + limit;
      return send(res, 200, { items: matching.slice(start, end), nextCursor: end < matching.length ? String(end) : null });
    }
    return problem(res, 404, 'NOT_FOUND', `No route ${route}.`);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => problem(res, 500, 'INTERNAL', error.message));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** A port that was free a moment ago and has nothing listening on it now. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function makeTeam(name: string, memberCount: number, leader: string | null, findings: string[] = []): Team {
  return {
    name,
    displayName: name,
    mission: '',
    parent: null,
    leader: leader ? { name: leader, displayName: leader } : null,
    memberCount,
    fitness: {
      fit: findings.length === 0,
      memberCount,
      limit: 10,
      findings: findings.map((message) => ({ code: 'OVER_SIZE' as const, message })),
    },
    version: 1,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function problem(
  res: ServerResponse,
  status: number,
  code: string,
  detail: string,
  errors?: { path: string; message: string }[],
): void {
  res
    .writeHead(status, { 'content-type': 'application/problem+json' })
    .end(JSON.stringify({ type: 'about:blank', title: code, status, code, detail, errors }));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
