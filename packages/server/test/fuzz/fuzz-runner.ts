import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { call, type Caller } from '../harness';
import { changeCounter, changedTables, discoverColumns, fingerprint, type IgnoredColumns } from './database-fingerprint';
import type { FuzzApp } from './fuzz-app';
import { realPathValue, type World } from './fuzz-world';
import type { OpenApiDocument, WriteOperation } from './openapi-operations';
import { requestCases, type RequestCase } from './request-cases';
import { validValue, type Hints } from './schema-values';

/** Fuzzed requests come from their own address, so a sign-in throttle they trip never locks out the fixtures' sign-ins. */
const FUZZ_ADDRESS = '127.0.0.9';

export interface Failure {
  endpoint: string;
  caseKind: string;
  request: string;
  status: number;
  problem: string;
  changed?: string[];
}

export interface FuzzPlan {
  fuzz: FuzzApp;
  doc: OpenApiDocument;
  op: WriteOperation;
  world: World;
  hints: Hints;
  callers: Caller[];
  bodyLimit: number;
  seed: number;
  runs: number;
  ignored: IgnoredColumns;
}

/** Sends every generated case and reports each 5xx, and each refusal (4xx) that changed the database. */
export async function fuzzOperation(plan: FuzzPlan): Promise<{ failures: Failure[]; statuses: Record<number, number> }> {
  const { fuzz, op } = plan;
  const ctx = { doc: plan.doc, hints: plan.hints, bodyLimit: plan.bodyLimit, callers: plan.callers.length };
  const cases = fc.sample(requestCases(ctx, op), { seed: plan.seed, numRuns: plan.runs });
  const realPath = await realPathValues(plan);
  const columns = await discoverColumns(fuzz.database);
  const snapshot = async () => ({ counter: await changeCounter(fuzz.database), rows: await fingerprint(fuzz.database, columns, plan.ignored) });
  const failures: Failure[] = [];
  const statuses: Record<number, number> = {};
  let known: Awaited<ReturnType<typeof snapshot>> | undefined;
  for (const c of cases) {
    const request = await injectOptions(fuzz.app, op, c, plan.callers[c.caller], realPath);
    if (!known || known.counter !== (await changeCounter(fuzz.database))) known = await snapshot();
    const res = await fuzz.app.inject(request);
    statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
    const failure = { endpoint: op.key, caseKind: c.body.kind, request: describe(request), status: res.statusCode, problem: res.body.slice(0, 300) };
    if (res.statusCode >= 500) failures.push(failure);
    if (res.statusCode < 400 || res.statusCode >= 500) {
      known = undefined; // it may have written: take the fingerprint again before the next case
    } else if (known.counter !== (await changeCounter(fuzz.database))) {
      const after = await snapshot();
      const changed = changedTables(known.rows, after.rows);
      if (changed.length) failures.push({ ...failure, changed });
      known = after;
    }
  }
  return { failures, statuses };
}

/** The world's object for each path parameter; for kinds the world does not know (capabilities added later),
 *  the first item of the collection's list, else a value generated from the parameter's schema. */
async function realPathValues(plan: FuzzPlan): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const p of plan.op.pathParams) {
    const known = realPathValue(plan.world, plan.op, p.name);
    if (known !== undefined) {
      values[p.name] = known;
      continue;
    }
    const listed = await firstListed(plan, p.name, values);
    values[p.name] = listed ?? String(fc.sample(validValue({ doc: plan.doc, hints: plan.hints }, p.schema), { seed: plan.seed, numRuns: 1 })[0]);
  }
  return values;
}

async function firstListed(plan: FuzzPlan, param: string, resolved: Record<string, string>): Promise<string | undefined> {
  const template = plan.op.path.slice(0, plan.op.path.indexOf(`/{${param}}`));
  const url = template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(resolved[name] ?? ''));
  const res = await call(plan.fuzz.app, plan.callers[0], 'GET', url);
  const items = (res.body as { items?: Record<string, unknown>[] } | undefined)?.items;
  const first = Array.isArray(items) ? items[0] : undefined;
  const value = first?.[param] ?? first?.id ?? first?.key ?? first?.number ?? first?.name;
  return value === undefined ? undefined : String(value);
}

function buildUrl(op: WriteOperation, c: RequestCase, realPath: Record<string, string>): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const v = c.path[name];
    return v && 'raw' in v ? v.raw : encodeURIComponent(realPath[name]);
  });
  return c.query ? `${path}?${c.query}` : path;
}

/** The ETag a GET of the resource (or of the nearest resource above an action such as …/resolve) answers. */
async function currentTag(app: FastifyInstance, url: string, caller: Caller): Promise<string | undefined> {
  let path = url.split('?')[0];
  while (path.split('/').length > 4) {
    const res = await app.inject({ method: 'GET', url: path, headers: caller.headers });
    if (res.statusCode === 200 && res.headers.etag) return String(res.headers.etag);
    path = path.slice(0, path.lastIndexOf('/'));
  }
  return undefined;
}

async function injectOptions(app: FastifyInstance, op: WriteOperation, c: RequestCase, caller: Caller, realPath: Record<string, string>): Promise<InjectOptions> {
  const url = buildUrl(op, c, realPath);
  const headers: Record<string, string> = { ...caller.headers };
  if (c.body.contentType !== undefined) headers['content-type'] = c.body.contentType;
  if (c.body.contentLength !== undefined) headers['content-length'] = c.body.contentLength;
  if (c.ifMatch === 'current') {
    const tag = await currentTag(app, url, caller);
    if (tag) headers['if-match'] = tag;
  } else if (c.ifMatch !== 'none') headers['if-match'] = c.ifMatch.literal;
  return { method: op.method, url, headers, payload: c.body.payload, remoteAddress: FUZZ_ADDRESS };
}

function describe(request: InjectOptions): string {
  const payload = request.payload;
  const text = Buffer.isBuffer(payload) ? `<${payload.length} bytes> ${payload.subarray(0, 120).toString('hex')}` : typeof payload === 'string' ? `${payload.length > 160 ? `<${payload.length} chars> ` : ''}${payload.slice(0, 160)}` : '(none)';
  const headers = Object.entries(request.headers ?? {})
    .filter(([k]) => !['authorization', 'cookie', 'x-csrf-token'].includes(k))
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  return `${request.method} ${String(request.url).slice(0, 200)} [${headers}] ${text}`;
}
