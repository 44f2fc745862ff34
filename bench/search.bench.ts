/** search: queries over 100,000 indexed documents on each store, and what keeping the index in step adds to
 *  a write. Targets: query p95 under 50 ms; index update adds under 2 ms to a write at p95. */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SearchQuery } from '@dayone/contracts';
import { sql } from 'kysely';
import { migrate, openDatabase, type DatabaseHandle } from '../packages/server/src/platform/db/database';
import { createAuditLog } from '../packages/server/src/platform/audit/audit-log';
import { createSearch } from '../packages/server/src/capabilities/search/index';
import { createSearchIndex } from '../packages/server/src/capabilities/search/search-index';
import type { SearchDocument } from '../packages/server/src/capabilities/search/search-document';
import { backendLabel, dropSchema, postgresUnavailable, type Backend } from './lib/dayone';
import { readBenchEnv } from './lib/env';
import { formatFixed, formatInt } from './lib/stats';
import type { Benchmark } from './lib/types';

const DOCUMENTS = Number(process.env.BENCH_SEARCH_DOCUMENTS ?? 100_000);
const QUERY_RUNS = Number(process.env.BENCH_SEARCH_QUERIES ?? 60);
const WRITES = Number(process.env.BENCH_SEARCH_WRITES ?? 400);
const QUERY_P95_MS = 50;
const WRITE_ADDED_P95_MS = 2;

const TYPES = ['team', 'service', 'prfaq', 'coe', 'experiment', 'decision'] as const;
// Ordinary engineering prose, so that common words match many documents and rare ones few.
const WORDS = (
  'customer deploy latency checkout payment ledger refund region canary rollback alarm pager database cache queue ' +
  'retry timeout capacity throughput release flag migration schema index replica failover outage incident lesson ' +
  'experiment variant conversion revenue cart search catalogue shipping invoice fraud identity token session service ' +
  'team owner dependency contract review decision launch pricing inventory warehouse forecast partner mobile browser'
).split(' ');

/** A deterministic generator, so every run indexes the same text. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function documents(count: number): SearchDocument[] {
  const next = rng(42);
  const word = () => WORDS[Math.floor(next() * WORDS.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
  return Array.from({ length: count }, (_, i) => {
    const type = TYPES[i % TYPES.length]!;
    return {
      docKey: `${type}:bench-${i}`,
      type,
      team: `team-${i % 40}`,
      title: `${sentence(4)} ${i}`,
      // A rare token every 1,000 documents; a unique one in each.
      body: `${sentence(40)}. ${i % 1000 === 0 ? 'quokka ' : ''}doc${i}zz ${sentence(30)}.`,
      path: `/bench/${i}`,
      updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    };
  });
}

const QUERIES: { label: string; query: Omit<SearchQuery, 'limit'> }[] = [
  { label: 'a common word (`checkout`)', query: { q: 'checkout' } },
  { label: 'two common words (`canary rollback`)', query: { q: 'canary rollback' } },
  { label: 'a rare word (`quokka`, 1 document in 1,000)', query: { q: 'quokka' } },
  { label: 'part of a word (`atenc`)', query: { q: 'atenc' } },
  { label: 'one document by a unique token (`doc77777zz`)', query: { q: 'doc77777zz' } },
  { label: 'a common word, one type and one team', query: { q: 'ledger', type: ['coe'], team: 'team-7' } },
  { label: 'a two-letter word (`zz`, part of a word in every document), one type', query: { q: 'zz', type: ['decision'] } },
  { label: 'two letters found nowhere (`qj`)', query: { q: 'qj' } },
  { label: 'a common word and a two-letter word (`checkout zz`)', query: { q: 'checkout zz' } },
];

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function open(backend: Backend, databaseUrl: string | undefined): Promise<{ handle: DatabaseHandle; cleanup(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'dayone-bench-search-'));
  const schema = backend === 'postgres' ? `bench_${randomBytes(6).toString('hex')}` : undefined;
  const handle = openDatabase({ dataDir, databaseUrl: backend === 'postgres' ? databaseUrl : undefined, databaseSchema: schema });
  await migrate(handle);
  return {
    handle,
    async cleanup() {
      await handle.close();
      await rm(dataDir, { recursive: true, force: true });
      if (schema && databaseUrl) await dropSchema(databaseUrl, schema);
    },
  };
}

interface BackendResult {
  backend: Backend;
  seedSeconds: number;
  queries: { label: string; matches: number; p50: number; p95: number; max: number }[];
  writes: { plainP50: number; plainP95: number; indexedP50: number; indexedP95: number; addedP95: number };
}

async function measure(backend: Backend, databaseUrl: string | undefined, log: (m: string) => void): Promise<BackendResult> {
  const { handle, cleanup } = await open(backend, databaseUrl);
  try {
    const { db, dialect } = handle;
    const index = createSearchIndex(dialect);
    const all = documents(DOCUMENTS);
    log(`${backendLabel[backend]}: indexing ${formatInt(all.length)} documents`);
    const seedStart = performance.now();
    for (let i = 0; i < all.length; i += 1000) await db.transaction().execute((trx) => index.put(trx, all.slice(i, i + 1000)));
    const seedSeconds = (performance.now() - seedStart) / 1000;
    if (dialect === 'postgres') await sql`analyze search_documents`.execute(db);

    // The teams the documents belong to, so the team filter has a tree to walk.
    const created = new Date().toISOString();
    await db.insertInto('teams').values(Array.from({ length: 40 }, (_, i) => ({ id: `bench-t${i}`, name: `team-${i}`, display_name: `Team ${i}`, mission: '', parent_id: null, leader_id: null, version: 1, created_at: created, updated_at: created }))).execute();

    // Queries go through the same function the HTTP route calls (no HTTP around it).
    const audit = createAuditLog(dialect);
    const search = createSearch({ db, dialect, audit });
    const queries: BackendResult['queries'] = [];
    for (const { label, query } of QUERIES) {
      const times: number[] = [];
      let matches = 0;
      await search.search({ ...query, limit: 20 }); // warm the plan and the cache
      for (let r = 0; r < QUERY_RUNS; r++) {
        const t0 = performance.now();
        matches = (await search.search({ ...query, limit: 20 })).items.length;
        times.push(performance.now() - t0);
      }
      queries.push({ label, matches, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) });
    }

    // Writes: the same team update with its audit entry, with and without the index following it,
    // alternated so that both see the same machine.
    const plainAudit = createAuditLog(dialect);
    const actor = { id: 'bench', name: 'bench' };
    const now = new Date().toISOString();
    await db.insertInto('teams').values({ id: 'bench-team', name: 'bench-team', display_name: 'Bench team', mission: 'start', parent_id: null, leader_id: null, version: 1, created_at: now, updated_at: now }).execute();
    const write = (log: typeof audit, i: number) =>
      db.transaction().execute(async (trx) => {
        const mission = `Serve customers ${WORDS[i % WORDS.length]} and ${WORDS[(i * 7) % WORDS.length]} ${i}`;
        await trx.updateTable('teams').set({ mission, updated_at: new Date().toISOString() }).where('id', '=', 'bench-team').execute();
        await log.record(trx, actor, { action: 'team.updated', entityType: 'team', entityId: 'bench-team', after: { mission } });
      });
    const plain: number[] = [];
    const indexed: number[] = [];
    for (let i = 0; i < WRITES + 20; i++) {
      for (const [log, into] of [[plainAudit, plain], [audit, indexed]] as const) {
        const t0 = performance.now();
        await write(log, i);
        if (i >= 20) into.push(performance.now() - t0);
      }
    }
    const found = await search.search({ q: `bench ${WORDS[(WRITES + 19) % WORDS.length]}`, type: ['team'], limit: 5 });
    if (found.items[0]?.key !== 'bench-team') throw new Error('the last indexed write is not what the search finds');
    const writes = {
      plainP50: percentile(plain, 50),
      plainP95: percentile(plain, 95),
      indexedP50: percentile(indexed, 50),
      indexedP95: percentile(indexed, 95),
      addedP95: percentile(indexed, 95) - percentile(plain, 95),
    };
    return { backend, seedSeconds, queries, writes };
  } finally {
    await cleanup();
  }
}

export const run: Benchmark = async ({ log }) => {
  const env = readBenchEnv();
  const backends: Backend[] = ['sqlite'];
  const notes: string[] = [];
  if (env.databaseUrl) {
    const why = await postgresUnavailable(env.databaseUrl);
    if (why) notes.push(`PostgreSQL rows skipped: ${why}.`);
    else backends.push('postgres');
  }
  const results: BackendResult[] = [];
  for (const backend of backends) results.push(await measure(backend, env.databaseUrl, log));

  const ms = (n: number) => `${formatFixed(n, n < 10 ? 2 : 1)} ms`;
  const rows: string[][] = [];
  let met = true;
  for (const r of results) {
    for (const q of r.queries) {
      const ok = q.p95 < QUERY_P95_MS;
      met &&= ok;
      rows.push([backendLabel[r.backend], `Query: ${q.label}`, `p95 < ${QUERY_P95_MS} ms`, `${ms(q.p50)} / ${ms(q.p95)} (${q.matches} shown)`, ok ? 'yes' : '**no**']);
    }
    const ok = r.writes.addedP95 < WRITE_ADDED_P95_MS;
    met &&= ok;
    rows.push([
      backendLabel[r.backend],
      'Team update + audit entry: with the index following it vs without',
      `adds < ${WRITE_ADDED_P95_MS} ms at p95`,
      `${ms(r.writes.indexedP50)} / ${ms(r.writes.indexedP95)} vs ${ms(r.writes.plainP50)} / ${ms(r.writes.plainP95)}: adds ${ms(r.writes.addedP95)} at p95`,
      ok ? 'yes' : '**no**',
    ]);
  }
  for (const r of results) notes.push(`${backendLabel[r.backend]}: indexing the ${formatInt(DOCUMENTS)} documents took ${formatFixed(r.seedSeconds, 1)} s (${formatInt(DOCUMENTS / r.seedSeconds)} documents/s, 1,000 per transaction).`);

  return {
    title: 'Search: 100,000 documents',
    method: [
      `**Index.** ${formatInt(DOCUMENTS)} generated documents (the six types in turn, 40 teams, a title of 4 words and a body of about 70 words drawn from a vocabulary of ${WORDS.length} engineering words, so that a common word matches thousands of documents; a rare word in 1 document in 1,000; a unique token in each) written through the index's own writer, 1,000 per transaction, into a fresh SQLite file and a fresh PostgreSQL schema.`,
      `**Queries.** Each query below runs once to warm up, then ${QUERY_RUNS} times in a row through the function \`GET /api/v1/search\` calls (ranking, filters, the first page of 20 with snippets and highlights); p50 / p95 of those runs. HTTP around it adds what any route adds (see team-read).`,
      `**Writes.** ${WRITES} updates of one team's mission, each in its own transaction with its audit entry, alternating between an audit log that the search index follows (as in the server) and one it does not (the baseline, in the same process, on the same database with the ${formatInt(DOCUMENTS)} documents in the index); the figure is the difference of the two p95s.`,
    ],
    table: { headers: ['Database', 'Measure', 'Target', 'p50 / p95', 'Met'], rows },
    notes,
    targetsMet: met,
    data: { documents: DOCUMENTS, queryRuns: QUERY_RUNS, writes: WRITES, results },
  };
};
