/** Experiments: event ingestion through the HTTP batch API, analysis from rollups against the same
 *  analysis recomputed from raw events in SQL, and the statistics engine alone. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { benchEngine } from '@dayone/stats';
import type { Benchmark } from './lib/types';
import { call } from './lib/dayone';
import { TargetProcess } from './lib/target-process';
import { formatFixed, formatInt, median } from './lib/stats';

const TOKEN = 'bench-experiments-admin-token';
const INGEST_EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 200_000);
const BATCH = 10_000;
const USERS = Number(process.env.BENCH_EXPERIMENT_USERS ?? 1_000_000);
const VARIANTS = ['control', 'b', 'c'];
const METRICS = ['revenue', 'clicks', 'purchase'];

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The experiment's per-variant statistics straight from the raw events: what the rollups save. */
const RAW_SQL = `
  with per_user as (
    select e.metric, x.variant, e.user_id, sum(e.value) as v
    from experiment_events e join experiment_exposures x on x.experiment_key = e.experiment_key and x.user_id = e.user_id
    where e.experiment_key = ? and e.type = 'metric' and e.at >= x.first_at
    group by e.metric, x.variant, e.user_id)
  select metric, variant, count(*) as n, sum(v) as s, sum(v * v) as ss from per_user group by metric, variant`;

export const run: Benchmark = async ({ log, cpuProfileDir }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dayone-bench-exp-'));
  // Day One in its own process, as in the other benchmarks: the client's work (building and sending the
  // batches, reading the per-line results) never shares an event loop with the server it measures.
  const target = TargetProcess.start({ cpuProfileDir: cpuProfileDir && join(cpuProfileDir, 'experiments') });
  const server = { url: await target.startDayOne({ dataDir, adminToken: TOKEN }) };
  try {
    const api = <T>(method: string, path: string, body?: unknown) => call<T>(server.url, method, path, body, TOKEN);
    await api('POST', '/api/v1/teams', { name: 'growth' });
    const define = (key: string) =>
      api('POST', '/api/v1/experiments', {
        key,
        hypothesis: 'bench',
        team: 'growth',
        variants: VARIANTS.map((name, i) => ({ name, weight: i === 0 ? 0.34 : 0.33 })),
        metrics: METRICS.map((m) => ({ key: m, aggregation: m === 'purchase' ? 'any' : 'sum' })),
      });
    await define('ingest');
    await api('POST', '/api/v1/experiments/ingest/start');

    // 1. Ingestion: exposure then two metric events per user, in NDJSON batches of 10,000, one client.
    const bodies: string[] = [];
    let lines: string[] = [];
    for (let i = 0; lines.length < INGEST_EVENTS || lines.length % 3; i++) {
      lines.push(JSON.stringify({ type: 'exposure', id: `x${i}`, experiment: 'ingest', user: `u${i}` }));
      lines.push(JSON.stringify({ type: 'metric', id: `r${i}`, experiment: 'ingest', metric: 'revenue', user: `u${i}`, value: i % 17 }));
      lines.push(JSON.stringify({ type: 'metric', id: `c${i}`, experiment: 'ingest', metric: 'clicks', user: `u${i}`, value: 1 }));
    }
    for (let i = 0; i < lines.length; i += BATCH) bodies.push(lines.slice(i, i + BATCH).join('\n'));
    const total = lines.length;
    lines = [];
    log(`ingesting ${formatInt(total)} events in ${bodies.length} batches`);
    const batchMs: number[] = [];
    const started = performance.now();
    for (const body of bodies) {
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' }, body });
      const out = (await res.json()) as { accepted: number; rejected: number };
      if (res.status !== 200 || out.rejected) throw new Error(`ingestion answered ${res.status}, ${out.rejected} rejected`);
      batchMs.push(performance.now() - t0);
    }
    const eventsPerSecond = total / ((performance.now() - started) / 1000);

    // 2. Analysis: an experiment with USERS users written straight into the tables (the seeding is not
    //    what is measured), then the results endpoint (rollups) against the raw-event SQL.
    await define('analysis');
    await api('POST', '/api/v1/experiments/analysis/start');
    log(`seeding ${formatInt(USERS)} users × ${METRICS.length} metrics of raw events and rollups`);
    const db = new SQLite(join(dataDir, 'dayone.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 10000');
    const stats = new Map<string, { n: number; s: number; ss: number }>();
    const insertEvent = db.prepare("insert into experiment_events (id, experiment_key, type, metric, user_id, value, at) values (?, 'analysis', ?, ?, ?, ?, '2026-11-26T00:00:00.000Z')");
    const insertExposure = db.prepare("insert into experiment_exposures (experiment_key, user_id, variant, first_at) values ('analysis', ?, ?, '2026-11-26T00:00:00.000Z')");
    const seed = db.transaction((from: number, to: number) => {
      for (let u = from; u < to; u++) {
        const variant = u % 3;
        insertExposure.run(`u${u}`, variant);
        insertEvent.run(`ax${u}`, 'exposure', null, `u${u}`, null);
        METRICS.forEach((m, k) => {
          const value = m === 'purchase' ? (u % 7 === 0 ? 1 : 0) : ((u * (k + 3)) % 23) + variant;
          insertEvent.run(`a${k}-${u}`, 'metric', m, `u${u}`, value);
          const key = `${m}|${variant}`;
          const st = stats.get(key) ?? { n: 0, s: 0, ss: 0 };
          st.n++;
          st.s += value;
          st.ss += value * value;
          stats.set(key, st);
        });
      }
    });
    for (let u = 0; u < USERS; u += 50_000) seed(u, Math.min(USERS, u + 50_000));
    const update = db.prepare("update experiment_variant_stats set users = ?, sum = ?, sum_squares = ? where experiment_key = 'analysis' and metric = ? and variant = ?");
    for (const [key, st] of stats) {
      const [metric, variant] = key.split('|');
      update.run(st.n, st.s, st.ss, metric, Number(variant));
    }
    // Seeding blocked the event loop; let the server close keep-alive sockets that idled meanwhile
    // before the next request, or it may go out on a socket being closed.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rollupMs: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      const results = await api<{ users: number }>('GET', '/api/v1/experiments/analysis/results');
      rollupMs.push(performance.now() - t0);
      if (results.users !== USERS) throw new Error(`results count ${results.users} users, not ${USERS}`);
    }
    const raw = db.prepare(RAW_SQL);
    const rawMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      raw.all('analysis');
      rawMs.push(performance.now() - t0);
    }
    db.close();

    // 3. The engine alone, on this process's core.
    const engine = [benchEngine(100_000), benchEngine(100_000), benchEngine(100_000)];
    const enginePerSecond = median(engine);

    const rollupP50 = median(rollupMs);
    const rawP50 = median(rawMs);
    const sortedBatch = [...batchMs].sort((a, b) => a - b);
    const targets = { ingest: eventsPerSecond >= 100_000, analysis: rollupP50 < 100, engine: enginePerSecond >= 50_000 };
    return {
      title: 'Experiments: ingestion, analysis from rollups, and the statistics engine',
      method: [
        `Ingestion: ${formatInt(total)} events (an exposure and two metric events per user) sent as NDJSON batches of ${formatInt(BATCH)}, one after another, by one client (the benchmark process) to a Day One server on SQLite in its own process; each batch is answered after it is committed.`,
        `Analysis: an experiment with ${formatInt(USERS)} users, ${VARIANTS.length} variants and ${METRICS.length} metrics (raw events and rollups written straight into the tables to set up); \`GET /api/v1/experiments/{key}/results\` (reads the rollups) timed 30 times, against the same per-variant statistics recomputed from the raw events in SQL, timed 3 times, in the same run.`,
        'Engine: `benchEngine` from `@dayone/stats`, two-variant frequentist analyses on one core, median of three runs.',
      ],
      table: {
        headers: ['measure', 'result', 'target', 'met'],
        rows: [
          ['ingestion (events/s)', formatInt(eventsPerSecond), '≥ 100,000', targets.ingest ? 'yes' : 'no'],
          ['ingestion batch p50 / p99 (ms)', `${formatFixed(median(batchMs))} / ${formatFixed(percentile(sortedBatch, 99))}`, '', ''],
          ['analysis from rollups p50 (ms)', formatFixed(rollupP50), '< 100', targets.analysis ? 'yes' : 'no'],
          ['same from raw events in SQL p50 (ms)', formatFixed(rawP50), '', ''],
          ['raw SQL / rollups', `${formatFixed(rawP50 / rollupP50, 0)}×`, '', ''],
          ['engine (analyses/s)', formatInt(enginePerSecond), '≥ 50,000', targets.engine ? 'yes' : 'no'],
        ],
      },
      notes: [`Engine runs: ${engine.map(formatInt).join(', ')} analyses/s. Raw SQL runs: ${rawMs.map((m) => formatFixed(m)).join(', ')} ms.`],
      targetsMet: targets.ingest && targets.analysis && targets.engine,
      data: { total, eventsPerSecond, batchMs, users: USERS, rollupMs, rawMs, engine },
    };
  } finally {
    await target.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};
