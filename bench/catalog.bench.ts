/** catalog: the service catalog at the scale of a large organisation. 1,000 Groups (40 departments, 960
 *  teams), their Systems and 10,000 services (Components) with 50,000 dependency edges, generated from a
 *  fixed seed (bench/lib/catalog-org.ts) and imported as catalog-info.yaml over HTTP; then the reads people
 *  and tools make all day, timed over HTTP with randomly chosen names:
 *
 *  - import throughput ≥ 2,000 entities/s, with no document rejected;
 *  - a filtered, paginated list (by owner; by text) p99 < 50 ms;
 *  - one service with its relations p99 < 10 ms (and its req/s against a bare node:http server answering a
 *    service's JSON of the same size);
 *  - transitive dependents of a hub and of a leaf p99 < 50 ms;
 *  - the architecture health analysis (cycles and the rest), timed; no target. */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_ORG, generateOrganisation, groupDocuments, prng, serviceDocuments, serviceRef, systemDocuments, yamlFile, type Organisation,
} from './lib/catalog-org';
import { backendLabel, call, dropSchema, fetchExact, postgresUnavailable, roundRatios, side, type Backend, type Side } from './lib/dayone';
import { readBenchEnv, redactUrl, type BenchEnv } from './lib/env';
import { alternate, type LoadRun, type LoadSettings, type LoadTarget } from './lib/load';
import { formatFixed, formatInt, median } from './lib/stats';
import { TargetProcess } from './lib/target-process';
import type { BenchContext, Benchmark } from './lib/types';

const TARGET_IMPORT_PER_S = 2000;
const COMPONENT_CHUNK = 1000;
const HEALTH_RUNS = 7;

/** The reads measured, with their p99 targets (ms). */
const READS = {
  'list-owner': { label: 'List, filtered by owner (`?kind=Component&owner=<team>&limit=50`)', p99Ms: 50 },
  'list-text': { label: 'List, text search (`?q=svc-<nn>&limit=50`)', p99Ms: 50 },
  entity: { label: 'One service with its relations (`/entities/component/default/<name>`)', p99Ms: 10 },
  'dependents-hub': { label: 'Transitive dependents of a hub (`…/<hub>/dependents`)', p99Ms: 50 },
  'dependents-leaf': { label: 'Transitive dependents of a leaf (`…/<leaf>/dependents`)', p99Ms: 50 },
} as const;
type ReadName = keyof typeof READS;
const readNames = Object.keys(READS) as ReadName[];

interface ImportStep {
  what: string;
  documents: number;
  bytes: number;
  seconds: number;
  created: number;
}

interface ReadResult {
  name: ReadName;
  p99TargetMs: number;
  /** autocannon at 1 connection: one request at a time, no queueing. */
  sequential: Side;
  /** autocannon at BENCH_CONNECTIONS: throughput and latency with queueing. */
  loaded: Side;
  sequentialMet: boolean;
  loadedMet: boolean;
}

interface BackendResult {
  backend: Backend;
  import: { steps: ImportStep[]; documents: number; seconds: number; perSecond: number; componentsPerSecond: number; rejected: number; targetMet: boolean };
  reads: ReadResult[];
  entityBaseline: { path: string; responseBytes: number; bare: Side; ratio: number; roundRatios: number[] };
  health: { runsMs: number[]; p50Ms: number; responseBytes: number; entities: number; edges: number; cycles: number; findings: number };
  runs: LoadRun[];
}

/** The documents to import, in the requests they are sent in. */
function importPlan(org: Organisation): { what: string; documents: string[] }[] {
  const services = serviceDocuments(org);
  const plan = [
    { what: `${formatInt(org.spec.groups)} Groups`, documents: groupDocuments(org) },
    { what: `${formatInt(org.systems.length)} Systems`, documents: systemDocuments(org) },
  ];
  for (let start = 0; start < services.length; start += COMPONENT_CHUNK) {
    plan.push({ what: `Components ${start + 1}–${Math.min(services.length, start + COMPONENT_CHUNK)}`, documents: services.slice(start, start + COMPONENT_CHUNK) });
  }
  return plan;
}

interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
  results: { document: number; ref: string | null; status: string; reason?: string }[];
}

async function importAll(base: string, adminToken: string, org: Organisation, log: (line: string) => void): Promise<BackendResult['import']> {
  const steps: ImportStep[] = [];
  let rejected = 0;
  for (const { what, documents } of importPlan(org)) {
    const body = yamlFile(documents);
    const started = performance.now();
    const response = await fetch(`${base}/api/v1/catalog/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/yaml', authorization: `Bearer ${adminToken}` },
      body,
    });
    const text = await response.text();
    const seconds = (performance.now() - started) / 1000;
    if (!response.ok) throw new Error(`importing ${what} answered ${response.status}: ${text.slice(0, 2000)}`);
    const summary = JSON.parse(text) as ImportSummary;
    const bad = summary.results.filter((r) => r.status === 'rejected' || r.status === 'skipped');
    rejected += bad.length;
    if (bad.length || summary.created !== documents.length) {
      throw new Error(`importing ${what}: ${summary.created} of ${documents.length} created, ${summary.rejected} rejected, ${summary.skipped} skipped; first: ${JSON.stringify(bad.slice(0, 3))}`);
    }
    steps.push({ what, documents: documents.length, bytes: Buffer.byteLength(body), seconds, created: summary.created });
    log(`  imported ${what} in ${formatFixed(seconds, 2)} s (${formatInt(documents.length / seconds)}/s)`);
  }
  const documents = steps.reduce((n, s) => n + s.documents, 0);
  const seconds = steps.reduce((n, s) => n + s.seconds, 0);
  const componentSteps = steps.filter((s) => s.what.startsWith('Components'));
  const componentsPerSecond = componentSteps.reduce((n, s) => n + s.documents, 0) / componentSteps.reduce((n, s) => n + s.seconds, 0);
  return { steps, documents, seconds, perSecond: documents / seconds, componentsPerSecond, rejected, targetMet: documents / seconds >= TARGET_IMPORT_PER_S };
}

interface Health {
  entities: number;
  edges: number;
  cycles: string[][];
  findings: unknown[];
}

/** What was imported is what was generated: every edge, exactly the deliberate cycles, the relations of one service. */
async function verifyImport(base: string, adminToken: string, org: Organisation): Promise<void> {
  const health = await call<Health>(base, 'GET', '/api/v1/catalog/health', undefined, adminToken);
  const entities = org.systems.length + org.services.length;
  if (health.entities !== entities || health.edges !== org.edges) throw new Error(`health counts ${health.entities} entities and ${health.edges} edges, not ${entities} and ${org.edges}`);
  if (JSON.stringify(health.cycles) !== JSON.stringify(org.cycles)) throw new Error(`health finds cycles ${JSON.stringify(health.cycles)}, not the deliberate ${JSON.stringify(org.cycles)}`);
  const hub = org.hubs[0];
  const detail = await call<{ relations: { type: string; exists: boolean }[] }>(base, 'GET', `/api/v1/catalog/entities/component/default/${hub.name}`, undefined, adminToken);
  const incoming = detail.relations.filter((r) => r.type === 'dependencyOf').length;
  if (incoming !== hub.fanIn || detail.relations.some((r) => !r.exists)) throw new Error(`${hub.name} has ${incoming} dependents (want ${hub.fanIn}), or a dangling relation`);
}

/** A service of typical size for the bare baseline: median number of relations. */
function typicalService(org: Organisation): string {
  const relations = org.services.map((s, i) => ({ name: s.name, n: s.dependsOn.length + org.fanIn[i] }));
  const sorted = [...relations].sort((a, b) => a.n - b.n);
  return sorted[sorted.length >> 1].name;
}

/** Random request paths, from a PRNG of their own so every run asks for the same sequence. */
function pathMakers(org: Organisation): Record<ReadName, () => string> {
  const random = prng(org.spec.seed ^ 0x5eed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const owners = [...new Set(org.services.map((s) => s.team))].sort();
  const names = org.services.map((s) => s.name);
  const hubs = org.hubs.map((h) => h.name);
  const entity = (name: string) => `/api/v1/catalog/entities/component/default/${name}`;
  return {
    'list-owner': () => `/api/v1/catalog/entities?kind=Component&owner=${pick(owners)}&limit=50`,
    'list-text': () => `/api/v1/catalog/entities?q=svc-${10 + Math.floor(random() * 90)}&limit=50`,
    entity: () => entity(pick(names)),
    'dependents-hub': () => `${entity(pick(hubs))}/dependents`,
    'dependents-leaf': () => `${entity(pick(org.leaves))}/dependents`,
  };
}

async function measureBackend(backend: Backend, org: Organisation, env: BenchEnv, context: BenchContext): Promise<BackendResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'dayone-bench-'));
  const adminToken = `bench_${randomBytes(24).toString('hex')}`;
  const schema = backend === 'postgres' ? `bench_${randomBytes(6).toString('hex')}` : undefined;
  const target = TargetProcess.start({ cpuProfileDir: context.cpuProfileDir && join(context.cpuProfileDir, `catalog-${backend}`) });
  try {
    const dayone = await target.startDayOne({
      dataDir,
      adminToken,
      ...(backend === 'postgres' ? { databaseUrl: env.databaseUrl, databaseSchema: schema } : {}),
    });
    context.log(`${backendLabel[backend]}: Day One at ${dayone} (target process ${target.pid}${schema ? `, schema ${schema}` : ''}); importing`);
    const imported = await importAll(dayone, adminToken, org, context.log);
    await verifyImport(dayone, adminToken, org);

    const headers = { authorization: `Bearer ${adminToken}`, accept: 'application/json' };
    const baselinePath = `/api/v1/catalog/entities/component/default/${typicalService(org)}`;
    const fixture = await fetchExact(dayone + baselinePath, headers);
    const bare = await target.startBare(baselinePath, fixture.body, fixture.contentType);
    const echoed = await fetchExact(bare + baselinePath, headers);
    if (echoed.body !== fixture.body || echoed.contentType !== fixture.contentType) throw new Error('the bare server does not answer the same body and content-type');

    const paths = pathMakers(org);
    const dayoneTargets: LoadTarget[] = readNames.map((name) => {
      const path = paths[name];
      return { name, url: dayone + path(), path };
    });
    // The slowest reads (a hub's dependents) queue for seconds under load: a late answer is a latency, not an error.
    const settings: LoadSettings = { connections: env.connections, pipelining: 1, durationS: env.durationS, warmupS: env.warmupS, headers, timeoutS: 60 };
    // Idle again once two health checks in a row are answered at once (not behind requests left from the run).
    const settle = async () => {
      for (let quick = 0, tries = 0; quick < 2 && tries < 600; tries++) {
        const started = performance.now();
        await fetchExact(`${dayone}/healthz`, {});
        quick = performance.now() - started < 10 ? quick + 1 : 0;
      }
    };
    context.log(`  under load, ${env.connections} connections`);
    const loadedRuns = await alternate([{ name: 'bare', url: bare + baselinePath }, ...dayoneTargets], env.rounds, settings, context.log, settle);
    context.log('  one request at a time (1 connection)');
    const sequentialRuns = (await alternate(dayoneTargets, env.rounds, { ...settings, connections: 1 }, context.log, settle)).map((r) => ({ ...r, target: `${r.target}@1` }));

    const health: number[] = [];
    let healthBody = '';
    for (let i = 0; i < HEALTH_RUNS; i++) {
      const started = performance.now();
      healthBody = (await fetchExact(`${dayone}/api/v1/catalog/health`, headers)).body;
      health.push(Math.round((performance.now() - started) * 100) / 100);
    }
    const h = JSON.parse(healthBody) as Health;
    context.log(`  health: ${health.map((t) => formatFixed(t, 0)).join(', ')} ms`);

    const reads = readNames.map((name): ReadResult => {
      const sequential = side(sequentialRuns.filter((r) => r.target === `${name}@1`));
      const loaded = side(loadedRuns.filter((r) => r.target === name));
      return { name, p99TargetMs: READS[name].p99Ms, sequential, loaded, sequentialMet: sequential.p99Ms < READS[name].p99Ms, loadedMet: loaded.p99Ms < READS[name].p99Ms };
    });
    const bareSide = side(loadedRuns.filter((r) => r.target === 'bare'));
    const entityLoaded = reads.find((r) => r.name === 'entity')!.loaded;
    return {
      backend,
      import: imported,
      reads,
      entityBaseline: {
        path: baselinePath,
        responseBytes: Buffer.byteLength(fixture.body),
        bare: bareSide,
        ratio: entityLoaded.requestsPerSecond / bareSide.requestsPerSecond,
        roundRatios: roundRatios(loadedRuns, 'entity', 'bare'),
      },
      health: { runsMs: health, p50Ms: median(health), responseBytes: Buffer.byteLength(healthBody), entities: h.entities, edges: h.edges, cycles: h.cycles.length, findings: h.findings.length },
      runs: [...loadedRuns, ...sequentialRuns],
    };
  } finally {
    try {
      await target.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
      if (schema && env.databaseUrl) await dropSchema(env.databaseUrl, schema);
    }
  }
}

const ms = (n: number) => formatFixed(n, n < 10 ? 2 : 1);
const yes = (met: boolean) => (met ? 'yes' : '**no**');

export const run: Benchmark = async (context) => {
  const env = readBenchEnv();
  const started = performance.now();
  const org = generateOrganisation(DEFAULT_ORG);
  context.log(
    `organisation: ${org.spec.groups} Groups, ${org.systems.length} Systems, ${org.services.length} Components, ${org.edges} edges, ` +
      `${org.cycles.length} cycles, hubs ${org.hubs.map((h) => `${h.name} (${h.fanIn})`).join(', ')}; ${org.leaves.length} leaves (${Math.round(performance.now() - started)} ms)`,
  );
  const results: BackendResult[] = [];
  const skipped: { backend: Backend; reason: string }[] = [];

  results.push(await measureBackend('sqlite', org, env, context));
  if (!env.databaseUrl) skipped.push({ backend: 'postgres', reason: 'BENCH_DATABASE_URL=off' });
  else {
    const reason = await postgresUnavailable(env.databaseUrl);
    if (reason) skipped.push({ backend: 'postgres', reason: `cannot connect to ${redactUrl(env.databaseUrl)}: ${reason}` });
    else results.push(await measureBackend('postgres', org, env, context));
  }

  const n = env.connections;
  const rows: string[][] = [];
  for (const r of results) {
    const db = backendLabel[r.backend];
    rows.push([
      db,
      `Import ${formatInt(r.import.documents)} documents in ${r.import.steps.length} requests`,
      `≥ ${formatInt(TARGET_IMPORT_PER_S)} entities/s`,
      `${formatInt(r.import.perSecond)} entities/s (${formatFixed(r.import.seconds, 1)} s; Components alone ${formatInt(r.import.componentsPerSecond)}/s)`,
      '',
      yes(r.import.targetMet),
    ]);
    for (const read of r.reads) {
      rows.push([
        db,
        READS[read.name].label,
        `p99 < ${read.p99TargetMs} ms`,
        `${ms(read.sequential.p50Ms)} / ${ms(read.sequential.p99Ms)} ms (${formatInt(read.sequential.requestsPerSecond)} req/s)`,
        `${ms(read.loaded.p50Ms)} / ${ms(read.loaded.p99Ms)} ms (${formatInt(read.loaded.requestsPerSecond)} req/s)`,
        `${yes(read.sequentialMet)} / ${yes(read.loadedMet)}`,
      ]);
      if (read.name === 'entity') {
        const b = r.entityBaseline;
        rows.push([
          db,
          `One service: Day One / bare req/s (${formatInt(b.responseBytes)} bytes)`,
          'none (reported)',
          '',
          `${formatFixed(b.ratio, 3)} (bare ${formatInt(b.bare.requestsPerSecond)} req/s, ${ms(b.bare.p50Ms)} / ${ms(b.bare.p99Ms)} ms)`,
          '',
        ]);
      }
    }
    rows.push([
      db,
      'Architecture health (`GET /api/v1/catalog/health`, all cycles)',
      'none (reported)',
      `p50 ${ms(r.health.p50Ms)} ms over ${r.health.runsMs.length} runs`,
      '',
      '',
    ]);
  }

  const first = results[0];
  const perDatabase = Math.round(((1 + readNames.length) + readNames.length) * env.rounds * (env.durationS + env.warmupS));
  return {
    title: 'The service catalog at scale (10,000 services, 50,000 dependencies)',
    method: [
      `**Data.** A generated organisation, the same on every run (seed ${org.spec.seed}, \`bench/lib/catalog-org.ts\`): ${formatInt(org.spec.groups)} Backstage ` +
        `Groups (${org.departments.length} departments, ${formatInt(org.teams.length)} teams under them), ${formatInt(org.systems.length)} Systems owned by ` +
        `teams, and ${formatInt(org.services.length)} Components (type service, lifecycle production, owned by a team with skewed sizes, ` +
        `${formatInt(org.services.filter((s) => s.system).length)} of them in a System) with **${formatInt(org.edges)} \`spec.dependsOn\` edges**. ` +
        'Services sit in five layers (platform, shared domain, two product layers, edge) and depend on services below them: ' +
        `mostly the layer just below, often their own team's, sometimes anything lower; ${org.hubs.length} platform hubs draw Zipf-like ` +
        `popularity (the largest has ${formatInt(org.hubs[0].fanIn)} direct dependents, the smallest ${formatInt(org.hubs[org.hubs.length - 1].fanIn)}; ` +
        `no other service more than ${formatInt(Math.max(...org.fanIn.filter((_, i) => !org.hubs.some((h) => h.name === org.services[i].name))))}). ` +
        `The graph is acyclic except for ${org.cycles.length} deliberate cycles of 2 to 5 services (${org.cycles.map((c) => c.length).join(', ')}); ` +
        `${formatInt(org.leaves.length)} services have no dependents (leaves).`,
      `**Import.** \`POST /api/v1/catalog/import\` with \`Content-Type: application/yaml\` and the admin bearer token, one request at a time: ` +
        `all Groups, then all Systems, then the Components ${formatInt(COMPONENT_CHUNK)} documents per request ` +
        `(${formatInt(Math.round(first.import.steps[first.import.steps.length - 1].bytes / 1024))} KiB each). Throughput is all documents over the sum of the ` +
        `requests' wall-clock times. Every summary must report every document created and none rejected or skipped; then ` +
        'the health analysis must count every entity and edge and find exactly the deliberate cycles, and the biggest hub ' +
        `must show all its dependents. Target: **≥ ${formatInt(TARGET_IMPORT_PER_S)} entities/s**.`,
      `**Reads.** autocannon with the bearer token; every request asks for a different, randomly drawn name (seeded): ` +
        "a team that owns services, `svc-10` … `svc-99` as the text (each matches 111 services' names), any service, one of the " +
        `${org.hubs.length} hubs, one of the leaves. Each read is measured twice: **one request at a time** (1 connection, the service ` +
        `time of one request) and **under load** (${n} connections, so queueing included, with req/s). Each run is ${env.warmupS} s of ` +
        `unmeasured warm-up then ${env.durationS} s measured; ${env.rounds} rounds, each going through every read in turn ` +
        `(about ${Math.round(perDatabase / 60)} min per database). p50 / p99 are the medians over rounds of each run's percentiles of the ` +
        'response time autocannon measured for every response. A run with any non-2xx, error or timeout (60 s) fails the benchmark. ' +
        'Targets are p99 latencies of the issue; **Met** says whether the p99 one request at a time / under load is below it, and ' +
        "the section's verdict counts the one-at-a-time figures (with the import), not the ones under load.",
      `**Baseline.** A **bare \`node:http\` server** answering, from a prepared buffer, the exact JSON Day One gives for a service of median ` +
        `size (${first.entityBaseline.path.split('/').pop()}, ${formatInt(first.entityBaseline.responseBytes)} bytes), loaded in the same rounds ` +
        `as the reads under load; **Day One / bare** is the share of raw Node throughput the one-service read keeps (as in team-read).`,
      `**Health.** \`GET /api/v1/catalog/health\` (strongly connected components over the whole graph, hot spots, cross-team ` +
        `edges, ownership) ${HEALTH_RUNS} times in a row after the reads; p50 of the wall-clock times.`,
      '**Where.** For each database a fresh child process (`node --import tsx`) hosts Day One and the bare server on 127.0.0.1, ' +
        'port 0; Day One on a new SQLite file' +
        (env.databaseUrl ? `, or a new PostgreSQL schema \`bench_<random>\` in ${redactUrl(env.databaseUrl)}, dropped afterwards` : '') +
        '. autocannon runs in the benchmark process.',
    ],
    table: {
      headers: ['Database', 'Measure', 'Target', 'One at a time: p50 / p99', `Under load (${n} connections)`, 'Met (one at a time / under load)'],
      rows,
    },
    notes: [
      ...results.map(
        (r) =>
          `- ${backendLabel[r.backend]} import: ${r.import.steps.map((s) => `${s.what} ${formatFixed(s.seconds, 2)} s`).join('; ')}. ` +
          `Health runs: ${r.health.runsMs.map((t) => formatFixed(t, 0)).join(', ')} ms (${formatInt(r.health.responseBytes)} bytes, ${formatInt(r.health.findings)} findings, ${r.health.cycles} cycles). ` +
          `One service, Day One / bare within each round: ${r.entityBaseline.roundRatios.map((x) => formatFixed(x, 3)).join(', ')}.`,
      ),
      ...skipped.map((s) => `- ${backendLabel[s.backend]} skipped: ${s.reason}.`),
      `- Load average when the measurements ended: ${loadavg().map((x) => formatFixed(x, 2)).join(' / ')} (1/5/15 min); the machine has other work on it, so compare with the load at the start.`,
    ],
    targetsMet: results.every((r) => r.import.targetMet && r.reads.every((read) => read.sequentialMet)),
    data: {
      organisation: {
        spec: org.spec,
        systems: org.systems.length,
        componentsInSystems: org.services.filter((s) => s.system).length,
        edges: org.edges,
        hubs: org.hubs,
        leaves: org.leaves.length,
        cycles: org.cycles,
      },
      targets: { importPerSecond: TARGET_IMPORT_PER_S, p99Ms: Object.fromEntries(readNames.map((name) => [name, READS[name].p99Ms])) },
      settings: { connections: n, pipelining: 1, durationS: env.durationS, warmupS: env.warmupS, rounds: env.rounds, componentChunk: COMPONENT_CHUNK, healthRuns: HEALTH_RUNS },
      results,
      skipped,
    },
  };
};
