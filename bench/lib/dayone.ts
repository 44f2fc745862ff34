/** Helpers every benchmark of Day One needs: the databases it runs on, calling its API while seeding, and
 *  summarising alternated load runs. */
import pg from 'pg';
import type { LoadRun } from './load';
import { median } from './stats';

export type Backend = 'sqlite' | 'postgres';
export const backendLabel: Record<Backend, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

/** One JSON API call; anything but a 2xx throws with the answer in the message. */
export async function call<T = unknown>(base: string, method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** Headers node:http writes by itself, or that describe the connection rather than the answer. */
const CONNECTION_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** An answer as a bare server can repeat it: the body, its content-type, and the answer's own headers
 *  (all but the connection's and those node:http adds itself), in the order they came. */
export interface ExactAnswer {
  body: string;
  contentType: string;
  headers: [string, string][];
}

/** The exact bytes, content-type and headers of a 200 answer (to hand to a bare server). */
export async function fetchExact(url: string, headers: Record<string, string>): Promise<ExactAnswer> {
  const response = await fetch(url, { headers });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${body}`);
  const own = [...response.headers].filter(([name]) => !CONNECTION_HEADERS.has(name));
  return { body, contentType: response.headers.get('content-type') ?? '', headers: own };
}

/** The two bare servers a read is compared with, both answering `fixture`'s body with its content-type:
 *  `bare` sends Day One's answer headers too (the same answer on the wire: the baseline targets are judged
 *  against), `minimal` sends only the body's own headers (what those headers cost). Each is checked to echo
 *  the body. */
export async function startBaselines(
  target: { startBare(path: string, body: string, contentType: string, headers?: [string, string][]): Promise<string> },
  path: string,
  fixture: ExactAnswer,
  requestHeaders: Record<string, string>,
): Promise<{ bare: string; minimal: string }> {
  const bare = await target.startBare(path, fixture.body, fixture.contentType, fixture.headers);
  const minimal = await target.startBare(path, fixture.body, fixture.contentType);
  for (const base of [bare, minimal]) {
    const echoed = await fetchExact(base + path, requestHeaders);
    if (echoed.body !== fixture.body || echoed.contentType !== fixture.contentType) throw new Error(`the bare server at ${base} does not answer the same body and content-type`);
  }
  return { bare, minimal };
}

/** Why PostgreSQL cannot be used, or undefined when it can. */
export async function postgresUnavailable(databaseUrl: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${client.escapeIdentifier(schema)} cascade`);
  } finally {
    await client.end();
  }
}

export interface Side {
  /** Requests per second of each run, in the order they ran. */
  runs: number[];
  requestsPerSecond: number;
  /** Medians over the runs of the per-run percentiles, in ms. */
  p50Ms: number;
  p99Ms: number;
}

export function side(runs: LoadRun[]): Side {
  return {
    runs: runs.map((r) => Math.round(r.requestsPerSecond)),
    requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
    p50Ms: median(runs.map((r) => r.latencyMs.p50)),
    p99Ms: median(runs.map((r) => r.latencyMs.p99)),
  };
}

/** Day One / bare within each round, from alternated runs of the two (rounded to 3 places). */
export function roundRatios(runs: LoadRun[], dayone: string, bare: string): number[] {
  return exactRoundRatios(runs, dayone, bare).map((r) => Math.round(r * 1000) / 1000);
}

function exactRoundRatios(runs: LoadRun[], dayone: string, bare: string): number[] {
  const rps = (name: string) => runs.filter((r) => r.target === name).map((r) => r.requestsPerSecond);
  const b = rps(bare);
  return rps(dayone).map((d, i) => d / b[i]);
}

/** The ratio a target is judged on: the median of the within-round ratios. Each round's two runs are
 *  back to back, so a slow minute of the machine falls on both halves of a ratio, where a ratio of the
 *  two sides' medians can pair a fast bare run with a slow Day One run from another round. */
export function pairedRatio(runs: LoadRun[], dayone: string, bare: string): number {
  return median(exactRoundRatios(runs, dayone, bare));
}
