import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiToken, AuditVerification, EventBatchResult, EventResult, ImportOutcome, ImportSummary, Team } from '@dayone/sdk';
import { parseAllDocuments } from 'yaml';
import { createFakeAndon, type FakeAndon } from './fake-andon';
import { problem, readBody, send } from './fake-http';

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
  /** Bodies and content types of POST /api/v1/catalog/import, in order. */
  imports: { contentType: string | undefined; body: string }[];
  /** Descriptors imported so far, as JSON by ref: decides created / updated / unchanged. */
  catalog: Map<string, string>;
  /** Overrides the outcome of one document (return undefined for the default rules). */
  importVerdict?: (doc: Record<string, unknown>) => Pick<ImportOutcome, 'status' | 'reason'> | undefined;
  /** Answers an import or events request whose body is longer than this with 413 BODY_TOO_LARGE. */
  bodyLimit: number;
  /** Answers the n-th import request (1-based) with 500 instead. */
  failImportRequest?: number;
  /** Bodies and content types of POST /api/v1/events, in order (failed ones included). */
  eventRequests: { contentType: string | undefined; body: string }[];
  /** Ids of the events recorded so far: a known id is answered `duplicate`. */
  eventIds: Set<string>;
  /** A reason to reject one event (a parsed JSON line), or undefined for the default rules. */
  eventVerdict?: (event: Record<string, unknown>) => string | undefined;
  /** How to fail the n-th events request (1-based): drop the connection, or answer this HTTP status. */
  eventFailure?: (request: number) => 'reset' | number | undefined;
  /** Andon pulls, gates and the gate event stream (see fake-andon.ts). */
  andon: FakeAndon;
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
    imports: [] as FakeDayOne['imports'],
    catalog: new Map<string, string>(),
    importVerdict: undefined as FakeDayOne['importVerdict'],
    bodyLimit: Infinity,
    failImportRequest: undefined as number | undefined,
    eventRequests: [] as FakeDayOne['eventRequests'],
    eventIds: new Set<string>(),
    eventVerdict: undefined as FakeDayOne['eventVerdict'],
    eventFailure: undefined as FakeDayOne['eventFailure'],
    andon: createFakeAndon(),
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
      const body = JSON.parse(await readBody(req)) as { name?: string; expiresAt?: string; scopes?: ApiToken['scopes'] };
      if (!body.name?.trim()) {
        return problem(res, 400, 'VALIDATION_FAILED', 'The request body is invalid.', [
          { path: 'name', message: 'Too small: expected string to have >=1 characters' },
        ]);
      }
      const token: ApiToken = {
        id: `tok_${nextId++}`,
        name: body.name,
        prefix: 'dyo_ab12',
        scopes: body.scopes ?? ['read', 'write'],
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
    if (route === 'POST /api/v1/catalog/import') {
      const body = await readBody(req);
      state.imports.push({ contentType: req.headers['content-type'], body });
      if (state.imports.length === state.failImportRequest) return problem(res, 500, 'INTERNAL', 'Something went wrong.');
      if (!/^application\/yaml\b/.test(req.headers['content-type'] ?? '')) {
        return problem(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send catalog-info.yaml as application/yaml.');
      }
      if (body.length > state.bodyLimit) return problem(res, 413, 'BODY_TOO_LARGE', 'The request body is too large');
      const summary = importYaml(body, state.catalog, state.importVerdict);
      if (typeof summary === 'string') return problem(res, 400, 'YAML_PARSE_ERROR', summary);
      return send(res, 200, summary);
    }
    if (route === 'POST /api/v1/events') {
      const body = await readBody(req);
      state.eventRequests.push({ contentType: req.headers['content-type'], body });
      const failure = state.eventFailure?.(state.eventRequests.length);
      if (failure === 'reset') return void req.socket.destroy();
      if (failure !== undefined) return problem(res, failure, failure === 503 ? 'UNAVAILABLE' : 'INTERNAL', 'Something went wrong.');
      if (body.length > state.bodyLimit) return problem(res, 413, 'BODY_TOO_LARGE', 'The request body is too large');
      const type = req.headers['content-type'] ?? '';
      let lines: { line: number; value?: unknown; error?: string }[];
      if (/^application\/x-ndjson\b/.test(type)) lines = splitNdjson(body);
      else if (/^application\/json\b/.test(type)) lines = (JSON.parse(body) as unknown[]).map((value, i) => ({ line: i + 1, value }));
      else return problem(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send events as a JSON array or as application/x-ndjson.');
      return send(res, 200, ingestEvents(lines, state.eventIds, state.eventVerdict));
    }
    if (await state.andon.handle(req, res, url)) return;
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

const KINDS = ['component', 'api', 'resource', 'system', 'domain', 'group', 'user'];

/** The server's import rules, simplified: a summary, or the detail of a YAML parse error. */
function importYaml(text: string, catalog: Map<string, string>, verdict: FakeDayOne['importVerdict']): ImportSummary | string {
  const docs = parseAllDocuments(text);
  const broken = docs.findIndex((doc) => doc.errors.length > 0);
  if (broken >= 0) return `document ${broken + 1}: ${docs[broken].errors[0].message.split('\n')[0]}`;
  const results = docs
    .map((doc) => doc.toJS() as unknown)
    .filter((value) => value !== null && value !== undefined)
    .map((value, i): ImportOutcome => {
      const doc = (typeof value === 'object' ? value : {}) as Record<string, unknown>;
      const kind = typeof doc.kind === 'string' ? doc.kind : undefined;
      const name = (doc.metadata as { name?: unknown } | undefined)?.name;
      const ref = kind && typeof name === 'string' ? `${kind}:default/${name}`.toLowerCase() : null;
      const outcome = verdict?.(doc) ?? defaultOutcome(doc, kind, ref, catalog);
      return { document: i + 1, ref, ...outcome };
    });
  const count = (status: ImportOutcome['status']) => results.filter((r) => r.status === status).length;
  return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), rejected: count('rejected'), skipped: count('skipped'), results };
}

function defaultOutcome(
  doc: Record<string, unknown>,
  kind: string | undefined,
  ref: string | null,
  catalog: Map<string, string>,
): Pick<ImportOutcome, 'status' | 'reason'> {
  if (!kind) return { status: 'rejected', reason: 'kind: is required' };
  if (!ref) return { status: 'rejected', reason: 'metadata.name: is required' };
  if (!KINDS.includes(kind.toLowerCase())) return { status: 'skipped', reason: `kind ${kind} is not one Day One keeps` };
  const json = JSON.stringify(doc);
  const before = catalog.get(ref);
  catalog.set(ref, json);
  return { status: before === undefined ? 'created' : before === json ? 'unchanged' : 'updated' };
}

/** NDJSON lines numbered from 1, blank ones skipped but counted, as the server splits them. */
function splitNdjson(text: string): { line: number; value?: unknown; error?: string }[] {
  return text
    .split('\n')
    .map((raw, i) => ({ raw: raw.trim(), line: i + 1 }))
    .filter(({ raw }) => raw !== '')
    .map(({ raw, line }) => {
      try {
        return { line, value: JSON.parse(raw) as unknown };
      } catch {
        return { line, error: 'is not valid JSON' };
      }
    });
}

/** The server's event rules, simplified: an object with a string id and a known type; ids dedupe. */
function ingestEvents(
  lines: { line: number; value?: unknown; error?: string }[],
  ids: Set<string>,
  verdict: FakeDayOne['eventVerdict'],
): EventBatchResult {
  const results = lines.map(({ line, value, error }): EventResult => {
    const event = (value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
    const id = typeof event.id === 'string' ? event.id : null;
    const reason =
      error ??
      (id === null ? 'id: Invalid input: expected string' : undefined) ??
      (event.type !== 'exposure' && event.type !== 'metric' ? 'type: Invalid input' : undefined) ??
      verdict?.(event);
    if (reason !== undefined) return { line, id, status: 'rejected', reason };
    if (ids.has(id!)) return { line, id, status: 'duplicate' };
    ids.add(id!);
    return { line, id, status: 'accepted' };
  });
  const count = (status: EventResult['status']) => results.filter((r) => r.status === status).length;
  return { accepted: count('accepted'), duplicate: count('duplicate'), rejected: count('rejected'), results };
}


