/** gate: deploy gate checks, GET /api/v1/gates/{service}, which Day One answers from memory. Every
 *  pipeline asks before each deploy, so this is the hottest read there is.
 *
 *  1. Throughput against a bare node:http server answering the same JSON, at 50 connections, with the bearer
 *     token on both: Day One / bare ≥ 0.80, and Day One's p99 under that load < 5 ms.
 *  2. Broadcast: 1,000 subscribers on GET /api/v1/gates/stream?service=checkout and 1,000 on a bare node:http
 *     SSE broadcaster (the same client code); the time from the trigger (a pull or a resolve over the API;
 *     a trigger request to the bare one) to each subscriber reading the event. Day One's p99 / bare p99 ≤ 1.5. */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { backendLabel, call, dropSchema, fetchExact, pairedRatio, postgresUnavailable, roundRatios, side, startBaselines, type Backend, type Side } from './lib/dayone';
import { readBenchEnv, redactUrl, type BenchEnv } from './lib/env';
import { alternate, type LoadRun, type LoadSettings } from './lib/load';
import { subscribe, type Subscribers } from './lib/sse';
import { formatFixed, formatInt, median } from './lib/stats';
import { TargetProcess } from './lib/target-process';
import type { BenchContext, Benchmark } from './lib/types';

const TARGET_RATIO = 0.8;
const TARGET_P99_MS = 5;
const TARGET_BROADCAST_P99_RATIO = 1.5;
const CONNECTIONS = 50;
const TEAM = 'checkout-team';
const SERVICE = 'checkout';
const GATE_PATH = `/api/v1/gates/${SERVICE}`;

function count(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number >= 0, got "${raw}"`);
  return value;
}

interface BroadcastSide {
  /** Medians over the broadcasts of each one's percentiles of the time, in ms, from sending the trigger to a
   *  subscriber reading the event (one sample per subscriber). */
  p50Ms: number;
  p99Ms: number;
  /** The same percentiles over every subscriber of every broadcast pooled (the tail of the worst broadcasts). */
  pooledP50Ms: number;
  pooledP99Ms: number;
  maxMs: number;
  /** Medians over the broadcasts: the first subscriber, the last, and the trigger's own answer. */
  firstMs: number;
  lastMs: number;
  triggerAnsweredMs: number;
  /** p99 of each broadcast, in the order they ran. */
  perBroadcastP99Ms: number[];
}

interface Broadcast {
  subscribers: number;
  broadcasts: number;
  warmup: number;
  bare: BroadcastSide;
  dayone: BroadcastSide;
  /** Day One p99 / bare p99. */
  p99Ratio: number;
  targetMet: boolean;
}

interface BackendResult {
  backend: Backend;
  path: string;
  responseBytes: number;
  /** The headers Day One's answer carries besides those of the connection; the bare server sends them too. */
  answerHeaders: string[];
  bare: Side;
  /** A bare server sending the body with its content-type only. */
  bareMinimal: Side;
  dayone: Side;
  /** The median of the within-round ratios Day One / bare. */
  ratio: number;
  /** The same against the bare server without Day One's headers. */
  minimalRatio: number;
  roundRatios: number[];
  ratioMet: boolean;
  p99Met: boolean;
  broadcast?: Broadcast;
  runs: LoadRun[];
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : Number.NaN;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

function summariseBroadcast(trials: { latencies: number[]; triggerMs: number }[]): BroadcastSide {
  const all = trials.flatMap((t) => t.latencies).sort((a, b) => a - b);
  const sortedTrials = trials.map((t) => [...t.latencies].sort((a, b) => a - b));
  return {
    p50Ms: round3(median(sortedTrials.map((s) => percentile(s, 50)))),
    p99Ms: round3(median(sortedTrials.map((s) => percentile(s, 99)))),
    pooledP50Ms: round3(percentile(all, 50)),
    pooledP99Ms: round3(percentile(all, 99)),
    maxMs: round3(all[all.length - 1]),
    firstMs: round3(median(sortedTrials.map((s) => s[0]))),
    lastMs: round3(median(sortedTrials.map((s) => s[s.length - 1]))),
    triggerAnsweredMs: round3(median(trials.map((t) => t.triggerMs))),
    perBroadcastP99Ms: sortedTrials.map((s) => round3(percentile(s, 99))),
  };
}

const gateState = (data: string) => (JSON.parse(data) as { open: boolean }).open;

/** The broadcast half: both sets of subscribers stay connected while broadcasts alternate between them. */
async function measureBroadcast(
  dayone: string,
  adminToken: string,
  bareSse: string,
  firstPullId: string,
  subscribers: number,
  broadcasts: number,
  context: BenchContext,
): Promise<Broadcast> {
  const headers = { authorization: `Bearer ${adminToken}` };
  const warmup = 2;
  let dayoneSubs: Subscribers | undefined;
  let bareSubs: Subscribers | undefined;
  try {
    context.log(`  connecting ${subscribers} subscribers to each stream`);
    dayoneSubs = await subscribe(`${dayone}/api/v1/gates/stream?service=${SERVICE}`, headers, subscribers);
    bareSubs = await subscribe(`${bareSse}/api/v1/gates/stream?service=${SERVICE}`, headers, subscribers);

    // Both start closed (one pull); each broadcast flips the gate: Day One by resolving or pulling again.
    let pullId: string | null = firstPullId;
    let bareOpen = false;
    let dayoneOpen = false;
    const dayoneTrials: { latencies: number[]; triggerMs: number }[] = [];
    const bareTrials: { latencies: number[]; triggerMs: number }[] = [];

    const once = async (subs: Subscribers, expectOpen: boolean, trigger: () => Promise<void>) => {
      const arrived = subs.nextEvent('gate', (data) => gateState(data) === expectOpen, 30_000);
      const sent = performance.now();
      await trigger();
      const triggerMs = performance.now() - sent;
      const arrivals = await arrived;
      return { latencies: arrivals.map((a) => a - sent), triggerMs };
    };
    const dayoneTrigger = async () => {
      if (pullId) {
        await call(dayone, 'POST', `/api/v1/andon/pulls/${pullId}/resolve`, { note: 'bench: fixed' }, adminToken);
        pullId = null;
      } else {
        pullId = (await call<{ id: string }>(dayone, 'POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: SERVICE }, reason: 'bench', severity: 2 }, adminToken)).id;
      }
    };
    const bareTrigger = async () => {
      const response = await fetch(`${bareSse}/trigger`, { method: 'POST', headers });
      await response.arrayBuffer();
      if (response.status !== 204) throw new Error(`the bare broadcaster answered ${response.status}`);
    };

    for (let k = 0; k < warmup + broadcasts; k++) {
      dayoneOpen = !dayoneOpen;
      const d = await once(dayoneSubs, dayoneOpen, dayoneTrigger);
      await sleep(50);
      bareOpen = !bareOpen;
      const b = await once(bareSubs, bareOpen, bareTrigger);
      await sleep(50);
      if (k < warmup) continue;
      dayoneTrials.push(d);
      bareTrials.push(b);
      const p99 = (t: typeof d) => formatFixed(percentile([...t.latencies].sort((x, y) => x - y), 99));
      context.log(`  broadcast ${k - warmup + 1}/${broadcasts}: Day One p99 ${p99(d)} ms (trigger answered in ${formatFixed(d.triggerMs)} ms), bare p99 ${p99(b)} ms`);
    }
    // Leave the gate closed, as it was.
    if (!pullId) await dayoneTrigger();

    const bare = summariseBroadcast(bareTrials);
    const day = summariseBroadcast(dayoneTrials);
    const p99Ratio = day.p99Ms / bare.p99Ms;
    return { subscribers, broadcasts, warmup, bare, dayone: day, p99Ratio, targetMet: p99Ratio <= TARGET_BROADCAST_P99_RATIO };
  } finally {
    dayoneSubs?.close();
    bareSubs?.close();
  }
}

async function measureBackend(backend: Backend, env: BenchEnv, context: BenchContext, subscribers: number, broadcasts: number): Promise<BackendResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'dayone-bench-'));
  const adminToken = `bench_${randomBytes(24).toString('hex')}`;
  const schema = backend === 'postgres' ? `bench_${randomBytes(6).toString('hex')}` : undefined;
  const target = TargetProcess.start({ cpuProfileDir: context.cpuProfileDir && join(context.cpuProfileDir, `gate-${backend}`) });
  try {
    const dayone = await target.startDayOne({
      dataDir,
      adminToken,
      ...(backend === 'postgres' ? { databaseUrl: env.databaseUrl, databaseSchema: schema } : {}),
    });
    context.log(`${backendLabel[backend]}: Day One at ${dayone} (target process ${target.pid}${schema ? `, schema ${schema}` : ''}); seeding`);
    await call(dayone, 'POST', '/api/v1/teams', { name: TEAM }, adminToken);
    await call(dayone, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: SERVICE, owner: TEAM, lifecycle: 'production', type: 'service' }, adminToken);
    const headers = { authorization: `Bearer ${adminToken}`, accept: 'application/json' };
    const openGate = await fetchExact(dayone + GATE_PATH, headers);
    const pull = await call<{ id: string }>(dayone, 'POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: SERVICE }, reason: 'bench', severity: 2 }, adminToken);
    const fixture = await fetchExact(dayone + GATE_PATH, headers);
    const gate = JSON.parse(fixture.body) as { open: boolean; pulls: unknown[] };
    if (gate.open || gate.pulls.length !== 1) throw new Error(`the gate is not closed by one pull: ${fixture.body}`);

    const { bare, minimal } = await startBaselines(target, GATE_PATH, fixture, headers);

    const settings: LoadSettings = { connections: CONNECTIONS, pipelining: 1, durationS: env.durationS, warmupS: env.warmupS, headers };
    const runs = await alternate(
      [
        { name: 'bare', url: bare + GATE_PATH },
        { name: 'dayone', url: dayone + GATE_PATH },
        { name: 'bare-minimal', url: minimal + GATE_PATH },
      ],
      env.rounds,
      settings,
      context.log,
    );
    if ((await fetchExact(dayone + GATE_PATH, headers)).body !== fixture.body) throw new Error('Day One answered a different gate after the load');

    const bareSide = side(runs.filter((r) => r.target === 'bare'));
    const dayoneSide = side(runs.filter((r) => r.target === 'dayone'));
    const minimalSide = side(runs.filter((r) => r.target === 'bare-minimal'));
    const ratio = pairedRatio(runs, 'dayone', 'bare');
    const minimalRatio = pairedRatio(runs, 'dayone', 'bare-minimal');

    let broadcast: Broadcast | undefined;
    if (subscribers > 0 && broadcasts > 0) {
      const bareSse = await target.startBareSse(`/api/v1/gates/stream`, [fixture.body, openGate.body]);
      broadcast = await measureBroadcast(dayone, adminToken, bareSse, pull.id, subscribers, broadcasts, context);
    }

    return {
      backend,
      path: GATE_PATH,
      responseBytes: Buffer.byteLength(fixture.body),
      answerHeaders: fixture.headers.map(([name]) => name),
      bare: bareSide,
      bareMinimal: minimalSide,
      dayone: dayoneSide,
      ratio,
      minimalRatio,
      roundRatios: roundRatios(runs, 'dayone', 'bare'),
      ratioMet: ratio >= TARGET_RATIO,
      p99Met: dayoneSide.p99Ms < TARGET_P99_MS,
      broadcast,
      runs,
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

const ms = (n: number) => formatFixed(n, 2);
const yes = (met: boolean) => (met ? 'yes' : '**no**');

export const run: Benchmark = async (context) => {
  const env = readBenchEnv();
  const subscribers = count('BENCH_SUBSCRIBERS', 1000);
  const broadcasts = count('BENCH_BROADCASTS', 20);
  const results: BackendResult[] = [];
  const skipped: { backend: Backend; reason: string }[] = [];

  results.push(await measureBackend('sqlite', env, context, subscribers, broadcasts));
  if (!env.databaseUrl) skipped.push({ backend: 'postgres', reason: 'BENCH_DATABASE_URL=off' });
  else {
    const reason = await postgresUnavailable(env.databaseUrl);
    if (reason) skipped.push({ backend: 'postgres', reason: `cannot connect to ${redactUrl(env.databaseUrl)}: ${reason}` });
    else results.push(await measureBackend('postgres', env, context, subscribers, broadcasts));
  }

  const first = results[0];
  const rows: string[][] = [];
  for (const r of results) {
    const db = backendLabel[r.backend];
    rows.push([db, `Gate checks, req/s at ${CONNECTIONS} connections`, formatInt(r.bare.requestsPerSecond), formatInt(r.dayone.requestsPerSecond), formatFixed(r.ratio, 3), `≥ ${formatFixed(TARGET_RATIO)}`, yes(r.ratioMet)]);
    rows.push([db, `Gate checks, req/s against bare, body only`, formatInt(r.bareMinimal.requestsPerSecond), formatInt(r.dayone.requestsPerSecond), formatFixed(r.minimalRatio, 3), '', '']);
    rows.push([db, `Gate checks, p50 / p99 at ${CONNECTIONS} connections`, `${ms(r.bare.p50Ms)} / ${ms(r.bare.p99Ms)} ms`, `${ms(r.dayone.p50Ms)} / ${ms(r.dayone.p99Ms)} ms`, '', `p99 < ${TARGET_P99_MS} ms`, yes(r.p99Met)]);
    const b = r.broadcast;
    if (b) {
      rows.push([
        db,
        `Broadcast to ${formatInt(b.subscribers)} subscribers, p50 / p99`,
        `${ms(b.bare.p50Ms)} / ${ms(b.bare.p99Ms)} ms`,
        `${ms(b.dayone.p50Ms)} / ${ms(b.dayone.p99Ms)} ms`,
        `${formatFixed(b.p99Ratio, 2)}× (p99)`,
        `≤ ${formatFixed(TARGET_BROADCAST_P99_RATIO, 1)}×`,
        yes(b.targetMet),
      ]);
    }
  }
  const perDatabase = Math.round(3 * env.rounds * (env.durationS + env.warmupS));
  return {
    title: 'Deploy gate checks (GET /api/v1/gates/{service}) and gate broadcasts',
    method: [
      `**What.** A team, a Component \`${SERVICE}\` it owns, and one andon pull on it (severity 2), so \`GET ${first.path}\` answers a ` +
        `closed gate with one pull (${first.responseBytes} bytes of JSON). Day One answers it from memory; a **bare \`node:http\` server** ` +
        'answers the byte-identical body from a prepared buffer with the same headers as Day One\'s answer ' +
        `(${first.answerHeaders.map((h) => `\`${h}\``).join(', ')}), so both put the same answer on the wire and the ratio measures ` +
        "the server's work alone. A second bare server sends the body with its `content-type` only (**bare, body only**): what " +
        "those headers cost the client and the server is the gap between the two bare servers. All get the admin bearer token header.",
      `**Throughput.** autocannon, ${CONNECTIONS} connections, pipelining 1; each run is ${env.warmupS} s of unmeasured warm-up then ` +
        `${env.durationS} s measured; rounds alternate bare, Day One, bare body only, then the reverse, … (${env.rounds} of each, about ${perDatabase} s per database). ` +
        "req/s is the median over runs of autocannon's per-run mean; **Day One / bare** is the median of the ratios within each round " +
        "(runs back to back), so a busy minute of the machine weighs on both halves of a ratio; p50 and p99 are medians over runs of each run's percentiles of the " +
        'response time autocannon measured for every response (under full load, so queueing included). Targets: Day One / bare ' +
        `**≥ ${formatFixed(TARGET_RATIO)}**, Day One p99 **< ${TARGET_P99_MS} ms**. Any non-2xx, error or timeout fails the run.`,
      `**Broadcast.** ${formatInt(subscribers)} subscribers on \`GET /api/v1/gates/stream?service=${SERVICE}\` and ${formatInt(subscribers)} on a bare ` +
        '`node:http` broadcaster (it keeps the open responses in a set and writes the same frame to each), all connected at once, ' +
        'each its own `http.request` and socket in the benchmark process, parsed by the same code. A broadcast on Day One is ' +
        'resolving the pull or pulling the cord again over the API (so it includes the write, as a real pull does); on the bare ' +
        'server it is a POST /trigger that writes the next of the two captured gate JSONs (closed, open) to every subscriber. ' +
        'The latency is from sending the trigger to a subscriber reading the event; broadcasts alternate Day One, bare, … ' +
        `(${broadcasts} of each after 2 unmeasured, 50 ms apart). p50 / p99 are the medians over broadcasts of each broadcast's ` +
        'percentiles over its subscribers (the pooled percentiles over all broadcasts, which the slowest broadcasts dominate, are ' +
        'under the table). ' +
        `Target: Day One p99 / bare p99 **≤ ${formatFixed(TARGET_BROADCAST_P99_RATIO, 1)}**.`,
      '**Where.** For each database a fresh child process (`node --import tsx`) hosts Day One and the bare servers on 127.0.0.1, ' +
        'port 0; Day One on a new SQLite file' +
        (env.databaseUrl ? `, or a new PostgreSQL schema \`bench_<random>\` in ${redactUrl(env.databaseUrl)}, dropped afterwards` : '') +
        '. The load generator and the subscribers run in the benchmark process.',
    ],
    table: {
      headers: ['Database', 'Measure', 'bare', 'Day One', 'Day One / bare', 'Target', 'Met'],
      rows,
    },
    notes: [
      ...results.map(
        (r) =>
          `- ${backendLabel[r.backend]}, gate checks req/s of each run: bare ${r.bare.runs.map(formatInt).join(', ')}; Day One ${r.dayone.runs.map(formatInt).join(', ')}; bare, body only ${r.bareMinimal.runs.map(formatInt).join(', ')}; ` +
          `Day One / bare within each round ${r.roundRatios.map((x) => formatFixed(x, 3)).join(', ')}.` +
          (r.broadcast
            ? ` Broadcasts pooled over all subscribers of all broadcasts: p50 / p99 ${ms(r.broadcast.dayone.pooledP50Ms)} / ${ms(r.broadcast.dayone.pooledP99Ms)} ms on Day One, ` +
              `${ms(r.broadcast.bare.pooledP50Ms)} / ${ms(r.broadcast.bare.pooledP99Ms)} ms bare. Medians over broadcasts: first subscriber after ${ms(r.broadcast.dayone.firstMs)} ms on Day One and ${ms(r.broadcast.bare.firstMs)} ms bare, ` +
              `last after ${ms(r.broadcast.dayone.lastMs)} ms and ${ms(r.broadcast.bare.lastMs)} ms; the trigger was answered after ${ms(r.broadcast.dayone.triggerAnsweredMs)} ms ` +
              `(Day One: the pull or resolve) and ${ms(r.broadcast.bare.triggerAnsweredMs)} ms (bare).`
            : ''),
      ),
      ...(subscribers === 0 || broadcasts === 0 ? ['- Broadcast not measured (BENCH_SUBSCRIBERS or BENCH_BROADCASTS is 0).'] : []),
      ...skipped.map((s) => `- ${backendLabel[s.backend]} skipped: ${s.reason}.`),
      `- Load average when the measurements ended: ${loadavg().map((x) => formatFixed(x, 2)).join(' / ')} (1/5/15 min); the machine has other work on it, so compare with the load at the start.`,
    ],
    targetsMet: results.every((r) => r.ratioMet && r.p99Met && (r.broadcast?.targetMet ?? true)),
    data: {
      targets: { ratio: TARGET_RATIO, p99Ms: TARGET_P99_MS, broadcastP99Ratio: TARGET_BROADCAST_P99_RATIO },
      settings: { connections: CONNECTIONS, pipelining: 1, durationS: env.durationS, warmupS: env.warmupS, rounds: env.rounds, subscribers, broadcasts },
      results,
      skipped,
    },
  };
};
